/**
 * Finds the service order number and the LRN on an operational screen. Pure DOM reading: no
 * browser extension API, never changes the page, and treats everything it reads as text.
 */

export interface PageValues {
  serviceOrder?: string;
  lrn?: string;
}

const SERVICE_ORDER_LABEL = /^(service\s*order|service\s*order\s*(no|number|nr)\.?|so)\s*:?$/i;
const LRN_LABEL = /^(lrn|local\s+reference\s+number)\s*:?$/i;
const SERVICE_ORDER_VALUE = /^[A-Za-z0-9][A-Za-z0-9\-/.]{0,63}$/;
const LRN_VALUE = /^[A-Za-z0-9]{1,22}$/;
const MAX_LENGTH = 64;

export function readPageValues(document: Document): PageValues {
  const values: PageValues = {};
  const serviceOrder =
    fromDataAttribute(document, 'data-service-order') ?? fromLabelledValue(document, SERVICE_ORDER_LABEL);
  if (serviceOrder && SERVICE_ORDER_VALUE.test(serviceOrder)) values.serviceOrder = serviceOrder;
  const lrn = fromDataAttribute(document, 'data-lrn') ?? fromLabelledValue(document, LRN_LABEL);
  if (lrn && LRN_VALUE.test(lrn)) values.lrn = lrn.toUpperCase();
  return values;
}

/**
 * Page text is data: control characters stripped, white space folded. Text longer than any value
 * we take is dropped whole rather than cut into something that would pass for a value.
 */
export function cleanText(text: string | null | undefined): string {
  const clean = (text ?? '')
    .slice(0, MAX_LENGTH * 4)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length <= MAX_LENGTH ? clean : '';
}

function fromDataAttribute(document: Document, attribute: string): string | undefined {
  const element = document.querySelector(`[${attribute}]`);
  if (!element) return undefined;
  return cleanText(element.getAttribute(attribute) || textOf(element)) || undefined;
}

/** `<dt>label</dt><dd>value</dd>`, `<th>label</th><td>value</td>`, `<label for>` + input. */
function fromLabelledValue(document: Document, label: RegExp): string | undefined {
  for (const term of document.querySelectorAll('dt, th, label')) {
    if (!label.test(cleanText(term.textContent))) continue;
    const target = term instanceof HTMLLabelElement ? term.control : valueCellOf(term);
    const value = target ? cleanText(textOf(target)) : '';
    if (value) return value;
  }
  return undefined;
}

/** The value beside a label: `<dd>` after `<dt>`, `<td>` after `<th>` (never another header). */
function valueCellOf(term: Element): Element | null {
  const next = term.nextElementSibling;
  if (term.tagName === 'DT') return next?.tagName === 'DD' ? next : null;
  return next?.tagName === 'TD' ? next : null;
}

function textOf(element: Element): string {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    return element.value;
  }
  return element.textContent ?? '';
}
