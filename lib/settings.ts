/**
 * The settings, account and page-rule items, defined once, each with its area and a version.
 * - local: settings and page rules, kept across restarts (the history: lib/history.ts).
 * - session: the signed-in account, gone when the browser closes and, in Chrome, readable only by
 *   the extension's own pages and worker (never by content scripts). Its tokens are in
 *   lib/bzctrl/tokens.ts, which the worker alone loads.
 * The password is never stored anywhere.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { i18n } from '#i18n';
import {
  DEFAULT_SANDBOX_URL,
  type EnvironmentId,
  endpointsFor,
  environmentIdSchema,
  isAllowedServerUrl,
} from './bzctrl/environments';
import { toDomainWorkSpace, todoTypeSchema } from './bzctrl/schema';
import { isSiteRule } from './page/rule-shape';
import type { SiteRule } from './page/types';
import type { RefusedSettings } from './policy';
import { defineCheckedItem, defineCheckedList, setAside } from './stored';

/** `field` names the URL in the user's language. */
export const serverUrlMessage = (field: string) => i18n.t('settings.serverUrl', { field });
const trimmed = (max: number) => z.string().check(z.trim(), z.maxLength(max));

export const settingsFields = z.object({
  environment: environmentIdSchema,
  sandboxUrl: trimmed(2000).check(
    z.refine(isAllowedServerUrl, { error: () => serverUrlMessage(i18n.t('settings.sandboxUrl')) }),
  ),
  customTokenUrl: trimmed(2000),
  customAddTaskUrl: trimmed(2000),
  clientId: trimmed(200),
  clientSecret: z.string().check(z.maxLength(500)),
  domain: trimmed(300),
  workspace: trimmed(300),
  defaultType: todoTypeSchema,
  /** Whether the description gets "Reported from: <page title> — <page URL>" (shown in the form first). */
  originLine: z.enum(['on', 'off']),
});

export type Settings = z.infer<typeof settingsFields>;
export type SettingsField = keyof Settings;

/**
 * The sandbox and e2e builds (`--mode sandbox`, `--mode e2e`: .env.sandbox, .env.e2e) start on the
 * local sandbox; the release always starts on Production, whatever the shell holds.
 */
const BUILD_DEFAULT_ENVIRONMENT: EnvironmentId =
  import.meta.env.MODE !== 'production' && import.meta.env.WXT_DEFAULT_ENVIRONMENT === 'sandbox'
    ? 'sandbox'
    : 'production';

export const DEFAULT_SETTINGS: Settings = {
  environment: BUILD_DEFAULT_ENVIRONMENT,
  sandboxUrl: DEFAULT_SANDBOX_URL,
  customTokenUrl: '',
  customAddTaskUrl: '',
  clientId: '',
  clientSecret: '',
  domain: BUILD_DEFAULT_ENVIRONMENT === 'sandbox' ? 'IMP-NLD-EXA-SWA' : '',
  workspace: BUILD_DEFAULT_ENVIRONMENT === 'sandbox' ? 'SWA' : '',
  defaultType: 'INCIDENT',
  originLine: 'on',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

const SETTINGS_FIELDS = Object.keys(DEFAULT_SETTINGS) as SettingsField[];

/**
 * The user's own settings as stored, checked field by field: each valid value is used, the
 * default for any other. A field that does not fit (an older version, a broken write) is set aside,
 * and the other fields still count.
 */
async function ownSettings(): Promise<Settings> {
  const raw: unknown = await settingsItem.getValue();
  const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (stored !== raw && raw !== null && raw !== undefined) {
    await setAside('local:settings', raw, 'not a settings object');
  }
  const valid: Settings = { ...DEFAULT_SETTINGS };
  for (const key of SETTINGS_FIELDS) {
    if (stored[key] === undefined) continue;
    const field = settingsFields.shape[key].safeParse(stored[key]);
    if (field.success) Object.assign(valid, { [key]: field.data });
    else
      await setAside('local:settings', { [key]: stored[key] }, `${key}: ${field.error.issues[0]?.message}`);
  }
  return valid;
}

/** The policy as the browser hands it over: {} when there is none. */
export async function readPolicy(): Promise<Record<string, unknown>> {
  try {
    const policy: unknown = await browser.storage.managed.get(null);
    return typeof policy === 'object' && policy !== null ? (policy as Record<string, unknown>) : {};
  } catch {
    // No policy at all (Firefox says so with an error).
    return {};
  }
}

/**
 * What the organisation's IT set by policy (storage.managed; see public/managed_schema.json and
 * the README), as the extension uses it: these win over the user's own settings and show as
 * locked. A value the options page would refuse is left out (lib/policy.ts).
 */
export interface ManagedSettings {
  settings: Partial<Settings>;
  siteRules: SiteRule[];
}

export async function loadManaged(): Promise<ManagedSettings> {
  const [own, policy] = await Promise.all([ownSettings(), readPolicy()]);
  if (Object.keys(policy).length === 0) return { settings: {}, siteRules: [] };
  const { policySettings, policySiteRules } = await import('./policy');
  return {
    settings: policySettings(policy, own).settings,
    siteRules: (await policySiteRules(policy)).siteRules,
  };
}

/** The settings in force: policy over the user's stored settings over the defaults. */
export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsAndLocks()).settings;
}

/** The settings in force, which of them the policy locks, and the policy values not used. */
export async function loadSettingsAndLocks(): Promise<{
  settings: Settings;
  locked: SettingsField[];
  refused: RefusedSettings;
}> {
  const [own, policy] = await Promise.all([ownSettings(), readPolicy()]);
  if (Object.keys(policy).length === 0) return { settings: own, locked: [], refused: {} };
  // The options page's checks, loaded only where an organisation sets a policy at all.
  const { policySettings } = await import('./policy');
  const managed = policySettings(policy, own);
  return {
    settings: { ...own, ...managed.settings },
    locked: Object.keys(managed.settings) as SettingsField[],
    refused: managed.refused,
  };
}

/** The page rules in force: the organisation's first (they win), then the user's own. */
export async function loadSiteRules(): Promise<SiteRule[]> {
  const [managed, own] = await Promise.all([loadManaged(), siteRulesItem.getValue()]);
  return [...managed.siteRules, ...own];
}

/** The workspace key sent as domainWorkSpace, or '' when none is configured yet. */
export function domainWorkSpaceOf(settings: Settings): string {
  return settings.domain || settings.workspace ? toDomainWorkSpace(settings.domain, settings.workspace) : '';
}

/** Who is signed in, without any secret: the popup and options page read this directly. */
export interface Account {
  email: string;
  tokenUrl: string;
}
export const accountItem = defineCheckedItem<Account | null>(
  'session:account',
  z.object({ email: z.string(), tokenUrl: z.string() }),
  null,
  { version: 1 },
);

/** The signed-in account for the configured environment, or null. Reads no token. */
export async function currentAccount(settings?: Settings | Promise<Settings>): Promise<Account | null> {
  // Read side by side: the account does not wait for the settings (and the policy) to be read.
  const [account, current] = await Promise.all([accountItem.getValue(), settings ?? loadSettings()]);
  // Tokens belong to the server that issued them: another environment means signed out.
  return account && account.tokenUrl === endpointsFor(current).tokenUrl ? account : null;
}

/** The user's page rules, tried before the built-in reading (see lib/page/site-rules.ts). */
export const siteRulesItem = defineCheckedList(
  'local:siteRules',
  z.custom<SiteRule>(isSiteRule, 'not a page rule'),
  { version: 1 },
);

/** The last e-mail that signed in, so the sign-in form is prefilled. Not a secret. */
export const lastEmailItem = defineCheckedItem('local:lastEmail', z.string(), '', { version: 1 });
