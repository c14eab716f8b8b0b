/**
 * What is wrong with a page rule, as the options page says it. Apart from site-rules.ts so that the
 * page reader, which runs the rules, carries no text of ours.
 */
import { i18n } from '#i18n';
import { FIELDS } from './labels';
import { compileRuleRegex, parseUrlPattern } from './site-rules';
import type { SiteRule } from './types';

export type SiteRulePart =
  | 'urlPattern'
  | 'serviceOrderSelector'
  | 'serviceOrderRegex'
  | 'lrnSelector'
  | 'lrnRegex';

/** A message for each part of the rule that would not work, for the options page to show. */
export function siteRuleErrors(rule: SiteRule): Partial<Record<SiteRulePart, string>> {
  const errors: Partial<Record<SiteRulePart, string>> = {};
  if (!rule.urlPattern.trim()) {
    errors.urlPattern = i18n.t('rules.enterSite');
  } else if (!parseUrlPattern(rule.urlPattern)) {
    errors.urlPattern = i18n.t('rules.notSitePattern');
  }
  for (const field of FIELDS) {
    const { selector, regex } = rule[field] ?? {};
    if (selector && !isValidSelector(selector)) {
      errors[`${field}Selector`] = i18n.t('rules.badSelector', { selector });
    }
    const compiled = regex ? compileRuleRegex(regex) : undefined;
    if (compiled && !(compiled instanceof RegExp)) {
      errors[`${field}Regex`] =
        compiled.problem === 'syntax'
          ? i18n.t('rules.badRegex', { detail: compiled.detail })
          : i18n.t('rules.needsGroup');
    }
  }
  if (!errors.urlPattern && !FIELDS.some((field) => rule[field]?.selector || rule[field]?.regex)) {
    errors.urlPattern = i18n.t('rules.needsPart');
  }
  return errors;
}

function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}
