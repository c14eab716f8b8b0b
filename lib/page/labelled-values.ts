/**
 * The value beside a label that stands alone: the control of a `<label>`, the `<dd>` of a `<dt>`,
 * the next cell of a row header, or whatever comes right after the label.
 */
import { composedParent, nextContentSibling, valueOfElement, valueOfNode } from './elements';
import { fieldOfLabel, type LabelMatch } from './labels';
import { cleanText } from './values';

/** Elements that hold a label as a whole: the label is their entire text. */
const LABEL_HOLDERS =
  'label, dt, th, td, [role="columnheader"], [role="rowheader"], [role="gridcell"], [role="cell"]';
/** How far up from a label to look for what follows it ("<div><span>Label</span></div><div>777</div>"). */
const MAX_LEVELS_UP = 3;

/** The element holding `labelText` as its whole text (a cell, a `<dt>`, a `<label>`), if any. */
export function labelHolderOf(
  labelText: Text,
  label: LabelMatch,
  labelOf: (text: string) => LabelMatch | undefined = fieldOfLabel,
): Element | null {
  const holder = labelText.parentElement?.closest(LABEL_HOLDERS);
  if (!holder) return null;
  const whole = labelOf(cleanText(holder.textContent));
  return whole && !whole.partial && whole.field === label.field ? holder : null;
}

/** The raw value a label names. Column headers are read as grids, not here. */
export function valueBesideLabel(labelText: Text, holder: Element | null): string {
  if (!holder) return valueAfter(labelText);
  switch (holder.localName) {
    case 'label': {
      const control = (holder as HTMLLabelElement).control;
      return control ? valueOfElement(control) : valueAfter(labelText);
    }
    case 'dt': {
      const next = holder.nextElementSibling;
      return next?.localName === 'dd' ? valueOfElement(next) : '';
    }
    default: {
      // A row header: the value is the next cell, never another header; else one in the same cell.
      const next = holder.nextElementSibling;
      const inNextCell = next && !isHeaderCell(next) ? valueOfElement(next) : '';
      const besideInCell = nextContentSibling(labelText);
      return inNextCell.trim() || !besideInCell ? inNextCell : valueOfNode(besideInCell);
    }
  }
}

function isHeaderCell(cell: Element): boolean {
  return cell.localName === 'th' || /header/.test(cell.getAttribute('role') ?? '');
}

/**
 * What comes right after the label, at its level or, when the label ends its element, after that
 * (out of a web component's shadow root, after its host).
 */
function valueAfter(labelText: Text): string {
  let current: Node | null = labelText;
  for (let level = 0; current && level <= MAX_LEVELS_UP; level++) {
    const next = nextContentSibling(current);
    if (next) return valueOfNode(next);
    current = composedParent(current);
    if (current?.nodeName === 'BODY') return '';
  }
  return '';
}
