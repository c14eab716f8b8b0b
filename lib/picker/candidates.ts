/**
 * The values the operator steps through with the arrow keys while picking: the elements that show
 * a value of the field, web components' open shadow roots included, in the order the page shows them.
 */
import { isFormControl } from '../page/elements';
import type { Field } from '../page/types';
import { type PickedValue, pickedValue } from './anchor';

/** More than a screen shows: the operator steps through them one at a time. */
const MAX_CANDIDATES = 200;
/** Bounds the walk over a huge page, as lib/page/shadow-roots.ts does. */
const MAX_NODES_LOOKED_AT = 300_000;
/** Never shown as text. */
const NOT_SHOWN = new Set(['script', 'style', 'template', 'noscript']);

/**
 * The values of `field` in `document`, in page order, each held by the smallest element that shows
 * it. `skip` (the picker's own UI) is not looked into.
 */
export function valueCandidates(document: Document, field: Field, skip?: Node): PickedValue[] {
  const found: PickedValue[] = [];
  let budget = MAX_NODES_LOOKED_AT;

  const consider = (element: Element) => {
    const picked = pickedValue(element, field);
    // Only an element that shows a value itself: from a label's text, pickedValue climbs to the row.
    if (picked?.element !== element || !isShown(element)) return;
    const same = found.filter((candidate) => candidate.value === picked.value);
    if (same.some((candidate) => element.contains(candidate.element))) return;
    // One value, reached from a cell's text and from its input: keep the element that holds just it.
    const outer = found.findIndex(
      (candidate) => candidate.value === picked.value && candidate.element.contains(element),
    );
    if (outer >= 0) found.splice(outer, 1);
    found.push(picked);
  };

  // A walk of its own rather than openShadowRoots(): a component's values belong where it stands.
  const visit = (root: Document | ShadowRoot) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node === skip || NOT_SHOWN.has((node as Element).localName)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (budget-- <= 0 || found.length >= MAX_CANDIDATES) return;
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.textContent?.trim() && node.parentElement) consider(node.parentElement);
        continue;
      }
      const element = node as Element;
      if (isFormControl(element)) consider(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return found;
}

/** Hidden values (a collapsed panel, a template copy) would be highlighted nowhere. */
function isShown(element: Element): boolean {
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}
