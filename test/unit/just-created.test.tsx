// @vitest-environment happy-dom
// The "was created" line: the worker's note about an item created from this tab after the popup that
// sent it closed. A note about an item created while this popup was open is its own, for the next one.
import { cleanup, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JustCreated } from '@/components/JustCreated';
import { justCreatedItem, takeJustCreated } from '@/lib/history';
import { incidentForm } from './helpers';
import { useLanguage } from './i18n-setup';

const TAB_ID = 5;
const entry = () => ({
  title: incidentForm().title,
  todoType: 'INCIDENT' as const,
  orderID: '7770142',
  taskLink: 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03',
  trusted: true,
  domainWorkSpace: 'IMP-NLD-EXA-SWA',
  createdAt: new Date().toISOString(),
});

beforeEach(() => {
  fakeBrowser.reset();
  useLanguage('en');
});
afterEach(cleanup);

describe('JustCreated', () => {
  it('shows the note left for its tab, and takes it', async () => {
    await justCreatedItem.setValue([
      { tabId: TAB_ID, entry: { ...entry(), createdAt: new Date(Date.now() - 60_000).toISOString() } },
    ]);
    render(<JustCreated tabId={TAB_ID} />);
    expect(await screen.findByText(/was created at/)).toBeTruthy();
    expect(await justCreatedItem.getValue()).toEqual([]);
  });

  it('drawn in StrictMode, its effect run twice, still shows the note it took once', async () => {
    // The e2e and sandbox builds run React's development build, where StrictMode runs each effect
    // twice: a second take would find the note gone (lib/history.ts takes it in one exclusive step).
    const tabId = TAB_ID + 1;
    await justCreatedItem.setValue([
      { tabId, entry: { ...entry(), createdAt: new Date(Date.now() - 60_000).toISOString() } },
    ]);
    render(
      <StrictMode>
        <JustCreated tabId={tabId} />
      </StrictMode>,
    );
    expect(await screen.findByText(/was created at/)).toBeTruthy();
    expect(await justCreatedItem.getValue()).toEqual([]);
  });

  it('once shown and gone (an item sent from this popup), is not shown again in the next form', async () => {
    const tabId = TAB_ID + 2;
    await justCreatedItem.setValue([
      { tabId, entry: { ...entry(), createdAt: new Date(Date.now() - 60_000).toISOString() } },
    ]);
    const drawn = render(<JustCreated tabId={tabId} />);
    expect(await screen.findByText(/was created at/)).toBeTruthy();
    // The popup shows what came of its own item, then a new form.
    drawn.unmount();
    render(<JustCreated tabId={tabId} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText(/was created at/)).toBeNull();
  });

  it('leaves a note about an item created after the popup opened (its own) for the next popup', async () => {
    const openedAt = Date.now();
    await justCreatedItem.setValue([
      { tabId: TAB_ID, entry: { ...entry(), createdAt: new Date(openedAt + 50).toISOString() } },
    ]);
    expect(await takeJustCreated(TAB_ID, openedAt)).toBeUndefined();
    expect(await justCreatedItem.getValue()).toHaveLength(1);
    // The next popup, opened after it, names it.
    expect(await takeJustCreated(TAB_ID, openedAt + 1000, openedAt + 1000)).toMatchObject({
      orderID: '7770142',
    });
    expect(await justCreatedItem.getValue()).toEqual([]);
  });
});
