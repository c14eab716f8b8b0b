/**
 * Reading values out of elements without changing them: form controls give their value, others
 * their text, web components the text of their shadow root and of what their slots hold.
 */

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
  'hidden',
]);
/** More child elements than this and an element holds a section, not a value. */
const MAX_VALUE_CHILDREN = 8;
/** Nodes an element's composed text is made of, at most: a value is a few words. */
const MAX_COMPOSED_NODES = 64;
/** Never shown as text: a web component's styles, say. */
const NOT_SHOWN = new Set(['style', 'script', 'template', 'noscript']);
const CONTROL_SELECTOR = 'input, select, textarea';

export function isFormControl(element: Element): element is FormControl {
  return FORM_CONTROLS.has(element.localName);
}

/**
 * What an element holds: a form control's value (a list's chosen option as shown, when that is
 * one word, else its value), else all of its text.
 */
export function textOfElement(element: Element): string {
  if (!isFormControl(element)) return element.textContent ?? '';
  if (element.localName === 'select') {
    const shown = (element as HTMLSelectElement).selectedOptions[0]?.text.trim() ?? '';
    return shown && !/\s/.test(shown) ? shown : element.value;
  }
  const isNonTextInput =
    element.localName === 'input' && NON_TEXT_INPUTS.has((element as HTMLInputElement).type);
  return isNonTextInput ? '' : element.value;
}

/**
 * The raw text an element shows as its value; "" for a container of many elements. A control in
 * it ("<td><input readonly></td>", an input beside a Copy button) gives its value.
 */
export function valueOfElement(element: Element): string {
  if (isFormControl(element)) return textOfElement(element);
  if (element.childElementCount > MAX_VALUE_CHILDREN) return '';
  const control = element.childElementCount > 0 ? element.querySelector(CONTROL_SELECTOR) : null;
  const controlValue = control ? textOfElement(control) : '';
  if (controlValue.trim()) return controlValue;
  const text = element.textContent ?? '';
  // A web component shows its shadow root, and what it places in its slots.
  return text.trim() ? text : composedText(element);
}

/**
 * The text `element` shows, shadow roots and slots included: a host's shadow root stands for its
 * children, a slot for what is placed in it (else for its fallback), a control for its value.
 */
export function composedText(element: Element): string {
  let text = '';
  let budget = MAX_COMPOSED_NODES;
  const visit = (node: Node) => {
    if (budget-- <= 0) return;
    if (node.nodeType === 3) {
      text += (node as Text).data;
      return;
    }
    const shown = node as Element;
    if (node.nodeType === 1) {
      if (NOT_SHOWN.has(shown.localName)) return;
      // Elements side by side show apart: a value and its Copy button are two words.
      text += ' ';
      if (isFormControl(shown)) {
        text += `${textOfElement(shown)} `;
        return;
      }
    } else if (node.nodeType !== 11) {
      return;
    }
    const assigned = shown.localName === 'slot' ? (shown as HTMLSlotElement).assignedNodes() : [];
    const children = shown.shadowRoot ? [shown.shadowRoot] : assigned.length > 0 ? assigned : node.childNodes;
    for (const child of children) visit(child);
  };
  visit(element);
  return text;
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

/** The parent in the page as shown: the parent of a shadow root's top is its host. */
export function composedParent(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  return parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : (parent as Element);
}
