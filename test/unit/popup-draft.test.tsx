// @vitest-environment happy-dom
// The popup's draft is saved once for each change, by the change itself. React may run a state
// updater more than once (StrictMode does on purpose, a rebased render may later): a save made in
// one would be made again, and a late one could bring back a draft the worker had discarded.
import { act, cleanup, renderHook } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { usePopupDraft } from '@/entrypoints/popup/use-popup-draft';
import { emptyReportForm } from '@/lib/bzctrl/report-form';
import { draftsItem } from '@/lib/drafts';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { EMAIL } from './popup-startup';

const EMPTY = emptyReportForm(DEFAULT_SETTINGS.defaultType, EMAIL);

function renderDraft() {
  return renderHook(() => usePopupDraft(undefined, 7, DEFAULT_SETTINGS, EMAIL), { wrapper: StrictMode });
}

/** Waits for `count` saves, then says how many there were (more may have come meanwhile). */
async function savesAfter(saved: { mock: { calls: unknown[] } }, count: number): Promise<number> {
  await vi.waitFor(() => expect(saved.mock.calls.length).toBeGreaterThanOrEqual(count));
  return saved.mock.calls.length;
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('usePopupDraft', () => {
  it('saves each typed change once, with what was typed, two changes in one event included', async () => {
    const saved = vi.spyOn(draftsItem, 'setValue');
    const { result } = renderDraft();
    act(() => {
      result.current.keep({ ...EMPTY, title: 'Gate closed' }, ['title'], null);
      result.current.keep({ ...EMPTY, title: 'Gate closed', lrn: '24NLLRN0004471' }, ['title', 'lrn'], null);
    });
    expect(await savesAfter(saved, 2)).toBe(2);
    expect(await draftsItem.getValue()).toMatchObject([
      { id: result.current.draft.id, typed: ['title', 'lrn'] },
    ]);
    expect(result.current.draft.values).toMatchObject({ title: 'Gate closed', lrn: '24NLLRN0004471' });
    expect(result.current.holdsWork).toBe(true);
  });

  it('builds each change on the one before: a chosen preset keeps what was typed', async () => {
    const saved = vi.spyOn(draftsItem, 'setValue');
    const { result } = renderDraft();
    act(() => {
      result.current.keep({ ...EMPTY, title: 'Gate closed' }, ['title'], null);
      result.current.keepChoice('customs-claim');
    });
    expect(await savesAfter(saved, 2)).toBe(2);
    expect(result.current.draft).toMatchObject({ typed: ['title'], presetChoice: 'customs-claim' });
    expect(result.current.draft.values.title).toBe('Gate closed');
  });

  it('starts over with a fresh draft, which the next change builds on', async () => {
    const saved = vi.spyOn(draftsItem, 'setValue');
    const { result } = renderDraft();
    act(() => result.current.keep({ ...EMPTY, title: 'Gate closed' }, ['title'], null));
    const first = result.current.draft.id;
    act(() => result.current.startOver(EMAIL));
    expect(result.current.draft.id).not.toBe(first);
    expect(result.current.holdsWork).toBe(false);
    act(() => result.current.keep({ ...EMPTY, title: 'Seal broken' }, ['title'], null));
    expect(await savesAfter(saved, 2)).toBe(2);
    expect(result.current.draft).toMatchObject({ values: { title: 'Seal broken' }, typed: ['title'] });
    expect(result.current.draft.id).not.toBe(first);
  });
});
