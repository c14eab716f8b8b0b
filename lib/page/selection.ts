/** The text the user selected, read as the right-click menu sees it. */
import { valuesInText } from './inline-text';
import { cleanText, lrnValue, serviceOrderValue } from './values';

/** A bare value with an LRN's usual start, the year and a country code ("24NL…", "BE24…"). */
const LRN_START = /^(?:\d{2}[A-Z]{2}|[A-Z]{2}\d{2})[A-Z0-9]{4,}$/i;

/**
 * "Service order: 777", "SO 777", "SO-777" → service order 777; "LRN 24NL…" → LRN. A bare value
 * is a service order number, unless it starts as an LRN usually does.
 */
export function valuesFromSelection(text: string): { serviceOrder?: string; lrn?: string } {
  const selection = cleanText(text);
  if (!selection) return {};
  const labelled = [...valuesInText(selection)];
  if (labelled.length > 0) {
    const serviceOrder = labelled.find((found) => found.field === 'serviceOrder')?.value;
    const lrn = labelled.find((found) => found.field === 'lrn')?.value;
    return { ...(serviceOrder && { serviceOrder }), ...(lrn && { lrn }) };
  }
  const lrn = LRN_START.test(selection) ? lrnValue(selection) : '';
  if (lrn) return { lrn };
  const serviceOrder = serviceOrderValue(selection);
  return serviceOrder ? { serviceOrder } : {};
}
