// @vitest-environment happy-dom
// @wxt-dev/storage reads each item as it is defined. The popup's modules define no item the popup
// has no use for: no read of the tokens (only the worker holds them) nor of the values set aside
// (read only when one is set aside, or by the options page), each a call into the browser as the
// popup starts.
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

it('reads neither the tokens nor the set-aside values as the popup modules load', async () => {
  const keysRead: unknown[] = [];
  for (const area of ['local', 'session'] as const) {
    const get = fakeBrowser.storage[area].get.bind(fakeBrowser.storage[area]);
    vi.spyOn(fakeBrowser.storage[area], 'get').mockImplementation((keys?: unknown) => {
      keysRead.push(keys);
      return get(keys as string);
    });
  }
  await import('@/entrypoints/popup/PopupApp');
  await import('@/entrypoints/popup/startup');
  await new Promise((resolve) => setTimeout(resolve, 10));
  const flat = keysRead.flat().map(String);
  // The modules did define their items (the settings among them): the spy saw their reads.
  expect(flat).toContain('settings');
  expect(flat).not.toContain('tokens');
  expect(flat).not.toContain('setAside');
});
