/**
 * The popup's start-up storage reads, asked for by its plain first script (entrypoints/popup-start.ts)
 * beside the page's reading, so that they are in by the time React has loaded: read by the modules
 * only then, they would queue behind the module's evaluation and cost a round trip more before the
 * form is drawn. Until start-up is over, a read of those keys is answered from what was asked for
 * early, unless the key changed since (a change the browser reported, or a write by this page);
 * any other read goes to the browser as usual. No imports: the first script stays small.
 */

type Keys = string | string[] | null | undefined;

type ChangeListener = (changes: Record<string, unknown>, areaName?: string) => void;

/** What of a storage area this needs: Chrome's and Firefox's both have it, with promises. */
export interface ReadableArea {
  get(keys?: Keys): Promise<Record<string, unknown>>;
  set?(items: Record<string, unknown>): Promise<void>;
  remove?(keys: string | string[]): Promise<void>;
  /** The area's own event: @wxt-dev/storage watches this one, and Chrome fires it first. */
  onChanged?: { addListener(listener: ChangeListener): void };
}

export interface StorageApi {
  storage: {
    local: ReadableArea;
    session: ReadableArea;
    managed: ReadableArea;
    onChanged: { addListener(listener: ChangeListener): void };
  };
}

type AreaName = 'local' | 'session' | 'managed';

/** The keys the popup reads to draw its form (lib/settings.ts, drafts.ts, launch.ts, presets/). */
export const START_KEYS: Record<AreaName, readonly string[] | null> = {
  local: ['settings', 'lastEmail', 'presets', 'siteRules'],
  session: ['account', 'drafts', 'sentDrafts', 'launches'],
  // The policy: the whole area, as lib/settings.ts reads it.
  managed: null,
};

interface AreaReads {
  /** Undefined for the whole area. */
  keys: readonly string[] | null;
  values: Promise<Record<string, unknown>>;
  /** Keys changed since they were asked for. */
  changed: Set<string>;
}

export type EarlyStorage = Record<AreaName, AreaReads>;

/** Where the popup's first script leaves its reads for the popup's modules. */
export const EARLY_STORAGE_KEY = 'bzctrlEarlyStorage';

/** Asks for the start-up keys now, and notes every change to them from here on. */
export function startEarlyStorage(api: StorageApi): EarlyStorage {
  const areas = ['local', 'session', 'managed'] as const;
  const changed = Object.fromEntries(areas.map((area) => [area, new Set<string>()])) as Record<
    AreaName,
    Set<string>
  >;
  const note = (area: AreaName) => (changes: Record<string, unknown>) => {
    for (const key of Object.keys(changes)) changed[area].add(key);
  };
  // Listening before asking: a change between the two is never missed. Each area's own event too,
  // which comes first: a watcher that reads again on it must not be answered from here.
  api.storage.onChanged.addListener((changes, areaName) => {
    if (areaName && areaName in changed) note(areaName as AreaName)(changes);
  });
  for (const area of areas) api.storage[area].onChanged?.addListener(note(area));
  const early = {} as EarlyStorage;
  for (const area of areas) {
    const keys = START_KEYS[area];
    const values = api.storage[area].get(keys === null ? null : [...keys]);
    // A read that fails (Firefox without a policy) fails for whoever takes it, not here.
    values.catch(() => undefined);
    early[area] = { keys, values, changed: changed[area] };
  }
  return early;
}

/**
 * Answers reads of the start-up keys from `early` until the returned function is called (start-up
 * is over), then leaves the areas as they were.
 */
export function answerFromEarlyStorage(api: StorageApi, early: EarlyStorage | undefined): () => void {
  if (!early) return () => undefined;
  const restores = (['local', 'session', 'managed'] as const).map((area) =>
    serveArea(api.storage[area], early[area]),
  );
  return () => {
    for (const restore of restores) restore();
  };
}

function serveArea(target: ReadableArea, reads: AreaReads): () => void {
  const { get, set, remove } = target;
  const fresh = (key: string) => !reads.changed.has(key) && (reads.keys === null || reads.keys.includes(key));
  const answerGet = function (this: ReadableArea, keys?: Keys, ...rest: unknown[]) {
    // A call with a callback is the browser's to answer.
    if (rest.length > 0)
      return (get as (...args: unknown[]) => Promise<Record<string, unknown>>).call(this, keys, ...rest);
    const asked = keys === null || keys === undefined ? null : typeof keys === 'string' ? [keys] : keys;
    const early =
      asked === null
        ? reads.keys === null && reads.changed.size === 0
        : Array.isArray(asked) && asked.every(fresh);
    if (!early) return get.call(this, keys);
    return reads.values.then((all) =>
      asked === null
        ? { ...all }
        : Object.fromEntries(asked.filter((key) => key in all).map((key) => [key, all[key]])),
    );
  };
  // Writes of this page count as changes at once (the browser reports them only later).
  const noteSet = function (this: ReadableArea, items: Record<string, unknown>, ...rest: unknown[]) {
    for (const key of Object.keys(items)) reads.changed.add(key);
    return (set as (...args: unknown[]) => Promise<void>).call(this, items, ...rest);
  };
  const noteRemove = function (this: ReadableArea, keys: string | string[], ...rest: unknown[]) {
    for (const key of typeof keys === 'string' ? [keys] : keys) reads.changed.add(key);
    return (remove as (...args: unknown[]) => Promise<void>).call(this, keys, ...rest);
  };

  const names = ['get', 'set', 'remove'] as const;
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(target, name)] as const);
  const restore = () => {
    for (const [name, descriptor] of saved) {
      try {
        if (descriptor) Object.defineProperty(target, name, descriptor);
        else delete (target as Partial<ReadableArea>)[name];
      } catch {
        // Never changed: it could not be.
      }
    }
  };
  try {
    target.get = answerGet;
    if (set) target.set = noteSet;
    if (remove) target.remove = noteRemove;
  } catch {
    // An area whose methods may not be replaced answers every read itself, as it would without this.
    restore();
  }
  return restore;
}
