import { useEffect, useRef, useState } from 'react';
import { type CheckedList, exclusively } from '@/lib/stored';

/** How one stored list is shown as rows and compared with what is stored. */
export interface ListRows<Value, Row> {
  item: CheckedList<Value>;
  toRows(list: Value[]): Row[];
  /** The list as text, for comparing; rows and stored values the same text mean nothing unsaved. */
  textOfList(list: readonly Value[]): string;
  textOfRows(rows: readonly Row[]): string;
}

/**
 * A stored list that the options page edits as rows and saves as a whole (presets, page rules),
 * while other pages change it too (the popup's Save as preset, a rule picked on a page). A change
 * made elsewhere shows at once when nothing here is unsaved; over unsaved edits the edits stay, and
 * `changedElsewhere` says that a Save would replace it. This page's own save is not taken for a
 * change made elsewhere. `onReplaced` hears when rows were replaced by a change made elsewhere.
 */
export function useStoredListEditor<Value, Row>(listRows: ListRows<Value, Row>, onReplaced: () => void) {
  // Taken at the first render (the forms pass a module constant): a new object at each render
  // would read and watch the list anew each time.
  const [list] = useState(listRows);
  const [rows, setRows] = useState<Row[]>();
  const [saved, setSaved] = useState<Value[]>([]);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  // For the storage watcher, which outlives renders: the rows now, and the list last loaded or saved.
  const rowsNow = useRef<Row[]>();
  rowsNow.current = rows;
  const savedText = useRef<string>();
  const replaced = useRef(onReplaced);
  replaced.current = onReplaced;

  useEffect(() => {
    const show = (values: Value[]) => {
      savedText.current = list.textOfList(values);
      setSaved(values);
      setRows(list.toRows(values));
    };
    void list.item.getValue().then((values) => {
      // A change seen by the watcher before this read came back is newer: keep it.
      if (savedText.current === undefined) show(values);
    });
    return list.item.watch((values) => {
      if (list.textOfList(values) === savedText.current) return; // this page's own save
      const current = rowsNow.current;
      if (current !== undefined && list.textOfRows(current) !== savedText.current) {
        setChangedElsewhere(true);
        return;
      }
      show(values);
      replaced.current();
    });
  }, [list]);

  /** Saves `values` as the whole list, under the list's lock (other pages add to it under the same). */
  async function save(values: Value[]): Promise<void> {
    // Known before the watcher hears of it, so that it takes the change for this page's own.
    savedText.current = list.textOfList(values);
    await exclusively(list.item.key, () => list.item.setValue(values));
    setSaved(values);
    setChangedElsewhere(false);
  }

  return {
    /** undefined until the stored list is read. */
    rows,
    setRows,
    /** The rows as they are now, for code that runs after a wait (a file read). */
    rowsNow: () => rowsNow.current,
    /** The list as last loaded or saved. */
    saved,
    changedElsewhere,
    save,
  };
}
