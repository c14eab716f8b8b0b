// @vitest-environment happy-dom
// The popup's notes about the history (an item just created from this tab, one already reported for
// the page's values) are modules of their own, loaded once the form is drawn: the render that draws
// the form does not start loading them.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/entrypoints/popup/PopupApp';
import { useLanguage } from './i18n-setup';
import { startupWith } from './popup-startup';

// Which of the notes' modules have been evaluated: once per file, hence a file of its own.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('@/components/JustCreated', async (original) => {
  loaded.add('JustCreated');
  return original();
});
vi.mock('@/components/AlreadyReported', async (original) => {
  loaded.add('AlreadyReported');
  return original();
});

beforeEach(() => {
  fakeBrowser.reset();
  useLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it('loads the notes about the history once the form is drawn, not in the render that draws it', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const reading = {
    serviceOrder: [{ value: '7770142', source: 'page' as const, context: 'Service order' }],
    lrn: [],
  };
  render(<PopupApp startup={startupWith({}, reading)} />);
  expect(document.querySelector<HTMLInputElement>('[name="orderID"]')?.value).toBe('7770142');
  await vi.dynamicImportSettled();
  expect([...loaded]).toEqual([]);
  await act(() => vi.runAllTimersAsync());
  await vi.dynamicImportSettled();
  expect([...loaded].sort()).toEqual(['AlreadyReported', 'JustCreated']);
});
