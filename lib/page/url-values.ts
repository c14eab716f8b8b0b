/** Values in the page's address: ?serviceOrder=777, ?lrn=…, /service-orders/777, also after "#/" routes. */
import type { FoundValue } from './candidates';
import { FIELDS, normalizedKey, URL_PARAMETER_KEYS, URL_PATH } from './labels';
import { MAX_URL_LENGTH } from './url-limits';
import { valueFor } from './values';

export function valuesInUrl(url: string): FoundValue[] {
  let address: URL;
  try {
    address = new URL(url.slice(0, MAX_URL_LENGTH));
  } catch {
    return [];
  }
  // Single-page screens route after the hash: "#/orders/777?lrn=…".
  const [hashPath = '', hashQuery = ''] = address.hash.startsWith('#/')
    ? address.hash.slice(1).split('?')
    : [];
  const found: FoundValue[] = [];
  for (const parameters of [address.searchParams, new URLSearchParams(hashQuery)]) {
    for (const [name, value] of parameters) {
      const key = normalizedKey(name);
      for (const field of FIELDS) {
        if (URL_PARAMETER_KEYS[field].includes(key)) {
          found.push({ field, value: valueFor(field, value), context: `?${name}=` });
        }
      }
    }
  }
  for (const path of [address.pathname, hashPath]) {
    const match = URL_PATH.exec(path);
    if (match) {
      const [, segment, value = ''] = match;
      found.push({
        field: 'serviceOrder',
        value: valueFor('serviceOrder', decoded(value)),
        context: `/${segment}/`,
      });
    }
  }
  return found;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
