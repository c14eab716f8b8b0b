/**
 * A value the operator picked on a page, as a page rule: for the site of that page (its origin),
 * the field found by the label beside it or by a selector. Merged into the user's own rules: a
 * rule for the same site gets that field replaced; else a new rule is added.
 */

import type { Field, SiteRule } from './page/types';
import { parseUrlPattern } from './page/url-patterns';
import type { PickedAnchor } from './picker/anchor';

/** The pattern of every page of the site `pageUrl` is on ("https://tos.example.com/*"), or undefined. */
export function sitePatternOf(pageUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const pattern = `${url.protocol}//${url.host}/*`;
  return parseUrlPattern(pattern) ? pattern : undefined;
}

export function withPickedRule(
  rules: readonly SiteRule[],
  urlPattern: string,
  field: Field,
  anchor: PickedAnchor,
): SiteRule[] {
  const index = rules.findIndex((rule) => rule.urlPattern === urlPattern);
  if (index < 0) return [...rules, { urlPattern, [field]: { ...anchor } }];
  // The picked way replaces the field's old label, selector and regex; the other field stays.
  return rules.map((rule, at) => (at === index ? { ...rule, [field]: { ...anchor } } : rule));
}
