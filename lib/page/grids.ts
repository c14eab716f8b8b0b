/**
 * Grids (an HTML table or an ARIA grid) whose column header names the field: the value is that
 * column's cell in the selected row, in the only row, or, with several rows and none selected, in
 * each of the first rows in turn.
 */
import { type FoundValue, MAX_CANDIDATES } from './candidates';
import { valueOfElement } from './elements';
import { fieldOfLabel, type LabelMatch } from './labels';
import type { GridRow } from './types';
import { cleanText, valueFor } from './values';

const GRID = 'table, [role="grid"], [role="treegrid"], [role="table"]';
const ROW = 'tr, [role="row"]';
/**
 * Rows marked as chosen: aria-selected, a "selected"/"active"/"highlight" class, a ticked checkbox.
 * One selector each for tables and ARIA grids: every selector in a list costs a pass over the grid.
 */
const MARKED =
  ':is([aria-selected="true"],[class*="select"],[class*="activ"],[class*="highlight"],[class*="current"])';
const SELECTED_IN_TABLE = `tr${MARKED}, input:checked`;
const SELECTED_IN_ARIA_GRID = `[role="row"]${MARKED}, [role="gridcell"][aria-selected="true"], input:checked`;
/** Whole class words only: "selected", "row-selected", "is-active"; not "unselected", "inactive". */
const SELECTED_CLASS = /(?:^|[\s_-])(?:selected|active|highlight(?:ed)?|current)(?:$|[\s_-])/i;
/** Rows looked at for values when none is selected: enough to fill the candidates, bounded. */
const MAX_ROWS_READ = MAX_CANDIDATES * 4;

export function gridOf(cell: Element): Element | null {
  return cell.closest(GRID);
}

/** A cell that heads a column rather than a row: `<thead>`, scope=col, a row of headers only. */
export function isColumnHeader(cell: Element): boolean {
  const role = cell.getAttribute('role');
  if (role === 'columnheader' || role === 'rowheader') return role === 'columnheader';
  if (cell.localName !== 'th') return false;
  const scope = cell.getAttribute('scope');
  if (scope === 'col' || scope === 'row') return scope === 'col';
  const row = cell.parentElement;
  return row?.parentElement?.localName === 'thead' || !row?.querySelector('td');
}

/** Whether `cell` sits in the first row of its grid, where a header row of plain cells would be. */
export function isInFirstRow(cell: Element, grid: Element): boolean {
  const row = cell.closest(ROW);
  return row !== null && row === grid.querySelector(ROW);
}

/**
 * The values under every header of `headerRow` that names a field (by `labelOf`). A row holding
 * the operator's selection (`selected`) is the row they mean.
 */
export function valuesInGrid(
  grid: Element,
  headerRow: Element,
  labelOf: (text: string) => LabelMatch | undefined = fieldOfLabel,
  selected?: Node,
): FoundValue[] {
  const found: FoundValue[] = [];
  const headers = cellsOf(headerRow);
  let rows: { row: Element; hint: GridRow | undefined }[] | undefined;
  headers.forEach((header, column) => {
    const label = labelOf(cleanText(header.textContent));
    if (!label || label.partial) return;
    rows ??= rowsToRead(grid, headerRow, selected);
    for (const { row, hint } of rows) {
      const cell = cellUnder(header, column, row);
      const value = cell ? valueFor(label.field, valueOfElement(cell)) : '';
      if (value) {
        found.push({
          field: label.field,
          value,
          context: label.label,
          ...(hint === undefined ? {} : { row: hint }),
        });
      }
    }
  });
  return found;
}

/** The row of the selection; the selected rows; else the only row; else the first rows, each in turn. */
function rowsToRead(
  grid: Element,
  headerRow: Element,
  selection: Node | undefined,
): { row: Element; hint: GridRow | undefined }[] {
  const selectionRow =
    selection && (isElementNode(selection) ? selection : selection.parentElement)?.closest(ROW);
  const selected = selectedRows(grid, headerRow);
  if (selectionRow && selectionRow !== headerRow && isRowOf(grid, selectionRow))
    selected.unshift(selectionRow);
  if (selected.length > 0) return [...new Set(selected)].map((row) => ({ row, hint: 'selected' as const }));
  const rows = bodyRows(grid, headerRow);
  if (rows.length === 1) return rows.map((row) => ({ row, hint: undefined }));
  return rows.map((row, index) => ({ row, hint: index + 1 }));
}

function selectedRows(grid: Element, headerRow: Element): Element[] {
  const rows = new Set<Element>();
  const selector = grid.localName === 'table' ? SELECTED_IN_TABLE : SELECTED_IN_ARIA_GRID;
  for (const marked of grid.querySelectorAll(selector)) {
    const row = marked.closest(ROW);
    if (!row || row === headerRow || gridOf(row) !== grid) continue;
    if (marked.localName === 'input' && (marked as HTMLInputElement).type !== 'checkbox') continue;
    // A class that merely contains "select" ("unselected") does not count; the attribute does.
    const byClass = marked === row && row.getAttribute('aria-selected') !== 'true';
    if (byClass && !SELECTED_CLASS.test(row.getAttribute('class') ?? '')) continue;
    rows.add(row);
  }
  for (const row of slottedRows(grid)) {
    const marked =
      row.getAttribute('aria-selected') === 'true' ||
      SELECTED_CLASS.test(row.getAttribute('class') ?? '') ||
      row.querySelector('[aria-selected="true"], input[type="checkbox"]:checked') !== null;
    if (marked) rows.add(row);
  }
  const focused = (grid.getRootNode() as Document | ShadowRoot).activeElement?.closest(ROW);
  if (focused && focused !== headerRow && gridOf(focused) === grid) rows.add(focused);
  return [...rows].slice(0, MAX_CANDIDATES);
}

/** The rows below the header, at most enough to fill the candidates. */
function bodyRows(grid: Element, headerRow: Element): Element[] {
  const rows: Element[] = [];
  const own = grid.localName === 'table' ? (grid as HTMLTableElement).rows : grid.querySelectorAll(ROW);
  const slotted = slottedRows(grid);
  for (let index = 0; index < own.length + slotted.length && rows.length < MAX_ROWS_READ; index++) {
    const row = index < own.length ? own[index] : slotted[index - own.length];
    if (!row || row === headerRow || !isBodyRow(row)) continue;
    rows.push(row);
  }
  return rows;
}

/**
 * Rows a web component's grid shows through its slots: they stand in the page's own tree, placed
 * into the grid of the component's shadow root. None for a grid outside a shadow root.
 */
function slottedRows(grid: Element): Element[] {
  if (grid.getRootNode().nodeType !== 11) return [];
  const rows: Element[] = [];
  for (const slot of grid.querySelectorAll('slot')) {
    for (const placed of slot.assignedElements({ flatten: true })) {
      if (placed.matches(ROW)) rows.push(placed);
      else rows.push(...placed.querySelectorAll(ROW));
    }
  }
  return rows;
}

function isRowOf(grid: Element, row: Element): boolean {
  return gridOf(row) === grid || slottedRows(grid).includes(row);
}

function isElementNode(node: Node): node is Element {
  return node.nodeType === 1;
}

function isBodyRow(row: Element): boolean {
  const section = row.parentElement?.localName;
  if (section === 'thead' || section === 'tfoot') return false;
  return row.querySelector('td, [role="gridcell"], [role="cell"]') !== null;
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.localName === 'tr' ? (row as HTMLTableRowElement).cells : row.children);
}

/** The cell of `row` under `header`: by aria-colindex when the grid numbers its columns, else by position. */
function cellUnder(header: Element, column: number, row: Element): Element | undefined {
  const columnIndex = header.getAttribute('aria-colindex');
  if (columnIndex && /^\d+$/.test(columnIndex)) {
    return row.querySelector(`[aria-colindex="${columnIndex}"]`) ?? undefined;
  }
  return cellsOf(row)[column];
}
