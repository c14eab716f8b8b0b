/**
 * What a frame's page shows: the part of reading that needs its DOM, run in the page by the page
 * reader (entrypoints/page-reader.ts). Pure DOM reading: no browser extension API, never changes
 * the page, treats everything it reads as text. The extension page finishes the reading
 * (lib/page/read-page.ts): it reads the selection and the address, and ranks.
 */
import { CandidateList, type FoundValue } from './candidates';
import { valuesInText } from './inline-text';
import { valuesOnPage } from './page-values';
import type { FrameReading } from './types';
import { MAX_URL_LENGTH } from './url-limits';
import { cleanText } from './values';
import { readWhenReady } from './wait';

/** A page title longer than this is cut: it names the page, it does not hold its content. */
const MAX_TITLE_LENGTH = 300;

/** How long a screen that shows nothing yet gets to render its values. */
const DEFAULT_TIMEOUT_MS = 1000;

export interface FrameInput {
  document: Document;
  url: string;
  /** The text the user selected, if any. */
  selection?: string | undefined;
  /** Where the selection starts: the label beside it says what it is, its grid row is the one meant. */
  selectionNode?: Node | undefined;
}

/**
 * The page's values (beside labels, in grids, in running text) and the title's, ranked, and the
 * selection's text. The label beside the selection is read apart, only when there is a selection
 * (entrypoints/page-selection.ts), which keeps this reader small.
 */
export function readFrame({ document, url, selection, selectionNode }: FrameInput): FrameReading {
  const candidates = new CandidateList();
  const selected = cleanText(selection);
  candidates.addAll(valuesOnPage(document, selected ? selectionNode : undefined), 'page');
  candidates.addAll(inTitle(document.title), 'title');
  return {
    ...candidates.reading,
    url: url.slice(0, MAX_URL_LENGTH),
    // For the origin line and the preset's {pageTitle}: the top frame's is the one used.
    title: document.title.slice(0, MAX_TITLE_LENGTH),
    ...(selected && { selection: { text: selected } }),
  };
}

function* inTitle(title: string): Generator<FoundValue> {
  for (const { field, value, label } of valuesInText(title)) yield { field, value, context: label };
}

/**
 * Reads the frame; if its page shows no value yet, reads again as the page changes until a value
 * appears or `timeoutMs` (default 1000) passes, and resolves with that reading.
 */
export function readFrameWhenReady(
  input: FrameInput,
  options: { timeoutMs?: number } = {},
): Promise<FrameReading> {
  return readWhenReady(
    input.document,
    () => readFrame(input),
    (reading) => reading.serviceOrder.length > 0 || reading.lrn.length > 0,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
}
