import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  domainWorkSpaceOf,
  loadManaged,
  loadSettings,
  loadSettingsAndLocks,
  loadSiteRules,
  type Settings,
  siteRulesItem,
} from '@/lib/settings';
import { saveSettings } from '@/lib/settings-validation';
import { configure, setUpFakeBrowser } from './helpers';

setUpFakeBrowser();

const VALID: Settings = {
  ...DEFAULT_SETTINGS,
  environment: 'custom',
  customTokenUrl: 'https://bz.example.com/bzctrl-core-api/oauth/token',
  customAddTaskUrl: 'https://bz.example.com/bzctrl-core-api/api/v1/task/add-task',
  domain: 'VTT-NLD-TML',
  workspace: 'FIN',
};

/** Writes the stored settings as raw storage, the way an old or damaged profile may hold them. */
const storeRaw = (value: unknown) => fakeBrowser.storage.local.set({ settings: value });

describe('loadSettings', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('has no client credentials by default (the seed names none)', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ clientId: '', clientSecret: '', defaultType: 'INCIDENT' });
  });

  it('replaces missing and damaged keys by their defaults and keeps the good ones', async () => {
    await storeRaw({
      environment: 'staging',
      sandboxUrl: 'http://192.168.1.10:8787',
      domain: 42,
      workspace: 'FIN',
      clientId: 'reporter',
      defaultType: 'BUG',
    });
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      workspace: 'FIN',
      clientId: 'reporter',
    });
  });

  it.each([null, 'garbage', 42, ['production']])(
    'gives the defaults when the stored value is %j',
    async (value) => {
      await storeRaw(value);
      expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    },
  );
});

describe('saveSettings', () => {
  it('stores valid custom settings', async () => {
    await expect(saveSettings(VALID)).resolves.toEqual({ ok: true, settings: VALID });
    expect(await loadSettings()).toEqual(VALID);
  });

  it.each([
    ['an invalid URL', 'not a url'],
    ['a plain-http URL off this machine', 'http://bz.example.com/bzctrl-core-api/oauth/token'],
    ['a URL with credentials', 'https://user:pass@bz.example.com/oauth/token'],
  ])('refuses a custom environment with %s and stores nothing', async (_, url) => {
    const before = await configure();
    const result = await saveSettings({ ...VALID, customTokenUrl: url, customAddTaskUrl: url });
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : Object.keys(result.fieldErrors).sort()).toEqual([
      'customAddTaskUrl',
      'customTokenUrl',
    ]);
    expect(await loadSettings()).toEqual(before);
  });

  it('names only the custom URL that is wrong', async () => {
    const result = await saveSettings({ ...VALID, customAddTaskUrl: 'http://bz.example.com/add-task' });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { customAddTaskUrl: expect.stringContaining('https') },
    });
  });

  it('accepts plain http for a custom server on this machine', async () => {
    const local = {
      ...VALID,
      customTokenUrl: 'http://localhost:9000/token',
      customAddTaskUrl: 'http://127.0.0.1:9000/add',
    };
    await expect(saveSettings(local)).resolves.toMatchObject({ ok: true });
  });

  it('refuses a sandbox URL off this machine', async () => {
    const result = await saveSettings({
      ...VALID,
      environment: 'sandbox',
      sandboxUrl: 'http://bz.example.com:8787',
    });
    expect(result.ok ? {} : Object.keys(result.fieldErrors)).toEqual(['sandboxUrl']);
  });

  it.each([
    ['domain', { domain: 'IMP NLD', workspace: 'SWA' }],
    ['domain', { domain: 'IMP-NLD-EXA', workspace: 'S.W.A' }],
    ['workspace', { domain: '', workspace: 'SWA' }],
  ] as const)('refuses an invalid workspace key, naming %s, and stores nothing', async (field, keys) => {
    const before = await configure();
    const result = await saveSettings({ ...VALID, ...keys });
    expect(result.ok ? {} : Object.keys(result.fieldErrors)).toEqual([field]);
    expect(await loadSettings()).toEqual(before);
  });

  it('stores a valid workspace key as typed and sends it upper-cased', async () => {
    const result = await saveSettings({ ...VALID, domain: 'vtt-nld-tml', workspace: 'fin' });
    expect(result).toMatchObject({ ok: true });
    const stored = await loadSettings();
    expect(stored).toMatchObject({ domain: 'vtt-nld-tml', workspace: 'fin' });
    expect(domainWorkSpaceOf(stored)).toBe('VTT-NLD-TML-FIN');
  });

  it('accepts a pasted BzCtrl URL as the domain and sends its key', async () => {
    await saveSettings({
      ...VALID,
      domain: 'https://www.bzctrl.com/app/#/workspace/VTT-BEL-ATP',
      workspace: '',
    });
    expect(domainWorkSpaceOf(await loadSettings())).toBe('VTT-BEL-ATP');
  });
});

describe('domainWorkSpaceOf', () => {
  it('gives the key by the contract rule', () => {
    expect(domainWorkSpaceOf({ ...VALID, domain: 'IMP-NLD-EXA-SWA', workspace: 'SWA' })).toBe(
      'IMP-NLD-EXA-SWA',
    );
    expect(domainWorkSpaceOf({ ...VALID, domain: 'VTT-NLD-TML', workspace: 'FIN' })).toBe('VTT-NLD-TML-FIN');
  });

  it('gives "" when neither domain nor workspace is set', () => {
    expect(domainWorkSpaceOf({ ...VALID, domain: '', workspace: '' })).toBe('');
  });
});

describe('settings set by policy (storage.managed)', () => {
  const setPolicy = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);

  it('win over the user’s own settings, and are reported as locked', async () => {
    await storeRaw({ ...VALID, domain: 'USER-OWN', workspace: 'KEY', defaultType: 'INCIDENT' });
    await setPolicy({
      environment: 'acceptance',
      domain: 'VTT-BEL-ATP',
      workspace: 'ATP',
      defaultType: 'TASK',
    });

    const { settings, locked } = await loadSettingsAndLocks();
    expect(settings).toMatchObject({
      environment: 'acceptance',
      domain: 'VTT-BEL-ATP',
      workspace: 'ATP',
      defaultType: 'TASK',
      // Not set by policy: the user's own.
      customTokenUrl: VALID.customTokenUrl,
    });
    expect(locked.sort()).toEqual(['defaultType', 'domain', 'environment', 'workspace']);
    expect(await loadSettings()).toEqual(settings);
    expect(domainWorkSpaceOf(settings)).toBe('VTT-BEL-ATP');
  });

  it('ignore policy values that are not valid settings', async () => {
    await setPolicy({
      environment: 'staging',
      defaultType: 7,
      sandboxUrl: 'http://10.0.0.1:8787',
      clientId: 'it-dept',
    });
    const { settings, locked } = await loadSettingsAndLocks();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, clientId: 'it-dept' });
    expect(locked).toEqual(['clientId']);
  });

  it('puts the organisation’s page rules before the user’s, leaving out malformed ones', async () => {
    await siteRulesItem.setValue([{ urlPattern: 'https://own.example/*', lrn: { regex: 'LRN (\\w+)' } }]);
    await setPolicy({
      siteRules: [
        { urlPattern: 'https://tos.example.com/*', serviceOrder: { selector: '#order' } },
        { urlPattern: 42 },
        'not a rule',
        { urlPattern: 'https://x.example/*', lrn: { regex: 5 } },
      ],
    });
    expect(await loadSiteRules()).toEqual([
      { urlPattern: 'https://tos.example.com/*', serviceOrder: { selector: '#order' } },
      { urlPattern: 'https://own.example/*', lrn: { regex: 'LRN (\\w+)' } },
    ]);
  });

  it('are simply absent when the browser has no policy (managed storage refuses)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    expect(await loadManaged()).toEqual({ settings: {}, siteRules: [] });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
