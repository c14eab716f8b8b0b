// @vitest-environment happy-dom
// A draft is restored over the page it was typed about: the popup waits for the page's reading to
// know which service order the tab shows now, and restores no draft of another one under it.
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPopup } from '@/entrypoints/popup/startup';
import { type Draft, saveDraft } from '@/lib/drafts';
import { incidentForm } from './helpers';
import { readingStartedOn } from './popup-startup';

const SEAL: Draft = {
  id: 'draft-777',
  tabId: 7,
  values: incidentForm({ orderID: '7770142', title: 'Seal broken on 7770142' }),
  // Service order was read from the page; the title and description were typed.
  typed: ['title', 'description'],
  updatedAt: 1_000,
};

async function restoredDraft() {
  const startup = startPopup('');
  await vi.waitFor(() => expect(startup.getSnapshot().essentials).toBeDefined());
  return startup.getSnapshot().essentials?.draft;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await saveDraft(SEAL);
});

it('restores the draft over the page that shows its service order', async () => {
  readingStartedOn('7770142');
  await expect(restoredDraft()).resolves.toMatchObject({ id: 'draft-777' });
});

it('does not restore it over the same tab showing another service order', async () => {
  readingStartedOn('8880001');
  await expect(restoredDraft()).resolves.toBeUndefined();
});
