/**
 * Finds the service order number and the LRN on an operational screen. Pure DOM reading: no
 * browser extension API, never changes the page, and treats everything it reads as text.
 *
 * Best first: what the user selected, then site rules, then the page (data attributes, values
 * beside their labels, values in running text), then the URL, then the title. The site rules'
 * values are finished by lib/read-tab.ts, which runs their regexes outside the page.
 */
import { CandidateList, type FoundValue } from './candidates';
import { valuesInText } from './inline-text';
import { valuesOnPage } from './page-values';
import { valuesFromSelection } from './selection';
import { findByRules } from './site-rules';
import type { FrameReading, PageReading, ReadPageInput } from './types';
import { valuesInUrl } from './url-values';
import { readWhenReady } from './wait';

/** How long a screen that shows nothing yet gets to render its values. */
const DEFAULT_TIMEOUT_MS = 1000;

export function readPage(input: ReadPageInput): FrameReading {
  return { ...builtInReading(input), ...findByRules(input.document, input.url, input.rules ?? []) };
}

/** Everything but the site rules, ranked. */
function builtInReading({ document, url, selection }: ReadPageInput): PageReading {
  const candidates = new CandidateList();
  candidates.addAll(inSelection(selection), 'selection');
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

function* inTitle(title: string): Generator<FoundValue> {
  for (const { field, value, label } of valuesInText(title)) yield { field, value, context: label };
}

/**
 * Reads the page; if it shows no value yet, reads again as the page changes until a value appears
 * or `timeoutMs` (default 1000) passes, and resolves with that reading. Only the built-in reading
 * is waited for (a rule's regex is run later, elsewhere); the rules are applied to the page then.
 */
export async function readPageWhenReady(
  input: ReadPageInput,
  options: { timeoutMs?: number } = {},
): Promise<FrameReading> {
  const reading = await readWhenReady(
    input.document,
    () => builtInReading(input),
    hasValues,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  return { ...reading, ...findByRules(input.document, input.url, input.rules ?? []) };
}

function hasValues(reading: PageReading): boolean {
  return reading.serviceOrder.length > 0 || reading.lrn.length > 0;
}
