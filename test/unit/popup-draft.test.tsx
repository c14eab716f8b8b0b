// @vitest-environment happy-dom
// The popup's draft is saved once for each change, by the change itself. React may run a state
// updater more than once (StrictMode does on purpose, a rebased render may later): a save made in
// one would be made again, and a late one could bring back a draft the worker had discarded.
import { act, renderHook } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { usePopupDraft } from '@/entrypoints/popup/use-popup-draft';
import { emptyReportForm } from '@/lib/bzctrl/report-form';
import { draftsItem } from '@/lib/drafts';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const EMAIL = 'operator@example.com';

function renderDraft() {
  return renderHook(() => usePopupDraft(undefined, 7, DEFAULT_SETTINGS, EMAIL), { wrapper: StrictMode });
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('usePopupDraft', () => {
  it('saves each typed change once, with what was typed', async () => {
    const saved = vi.spyOn(draftsItem, 'setValue');
    const { result } = renderDraft();
    const values = { ...emptyReportForm(DEFAULT_SETTINGS.defaultType, EMAIL), title: 'Gate closed' };
    act(() => result.current.keep(values, ['title'], null));
    await vi.waitFor(() => expect(saved).toHaveBeenCalled());
    expect(saved).toHaveBeenCalledTimes(1);
    expect(await draftsItem.getValue()).toMatchObject([{ id: result.current.draft.id, typed: ['title'] }]);
    expect(result.current.draft.values.title).toBe('Gate closed');
    expect(result.current.holdsWork).toBe(true);
  });

  it('builds each change on the one before: a chosen preset keeps what was typed', async () => {
    const saved = vi.spyOn(draftsItem, 'setValue');
    const { result } = renderDraft();
    const values = { ...emptyReportForm(DEFAULT_SETTINGS.defaultType, EMAIL), title: 'Gate closed' };
    act(() => {
      result.current.keep(values, ['title'], null);
      result.current.keepChoice('customs-claim');
    });
    await vi.waitFor(() => expect(saved.mock.calls.length).toBeGreaterThanOrEqual(2));
    expect(saved).toHaveBeenCalledTimes(2);
    expect(result.current.draft).toMatchObject({ typed: ['title'], presetChoice: 'customs-claim' });
    expect(result.current.draft.values.title).toBe('Gate closed');
  });
});
