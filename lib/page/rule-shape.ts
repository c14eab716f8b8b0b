/**
 * Whether a stored or policy value has the shape of a page rule. Apart from site-rules.ts, which
 * brings the reader's label tables: the popup checks stored rules at open and needs none of them.
 */
import type { SiteRule } from './types';

/** A rule in shape: a URL pattern, and text for each part given. */
export function isSiteRule(value: unknown): value is SiteRule {
  if (typeof value !== 'object' || value === null) return false;
  const { urlPattern, serviceOrder, lrn } = value as Record<string, unknown>;
  const isFieldRule = (rule: unknown) =>
    rule === undefined ||
    (typeof rule === 'object' &&
      rule !== null &&
      Object.values(rule).every((part) => part === undefined || typeof part === 'string'));
  return typeof urlPattern === 'string' && isFieldRule(serviceOrder) && isFieldRule(lrn);
}
