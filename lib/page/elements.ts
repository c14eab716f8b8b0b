/** Reading values out of elements without changing them: form controls give their value, others their text. */

export type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const FORM_CONTROLS = new Set(['input', 'select', 'textarea']);
/** Inputs whose value is not something typed or shown as text. */
const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'image',
  'file',
  'password',
]);
/** More child elements than this and an element holds a section, not a value. */
const MAX_VALUE_CHILDREN = 8;

export function isFormControl(element: Element): element is FormControl {
  return FORM_CONTROLS.has(element.localName);
}

/** What an element holds: a form control's value, else all of its text. */
export function textOfElement(element: Element): string {
  if (!isFormControl(element)) return element.textContent ?? '';
  const isNonTextInput =
    element.localName === 'input' && NON_TEXT_INPUTS.has((element as HTMLInputElement).type);
  return isNonTextInput ? '' : element.value;
}

/** The raw text an element shows as its value; "" for a container of many elements. */
export function valueOfElement(element: Element): string {
  if (isFormControl(element)) return textOfElement(element);
  if (element.childElementCount > MAX_VALUE_CHILDREN) return '';
  const text = element.textContent ?? '';
  if (text.trim()) return text;
  // An editable cell, or a wrapper around one input.
  const control = element.querySelector('input, select, textarea');
  return control ? textOfElement(control) : '';
}

export function valueOfNode(node: Node): string {
  return isElement(node) ? valueOfElement(node) : (node.textContent ?? '');
}

export function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** The node after `node` that shows something: skips white space, comments and line breaks. */
export function nextContentSibling(node: Node): Node | null {
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    if (isElement(next) ? next.localName !== 'br' : next.nodeType === 3 && next.textContent?.trim()) {
      return next;
    }
  }
  return null;
}

/** The last node inside `element`, so a tree walk can jump past all of it. */
export function lastDescendant(element: Node): Node {
  let last = element;
  while (last.lastChild) last = last.lastChild;
  return last;
}
