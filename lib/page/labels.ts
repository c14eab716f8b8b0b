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
  // "N° d'ordre de service", "Numéro d’ordre de service"
  String.raw`(?:n[°º]|no\.?|nr\.?|num[ée]ro)\s*d['’]\s*ordre\s*de\s*service`,
  // Matched without regard to case here; readers keep only the upper-case "SO".
  String.raw`so(?:[\s-]*(?:nr|no)(?![a-z])\.?)?`,
].join('|');

const LRN_LABEL = [
  // "Local reference number", "Local Reference Number (LRN)", "Local ref. no."
  String.raw`local[\s-]*ref(?:erence|\.)?(?:[\s-]*(?:number|no|nr)(?![a-z])\.?)?(?:\s*\(lrn\))?`,
  String.raw`lokaal[\s-]*referentie[\s-]*(?:nummer|nr(?![a-z])\.?)`,
  String.raw`lokale[\s-]*referenz[\s-]*(?:nummer|nr(?![a-z])\.?)`,
  String.raw`r[ée]f[ée]rence[\s-]*locale`,
  // "LRN", "LRN no.", "LRN-Nr.", "LRN-nummer"
  `lrn${NUMBER_SUFFIX}?`,
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
  /** A page rule's label the text only begins: its holder must show the whole of it. */
  partial?: boolean;
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

/**
 * Words around a label that make it name something else: "Service order date", "LRN / MRN",
 * "Previous LRN", "Customs LRN history". Compared with each word's start, without case.
 */
const OTHER_THING =
  /^(?:dat[eu]m?|time|tijd|zeit|heure|statu[st]|type|typ|mrn|movement|container|invoice|factu|rechnung|previous|prior|old|oude|vorige|parent|related|linked|original|booking|amount|bedrag|betrag|weight|gewicht|poids|count|aantal|qty|quantit|total|history|list|overview|details?|purchase|sales|customer|client|kunden|klant|bestell|achat|vente|transport|delivery|return)/i;
/** Before a specific name: a qualifier word or two ("Customs LRN", "Douane aangifte LRN"). */
const QUALIFIER_BEFORE = /^[\s*•]*(?:[\p{L}°º]+\.?\s+){0,2}$/u;
/** Between two names of the same field: "Ordernummer / Order no.", "Service order (SO)", "LRN no. / N° LRN". */
const BETWEEN_NAMES = /^[\s/|,()–-]*(?:(?:n[°º]|nr\.?|no\.?)\s*)?$/i;
/** After: a translation or abbreviation in brackets ("LRN (Bezugsnummer)"), then ":", "#" or "*". */
const AFTER_SPECIFIC = /^[\s)]*(?:\([\p{L}\s.'’-]{1,40}\))?[\s)]*[:#*]?\s*$/u;
const AFTER_GENERIC = /^[\s)]*[:#*]?\s*$/;
/** Generic names ("Order no.", "Auftragsnummer") stand for a service order only on their own. */
const SPECIFIC_LABEL = /service|ordre|lrn|lo[ck]a|r[ée]f/i;

/**
 * The field whose label is the whole of `text` (a header cell, a `<dt>`, a `<label>`), if any:
 * "Service order:", "* LRN", "Service order #", and, for a specific name, with a qualifier before
 * it ("Customs LRN") or a translation after it ("LRN (Bezugsnummer)"). Never when a word names
 * another thing ("Service order date", "LRN / MRN") or the text names both fields.
 */
export function fieldOfLabel(text: string): LabelMatch | undefined {
  const matches = [...labelsIn(text)];
  const first = matches[0];
  const last = matches.at(-1);
  if (!first || !last || matches.some((match) => match.field !== first.field)) return undefined;
  const specific = matches.some((match) => SPECIFIC_LABEL.test(match.label));
  const before = text.slice(0, first.start);
  const after = text.slice(last.end);
  const fits =
    (specific ? QUALIFIER_BEFORE : /^[\s*•]*$/).test(before) &&
    (specific ? AFTER_SPECIFIC : AFTER_GENERIC).test(after) &&
    matches.every((match, index) => {
      const next = matches[index + 1];
      return !next || BETWEEN_NAMES.test(text.slice(match.end, next.start));
    });
  if (!fits || (`${before} ${after}`.match(/\p{L}+/gu) ?? []).some((word) => OTHER_THING.test(word))) {
    return undefined;
  }
  // The label as the page writes it, for "where found": "Customs LRN", "LRN (Bezugsnummer)".
  return { ...first, label: text.replace(/^[\s*•]+|[\s:*•#]+$/g, '') };
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

/**
 * A word of some label, anywhere in a text, with no regard to where words end: what a subtree's
 * text must hold for any of its nodes to hold a label (its nodes' texts run together in it).
 */
export const LABEL_WORDS = {
  test: (text: string) =>
    /order|auftrag|commande|ordre|loca|lokaa?l|f[eé]rence|lrn/i.test(text) || text.includes('SO'),
};
