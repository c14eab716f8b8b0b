/**
 * Every item the extension stores, defined once, each with its area and a version.
 * - local: settings and history, kept across restarts.
 * - session: the signed-in account and its tokens, gone when the browser closes and, in Chrome,
 *   readable only by the extension's own pages and worker (never by content scripts).
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
import { type TodoType, toDomainWorkSpace, todoTypeSchema } from './bzctrl/schema';
import type { SiteRule } from './page/types';

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
});

export type Settings = z.infer<typeof settingsFields>;
export type SettingsField = keyof Settings;

/** `npm start` and the browser tests build with WXT_DEFAULT_ENVIRONMENT=sandbox. */
const BUILD_DEFAULT_ENVIRONMENT: EnvironmentId =
  import.meta.env.WXT_DEFAULT_ENVIRONMENT === 'sandbox' ? 'sandbox' : 'production';

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
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

const SETTINGS_FIELDS = Object.keys(DEFAULT_SETTINGS) as SettingsField[];

/** The valid settings among `raw`'s keys; anything else is left out. */
function validSettings(raw: Record<string, unknown>): Partial<Settings> {
  const valid: Partial<Settings> = {};
  for (const key of SETTINGS_FIELDS) {
    const field = settingsFields.shape[key].safeParse(raw[key]);
    if (field.success) Object.assign(valid, { [key]: field.data });
  }
  return valid;
}

/**
 * What the organisation's IT set by policy (storage.managed; see public/managed_schema.json and
 * the README): these win over the user's own settings and show as locked.
 */
export interface ManagedSettings {
  settings: Partial<Settings>;
  siteRules: SiteRule[];
}

export async function loadManaged(): Promise<ManagedSettings> {
  let raw: Record<string, unknown>;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    // No policy at all (Firefox says so with an error).
    return { settings: {}, siteRules: [] };
  }
  return {
    settings: validSettings(raw),
    siteRules: Array.isArray(raw.siteRules) ? raw.siteRules.filter(isSiteRule) : [],
  };
}

function isSiteRule(value: unknown): value is SiteRule {
  if (typeof value !== 'object' || value === null) return false;
  const { urlPattern, serviceOrder, lrn } = value as Record<string, unknown>;
  const isFieldRule = (rule: unknown) =>
    rule === undefined ||
    (typeof rule === 'object' &&
      rule !== null &&
      Object.values(rule).every((part) => part === undefined || typeof part === 'string'));
  return typeof urlPattern === 'string' && isFieldRule(serviceOrder) && isFieldRule(lrn);
}

/** The settings in force: policy over the user's stored settings over the defaults. */
export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsAndLocks()).settings;
}

/** The settings in force, and which of them the policy locks. */
export async function loadSettingsAndLocks(): Promise<{ settings: Settings; locked: SettingsField[] }> {
  const [stored, managed] = await Promise.all([settingsItem.getValue(), loadManaged()]);
  const settings = { ...DEFAULT_SETTINGS, ...validSettings({ ...stored }), ...managed.settings };
  return { settings, locked: Object.keys(managed.settings) as SettingsField[] };
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
export const accountItem = storage.defineItem<Account | null>('session:account', {
  fallback: null,
  version: 1,
});

/** The signed-in account for the configured environment, or null. Reads no token. */
export async function currentAccount(settings?: Settings): Promise<Account | null> {
  const [account, current] = await Promise.all([accountItem.getValue(), settings ?? loadSettings()]);
  // Tokens belong to the server that issued them: another environment means signed out.
  return account && account.tokenUrl === endpointsFor(current).tokenUrl ? account : null;
}

/** The tokens: only the background worker reads or writes this item. */
export interface Tokens {
  accessToken: string;
  refreshToken?: string | undefined;
  /** epoch ms when BzCtrl said the access token expires */
  expiresAt: number;
  lifetimeMs: number;
}
export const tokensItem = storage.defineItem<Tokens | null>('session:tokens', {
  fallback: null,
  version: 1,
});

/** The user's page rules, tried before the built-in reading (see lib/page/site-rules.ts). */
export const siteRulesItem = storage.defineItem<SiteRule[]>('local:siteRules', {
  fallback: [],
  version: 1,
});

/** The last e-mail that signed in, so the sign-in form is prefilled. Not a secret. */
export const lastEmailItem = storage.defineItem<string>('local:lastEmail', { fallback: '' });

export interface HistoryEntry {
  taskLink: string;
  /** Whether the link passed the trusted-link check when it was received. */
  trusted: boolean;
  title: string;
  todoType: TodoType;
  orderID: string;
  lrn?: string | undefined;
  domainWorkSpace: string;
  createdAt: string;
}
export const HISTORY_LIMIT = 500;
export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', {
  fallback: [],
  version: 1,
});

export async function addToHistory(entry: HistoryEntry): Promise<void> {
  const history = await historyItem.getValue();
  await historyItem.setValue([entry, ...history].slice(0, HISTORY_LIMIT));
}
