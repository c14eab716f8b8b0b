/**
 * What the organisation's IT set by policy (storage.managed; see public/managed_schema.json and the
 * README), checked as the options page checks what the user saves: a policy value the options page
 * would refuse is not used (the user's own value or the default stays in force) and is reported,
 * with the options page's own message, for the options page to show.
 */
import type { z } from 'zod/mini';
import { i18n } from '#i18n';
import { ENVIRONMENT_IDS } from './bzctrl/environments';
import { isSiteRule } from './page/rule-shape';
import type { SiteRulePart } from './page/site-rule-errors';
import type { SiteRule } from './page/types';
// settings.ts reads the policy through this module: nothing here may use it while loading.
import { readPolicy, type Settings, type SettingsField, settingsFields } from './settings';
import { settingsSchema } from './settings-validation';

/** A policy value the extension does not use, as the policy has it, and why. */
export interface RefusedValue {
  value: unknown;
  reason: string;
}
export type RefusedSettings = Partial<Record<SettingsField, RefusedValue>>;

export interface PolicySettings {
  /** The policy's values in force: they win over the user's and show as locked. */
  settings: Partial<Settings>;
  refused: RefusedSettings;
}

/** A policy page rule the extension does not use: the entry as the policy has it, and why. */
export interface RefusedSiteRule {
  value: unknown;
  reasons: string[];
}

export interface PolicySiteRules {
  /** Tried before the user's own. */
  siteRules: SiteRule[];
  refused: RefusedSiteRule[];
}

/**
 * The policy's settings that the options page would accept together with `own`, the user's own
 * settings (each policy value replaces the user's), and the ones it would refuse.
 */
export function policySettings(policy: Record<string, unknown>, own: Settings): PolicySettings {
  const settings: Partial<Settings> = {};
  const refused: RefusedSettings = {};
  for (const field of Object.keys(settingsFields.shape) as SettingsField[]) {
    const value = policy[field];
    if (value === undefined) continue;
    const parsed = settingsFields.shape[field].safeParse(value);
    if (parsed.success) Object.assign(settings, { [field]: parsed.data });
    else refused[field] = { value, reason: fieldProblem(parsed.error.issues[0]) };
  }
  // One refusal at a time: without it, the user's value may make the rest valid again.
  for (let problem = combinedProblem(settings, own); problem; problem = combinedProblem(settings, own)) {
    refused[problem.field] = { value: policy[problem.field], reason: problem.reason };
    delete settings[problem.field];
  }
  return { settings, refused };
}

/** Why a policy value is not a value of its field; the options page can give it no other. */
function fieldProblem(issue: z.core.$ZodIssue | undefined): string {
  switch (issue?.code) {
    case 'custom': // a rule of the field itself (the sandbox URL's), in the options page's words
      return issue.message;
    case 'invalid_value':
      return i18n.t('policy.notOneOf', { values: issue.values.map(String).join(', ') });
    case 'too_big':
      return i18n.t('policy.tooLong', { max: String(issue.maximum) });
    default:
      return i18n.t('policy.notText');
  }
}

/**
 * The first policy value that settingsSchema refuses beside the user's own settings, and the
 * options page's message. A rule on two fields (a domain and a workspace make the key; the Custom
 * environment needs its URLs) refuses the policy value without which the message goes away, even
 * when the message stands on another field.
 */
function combinedProblem(
  fromPolicy: Partial<Settings>,
  own: Settings,
): { field: SettingsField; reason: string } | undefined {
  const policyFields = Object.keys(fromPolicy) as SettingsField[];
  // Where the user still chooses the environment, a policy value must hold in each one (a custom
  // URL, say, is checked only for Custom): the user may choose it tomorrow.
  const choices = fromPolicy.environment
    ? [own]
    : ENVIRONMENT_IDS.map((environment) => ({ ...own, environment }));
  for (const choice of choices) {
    const goesAwayWithout = (field: SettingsField, left: SettingsField) =>
      !issuesOf({ ...choice, ...without(fromPolicy, left) }).some((other) => other.path[0] === field);
    for (const issue of issuesOf({ ...choice, ...fromPolicy })) {
      const field = issue.path[0] as SettingsField;
      const setByPolicy = policyFields.includes(field);
      const cause =
        (setByPolicy && goesAwayWithout(field, field) ? field : undefined) ??
        policyFields.find((other) => other !== field && goesAwayWithout(field, other)) ??
        (setByPolicy ? field : undefined);
      if (cause) return { field: cause, reason: issue.message };
      // Otherwise the user's own value is wrong by itself: the options page asks the user to fix it.
    }
  }
  return undefined;
}

function issuesOf(settings: Settings): z.core.$ZodIssue[] {
  return settingsSchema().safeParse(settings).error?.issues ?? [];
}

function without(settings: Partial<Settings>, field: SettingsField): Partial<Settings> {
  const { [field]: _left, ...rest } = settings;
  return rest;
}

/** The policy's page rules that the options page would save, and the ones it would refuse. */
export async function policySiteRules(policy: Record<string, unknown>): Promise<PolicySiteRules> {
  const entries = policy.siteRules;
  if (entries === undefined) return { siteRules: [], refused: [] };
  if (!Array.isArray(entries)) {
    return { siteRules: [], refused: [{ value: entries, reasons: [i18n.t('policy.notARuleList')] }] };
  }
  // Loaded only when there are rules to check: it brings the regex engine (lib/page/rule-regex.ts),
  // which the settings alone (the worker, the popup without rules) do without.
  const { siteRuleErrors } = await import('./page/site-rule-errors');
  const siteRules: SiteRule[] = [];
  const refused: RefusedSiteRule[] = [];
  for (const value of entries) {
    const reasons = isSiteRule(value) ? ruleProblems(siteRuleErrors(value)) : [i18n.t('policy.notARule')];
    if (reasons.length === 0) siteRules.push(value);
    else refused.push({ value, reasons });
  }
  return { siteRules, refused };
}

/** The options page's messages for a rule, as siteRuleErrors gives them. */
function ruleProblems(errors: Partial<Record<SiteRulePart, string>>): string[] {
  const problems = Object.entries(errors);
  // Without a DOM (the background worker) siteRuleErrors can parse no selector and calls each one
  // bad; only pages, which have a DOM, read with the rules, and the page reader skips a bad one.
  const checked =
    typeof document === 'undefined' ? problems.filter(([part]) => !part.endsWith('Selector')) : problems;
  return checked.map(([, message]) => message);
}

/** The policy's page rules, as the options page and the popup use them. */
export async function loadPolicySiteRules(): Promise<PolicySiteRules> {
  return policySiteRules(await readPolicy());
}
