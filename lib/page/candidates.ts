/** Collects candidates best first: one entry per value (the first, best, source wins), 8 at most. */
import type { Candidate, Field, GridRow, PageReading, ValueSource } from './types';

export const MAX_CANDIDATES = 8;

/** A value found by one way of reading, before it is ranked by its source. */
export interface FoundValue {
  field: Field;
  value: string;
  context?: string;
  row?: GridRow;
}

export class CandidateList {
  readonly reading: PageReading = { serviceOrder: [], lrn: [] };

  add(found: FoundValue, source: ValueSource): void {
    const candidates = this.reading[found.field];
    if (!found.value || candidates.length >= MAX_CANDIDATES) return;
    if (candidates.some((candidate) => candidate.value === found.value)) return;
    const candidate: Candidate = { value: found.value, source };
    if (found.context) candidate.context = found.context;
    if (found.row !== undefined) candidate.row = found.row;
    candidates.push(candidate);
  }

  addAll(found: Iterable<FoundValue>, source: ValueSource): void {
    for (const value of found) this.add(value, source);
  }
}

/** Best source first, as readPage ranks them. */
export const SOURCE_ORDER: readonly ValueSource[] = ['selection', 'site-rule', 'page', 'url', 'title'];

/** Several readings (the frames of a tab; the menu's selection and the page) as one, best first. */
export function mergeReadings(readings: readonly PageReading[]): PageReading {
  const merged = new CandidateList();
  for (const source of SOURCE_ORDER) {
    for (const reading of readings) {
      for (const field of ['serviceOrder', 'lrn'] as const) {
        for (const candidate of reading[field]) {
          if (candidate.source === source) merged.add({ field, ...candidate }, source);
        }
      }
    }
  }
  return merged.reading;
}
