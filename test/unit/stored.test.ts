import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { outboxItem } from '@/lib/background/outbox-store';
import { tokensItem } from '@/lib/bzctrl/tokens';
import { draftsItem, findDraft } from '@/lib/drafts';
import { historyItem, justCreatedItem } from '@/lib/history';
import { launchesItem } from '@/lib/launch';
import { accountItem, DEFAULT_SETTINGS, lastEmailItem, loadSettings, siteRulesItem } from '@/lib/settings';
import { setAsideItems } from '@/lib/stored';
import { EMAIL, incidentForm, outboxEntry, PROD_DESTINATION, setUpFakeBrowser } from './helpers';

setUpFakeBrowser();

const setAside = (area: 'local' | 'session') => setAsideItems()[area].getValue();

const HISTORY_ENTRY = {
  taskLink: 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03',
  trusted: true,
  title: 'Potential Customs claim',
  todoType: 'INCIDENT',
  orderID: '7770142',
  domainWorkSpace: 'IMP-NLD-EXA-SWA',
  createdAt: '2026-03-14T09:12:00.000Z',
};

/** Writes `value` under `key` as another version, a truncated write or another tool would. */
const storeRaw = (area: 'local' | 'session', key: string, value: unknown) =>
  fakeBrowser.storage[area].set({ [key]: value });

describe('a stored list with an entry of another shape', () => {
  it.each([
    ['local', 'outbox', () => outboxItem.getValue(), outboxEntry({ id: 'good-0001' })],
    ['local', 'history', () => historyItem.getValue(), HISTORY_ENTRY],
    [
      'session',
      'drafts',
      () => draftsItem.getValue(),
      { id: 'draft-0001', tabId: 7, values: incidentForm(), updatedAt: 1 },
    ],
    ['session', 'justCreated', () => justCreatedItem.getValue(), { tabId: 7, entry: HISTORY_ENTRY }],
    [
      'local',
      'siteRules',
      () => siteRulesItem.getValue(),
      { urlPattern: 'https://tos.example.com/*', serviceOrder: { selector: '#so' } },
    ],
  ] as const)(
    '%s:%s keeps the good entries and sets the bad one aside, with the reason',
    async (area, key, read, good) => {
      const bad = { title: 42 };
      await storeRaw(area, key, [good, bad]);

      const entries = await read();

      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject(key === 'drafts' ? { id: 'draft-0001' } : good);
      expect(await setAside(area)).toEqual([
        { key: `${area}:${key}`, value: bad, reason: expect.any(String), at: expect.any(Number) },
      ]);
    },
  );

  it('reads a value that is not a list at all as an empty list, and sets it aside', async () => {
    await storeRaw('local', 'history', 'truncated');
    expect(await historyItem.getValue()).toEqual([]);
    expect(await setAside('local')).toMatchObject([{ key: 'local:history', value: 'truncated' }]);
  });

  it('sets a bad entry aside once, however often it is read', async () => {
    await storeRaw('local', 'history', [HISTORY_ENTRY, null]);
    await historyItem.getValue();
    await historyItem.getValue();
    expect(await setAside('local')).toHaveLength(1);
  });

  it('does not write the list back on a read: its owner does, without the bad entry', async () => {
    await storeRaw('local', 'history', [HISTORY_ENTRY, null]);
    await historyItem.getValue();
    expect((await fakeBrowser.storage.local.get('history')).history).toHaveLength(2);
  });

  it('tells watchers only the entries that parse', async () => {
    const seen: unknown[][] = [];
    const unwatch = outboxItem.watch((items) => seen.push(items));
    await storeRaw('local', 'outbox', [outboxEntry({ id: 'good-0001' }), { id: 3 }]);
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatchObject([{ id: 'good-0001' }]);
    unwatch();
  });
});

describe('a stored value of another shape', () => {
  it('an account that is not one reads as signed out, and is set aside', async () => {
    await storeRaw('session', 'account', { email: 7 });
    expect(await accountItem.getValue()).toBeNull();
    expect(await setAside('session')).toMatchObject([{ key: 'session:account', value: { email: 7 } }]);
  });

  it('tokens that are not tokens read as none, and are set aside without their values', async () => {
    await storeRaw('session', 'tokens', { accessToken: 'secret-value', expiresAt: 'soon' });
    expect(await tokensItem.getValue()).toBeNull();
    const [kept] = await setAside('session');
    expect(kept).toMatchObject({ key: 'session:tokens', value: ['accessToken', 'expiresAt'] });
    expect(JSON.stringify(await setAside('session'))).not.toContain('secret-value');
    expect(JSON.stringify(await setAside('local'))).not.toContain('secret-value');
  });

  it('launches of another shape read as none, and are set aside', async () => {
    await storeRaw('session', 'launches', { 7: { selection: 777 } });
    expect(await launchesItem.getValue()).toEqual({});
    expect(await setAside('session')).toMatchObject([{ key: 'session:launches' }]);
  });

  it('a last e-mail that is not text reads as none, and is set aside', async () => {
    await storeRaw('local', 'lastEmail', { email: EMAIL });
    expect(await lastEmailItem.getValue()).toBe('');
    expect(await setAside('local')).toMatchObject([{ key: 'local:lastEmail' }]);
  });

  it('a missing value reads as the fallback, and nothing is set aside', async () => {
    expect(await tokensItem.getValue()).toBeNull();
    expect(await historyItem.getValue()).toEqual([]);
    expect(await setAside('local')).toEqual([]);
    expect(await setAside('session')).toEqual([]);
  });
});

describe('settings of another shape', () => {
  it('a field that does not fit gets its default and is set aside; the other fields still count', async () => {
    await storeRaw('local', 'settings', { environment: 'moon', domain: 'VTT-NLD-TML', workspace: 'FIN' });
    const settings = await loadSettings();
    expect(settings).toMatchObject({
      environment: DEFAULT_SETTINGS.environment,
      domain: 'VTT-NLD-TML',
      workspace: 'FIN',
    });
    expect(await setAside('local')).toMatchObject([
      { key: 'local:settings', value: { environment: 'moon' } },
    ]);
  });

  it('settings that are not an object read as the defaults, and are set aside', async () => {
    await storeRaw('local', 'settings', 'cut sho');
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await setAside('local')).toMatchObject([{ key: 'local:settings', value: 'cut sho' }]);
  });
});

describe('drafts of an older version', () => {
  it('a draft that lacks fields gets them empty, and keeps what was typed', async () => {
    await storeRaw('session', 'drafts', [
      {
        id: 'draft-0001',
        tabId: 7,
        values: { todoType: 'TASK', title: 'Half typed', extra: 1 },
        updatedAt: 1,
      },
    ]);
    const draft = await findDraft(7);
    expect(draft?.values).toMatchObject({
      todoType: 'TASK',
      title: 'Half typed',
      description: '',
      result: '',
    });
    expect(draft?.values).not.toHaveProperty('extra');
  });
});

describe('the outbox of version 1', () => {
  it('gains a destination: the server in force, and the account signed in, else the reporter', async () => {
    const { destination: _none, ...v1 } = outboxEntry({ id: 'old-0001' });
    await fakeBrowser.storage.local.set({ outbox: [v1], outbox$: { v: 1 } });
    // Items migrate when they are defined: as the new version starts, load the module anew.
    vi.resetModules();
    const { outboxItem: migrated } = await import('@/lib/background/outbox-store');
    const [item] = await migrated.getValue();
    expect(item?.destination).toEqual({ ...PROD_DESTINATION, account: v1.body.reporter });
  });
});

describe("the popup's view of the outbox", () => {
  it('never writes it, not even to migrate it: the worker alone does', async () => {
    // The outbox as the worker's first write leaves it for a moment: the items are in, the
    // version is not yet. A page that migrated it would write back these items as it read them,
    // over what the worker wrote meanwhile (an item sent and now waiting, put back as sending).
    const sending = { ...outboxEntry({ id: 'sending-0001' }), state: 'sending' };
    await fakeBrowser.storage.local.set({ outbox: [sending] });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    vi.resetModules();
    const { outboxView } = await import('@/lib/outbox');
    await import('@/components/PopupOutbox');

    expect(await outboxView.getValue()).toEqual([sending]);
    // Migrations run on their own as the item is defined: give them time to write, if they would.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(set).not.toHaveBeenCalled();
  });

  it('leaves out entries that do not parse, and sets nothing aside (the worker does)', async () => {
    const good = outboxEntry({ id: 'good-0002' });
    await fakeBrowser.storage.local.set({ outbox: [{ id: 42, body: 'cut sho' }, good] });
    const { outboxView } = await import('@/lib/outbox');
    const seen: unknown[] = [];
    const stop = outboxView.watch((items) => seen.push(items));
    expect(await outboxView.getValue()).toEqual([good]);
    await fakeBrowser.storage.local.set({ outbox: [good, { state: 'odd' }] });
    await vi.waitFor(() => expect(seen).toEqual([[good]]));
    stop();
    expect(await setAside('local')).toEqual([]);
  });
});
