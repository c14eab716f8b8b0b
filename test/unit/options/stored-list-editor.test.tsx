// @vitest-environment happy-dom
// The options page's editor of a stored list (presets, page rules) beside other pages that change
// the same list: what it shows, when it tells of a change made elsewhere, and its own saves.
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod/mini';
import { type ListRows, useStoredListEditor } from '@/components/use-stored-list-editor';
import { type CheckedList, defineCheckedList, exclusively } from '@/lib/stored';

interface Row {
  key: number;
  text: string;
}

const namesItem = defineCheckedList('local:testNames', z.string(), { version: 1 });
let nextKey = 1;
const rowsOf = (item: CheckedList<string>): ListRows<string, Row> => ({
  item,
  toRows: (names) => names.map((text) => ({ key: nextKey++, text })),
  textOfList: (names) => JSON.stringify(names.map((name) => name.trim())),
  textOfRows: (rows) => JSON.stringify(rows.map((row) => row.text.trim())),
});
const NAMES = rowsOf(namesItem);

beforeEach(() => {
  fakeBrowser.reset();
});

async function editorOf(list: ListRows<string, Row>, onReplaced = vi.fn()) {
  /** changedElsewhere at each render: what the page showed, however briefly. */
  const shownChangedElsewhere: boolean[] = [];
  const editor = renderHook(() => {
    const state = useStoredListEditor(list, onReplaced);
    shownChangedElsewhere.push(state.changedElsewhere);
    return state;
  });
  await waitFor(() => expect(editor.result.current.rows).toBeDefined());
  return { editor, onReplaced, shownChangedElsewhere };
}
const texts = (rows: Row[] | undefined) => rows?.map((row) => row.text);

it('shows the stored list as rows', async () => {
  await namesItem.setValue(['tos', 'customs']);
  const { editor } = await editorOf(NAMES);
  expect(texts(editor.result.current.rows)).toEqual(['tos', 'customs']);
  expect(editor.result.current.saved).toEqual(['tos', 'customs']);
  expect(editor.result.current.changedElsewhere).toBe(false);
});

it('shows a change made elsewhere at once when nothing here is unsaved', async () => {
  await namesItem.setValue(['tos']);
  const { editor, onReplaced } = await editorOf(NAMES);

  await act(() => namesItem.setValue(['tos', 'picked']));

  await waitFor(() => expect(texts(editor.result.current.rows)).toEqual(['tos', 'picked']));
  expect(editor.result.current.saved).toEqual(['tos', 'picked']);
  expect(editor.result.current.changedElsewhere).toBe(false);
  expect(onReplaced).toHaveBeenCalledTimes(1);
});

it('keeps unsaved rows over a change made elsewhere, says so, and a save replaces that change', async () => {
  await namesItem.setValue(['tos']);
  const { editor, onReplaced } = await editorOf(NAMES);
  act(() => editor.result.current.setRows([{ key: 99, text: 'typed' }]));

  await act(() => namesItem.setValue(['tos', 'picked']));

  await waitFor(() => expect(editor.result.current.changedElsewhere).toBe(true));
  expect(texts(editor.result.current.rows)).toEqual(['typed']);
  expect(onReplaced).not.toHaveBeenCalled();

  await act(() => editor.result.current.save(['typed']));
  expect(await namesItem.getValue()).toEqual(['typed']);
  expect(editor.result.current.changedElsewhere).toBe(false);
  expect(editor.result.current.saved).toEqual(['typed']);
});

it('does not take its own save for a change made elsewhere, not even for a moment', async () => {
  await namesItem.setValue(['tos']);
  const { editor, onReplaced, shownChangedElsewhere } = await editorOf(NAMES);
  const typed = [{ key: 7, text: ' customs ' }];
  act(() => editor.result.current.setRows(typed));
  // The storage's change event may come before the write's promise resolves, as Chrome's can;
  // React draws what that event brings before the write is done.
  const heard = vi.fn();
  const unwatch = namesItem.watch(heard);
  const setValue = vi.spyOn(namesItem, 'setValue').mockImplementationOnce(async (names) => {
    await browser.storage.local.set({ testNames: names });
    await vi.waitFor(() => expect(heard).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  // Saved as the form saves it, trimmed: the rows are not read back over what is shown. Not in
  // act(), which would draw only the end state.
  const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await editor.result.current.save(['customs']);
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    unwatch();
  }

  expect(setValue).toHaveBeenCalledOnce();
  expect(await namesItem.getValue()).toEqual(['customs']);
  expect(editor.result.current.rows).toBe(typed);
  expect(shownChangedElsewhere).not.toContain(true);
  expect(onReplaced).not.toHaveBeenCalled();
});

it('keeps a change heard before its first read came back: the change is the newer', async () => {
  let firstRead: (names: string[]) => void = () => undefined;
  let heard: (names: string[]) => void = () => undefined;
  const slowItem: CheckedList<string> = {
    ...namesItem,
    getValue: () => new Promise((resolve) => (firstRead = resolve)),
    watch: (callback) => {
      heard = callback;
      return () => undefined;
    },
  };
  const slowRows = rowsOf(slowItem);
  const editor = renderHook(() => useStoredListEditor(slowRows, vi.fn()));

  act(() => heard(['newer']));
  await act(async () => firstRead(['older']));

  expect(texts(editor.result.current.rows)).toEqual(['newer']);
});

it('saves under the list’s lock, after a change another page holds it for', async () => {
  await namesItem.setValue(['tos']);
  const { editor } = await editorOf(NAMES);
  let release: () => void = () => undefined;
  const held = exclusively(namesItem.key, async () => {
    await new Promise<void>((resolve) => (release = resolve));
    await namesItem.setValue(['tos', 'picked']);
  });

  let saved = false;
  let saving: Promise<unknown> = Promise.resolve();
  await act(async () => {
    saving = editor.result.current.save(['mine']).then(() => (saved = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(saved).toBe(false);
  expect(await namesItem.getValue()).toEqual(['tos']);

  await act(async () => {
    release();
    await held;
    await saving;
  });
  expect(await namesItem.getValue()).toEqual(['mine']);
});

it('reads and watches the list once, whatever object each render passes', async () => {
  await namesItem.setValue(['tos']);
  const read = vi.spyOn(namesItem, 'getValue');
  const watch = vi.spyOn(namesItem, 'watch');
  const editor = renderHook(() => useStoredListEditor(rowsOf(namesItem), vi.fn()));
  await waitFor(() => expect(texts(editor.result.current.rows)).toEqual(['tos']));

  act(() => editor.result.current.setRows([{ key: 5, text: 'typed' }]));
  await act(() => namesItem.setValue(['tos', 'picked']));

  // Once each: the first render's list is the one read and watched.
  expect(read).toHaveBeenCalledOnce();
  expect(watch).toHaveBeenCalledOnce();
  expect(texts(editor.result.current.rows)).toEqual(['typed']);
  expect(editor.result.current.changedElsewhere).toBe(true);
});
