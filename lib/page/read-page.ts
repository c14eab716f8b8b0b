/**
 * Finds the service order number and the LRN on an operational screen. Pure DOM reading: no
 * browser extension API, never changes the page, and treats everything it reads as text.
 *
 * Best first: what the user selected, then site rules, then the page (data attributes, values
 * beside their labels, values in running text), then the URL, then the title.
 */
import { CandidateList, type FoundValue } from './candidates';
import { valuesInText } from './inline-text';
import { valuesOnPage } from './page-values';
import { valuesFromSelection } from './selection';
import { valuesFromRules } from './site-rules';
import type { PageReading, ReadPageInput } from './types';
import { valuesInUrl } from './url-values';
import { readWhenReady } from './wait';

/** How long a screen that shows nothing yet gets to render its values. */
const DEFAULT_TIMEOUT_MS = 1000;

export function readPage(input: ReadPageInput): PageReading {
  const { document, url, selection, rules = [] } = input;
  const candidates = new CandidateList();
  candidates.addAll(inSelection(selection), 'selection');
  candidates.addAll(valuesFromRules(document, url, rules), 'site-rule');
  candidates.addAll(valuesOnPage(document), 'page');
  candidates.addAll(valuesInUrl(url), 'url');
  candidates.addAll(inTitle(document.title), 'title');
  return candidates.reading;
}

function inSelection(selection: string | undefined): FoundValue[] {
  const { serviceOrder = '', lrn = '' } = selection ? valuesFromSelection(selection) : {};
  return [
    { field: 'serviceOrder', value: serviceOrder },
    { field: 'lrn', value: lrn },
  ];
}

function inTitle(title: string): FoundValue[] {
  return valuesInText(title).map(({ field, value, label }) => ({ field, value, context: label }));
}

/**
 * Reads the page; if it shows no value yet, reads again as the page changes until a value appears
 * or `timeoutMs` (default 1000) passes, and resolves with that reading.
 */
export function readPageWhenReady(
  input: ReadPageInput,
  options: { timeoutMs?: number } = {},
): Promise<PageReading> {
  return readWhenReady(
    input.document,
    () => readPage(input),
    hasValues,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
}

function hasValues(reading: PageReading): boolean {
  return reading.serviceOrder.length > 0 || reading.lrn.length > 0;
}
