// @vitest-environment happy-dom
// @wxt-dev/storage reads each item as it is defined. The popup's and the options page's modules
// define no item they have no use for: no read of the tokens (only the worker holds them) nor of
// the values set aside (read only when one is set aside, or when the options page lists them),
// each a call into the browser as the page starts.
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

/** The keys read from local and session storage while `load` runs and its reads settle. */
async function keysReadBy(load: () => Promise<unknown>): Promise<string[]> {
  const asked: unknown[] = [];
  for (const area of ['local', 'session'] as const) {
    const get = fakeBrowser.storage[area].get.bind(fakeBrowser.storage[area]);
    vi.spyOn(fakeBrowser.storage[area], 'get').mockImplementation((keys?: unknown) => {
      asked.push(keys);
      return get(keys as string);
    });
  }
  await load();
  await new Promise((resolve) => setTimeout(resolve, 10));
  // A key, a list of keys, or an object of keys and their defaults.
  return asked.flatMap((keys) =>
    typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys.map(String) : Object.keys(keys ?? {}),
  );
}

it('reads neither the tokens nor the set-aside values as the popup modules load', async () => {
  const read = await keysReadBy(async () => {
    await import('@/entrypoints/popup/mount');
    await import('@/entrypoints/popup/startup');
  });
  // The modules did define their items (the settings among them): the spy saw their reads.
  expect(read).toContain('settings');
  expect(read).not.toContain('tokens');
  expect(read).not.toContain('setAside');
});

it('reads no tokens as the options page modules load', async () => {
  const read = await keysReadBy(() => import('@/entrypoints/options/OptionsApp'));
  expect(read).toContain('settings');
  expect(read).not.toContain('tokens');
});
