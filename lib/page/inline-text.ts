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
/** Small words a sentence puts between a name and its value, in English, Dutch, German, French. */
const CONNECTORS =
  "is|was|are|for|that|this|one|it|the|now|here|then|reads|ist|lautet|war|f[üu]r|die|der|das|diese[rs]?|est|[ée]tait|pour|cette|ce|c'est|voor|deze|dat|het|nu|hier";
/**
 * The value a sentence names after a few small words: "the LRN is 26NL…", "LRN for that one: 26NL…",
 * "het LRN is …". Taken only when its shape fits (MIN_IN_SENTENCE): prose names many numbers.
 */
const VALUE_IN_SENTENCE = new RegExp(
  String.raw`^(?:[\s:=,]+(?:${CONNECTORS})(?![\p{L}\d'])){1,4}[\s:=,]+([A-Za-z0-9][A-Za-z0-9/-]*)`,
  'iu',
);
/** In a sentence, a value is this long at least: "an order of 150 tonnes" names no service order. */
const MIN_IN_SENTENCE: Record<Field, number> = { serviceOrder: 5, lrn: 6 };

/** The values in `text` in order, as the caller takes them (it stops when it has enough). */
export function* valuesInText(text: string): Generator<TextValue> {
  // Labels in the first part only; the value after the last of them may run on past it.
  let labels = 0;
  for (const { field, label, end } of labelsIn(text.slice(0, MAX_TEXT_SEARCHED))) {
    if (++labels > MAX_LABELS_PER_TEXT) return;
    const after = text.slice(end, end + AFTER_LABEL_LENGTH);
    const value = valueRightAfter(field, label, after) || valueInSentence(field, after);
    if (value) yield { field, value, label };
  }
}

/** "Service order: 777", "SO-777", "LRN 24NL…": the token right after the label. */
function valueRightAfter(field: Field, label: string, after: string): string {
  const match = VALUE_AFTER_LABEL.exec(after);
  if (!match || NUMBER_GOES_ON.test(after.slice(match[0].length))) return '';
  const [, separator, token = ''] = match;
  // "SO-2024-0042" is one number; "SO-777" and "SO 777" are number 777 (the value format decides).
  return valueFor(field, label === 'SO' && separator === '-' ? `SO-${token}` : token);
}

function valueInSentence(field: Field, after: string): string {
  const match = VALUE_IN_SENTENCE.exec(after);
  const token = match?.[1] ?? '';
  if (!match || token.length < MIN_IN_SENTENCE[field] || NUMBER_GOES_ON.test(after.slice(match[0].length))) {
    return '';
  }
  return valueFor(field, token);
}
