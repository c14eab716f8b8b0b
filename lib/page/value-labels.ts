/**
 * The other way round from reading: the label a page shows beside a given value. It tells what a
 * selected value is (an LRN, or an MRN that only looks like one) and gives the page picker its
 * anchor. Pure DOM reading, in the page's own tree and its open shadow roots.
 */
import { composedParent, isElement, isFormControl } from './elements';
import { gridOf, isColumnHeader } from './grids';
import { cleanText } from './values';

export interface ValueLabel {
  /** The label as the page shows it, cleaned: "Customs LRN". */
  text: string;
  /** Over a grid's column (the value is in one of its rows), or beside the value. */
  kind: 'column' | 'beside';
}

const CELL = 'td, th, [role="gridcell"], [role="cell"], [role="rowheader"], [role="columnheader"]';
const ROW = 'tr, [role="row"]';
/** How far up from the value to look for what stands before it, as the reader looks after a label. */
const MAX_LEVELS_UP = 3;

/** The label of the value at `node` (a text node or an element), if the page shows one. */
export function labelOfValue(node: Node): ValueLabel | undefined {
  const element = isElement(node) ? node : node.parentElement;
  if (!element) return undefined;
  return (
    ofControl(element) ??
    inDefinitionList(element) ??
    overColumn(element) ??
    besideInRow(element) ??
    besideBefore(element)
  );
}

/** "<tr><td>Customs LRN</td><td>value</td></tr>": the cell before the value's, when it is a label. */
function besideInRow(element: Element): ValueLabel | undefined {
  const cell = element.closest(CELL);
  const before = cell?.previousElementSibling;
  if (!cell || !before?.matches(CELL)) return undefined;
  const text = labelText(before);
  // In a row of data the cell before holds a value, not a label.
  const isRowHeader =
    before.localName === 'th' || before.getAttribute('role') === 'rowheader' || !/\d/.test(text);
  return text && isRowHeader && !isColumnHeader(cell) ? { text, kind: 'beside' } : undefined;
}

function inDefinitionList(element: Element): ValueLabel | undefined {
  const definition = element.closest('dd');
  let term = definition?.previousElementSibling;
  while (term && term.localName === 'dd') term = term.previousElementSibling;
  const text = term?.localName === 'dt' ? labelText(term) : '';
  return text ? { text, kind: 'beside' } : undefined;
}

/** A control's `<label>` (around it or for it), the element its aria-labelledby names, or its aria-label. */
function ofControl(element: Element): ValueLabel | undefined {
  const control = isFormControl(element) ? element : null;
  const wrapping = element.closest('label');
  const label = control?.labels?.[0] ?? wrapping;
  const labelledBy = element.getAttribute('aria-labelledby')?.split(/\s+/)[0];
  const named = labelledBy
    ? (element.getRootNode() as Document | ShadowRoot).getElementById(labelledBy)
    : null;
  const text =
    (label && labelText(label)) ||
    (named && labelText(named)) ||
    cleanText(element.getAttribute('aria-label'));
  return text ? { text, kind: 'beside' } : undefined;
}

/** A grid's cell: its column's header. */
function overColumn(element: Element): ValueLabel | undefined {
  const cell = element.closest(CELL);
  const row = cell?.closest(ROW);
  const grid = cell && gridOf(cell);
  if (!cell || !row || !grid) return undefined;
  const column = Array.prototype.indexOf.call(row.children, cell);
  const headerRow = grid.querySelector(ROW);
  const header = headerRow && headerRow !== row ? headerRow.children[column] : undefined;
  const text = header && isColumnHeader(header) ? labelText(header) : '';
  return text ? { text, kind: 'column' } : undefined;
}

/** The text right before the value, at its level or up to a few levels up ("<span>LRN</span> 24NL…"). */
function besideBefore(element: Element): ValueLabel | undefined {
  let current: Node | null = element;
  for (let level = 0; current && level <= MAX_LEVELS_UP; level++) {
    const before = previousContentSibling(current);
    if (before) {
      const text = cleanText(before.textContent);
      return text && !/\d/.test(text) ? { text, kind: 'beside' } : undefined;
    }
    current = composedParent(current);
    if (!current || current.nodeName === 'BODY') return undefined;
  }
  return undefined;
}

function previousContentSibling(node: Node): Node | null {
  for (let before = node.previousSibling; before; before = before.previousSibling) {
    if (isElement(before) ? before.localName !== 'br' : before.nodeType === 3 && before.textContent?.trim()) {
      return before;
    }
  }
  return null;
}

/** An element's own text as a label: without the value of a control inside it, and short. */
function labelText(element: Element): string {
  return cleanText(element.textContent).replace(/[\s:*]+$/, '');
}
