/**
 * The reading of a tab made whole, in the extension page: each frame's selection read by the one
 * selection rule (lib/page/selection.ts), with the label the page showed beside it; what the page
 * rules found; each frame's page and title values (read in the page: read-frame.ts); the values in
 * each frame's address. Best first: selection, page rule, page, address, title.
 */
import { CandidateList, mergeReadings } from './candidates';
import { readFrame } from './read-frame';
import { valuesFromSelection } from './selection';
import type { FrameReading, PageReading, ReadPageInput } from './types';
import { valuesInUrl } from './url-values';
import { labelOfValue } from './value-labels';

export const NOTHING_READ: PageReading = { serviceOrder: [], lrn: [] };

/** The frames' readings (the top frame first) and the page rules' values, as one ranked reading. */
export function rankReadings(
  frames: readonly FrameReading[],
  byRules: PageReading = NOTHING_READ,
): PageReading {
  const selected = new CandidateList();
  const inAddresses = new CandidateList();
  for (const frame of frames) {
    if (frame.selection) {
      const { serviceOrder = '', lrn = '' } = valuesFromSelection(
        frame.selection.text,
        frame.selection.label,
      );
      selected.add({ field: 'serviceOrder', value: serviceOrder }, 'selection');
      selected.add({ field: 'lrn', value: lrn }, 'selection');
    }
    inAddresses.addAll(valuesInUrl(frame.url), 'url');
  }
  return mergeReadings([selected.reading, byRules, ...frames, inAddresses.reading]);
}

/**
 * One document read whole, without page rules, as the page reader, the selection's label and the
 * extension page read a tab together.
 */
export function readPage(input: ReadPageInput): PageReading {
  const frame = readFrame(input);
  const label = frame.selection && input.selectionNode ? labelOfValue(input.selectionNode)?.text : undefined;
  return rankReadings([
    label && frame.selection ? { ...frame, selection: { ...frame.selection, label } } : frame,
  ]);
}
