/**
 * What is wrong with a page rule, as the options page says it. Apart from site-rules.ts so that the
 * page reader, which applies the rules, carries no text of ours. Light enough to check rules
 * anywhere: the regex is checked by rule-syntax.ts, not by RE2 itself (rule-regex.ts).
 */
import { i18n } from '#i18n';
import { FIELDS } from './labels';
import { MAX_RULE_LABEL_LENGTH } from './rule-limits';
import { type RegexProblem, regexProblem } from './rule-syntax';
import type { SiteRule } from './types';
import { parseUrlPattern } from './url-patterns';

export type SiteRulePart =
  | 'urlPattern'
  | 'serviceOrderLabel'
  | 'serviceOrderSelector'
  | 'serviceOrderRegex'
  | 'lrnLabel'
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
    const { label, selector, regex } = rule[field] ?? {};
    if (label !== undefined && (!label.trim() || label.trim().length > MAX_RULE_LABEL_LENGTH)) {
      errors[`${field}Label`] = i18n.t('rules.badLabel', { max: String(MAX_RULE_LABEL_LENGTH) });
    }
    if (selector && !isValidSelector(selector)) {
      errors[`${field}Selector`] = i18n.t('rules.badSelector', { selector });
    }
    const problem = regex ? regexProblem(regex) : undefined;
    if (problem) errors[`${field}Regex`] = regexMessage(problem);
  }
  if (
    !errors.urlPattern &&
    !FIELDS.some((field) => rule[field]?.label || rule[field]?.selector || rule[field]?.regex)
  ) {
    errors.urlPattern = i18n.t('rules.needsPart');
  }
  return errors;
}

function regexMessage(problem: RegexProblem): string {
  switch (problem.problem) {
    case 'syntax':
      return i18n.t('rules.badRegex', { detail: problem.detail });
    case 'lookaround':
      return i18n.t('rules.noLookaround');
    case 'backreference':
      return i18n.t('rules.noBackreference');
    case 'no-group':
      return i18n.t('rules.needsGroup');
  }
}

/** Each step of `a >>> b` (into a web component's shadow root) is a selector of its own. */
function isValidSelector(selector: string): boolean {
  try {
    // Throws without a DOM too (the worker): lib/policy.ts leaves selectors to the pages there.
    const fragment = document.createDocumentFragment();
    for (const part of selector.split('>>>')) fragment.querySelector(part);
    return true;
  } catch {
    return false;
  }
}
