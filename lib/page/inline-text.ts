/** Values written right after their label in running text: "Service order: 777", "SO-777", "LRN 24NL…". */
import { labelsIn } from './labels';
import type { Field } from './types';
import { valueFor } from './values';

export interface TextValue {
  field: Field;
  value: string;
  label: string;
}

/**
 * How much of one text is searched for labels: a screen's running text is far shorter, and a log
 * of megabytes in one text node then costs what a screen does.
 */
export const MAX_TEXT_SEARCHED = 32_768;
/** Labels looked at in one text: running text names a field a few times, a log on every line. */
const MAX_LABELS_PER_TEXT = 64;
/** The separator and the value token right after a label: "SO-777", "Order no. 777", "LRN: 24NL…". */
const VALUE_AFTER_LABEL = /^(\s*[:#=]?\s*|-)([A-Za-z0-9][A-Za-z0-9/-]*)/;
/** Enough text after a label for the separator and any value we take. */
const AFTER_LABEL_LENGTH = 64;
/** A token that goes on as a decimal, a date or a time ("12.450,00", "28.11.2024", "14:27"). */
const NUMBER_GOES_ON = /^[.,:]\d/;

/** The values in `text` in order, as the caller takes them (it stops when it has enough). */
export function* valuesInText(text: string): Generator<TextValue> {
  // Labels in the first part only; the value after the last of them may run on past it.
  let labels = 0;
  for (const { field, label, end } of labelsIn(text.slice(0, MAX_TEXT_SEARCHED))) {
    if (++labels > MAX_LABELS_PER_TEXT) return;
    const after = text.slice(end, end + AFTER_LABEL_LENGTH);
    const match = VALUE_AFTER_LABEL.exec(after);
    if (!match || NUMBER_GOES_ON.test(after.slice(match[0].length))) continue;
    const [, separator, token = ''] = match;
    // "SO-2024-0042" is one number; "SO-777" and "SO 777" are number 777 (the value format decides).
    const written = label === 'SO' && separator === '-' ? `SO-${token}` : token;
    const value = valueFor(field, written);
    if (value) yield { field, value, label };
  }
}
