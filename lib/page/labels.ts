/**
 * The labels operators' screens put beside a service order number or an LRN, in English, Dutch,
 * German and French, and the names (URL parameters, form fields, data attributes) that mean the same.
 */
import type { Field } from './types';

export const FIELDS: readonly Field[] = ['serviceOrder', 'lrn'];

const NUMBER_SUFFIX = String.raw`(?:[\s-]*(?:nummer|number|nr|no|id)(?![a-z])\.?|\s*#)`;

const SERVICE_ORDER_LABEL = [
  // "Service order", "Serviceorder", "Service order no./number/nr", "Serviceordernummer"
  String.raw`service[\s-]*order${NUMBER_SUFFIX}?`,
  // "Order no.", "Order number", "Ordernummer", "Ordernr." ("Order" alone says too little)
  `order${NUMBER_SUFFIX}`,
  // "Serviceauftrag", "Auftragsnummer", "Auftrag Nr."
  `serviceauftrag(?:s?${NUMBER_SUFFIX})?`,
  `auftrags?${NUMBER_SUFFIX}`,
  // "N° de commande", "Numéro de commande", "Bon de commande", "Ordre de service"
  String.raw`(?:n[°º]|no\.?|nr\.?|num[ée]ro)\s*de\s*(?:la\s*)?commande`,
  String.raw`bon\s*de\s*commande`,
  String.raw`ordre\s*de\s*service`,
  // Matched without regard to case here; readers keep only the upper-case "SO".
  String.raw`so(?:[\s-]*(?:nr|no)(?![a-z])\.?)?`,
].join('|');

const LRN_LABEL = [
  // "Local reference number", "Local Reference Number (LRN)", "Local ref. no."
  String.raw`local[\s-]*ref(?:erence|\.)?(?:[\s-]*(?:number|no|nr)(?![a-z])\.?)?(?:\s*\(lrn\))?`,
  String.raw`lokaal[\s-]*referentie[\s-]*(?:nummer|nr(?![a-z])\.?)`,
  String.raw`lokale[\s-]*referenz[\s-]*(?:nummer|nr(?![a-z])\.?)`,
  String.raw`r[ée]f[ée]rence[\s-]*locale`,
  'lrn',
].join('|');

/** Every label, each field in its own group; the end may not run on into a word ("Service orders"). */
const LABELS = new RegExp(
  String.raw`\b(?:(?<serviceOrder>${SERVICE_ORDER_LABEL})|(?<lrn>${LRN_LABEL}))(?![a-z0-9à-ÿ])`,
  'gi',
);

/** An order of another kind: "Purchase order no.", "Sales order", "Transport order", "Customer order number". */
const OTHER_ORDER_BEFORE =
  /(?:purchase|sales|transport|customer|client|work|production|delivery|return|transfer|call[\s-]*off|freight|shipping|repair|inkoop|verkoop|klant|kunden|bestell|achat|vente)[\s-]*$/i;

export interface LabelMatch {
  field: Field;
  /** The label as written on the page, e.g. "Ordernummer". */
  label: string;
  start: number;
  end: number;
}

/** The service order and LRN labels in `text`, in order. */
export function* labelsIn(text: string): Generator<LabelMatch> {
  LABELS.lastIndex = 0;
  for (let match = LABELS.exec(text); match; match = LABELS.exec(text)) {
    const field: Field = match.groups?.serviceOrder === undefined ? 'lrn' : 'serviceOrder';
    const label = match[0];
    const start = match.index;
    if (field === 'serviceOrder' && !isServiceOrderLabel(label, text.slice(Math.max(0, start - 24), start))) {
      continue;
    }
    yield { field, label, start, end: start + label.length };
  }
}

/** Prose says "so"; screens say "SO". And another kind of order is not a service order. */
function isServiceOrderLabel(label: string, before: string): boolean {
  if (/^so/i.test(label) && !label.startsWith('SO')) return false;
  return !OTHER_ORDER_BEFORE.test(before);
}

/** Around a label that stands alone: "Service order:", "* LRN", "Service order (SO)". */
const LONE_LABEL_BEFORE = /^[\s*•]*$/;
const LONE_LABEL_AFTER = /^\s*(?:\((?:so|lrn)\))?\s*[:#*]?\s*$/i;

/** The field whose label is the whole of `text` (a header cell, a `<dt>`, a `<label>`), if any. */
export function fieldOfLabel(text: string): LabelMatch | undefined {
  const [match] = labelsIn(text);
  if (!match || !LONE_LABEL_BEFORE.test(text.slice(0, match.start))) return undefined;
  return LONE_LABEL_AFTER.test(text.slice(match.end)) ? match : undefined;
}

/** Keys compared without case, `-` or `_`: "serviceOrder", "service_order", "service-order". */
export function normalizedKey(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

const SERVICE_ORDER_KEYS = ['serviceorder', 'serviceordernumber', 'serviceorderno', 'serviceorderid', 'so'];
const LRN_KEYS = ['lrn', 'localreferencenumber'];

/** URL query parameters: ?serviceOrder=, ?so=, ?orderId=, ?order=, ?lrn= */
export const URL_PARAMETER_KEYS: Record<Field, readonly string[]> = {
  serviceOrder: [...SERVICE_ORDER_KEYS, 'orderid', 'order', 'orderno', 'ordernumber'],
  lrn: LRN_KEYS,
};

/** Form field names: a bare "order" is as often a sort order, so it does not count here. */
export const FORM_FIELD_KEYS: Record<Field, readonly string[]> = {
  serviceOrder: [...SERVICE_ORDER_KEYS, 'orderid', 'orderno', 'ordernumber'],
  lrn: LRN_KEYS,
};

export const DATA_ATTRIBUTES: Record<Field, readonly string[]> = {
  serviceOrder: ['data-service-order', 'data-serviceorder', 'data-order-id', 'data-so'],
  lrn: ['data-lrn'],
};

/** URL paths: /service-orders/777, /serviceorders/777, /orders/777, /so/777 */
export const URL_PATH = /(?:^|\/)(service-?orders?|orders|so)\/([^/?#]+)/i;

/** One cheap test per text node: could it hold a label at all? */
export const LABEL_GATE = new RegExp(LABELS.source, 'i');
