/** Values written right after their label in running text: "Service order: 777", "SO-777", "LRN 24NL…". */
import { labelsIn } from './labels';
import type { Field } from './types';
import { valueFor } from './values';

export interface TextValue {
  field: Field;
  value: string;
  label: string;
}

/** The separator and the value token right after a label: "SO-777", "Order no. 777", "LRN: 24NL…". */
const VALUE_AFTER_LABEL = /^(\s*[:#=]?\s*|-)([A-Za-z0-9][A-Za-z0-9/-]*)/;
/** A token that goes on as a decimal, a date or a time ("12.450,00", "28.11.2024", "14:27"). */
const NUMBER_GOES_ON = /^[.,:]\d/;

export function valuesInText(text: string): TextValue[] {
  const found: TextValue[] = [];
  for (const { field, label, end } of labelsIn(text)) {
    const after = text.slice(end, end + 64);
    const match = VALUE_AFTER_LABEL.exec(after);
    if (!match || NUMBER_GOES_ON.test(after.slice(match[0].length))) continue;
    const [, separator, token = ''] = match;
    // "SO-2024-0042" is one number; "SO-777" and "SO 777" are number 777 (the value format decides).
    const written = label === 'SO' && separator === '-' ? `SO-${token}` : token;
    const value = valueFor(field, written);
    if (value) found.push({ field, value, label });
  }
  return found;
}
