// @vitest-environment happy-dom
// A DOM, as the options page and the popup have: page rules' selectors are checked only with one.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { endpointsFor } from '@/lib/bzctrl/environments';
import { firstMessagePerField } from '@/lib/field-errors';
import { siteRuleErrors } from '@/lib/page/site-rule-errors';
import type { SiteRule } from '@/lib/page/types';
import { loadPolicySiteRules, policySettings } from '@/lib/policy';
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
import { settingsSchema } from '@/lib/settings-validation';
import { configure, PROD_TOKEN_URL, setUpFakeBrowser } from './helpers';
import { useLanguage } from './i18n-setup';

setUpFakeBrowser();

const setPolicy = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);

/** What the options page says about `settings`, field by field. */
const optionsPageSays = (settings: Settings) =>
  firstMessagePerField<keyof Settings>(settingsSchema().safeParse(settings).error);

const PLAIN_HTTP_TOKEN_URL = 'http://bzctrl.example.com/bzctrl-core-api/oauth/token';
const HTTPS_TOKEN_URL = 'https://bzctrl.example.com/bzctrl-core-api/oauth/token';
const HTTPS_ADD_TASK_URL = 'https://bzctrl.example.com/bzctrl-core-api/api/v1/task/add-task';

describe('policy settings the options page would accept', () => {
  it('are used and locked, and nothing is refused', async () => {
    await configure();
    await setPolicy({
      environment: 'acceptance',
      domain: 'VTT-BEL-ATP',
      workspace: 'ATP',
      defaultType: 'TASK',
    });
    const { settings, locked, refused } = await loadSettingsAndLocks();
    expect(settings).toMatchObject({
      environment: 'acceptance',
      domain: 'VTT-BEL-ATP',
      workspace: 'ATP',
      defaultType: 'TASK',
    });
    expect(locked.sort()).toEqual(['defaultType', 'domain', 'environment', 'workspace']);
    expect(refused).toEqual({});
  });

  it('take a custom environment with https URLs, or plain http on this machine', async () => {
    await configure();
    await setPolicy({
      environment: 'custom',
      customTokenUrl: HTTPS_TOKEN_URL,
      customAddTaskUrl: 'http://127.0.0.1:9000/add-task',
    });
    const { settings, refused } = await loadSettingsAndLocks();
    expect(endpointsFor(settings)).toEqual({
      tokenUrl: HTTPS_TOKEN_URL,
      addTaskUrl: 'http://127.0.0.1:9000/add-task',
    });
    expect(refused).toEqual({});
  });

  it('take a domain alone that makes a key with the user’s workspace', async () => {
    await configure({ domain: 'IMP-NLD-EXA', workspace: 'SWA' });
    await setPolicy({ domain: 'VTT-BEL-ATP' });
    const { settings, locked, refused } = await loadSettingsAndLocks();
    expect(domainWorkSpaceOf(settings)).toBe('VTT-BEL-ATP-SWA');
    expect(locked).toEqual(['domain']);
    expect(refused).toEqual({});
  });

  it('are trimmed as the options page trims them', async () => {
    await setPolicy({ clientId: '  it-dept  ' });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, clientId: 'it-dept' });
  });
});

describe('policy settings the options page would refuse', () => {
  it('a custom environment whose token URL is plain http off this machine: neither is used', async () => {
    const own = await configure();
    await setPolicy({
      environment: 'custom',
      customTokenUrl: PLAIN_HTTP_TOKEN_URL,
      customAddTaskUrl: HTTPS_ADD_TASK_URL,
    });
    const { settings, locked, refused } = await loadSettingsAndLocks();

    const message = optionsPageSays({
      ...own,
      environment: 'custom',
      customTokenUrl: PLAIN_HTTP_TOKEN_URL,
    }).customTokenUrl;
    expect(message).toMatch(/https/);
    expect(refused.customTokenUrl).toEqual({ value: PLAIN_HTTP_TOKEN_URL, reason: message });
    // The user has no custom URLs of their own: the Custom environment would have no token URL.
    expect(refused.environment).toEqual({ value: 'custom', reason: message });
    expect(locked).toEqual(['customAddTaskUrl']);
    // Signing in goes to the user's own environment, never to the plain-http URL.
    expect(settings.environment).toBe('production');
    expect(endpointsFor(settings).tokenUrl).toBe(PROD_TOKEN_URL);
    expect(JSON.stringify(await loadSettings())).not.toContain(PLAIN_HTTP_TOKEN_URL);
  });

  it('a custom environment with bad URLs keeps the user’s own valid custom URLs', async () => {
    const own = await configure({
      environment: 'custom',
      customTokenUrl: 'https://own.example.com/oauth/token',
      customAddTaskUrl: 'https://own.example.com/add-task',
    });
    await setPolicy({
      environment: 'custom',
      customTokenUrl: PLAIN_HTTP_TOKEN_URL,
      customAddTaskUrl: 'not a url',
    });
    const { settings, locked, refused } = await loadSettingsAndLocks();
    expect(Object.keys(refused).sort()).toEqual(['customAddTaskUrl', 'customTokenUrl']);
    expect(refused.customAddTaskUrl?.reason).toBe(
      optionsPageSays({ ...own, customAddTaskUrl: 'not a url' }).customAddTaskUrl,
    );
    expect(locked).toEqual(['environment']);
    expect(endpointsFor(settings)).toEqual({
      tokenUrl: 'https://own.example.com/oauth/token',
      addTaskUrl: 'https://own.example.com/add-task',
    });
  });

  it('a plain-http custom URL, even while the environment is the user’s to choose', async () => {
    const own = await configure();
    await setPolicy({ customTokenUrl: PLAIN_HTTP_TOKEN_URL });
    const { settings, locked, refused } = await loadSettingsAndLocks();
    // The user may choose Custom tomorrow: the URL would then be used.
    expect(refused.customTokenUrl?.reason).toBe(
      optionsPageSays({ ...own, environment: 'custom', customTokenUrl: PLAIN_HTTP_TOKEN_URL }).customTokenUrl,
    );
    expect(locked).toEqual([]);
    expect(settings).toEqual(own);
  });

  it('a domain alone that makes no key with the user’s workspace', async () => {
    const own = await configure({ domain: 'IMP-NLD-EXA', workspace: 'SWA' });
    await setPolicy({ domain: 'VTT BEL' });
    const { settings, locked, refused } = await loadSettingsAndLocks();
    const message = optionsPageSays({ ...own, domain: 'VTT BEL' }).domain;
    expect(message).toBe('“VTT BEL-SWA” is not a BzCtrl workspace key; it looks like IMP-NLD-EXA-SWA.');
    expect(refused).toEqual({ domain: { value: 'VTT BEL', reason: message } });
    expect(locked).toEqual([]);
    expect(domainWorkSpaceOf(settings)).toBe('IMP-NLD-EXA-SWA');
  });

  it('a workspace alone that makes no key with the user’s domain, though the message is on the domain', async () => {
    const own = await configure({ domain: 'IMP-NLD-EXA', workspace: 'SWA' });
    await setPolicy({ workspace: 'S.W.A' });
    const { settings, refused } = await loadSettingsAndLocks();
    const message = optionsPageSays({ ...own, workspace: 'S.W.A' }).domain;
    expect(message).toMatch(/IMP-NLD-EXA-S\.W\.A/);
    expect(refused).toEqual({ workspace: { value: 'S.W.A', reason: message } });
    expect(settings.workspace).toBe('SWA');
  });

  it('a workspace alone when the user has no domain yet', async () => {
    await setPolicy({ workspace: 'SWA' });
    const { settings, refused } = await loadSettingsAndLocks();
    expect(refused.workspace?.reason).toBe(
      optionsPageSays({ ...DEFAULT_SETTINGS, workspace: 'SWA' }).workspace,
    );
    expect(domainWorkSpaceOf(settings)).toBe('');
  });

  it('values of the wrong type or out of range, each with what it should be', async () => {
    await setPolicy({
      environment: 'staging',
      defaultType: 7,
      domain: 42,
      workspace: ['SWA'],
      clientId: 'x'.repeat(201),
      sandboxUrl: 'http://10.0.0.1:8787',
      clientSecret: 's3cret',
    });
    const { settings, locked, refused } = await loadSettingsAndLocks();
    expect(refused).toEqual({
      environment: {
        value: 'staging',
        reason: 'It must be one of: production, acceptance, sandbox, custom.',
      },
      defaultType: { value: 7, reason: 'It must be one of: INCIDENT, TASK.' },
      domain: { value: 42, reason: 'It must be text.' },
      workspace: { value: ['SWA'], reason: 'It must be text.' },
      clientId: { value: 'x'.repeat(201), reason: 'It must be at most 200 characters.' },
      // The sandbox URL's own rule: the options page's message.
      sandboxUrl: {
        value: 'http://10.0.0.1:8787',
        reason: optionsPageSays({ ...DEFAULT_SETTINGS, sandboxUrl: 'http://10.0.0.1:8787' }).sandboxUrl,
      },
    });
    expect(locked).toEqual(['clientSecret']);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, clientSecret: 's3cret' });
  });

  it('are said in Dutch in a Dutch browser', async () => {
    await useLanguage('nl');
    await configure();
    await setPolicy({ environment: 'custom', customTokenUrl: PLAIN_HTTP_TOKEN_URL, defaultType: 'BUG' });
    const { refused } = await loadSettingsAndLocks();
    expect(refused.customTokenUrl?.reason).toBe(
      'Token-URL moet een https-URL zijn (http alleen voor 127.0.0.1 of localhost).',
    );
    expect(refused.defaultType?.reason).toBe('Het moet een van deze zijn: INCIDENT, TASK.');
  });

  it.each<[string, Record<string, unknown>, Partial<Settings>]>([
    [
      'custom, bad URLs',
      { environment: 'custom', customTokenUrl: 'http://a.example/t', customAddTaskUrl: 'ftp://x' },
      {},
    ],
    ['custom, no URLs', { environment: 'custom' }, {}],
    ['domain only', { domain: 'A B C' }, { domain: 'IMP-NLD-EXA', workspace: 'SWA' }],
    ['workspace only', { workspace: '--' }, { domain: 'IMP-NLD-EXA', workspace: 'SWA' }],
    ['both keys bad', { domain: 'x y', workspace: 'z w' }, {}],
    ['sandbox off this machine', { environment: 'sandbox', sandboxUrl: 'http://192.168.1.2:8787' }, {}],
  ])('never give the worker settings the options page would refuse: %s', async (_, policy, own) => {
    await configure(own);
    await setPolicy(policy);
    const { settings, locked } = await loadSettingsAndLocks();
    expect(optionsPageSays(settings)).toEqual({});
    expect(await loadSettings()).toEqual(settings);
    // loadManaged agrees on which policy values hold.
    expect((await loadManaged()).settings).toEqual(
      Object.fromEntries(locked.map((field) => [field, settings[field]])),
    );
  });

  it('are refused one by one as a pure function of the policy and the user’s settings', () => {
    const own: Settings = {
      ...DEFAULT_SETTINGS,
      environment: 'production',
      domain: 'IMP-NLD-EXA',
      workspace: 'SWA',
    };
    expect(policySettings({ domain: 'VTT-BEL-ATP', workspace: 'x y' }, own)).toEqual({
      settings: { domain: 'VTT-BEL-ATP' },
      refused: {
        workspace: {
          value: 'x y',
          reason: optionsPageSays({ ...own, domain: 'VTT-BEL-ATP', workspace: 'x y' }).domain,
        },
      },
    });
  });

  it('leave nothing refused when the browser has no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    expect(await loadSettingsAndLocks()).toEqual({ settings: DEFAULT_SETTINGS, locked: [], refused: {} });
    expect(await loadPolicySiteRules()).toEqual({ siteRules: [], refused: [] });
  });
});

describe('policy page rules', () => {
  const GOOD: SiteRule = { urlPattern: 'https://tos.example.com/*', serviceOrder: { selector: '#order' } };
  const BAD_SELECTOR: SiteRule = {
    urlPattern: 'https://tos.example.com/*',
    serviceOrder: { selector: '#order[' },
  };
  const NO_GROUP: SiteRule = { urlPattern: 'https://tos.example.com/*', lrn: { regex: 'LRN \\w+' } };
  const NOT_A_PATTERN: SiteRule = { urlPattern: 'tos example com/*', lrn: { regex: 'LRN (\\w+)' } };

  it('the options page would save are used, before the user’s own', async () => {
    const own: SiteRule = { urlPattern: 'https://own.example/*', lrn: { regex: 'LRN (\\w+)' } };
    await siteRulesItem.setValue([own]);
    await setPolicy({ siteRules: [GOOD] });
    expect(await loadPolicySiteRules()).toEqual({ siteRules: [GOOD], refused: [] });
    expect(await loadSiteRules()).toEqual([GOOD, own]);
  });

  it.each([
    ['a selector that does not parse', BAD_SELECTOR, /^Not a valid CSS selector: #order\[/],
    ['a regular expression without a capture group', NO_GROUP, /capture group/],
    ['a URL pattern that is not a pattern', NOT_A_PATTERN, /^Not a site pattern/],
    [
      'a rule that finds nothing',
      { urlPattern: 'https://tos.example.com/*' },
      /selector or a regular expression/,
    ],
  ])('are not used with %s, and say why in the options page’s words', async (_, rule, says) => {
    await setPolicy({ siteRules: [GOOD, rule] });
    const reasons = Object.values(siteRuleErrors(rule));
    expect(reasons).toEqual([expect.stringMatching(says)]);
    expect(await loadPolicySiteRules()).toEqual({ siteRules: [GOOD], refused: [{ value: rule, reasons }] });
    expect(await loadSiteRules()).toEqual([GOOD]);
  });

  it('give every reason of a rule wrong in several ways', async () => {
    const rule = {
      urlPattern: 'https://tos.example.com/*',
      serviceOrder: { selector: '#a[' },
      lrn: { regex: '\\w+' },
    };
    await setPolicy({ siteRules: [rule] });
    const { refused } = await loadPolicySiteRules();
    expect(refused).toEqual([{ value: rule, reasons: Object.values(siteRuleErrors(rule)) }]);
    expect(refused[0]?.reasons).toHaveLength(2);
  });

  it('that are not rules at all are not used', async () => {
    const entries = [
      { urlPattern: 42 },
      'not a rule',
      { urlPattern: 'https://x.example/*', lrn: { regex: 5 } },
      null,
    ];
    await setPolicy({ siteRules: [...entries, GOOD] });
    const notARule = 'Not a page rule: it needs a urlPattern, and label, selector and regex as text.';
    expect(await loadPolicySiteRules()).toEqual({
      siteRules: [GOOD],
      refused: entries.map((value) => ({ value, reasons: [notARule] })),
    });
  });

  it('that are not a list are not used', async () => {
    await setPolicy({ siteRules: GOOD });
    expect(await loadPolicySiteRules()).toEqual({
      siteRules: [],
      refused: [{ value: GOOD, reasons: ['siteRules must be a list of page rules.'] }],
    });
    expect(await loadSiteRules()).toEqual([]);
  });

  it('are explained in Dutch in a Dutch browser', async () => {
    await useLanguage('nl');
    await setPolicy({ siteRules: [NO_GROUP] });
    expect((await loadPolicySiteRules()).refused).toEqual([
      { value: NO_GROUP, reasons: ['De reguliere expressie heeft een vanggroep ( ) rond de waarde nodig.'] },
    ]);
  });
});
