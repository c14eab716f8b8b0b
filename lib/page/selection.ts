/**
 * The text the user selected: the one reading of it, for the right-click menu, the selection
 * shortcut and the page reader alike.
 */
import { valuesInText } from './inline-text';
import { fieldOfLabel } from './labels';
import { cleanText, lrnValue, serviceOrderValue, valueFor } from './values';

/** A bare value with an LRN's usual start, the year and a country code ("24NL…", "BE24…"). */
const LRN_START = /^(?:\d{2}[A-Z]{2}|[A-Z]{2}\d{2})[A-Z0-9]{4,}$/i;
/** A label naming an MRN (Movement Reference Number): "MRN", "Movement ref.", "Bewegungsreferenznummer". */
const MRN_LABEL = /\bmrn\b|movement[\s-]*ref|bewegungsref|r[ée]f[ée]rence\s*(?:du|de)\s*mouvement/i;
/** Quotes and punctuation a selection picks up at its ends: “777”, (777), 777. */
const AROUND = /^[\s"'“”‘’«»()[\]{}.,;:!?]+|[\s"'“”‘’«»()[\]{}.,;:!?]+$/g;

export interface SelectionValues {
  serviceOrder?: string;
  lrn?: string;
}

/**
 * "Service order: 777", "SO 777", "SO-777" → service order 777; "LRN 24NL…" → LRN. A bare value
 * is what the label beside it on the page (`labelBeside`, when known) names; beside an MRN's label
 * it is nothing of ours. Otherwise a bare value is a service order number, unless it starts as an
 * LRN usually does.
 */
export function valuesFromSelection(text: string, labelBeside?: string): SelectionValues {
  const selection = cleanText(text);
  if (!selection) return {};
  const labelled = [...valuesInText(selection)];
  if (labelled.length > 0) {
    const serviceOrder = labelled.find((found) => found.field === 'serviceOrder')?.value;
    const lrn = labelled.find((found) => found.field === 'lrn')?.value;
    return { ...(serviceOrder && { serviceOrder }), ...(lrn && { lrn }) };
  }
  const bare = selection.replace(AROUND, '');
  const named = labelBeside ? fieldOfLabel(cleanText(labelBeside))?.field : undefined;
  if (named) {
    const value = valueFor(named, bare);
    return value ? { [named]: value } : {};
  }
  // An MRN's 18 characters may fail its check (some national ones do): beside its label it is an MRN.
  if (labelBeside && MRN_LABEL.test(labelBeside)) return {};
  const lrn = LRN_START.test(bare) ? lrnValue(bare) : '';
  if (lrn) return { lrn };
  const serviceOrder = serviceOrderValue(bare);
  return serviceOrder ? { serviceOrder } : {};
}
