/**
 * "Already reported": the newest item in the history for the service order or the LRN on the page.
 * Exact on the normalised value (case, spaces and dashes aside), so that "SO 777" never matches 7770.
 */
import type { HistoryEntry } from './history';

/** A value as the history and the page are compared: upper case, without spaces, dashes or dots. */
export function normalisedValue(value: string | undefined): string {
  return (value ?? '').replace(/[\s.\-/]+/g, '').toUpperCase();
}

export interface AlreadyReported {
  entry: HistoryEntry;
  /** Which value matched, for the line to name it. */
  field: 'serviceOrder' | 'lrn';
  value: string;
}

/**
 * The newest entry (the history is newest first) whose service order or LRN is one on the page.
 * One pass over the history, a string comparison per entry: a full history of 500 takes well under
 * a millisecond.
 */
export function findAlreadyReported(
  history: readonly HistoryEntry[],
  page: { serviceOrder?: string | undefined; lrn?: string | undefined },
): AlreadyReported | undefined {
  const serviceOrder = normalisedValue(page.serviceOrder);
  const lrn = normalisedValue(page.lrn);
  if (!serviceOrder && !lrn) return undefined;
  for (const entry of history) {
    if (serviceOrder && normalisedValue(entry.orderID) === serviceOrder) {
      return { entry, field: 'serviceOrder', value: entry.orderID };
    }
    if (lrn && normalisedValue(entry.lrn) === lrn) return { entry, field: 'lrn', value: entry.lrn ?? '' };
  }
  return undefined;
}
