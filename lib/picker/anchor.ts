/**
 * What the page picker takes from the element the operator chose, and how a page rule finds it
 * again: by the label beside it, where the page shows one and reading by that label gives this very
 * value; else by a CSS selector made of stable names (no generated ids, as few positions as it can),
 * stepping into open shadow roots with `>>>`. Both are checked by reading them back, in this page.
 */
import { finder } from '@medv/finder';
import { valueOfElement } from '../page/elements';
import { valuesBesideLabels } from '../page/page-values';
import { MAX_RULE_LABEL_LENGTH } from '../page/rule-limits';
import { ruleLabel, selectSafely } from '../page/site-rules';
import type { Field } from '../page/types';
import { labelOfValue } from '../page/value-labels';
import { cleanText, valueFor } from '../page/values';

export type PickedAnchor = { label: string } | { selector: string };

export interface PickedValue {
  /** The element that shows the value: the one pointed at, or the nearest around it that does. */
  element: Element;
  value: string;
}

/** How far up from the pointed element a value may stand ("<td><span><b>7770142</b></span></td>"). */
const MAX_LEVELS_UP = 3;
/** A selector with more positions than this depends on the page's layout staying as it is. */
const MAX_POSITIONS = 3;

/**
 * The value of `field` that `element` shows, or the nearest element around it that shows one: up
 * from an icon beside it or through wrappers of the same text, never into a text made of siblings
 * ("<div><p>Hello</p><p>26NL…</p></div>" is no value "HELLO26NL…").
 */
export function pickedValue(element: Element, field: Field): PickedValue | undefined {
  let current: Element | null = element;
  for (let level = 0; current && level <= MAX_LEVELS_UP; level++) {
    const value = valueFor(field, valueOfElement(current));
    if (value) return { element: current, value };
    const text = cleanText(current.textContent);
    const parent: Element | null = current.parentElement;
    if (text && cleanText(parent?.textContent) !== text) return undefined;
    current = parent;
  }
  return undefined;
}

/** How a rule finds `value` in `element` again, checked by reading it back; undefined when nothing does. */
export function anchorFor(document: Document, picked: PickedValue, field: Field): PickedAnchor | undefined {
  const label = labelOfValue(picked.element)?.text;
  if (
    label &&
    label.length <= MAX_RULE_LABEL_LENGTH &&
    readsByLabel(document, field, label) === picked.value
  ) {
    return { label };
  }
  const selector = selectorOf(picked.element);
  if (!selector || selectSafely(document, selector) !== picked.element) return undefined;
  return { selector };
}

/** What a rule anchored on `label` reads on this page now. */
export function readsByLabel(document: Document, field: Field, label: string): string | undefined {
  return valuesBesideLabels(document, ruleLabel(field, label))[0]?.value;
}

/** A selector for `element`: within each shadow root it stands in, joined by `>>>`. */
function selectorOf(element: Element): string | undefined {
  const steps: string[] = [];
  try {
    for (let current: Element | undefined = element; current; ) {
      const root = current.getRootNode() as Document | ShadowRoot;
      // finder looks for a unique selector within `root` (a document or a shadow root).
      steps.unshift(finder(current, { root: root as unknown as Element, timeoutMs: 200 }));
      current = root.nodeType === 11 ? (root as ShadowRoot).host : undefined;
    }
  } catch {
    return undefined;
  }
  const selector = steps.join(' >>> ');
  return (selector.match(/:nth-/g)?.length ?? 0) <= MAX_POSITIONS ? selector : undefined;
}
