import { describe, expect, it, vi } from 'vitest';
import {
  answerFromEarlyStorage,
  type ReadableArea,
  type StorageApi,
  startEarlyStorage,
} from '@/lib/early-storage';

/** A storage area holding `values`, counting the reads that reach it. */
function fakeArea(values: Record<string, unknown>, failing = false) {
  const listeners: ((changes: Record<string, unknown>) => void)[] = [];
  const area = {
    values,
    reads: [] as unknown[],
    onChanged: {
      addListener: (listener: (changes: Record<string, unknown>) => void) => listeners.push(listener),
    },
    /** The area's own event, which Chrome fires before storage.onChanged. */
    fireChanged(key: string) {
      for (const listener of listeners) listener({ [key]: { newValue: 'changed' } });
    },
    get(keys?: string | string[] | null) {
      area.reads.push(keys);
      if (failing) return Promise.reject(new Error('Managed storage manifest not found'));
      const asked =
        keys === null || keys === undefined ? Object.keys(values) : typeof keys === 'string' ? [keys] : keys;
      return Promise.resolve(
        Object.fromEntries(asked.filter((key) => key in values).map((key) => [key, values[key]])),
      );
    },
    set(items: Record<string, unknown>) {
      Object.assign(values, items);
      return Promise.resolve();
    },
    remove(keys: string | string[]) {
      for (const key of typeof keys === 'string' ? [keys] : keys) delete values[key];
      return Promise.resolve();
    },
  };
  return area;
}

function fakeApi({ managedFails = false } = {}) {
  const listeners: ((changes: Record<string, unknown>, areaName: string) => void)[] = [];
  const local = fakeArea({ settings: { workspace: 'SWA' }, lastEmail: 'a@example.com', history: [1, 2] });
  const session = fakeArea({ account: { email: 'a@example.com' }, drafts: [] });
  const managed = fakeArea({ domain: 'IMP-NLD-EXA-SWA' }, managedFails);
  const api = {
    storage: {
      local,
      session,
      managed,
      onChanged: { addListener: (listener: (typeof listeners)[number]) => listeners.push(listener) },
    },
  } satisfies StorageApi;
  const change = (areaName: string, key: string) => {
    for (const listener of listeners) listener({ [key]: { newValue: 'changed' } }, areaName);
  };
  return { api, local, session, managed, change };
}

const readsAfterStart = (area: { reads: unknown[] }) => area.reads.slice(1);

describe('the popup’s start-up storage reads', () => {
  it('answers a start-up key from the read its first script asked for, without asking again', async () => {
    const { api, local, session } = fakeApi();
    const end = answerFromEarlyStorage(api, startEarlyStorage(api));
    local.values.settings = { workspace: 'written by no one the popup heard of' };
    await expect(api.storage.local.get('settings')).resolves.toEqual({ settings: { workspace: 'SWA' } });
    await expect(api.storage.session.get(['account', 'drafts'])).resolves.toEqual({
      account: { email: 'a@example.com' },
      drafts: [],
    });
    expect(readsAfterStart(local)).toEqual([]);
    expect(readsAfterStart(session)).toEqual([]);
    end();
  });

  it('asks the browser for a key that changed since, one this page wrote, and any other key', async () => {
    const { api, local, session, change } = fakeApi();
    const end = answerFromEarlyStorage(api, startEarlyStorage(api));
    change('local', 'settings');
    local.values.settings = { workspace: 'NEW' };
    await expect(api.storage.local.get('settings')).resolves.toEqual({ settings: { workspace: 'NEW' } });
    await api.storage.session.set?.({ drafts: [{ id: 'd1' }] });
    await expect(api.storage.session.get('drafts')).resolves.toEqual({ drafts: [{ id: 'd1' }] });
    await api.storage.local.remove?.('lastEmail');
    await expect(api.storage.local.get('lastEmail')).resolves.toEqual({});
    await expect(api.storage.local.get('history')).resolves.toEqual({ history: [1, 2] });
    // A read of several keys goes to the browser when one of them may not be answered early.
    await expect(api.storage.local.get(['settings', 'presets'])).resolves.toEqual({
      settings: { workspace: 'NEW' },
    });
    expect(readsAfterStart(local)).toEqual(['settings', 'lastEmail', 'history', ['settings', 'presets']]);
    expect(readsAfterStart(session)).toEqual(['drafts']);
    end();
  });

  it('answers the whole policy early, and a failed read fails for its reader', async () => {
    const ok = fakeApi();
    const endOk = answerFromEarlyStorage(ok.api, startEarlyStorage(ok.api));
    await expect(ok.api.storage.managed.get(null)).resolves.toEqual({ domain: 'IMP-NLD-EXA-SWA' });
    expect(readsAfterStart(ok.managed)).toEqual([]);
    // A whole area of which only some keys were asked for goes to the browser.
    await ok.api.storage.local.get(null);
    expect(readsAfterStart(ok.local)).toEqual([null]);
    endOk();

    const failing = fakeApi({ managedFails: true });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const end = answerFromEarlyStorage(failing.api, startEarlyStorage(failing.api));
    // The modules take it up later, after the rejection would have been reported as unhandled.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(failing.api.storage.managed.get(null)).rejects.toThrow('Managed storage manifest not found');
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    end();
  });

  it('a change the area itself reports, before storage.onChanged, is asked of the browser', async () => {
    const { api, session } = fakeApi();
    const end = answerFromEarlyStorage(api, startEarlyStorage(api));
    session.values.account = { email: 'b@example.com' };
    session.fireChanged('account');
    await expect(api.storage.session.get('account')).resolves.toEqual({
      account: { email: 'b@example.com' },
    });
    expect(readsAfterStart(session)).toEqual(['account']);
    end();
  });

  it('hands a call with a callback to the browser', async () => {
    const { api, local } = fakeApi();
    const end = answerFromEarlyStorage(api, startEarlyStorage(api));
    const callback = vi.fn();
    await (api.storage.local.get as (...args: unknown[]) => Promise<unknown>)('settings', callback);
    expect(readsAfterStart(local)).toEqual(['settings']);
    end();
  });

  it('puts back a method the area inherits, as inherited', async () => {
    const { api, local } = fakeApi();
    const { get, ...ownParts } = local;
    const prototype = { get };
    const inheriting: typeof local = Object.assign(Object.create(prototype), ownParts);
    const withInherited = { storage: { ...api.storage, local: inheriting } };
    const end = answerFromEarlyStorage(withInherited, startEarlyStorage(withInherited));
    expect(Object.hasOwn(inheriting, 'get')).toBe(true);
    end();
    expect(Object.hasOwn(inheriting, 'get')).toBe(false);
    expect(inheriting.get).toBe(prototype.get);
  });

  it('leaves the areas as they were once start-up is over', async () => {
    const { api, local } = fakeApi();
    const ownGet = local.get;
    const end = answerFromEarlyStorage(api, startEarlyStorage(api));
    expect(api.storage.local.get).not.toBe(ownGet);
    end();
    expect(api.storage.local.get).toBe(ownGet);
    expect(Object.hasOwn(api.storage.local, 'set')).toBe(true);
    await api.storage.local.get('settings');
    expect(readsAfterStart(local)).toEqual(['settings']);
  });

  it('does nothing where no first script asked for anything (the form opened in tests, say)', async () => {
    const { api, local } = fakeApi();
    const ownGet: ReadableArea['get'] = local.get;
    const end = answerFromEarlyStorage(api, undefined);
    expect(api.storage.local.get).toBe(ownGet);
    end();
  });
});

describe('an area whose methods may not be replaced', () => {
  it('answers every read itself, and nothing throws', async () => {
    const { api, local } = fakeApi();
    const early = startEarlyStorage(api);
    Object.freeze(local);
    const end = answerFromEarlyStorage(api, early);
    await expect(api.storage.local.get('settings')).resolves.toEqual({ settings: { workspace: 'SWA' } });
    expect(readsAfterStart(local)).toEqual(['settings']);
    end();
  });
});
