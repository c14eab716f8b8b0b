/**
 * The values a page shows beside their labels: one walk over its text nodes, plus a few queries for
 * the attributes that carry values (data-*) or labels (aria-label, form field names). Only
 * textContent and attributes are read: no layout, no styles, and the page is never changed.
 */
import { type FoundValue, MAX_CANDIDATES } from './candidates';
import { valueOfElement } from './elements';
import { gridOf, isColumnHeader, isInFirstRow, valuesInGrid } from './grids';
import { MAX_TEXT_SEARCHED, valuesInText } from './inline-text';
import { labelHolderOf, valueBesideLabel } from './labelled-values';
import {
  DATA_ATTRIBUTES,
  FIELDS,
  FORM_FIELD_KEYS,
  fieldOfLabel,
  LABEL_GATE,
  LABEL_WORDS,
  type LabelMatch,
  normalizedKey,
} from './labels';
import { openShadowRoots } from './shadow-roots';
import type { Field } from './types';
import { cleanText, valueFor } from './values';

/** Text that is not shown as page text. */
const NOT_PAGE_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'option', 'title']);
/** Bounds on the work for one page, far above what an operational screen needs. */
const MAX_TEXT_NODES = 1_000_000;
/** Texts that may hold a label ("so" in prose too), each scanned for a value after it. */
const MAX_LABELLED_TEXTS = 2_000;
/** Labels standing alone, each looked up beside (cells, inputs, grids): the costly kind. */
const MAX_LONE_LABELS = 500;
const MAX_ATTRIBUTE_ELEMENTS = 2_000;
/** Each aria-labelledby look-up is a pass over the page. */
const MAX_LABELLED_BY_QUERIES = 8;

/** Form controls, walked by tag: live collections cost far less than a selector over the page. */
const FORM_CONTROL_TAGS = ['input', 'select', 'textarea'];
const MAX_FORM_CONTROLS = 20_000;
/** More controls of a tag than this, and the selector engine picks out the named ones. */
const MANY_FORM_CONTROLS = 500;
/** Siblings enough for each of them to be tested whole before it is walked (walkTexts). */
const MANY_SIBLINGS = 8;
/** XPathResult.BOOLEAN_TYPE, written out: fewer bytes in the page reader than the global's name. */
const XPATH_BOOLEAN = 3;

/** A value with the node it was read at, to rank labelled values in the order the page shows them. */
interface PlacedValue extends FoundValue {
  at: Node;
}

interface PageValues {
  /** Values the page states outright in data attributes. */
  declared: FoundValue[];
  /** Values beside their label: cells, `<dd>`, inputs, grids, aria labels. */
  labelled: PlacedValue[];
  /**
   * Values after their label in running text: "Service order: 777", "SO-777". Only the first
   * MAX_CANDIDATES different values of each field: no later one could make the candidates.
   */
  inline: FoundValue[];
}

/** How labels are recognised: the built-in names, or the one label a page rule anchors on. */
export interface LabelReader {
  /** The label that `text` is as a whole (or, for a rule's label, begins), if any. */
  labelOf(text: string): LabelMatch | undefined;
  /** A cheap test of a text node's start: could it hold a label at all? */
  gate: { test(text: string): boolean };
  /**
   * The same of a whole subtree's text, where nodes run together ("LRN24NL…" from two cells): it
   * may say yes wrongly, never no wrongly.
   */
  subtreeGate: { test(text: string): boolean };
  /** Whether values in running text count ("Service order: 777" in a sentence). */
  runningText: boolean;
  /** A node the operator selected: a grid row holding it is the row they mean. */
  selected?: Node | undefined;
}

export const BUILT_IN_LABELS: LabelReader = {
  labelOf: fieldOfLabel,
  gate: LABEL_GATE,
  subtreeGate: LABEL_WORDS,
  runningText: true,
};

interface Budget {
  texts: number;
  loneLabels: number;
  labelledBy: number;
}

/**
 * Page values best first: declared in data attributes, then beside a label, then in running text.
 * Open shadow roots (web components) are read too when the page's own tree lacks a labelled value
 * for a field: finding them means a look at every element, which a plain screen is spared.
 */
export function valuesOnPage(document: Document, selected?: Node): FoundValue[] {
  const root = document.body ?? document.documentElement;
  if (!root) return [];
  const values: PageValues = { declared: [], labelled: [], inline: [] };
  const labels = { ...BUILT_IN_LABELS, selected };
  const budget = newBudget();
  readAttributes(root, values);
  readText(root, values, labels, budget);
  const labelled = inPageOrder(values.labelled.splice(0));
  const beside = [...values.declared, ...labelled];
  if (!FIELDS.every((field) => beside.some((value) => value.field === field))) {
    // Each shadow root's values in its own order, the roots in the order their hosts stand.
    for (const shadow of openShadowRoots(document)) {
      readAttributes(shadow, values);
      readText(shadow, values, labels, budget);
      labelled.push(...inPageOrder(values.labelled.splice(0)));
    }
  }
  return [...values.declared, ...labelled, ...values.inline];
}

/** The values beside one label, in the page and then its open shadow roots. */
export function valuesBesideLabels(document: Document, labels: LabelReader): FoundValue[] {
  const root = document.body ?? document.documentElement;
  if (!root) return [];
  const values: PageValues = { declared: [], labelled: [], inline: [] };
  const budget = newBudget();
  const labelled: PlacedValue[] = [];
  for (const scope of [root, ...openShadowRoots(document)]) {
    readText(scope, values, labels, budget);
    labelled.push(...inPageOrder(values.labelled.splice(0)));
  }
  return labelled;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** Values of one tree (the page's, or a shadow root's) in the order the tree shows them. */
function inPageOrder(values: PlacedValue[]): PlacedValue[] {
  return values.sort((first, second) =>
    first.at === second.at ? 0 : first.at.compareDocumentPosition(second.at) & FOLLOWING ? -1 : 1,
  );
}

function newBudget(): Budget {
  return { texts: MAX_LABELLED_TEXTS, loneLabels: MAX_LONE_LABELS, labelledBy: MAX_LABELLED_BY_QUERIES };
}

function readText(root: Element | ShadowRoot, values: PageValues, labels: LabelReader, budget: Budget): void {
  walkTexts(root, labels.subtreeGate, (node) => {
    if (budget.texts <= 0 || budget.loneLabels <= 0) return false;
    // The start of a text node of megabytes (a log) is all that is looked at.
    if (!labels.gate.test(node.data.slice(0, MAX_TEXT_SEARCHED))) return null;
    const parent = node.parentElement;
    if (!parent || NOT_PAGE_TEXT.has(parent.localName) || parent.closest('[hidden]')) return null;
    budget.texts--;
    const label = labels.labelOf(cleanText(node.data));
    if (!label) {
      if (labels.runningText) readRunningText(node.data, values);
      return null;
    }
    budget.loneLabels--;
    const holder = labelHolderOf(node, label, labels.labelOf);
    if (label.partial && !holder) return null;
    const labelElement = holder ?? parent;
    if (labelElement.id && budget.labelledBy-- > 0) readLabelledBy(labelElement, values, labels.labelOf);
    // A grid's rows are data, and may be thousands: once its header is read, the walk goes past it.
    const gridRead = readLoneLabel(node, label, holder, values, labels);
    // Labelled values rank in page order: later ones could not make the list any more.
    return isFull(values.labelled) ? false : gridRead;
  });
}

/**
 * Calls `visit` on the text nodes of `root` in page order, leaving out whole subtrees whose text
 * cannot hold a label: one native textContent per sizeable element spares a node-by-node walk of
 * what holds none (the script wrapping each node is what costs, the first time a page is read).
 * Only an element among many siblings (a panel of a list, a row of a grid) is tested so: their
 * texts together are their parent's once, where testing every level would copy the page's text
 * once per level, and a log of megabytes in one text node with it.
 * `visit` gives an element to walk past, or false to stop.
 */
function walkTexts(
  root: ParentNode,
  gate: LabelReader['subtreeGate'],
  visit: (text: Text) => Element | null | false,
): void {
  const pending: Node[] = [];
  /** For each pending node, whether its parent has many element children. */
  const amongMany: boolean[] = [];
  const pushChildren = (parent: ParentNode & Node) => {
    const many = parent.childElementCount >= MANY_SIBLINGS;
    // Many elements with only white space between them (a list's panels, a form's rows): the
    // elements alone are looked at. In the reader's own world, the script object made for each
    // node it touches is what costs most, the first time a page is read; white space holds no label.
    const elementsOnly = many && !holdsText(parent);
    for (
      let child = elementsOnly ? parent.lastElementChild : parent.lastChild;
      child;
      child = elementsOnly ? (child as Element).previousElementSibling : child.previousSibling
    ) {
      pending.push(child);
      amongMany.push(many);
    }
  };
  pushChildren(root as ParentNode & Node);
  let past: Element | null = null;
  for (let visited = 0; pending.length > 0 && visited < MAX_TEXT_NODES; visited++) {
    const node = pending.pop() as Node;
    const gated = amongMany.pop() as boolean;
    if (past?.contains(node)) continue;
    if (node.nodeType === 3) {
      const next = visit(node as Text);
      if (next === false) return;
      past = next ?? past;
    } else if (node.nodeType === 1 && !NOT_PAGE_TEXT.has((node as Element).localName)) {
      const element = node as Element;
      // Elements of a few children are cheaper walked than asked.
      if (gated && element.childElementCount > 2 && !gate.test(element.textContent ?? '')) continue;
      pushChildren(element);
    }
  }
}

/**
 * Whether `parent` has a text child that is more than white space (XML's: NBSP counts as text),
 * asked of the browser's XPath, which looks at its text children without a script object for each.
 * Where XPath is missing (happy-dom) or refuses, it says yes: every child is then looked at.
 */
function holdsText(parent: Node): boolean {
  // XPath takes no shadow root (a fragment) as its context: one is walked whole, without asking.
  if (parent.nodeType !== 1) return true;
  try {
    return (parent.ownerDocument as Document).evaluate(
      'text()[normalize-space()]',
      parent,
      null,
      XPATH_BOOLEAN,
      null,
    ).booleanValue;
  } catch {
    return true;
  }
}

/** The values after labels in `text`, until there are as many as the candidates take. */
function readRunningText(text: string, values: PageValues): void {
  for (const found of valuesInText(text)) {
    if (isFull(values.inline)) return;
    addInline(values.inline, found);
  }
}

/** Adds a value from running text unless it is there already or its field has all it can use. */
function addInline(inline: FoundValue[], found: FoundValue): void {
  let sameField = 0;
  for (const value of inline) {
    if (value.field !== found.field) continue;
    if (value.value === found.value) return;
    sameField++;
  }
  if (sameField < MAX_CANDIDATES) inline.push(found);
}

/** Whether `found` holds as many values of each field as the candidates can take. */
function isFull(found: readonly FoundValue[]): boolean {
  return FIELDS.every(
    (field) =>
      found.reduce((count, value) => (value.field === field ? count + 1 : count), 0) >= MAX_CANDIDATES,
  );
}

/** The value beside a label standing alone in its text; returns the grid when it was a grid's header. */
function readLoneLabel(
  node: Text,
  label: LabelMatch,
  holder: Element | null,
  values: PageValues,
  labels: LabelReader,
): Element | null {
  const grid = holder && gridOf(holder);
  if (holder && grid && isColumnHeader(holder)) return readGrid(grid, holder, values, labels);
  const value = valueFor(label.field, valueBesideLabel(node, holder));
  if (value) {
    values.labelled.push({ field: label.field, value, context: label.label, at: node });
    return null;
  }
  // A header row of plain cells, with nothing beside the label.
  return holder && grid && isInFirstRow(holder, grid) ? readGrid(grid, holder, values, labels) : null;
}

function readGrid(grid: Element, header: Element, values: PageValues, labels: LabelReader): Element {
  const headerRow = header.parentElement;
  if (headerRow) {
    for (const found of valuesInGrid(grid, headerRow, labels.labelOf, labels.selected)) {
      values.labelled.push({ ...found, at: header });
    }
  }
  return grid;
}

/**
 * One query per attribute: a selector list costs a pass over the page per selector anyway, and a
 * single `[data-…]` query is nearly free when no element has that attribute.
 */
function readAttributes(root: Element | ShadowRoot, values: PageValues): void {
  for (const field of FIELDS) {
    for (const attribute of DATA_ATTRIBUTES[field]) {
      for (const element of firstOf(root.querySelectorAll(`[${attribute}]`), MAX_ATTRIBUTE_ELEMENTS)) {
        readDataAttribute(field, attribute, element, values);
      }
    }
  }
  for (const element of firstOf(root.querySelectorAll('[aria-label]'), MAX_ATTRIBUTE_ELEMENTS)) {
    readAriaLabel(element.getAttribute('aria-label') ?? '', element, values);
  }
  for (const control of namedFormControls(root)) readFormFieldName(control, values);
}

/**
 * Form controls that have a name or an id, the only ones a name can tell the field of. Walked by
 * tag (live collections cost next to nothing); where a tag has many (a grid's row checkboxes), the
 * selector engine finds the named ones instead of a look at each.
 */
function* namedFormControls(root: Element | ShadowRoot): Generator<Element> {
  for (const tag of FORM_CONTROL_TAGS) {
    // A shadow root has no getElementsByTagName; its tree is small beside a page's.
    const all = 'getElementsByTagName' in root ? root.getElementsByTagName(tag) : root.querySelectorAll(tag);
    if (all.length <= MANY_FORM_CONTROLS) {
      yield* firstOf(all, all.length);
      continue;
    }
    yield* firstOf(root.querySelectorAll(`${tag}[name]`), MAX_FORM_CONTROLS);
    // Those with an id and no name: the others were read with their name.
    for (const control of firstOf(root.querySelectorAll(`${tag}[id]`), MAX_FORM_CONTROLS)) {
      if (!control.hasAttribute('name')) yield control;
    }
  }
}

function* firstOf<Item>(items: ArrayLike<Item>, limit: number): Generator<Item> {
  const count = Math.min(items.length, limit);
  for (let index = 0; index < count; index++) {
    const item = items[index];
    if (item) yield item;
  }
}

/** `data-service-order="777"`, or an empty `data-service-order` on the element showing 777. */
function readDataAttribute(field: Field, attribute: string, element: Element, values: PageValues): void {
  const declared = element.getAttribute(attribute) ?? '';
  const value = valueFor(field, declared || valueOfElement(element));
  if (value) values.declared.push({ field, value, context: attribute });
}

/** An element named "Service order" (aria-label, aria-labelledby) holds the value itself. */
function readAriaLabel(
  name: string,
  element: Element,
  values: PageValues,
  labelOf: LabelReader['labelOf'] = fieldOfLabel,
): void {
  const label = labelOf(cleanText(name));
  if (label?.partial) return;
  if (!label) {
    // aria-label="Service order 7770142"
    readRunningText(name, values);
    return;
  }
  const value = valueFor(label.field, valueOfElement(element));
  if (value) values.labelled.push({ field: label.field, value, context: label.label, at: element });
}

/** The elements a lone label names through aria-labelledby, found from the label's id (in its own tree). */
function readLabelledBy(labelElement: Element, values: PageValues, labelOf: LabelReader['labelOf']): void {
  const id = labelElement.id;
  const tree = labelElement.getRootNode() as Document | ShadowRoot;
  const named = tree.querySelectorAll(`[aria-labelledby~="${id.replace(/["\\]/g, '\\$&')}"]`);
  for (const element of firstOf(named, MAX_CANDIDATES)) {
    readAriaLabel(
      textOfElements(tree, element.getAttribute('aria-labelledby') ?? ''),
      element,
      values,
      labelOf,
    );
  }
}

function textOfElements(document: Document | ShadowRoot, ids: string): string {
  return ids
    .split(/\s+/)
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');
}

/** `<input name="serviceOrder">`, `<input id="lrn">`: the field's name says what it holds. */
function readFormFieldName(control: Element, values: PageValues): void {
  for (const name of [control.getAttribute('name'), control.getAttribute('id')]) {
    if (!name) continue;
    const key = normalizedKey(name);
    const field = FIELDS.find((candidate) => FORM_FIELD_KEYS[candidate].includes(key));
    if (!field) continue;
    const value = valueFor(field, valueOfElement(control));
    if (value) values.labelled.push({ field, value, context: name, at: control });
  }
}
