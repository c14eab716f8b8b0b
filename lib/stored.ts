/**
 * Stored items are checked when they are read: storage may hold a value of an older version, a
 * truncated write, or anything another tool put there. A value (or a list entry) that does not
 * parse with its item's schema is not used, never thrown at the UI and not silently lost: it is
 * set aside, with the reason, in the same storage area (`setAside`), where the options page shows
 * it. Versions migrate through @wxt-dev/storage's migrations before anything is read.
 */
import { storage } from 'wxt/utils/storage';
import type { z } from 'zod/mini';

type Area = 'local' | 'session';
type StorageKey = `${Area}:${string}`;

/** A stored value that was not used, kept to be looked at. */
export interface SetAsideValue {
  key: string;
  value: unknown;
  reason: string;
  at: number;
}

const SET_ASIDE_LIMIT = 50;

/** Per area, so that what comes from the session area (tokens, drafts) never lands on disk. */
const defineSetAside = () => ({
  local: storage.defineItem<SetAsideValue[]>('local:setAside', { fallback: [] }),
  session: storage.defineItem<SetAsideValue[]>('session:setAside', { fallback: [] }),
});
let setAsideDefined: ReturnType<typeof defineSetAside> | undefined;
/**
 * Defined when first used: @wxt-dev/storage reads an item as it defines it, and a popup whose
 * stored values all parse has nothing to set aside (each read is a call into the browser).
 */
export const setAsideItems = () => {
  setAsideDefined ??= defineSetAside();
  return setAsideDefined;
};

/** Keeps `value`, read from `key` and not used, to be looked at. */
export function setAside(key: StorageKey, value: unknown, reason: string): Promise<void> {
  const area = key.startsWith('session:') ? 'session' : 'local';
  const item = setAsideItems()[area];
  return exclusively(`${area}:setAside`, async () => {
    const kept = await item.getValue();
    const text = JSON.stringify(value);
    // Read twice (the popup and the worker both read), set aside once.
    if (kept.some((other) => other.key === key && JSON.stringify(other.value) === text)) return;
    await item.setValue([{ key, value, reason, at: Date.now() }, ...kept].slice(0, SET_ASIDE_LIMIT));
  });
}

/** Forgets every value set aside, under the lock `setAside` takes: none being set aside comes back. */
export function clearSetAside(): Promise<unknown> {
  return Promise.all(
    (['local', 'session'] as const).map((area) =>
      exclusively(`${area}:setAside`, () => setAsideItems()[area].removeValue()),
    ),
  );
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `change`, a read-modify-write of `key`, while no other one of the same key runs, in this
 * context or another: the popup, the worker, the options page and a second popup all write some
 * of the same items, and two changes that read before either wrote would lose one of them. Web
 * Locks are shared by every page and worker of the extension's origin, and a context that dies
 * lets go of its lock. Without them (Node, in unit tests) one queue per key in this context.
 */
export function exclusively<T>(key: StorageKey, change: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(`storage ${key}`, change);
  const run = (queues.get(key) ?? Promise.resolve()).then(change);
  queues.set(
    key,
    run.catch(() => undefined),
  );
  return run;
}

function reasonOf(error: z.core.$ZodError): string {
  const [issue] = error.issues;
  return issue ? `${issue.path.join('.') || '(value)'}: ${issue.message}` : 'not readable';
}

interface ItemOptions {
  version: number;
  migrations?: Record<number, (old: unknown) => unknown>;
  /** What of a value that does not parse may be kept to be looked at (no secrets). */
  redact?: (value: unknown) => unknown;
}

/** One stored value: when it does not parse, `fallback` is used and the value set aside. */
export function defineCheckedItem<T>(
  key: StorageKey,
  schema: z.ZodMiniType<T>,
  fallback: T,
  options: ItemOptions,
) {
  const item = storage.defineItem<unknown>(key, { fallback: null, ...options });
  const parse = (raw: unknown) => (raw === null || raw === undefined ? undefined : schema.safeParse(raw));
  return {
    key,
    fallback,
    async getValue(): Promise<T> {
      const raw = await item.getValue();
      const parsed = parse(raw);
      if (!parsed) return fallback;
      if (parsed.success) return parsed.data;
      await setAside(key, options.redact ? options.redact(raw) : raw, reasonOf(parsed.error));
      return fallback;
    },
    setValue: (value: T) => item.setValue(value),
    removeValue: () => item.removeValue(),
    /** Changes, as parsed: a value that does not parse reads as the fallback. */
    watch(callback: (value: T) => void): () => void {
      return item.watch((raw) => {
        const parsed = parse(raw);
        callback(parsed?.success ? parsed.data : fallback);
      });
    },
  };
}

/** A stored list, each entry checked on its own: one bad entry costs only itself. */
export function defineCheckedList<T>(key: StorageKey, entry: z.ZodMiniType<T>, options: ItemOptions) {
  const item = storage.defineItem<unknown>(key, { fallback: [], ...options });
  const split = splitBy(entry);
  return {
    key,
    async getValue(): Promise<T[]> {
      const raw = await item.getValue();
      if (raw === null || raw === undefined) return [];
      const { good, bad } = split(raw);
      // Set aside, not written back: whoever owns the list writes it next, without these.
      for (const { value, reason } of bad) {
        await setAside(key, options.redact ? options.redact(value) : value, reason);
      }
      return good;
    },
    setValue: (value: T[]) => item.setValue(value),
    removeValue: () => item.removeValue(),
    watch(callback: (value: T[]) => void): () => void {
      return item.watch((raw) => callback(raw === null || raw === undefined ? [] : split(raw).good));
    },
  };
}

/** A stored list made by defineCheckedList. */
export type CheckedList<T> = ReturnType<typeof defineCheckedList<T>>;

/**
 * A stored list as a context that does not own it sees it: read and watched, never written, not
 * even by a migration (its owner migrates it). Entries that do not parse are left out; the owner
 * sets them aside when it reads them.
 */
export function defineCheckedView<T>(key: StorageKey, entry: z.ZodMiniType<T>) {
  // No version and no migrations: @wxt-dev/storage then only reads.
  const item = storage.defineItem<unknown>(key, { fallback: [] });
  const split = splitBy(entry);
  const good = (raw: unknown) => (raw === null || raw === undefined ? [] : split(raw).good);
  return {
    key,
    getValue: async (): Promise<T[]> => good(await item.getValue()),
    watch: (callback: (value: T[]) => void): (() => void) => item.watch((raw) => callback(good(raw))),
  };
}

/** Parses each entry of a list on its own: the good ones, and why each bad one is not used. */
function splitBy<T>(entry: z.ZodMiniType<T>) {
  return (raw: unknown) => {
    const entries = Array.isArray(raw) ? raw : [raw];
    const good: T[] = [];
    const bad: { value: unknown; reason: string }[] = [];
    for (const value of entries) {
      const parsed = entry.safeParse(value);
      if (parsed.success) good.push(parsed.data);
      else bad.push({ value, reason: reasonOf(parsed.error) });
    }
    return { good, bad };
  };
}
