// @vitest-environment happy-dom
// The options page's editor of a stored list (presets, page rules) beside other pages that change
// the same list: what it shows, when it tells of a change made elsewhere, and its own saves.
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, expect, it, vi } from 'vitest';
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
  const editor = renderHook(() => useStoredListEditor(list, onReplaced));
  await waitFor(() => expect(editor.result.current.rows).toBeDefined());
  return { editor, onReplaced };
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

it('does not take its own save for a change made elsewhere', async () => {
  await namesItem.setValue(['tos']);
  const { editor, onReplaced } = await editorOf(NAMES);
  const typed = [{ key: 7, text: ' customs ' }];
  act(() => editor.result.current.setRows(typed));

  // Saved as the form saves it, trimmed: the rows are not read back over what is shown.
  await act(() => editor.result.current.save(['customs']));
  await act(() => new Promise((resolve) => setTimeout(resolve, 0))); // the watcher's turn

  expect(await namesItem.getValue()).toEqual(['customs']);
  expect(editor.result.current.rows).toBe(typed);
  expect(editor.result.current.changedElsewhere).toBe(false);
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
  const editor = renderHook(() => useStoredListEditor(rowsOf(slowItem), vi.fn()));

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
