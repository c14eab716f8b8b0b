/**
 * The outbox's storage, written by the worker alone: its migrations, and every change as one
 * read-modify-write at a time. Pages read it through `outboxView` (lib/outbox.ts).
 */
import { endpointsFor } from '../bzctrl/environments';
import { type OutboxItem, outboxEntrySchema } from '../outbox';
import { currentAccount, loadSettings } from '../settings';
import { OUTBOX_KEY } from '../storage-keys';
import { defineCheckedList, exclusively } from '../stored';

export const outboxItem = defineCheckedList(OUTBOX_KEY, outboxEntrySchema, {
  version: 2,
  migrations: {
    // Version 1 kept no destination. Its items were made under the settings in force then, most
    // likely these still, by the account signed in now or, failing that, by their reporter.
    2: async (items: unknown) => {
      if (!Array.isArray(items)) return items;
      const settings = await loadSettings();
      const { tokenUrl, addTaskUrl } = endpointsFor(settings);
      const account = (await currentAccount(settings))?.email;
      return items.map((item) => {
        if (typeof item !== 'object' || item === null || 'destination' in item) return item;
        const reporter = (item as { body?: { reporter?: unknown } }).body?.reporter;
        const owner = account ?? (typeof reporter === 'string' ? reporter : '');
        return { ...item, destination: { tokenUrl, addTaskUrl, account: owner } };
      });
    },
  },
});

/** Reads, changes and writes the outbox in one step; a change that returns the same array writes nothing. */
export function updateOutbox<T>(
  change: (
    items: OutboxItem[],
  ) => { items: OutboxItem[]; result: T } | Promise<{ items: OutboxItem[]; result: T }>,
): Promise<T> {
  return exclusively(OUTBOX_KEY, async () => {
    const current = await outboxItem.getValue();
    const { items, result } = await change(current);
    if (items !== current) await outboxItem.setValue(items);
    return result;
  });
}

export function putItem(item: OutboxItem): Promise<void> {
  return updateOutbox((items) => ({
    items: [...items.filter((other) => other.id !== item.id), item],
    result: undefined,
  }));
}

/** Changes every item `matches` picks by `patch`; writes only when it picks one. */
export function patchItems(
  matches: (item: OutboxItem) => boolean,
  patch: Partial<OutboxItem> | ((item: OutboxItem) => Partial<OutboxItem>),
): Promise<void> {
  const patchOf = typeof patch === 'function' ? patch : () => patch;
  return updateOutbox((items) => ({
    items: items.some(matches)
      ? items.map((item) => (matches(item) ? { ...item, ...patchOf(item) } : item))
      : items,
    result: undefined,
  }));
}

/** Writes the item's new state, unless it was discarded meanwhile (then it stays gone). */
export function replaceItem(item: OutboxItem): Promise<void> {
  return updateOutbox((items) => ({
    items: items.map((other) => (other.id === item.id ? item : other)),
    result: undefined,
  }));
}

export function removeItem(id: string): Promise<OutboxItem | undefined> {
  return updateOutbox((items) => ({
    items: items.filter((item) => item.id !== id),
    result: items.find((item) => item.id === id),
  }));
}
