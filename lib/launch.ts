/**
 * How the form learns what the right-click menu or the selection shortcut saw: the worker leaves a
 * launch note per tab in session storage, and the form (popup or its own window) takes it once.
 */
import { z } from 'zod/mini';
import { defineCheckedItem, exclusively } from './stored';

export interface Launch {
  /** Written by earlier versions, which read the selection in the worker; read from `selection` now. */
  serviceOrder?: string | undefined;
  lrn?: string | undefined;
  /** The selected text, cleaned: the form reads it, and shows it as where the value came from. */
  selection: string;
  /** epoch ms; a note older than a minute is stale. */
  at: number;
  /** The preset the menu's item named: the form opens with it. */
  presetId?: string | undefined;
}

const LAUNCH_LIFETIME_MS = 60_000;

/** One launch note per tab; checked by a predicate, not a richer schema: the popup loads this at open. */
const isLaunch = (value: unknown): value is Launch => {
  const { serviceOrder, lrn, selection, at, presetId } = (value ?? {}) as Record<string, unknown>;
  const optionalText = (text: unknown) => text === undefined || typeof text === 'string';
  return (
    typeof selection === 'string' &&
    typeof at === 'number' &&
    optionalText(serviceOrder) &&
    optionalText(lrn) &&
    optionalText(presetId)
  );
};
const launchesSchema = z.custom<Record<string, Launch>>(
  (value) => typeof value === 'object' && value !== null && Object.values(value).every(isLaunch),
  'not launch notes',
);

export const launchesItem = defineCheckedItem('session:launches', launchesSchema, {}, { version: 1 });

// The worker leaves notes and popups take them: each change is exclusive.
export function leaveLaunch(tabId: number, launch: Launch): Promise<void> {
  return exclusively(launchesItem.key, async () => {
    const launches = await launchesItem.getValue();
    const fresh = Object.fromEntries(
      Object.entries(launches).filter(([, note]) => Date.now() - note.at < LAUNCH_LIFETIME_MS),
    );
    await launchesItem.setValue({ ...fresh, [tabId]: launch });
  });
}

/** Notes this context took whose removal is not written yet: each is taken once. */
const beingTaken = new Set<string>();

/** The note left for this tab, removed as it is read, or undefined. */
export async function takeLaunch(tabId: number): Promise<Launch | undefined> {
  const launches = await launchesItem.getValue();
  const launch = launches[tabId];
  const mark = `${tabId}@${launch?.at}`;
  if (!launch || beingTaken.has(mark)) return undefined;
  beingTaken.add(mark);
  // Not waited for: the form needs the note, not its removal. A note left for the tab since
  // (another shortcut) stays, for its own popup.
  void exclusively(launchesItem.key, async () => {
    const { [tabId]: current, ...rest } = await launchesItem.getValue();
    if (current?.at === launch.at) await launchesItem.setValue(rest);
  }).finally(() => beingTaken.delete(mark));
  return Date.now() - launch.at < LAUNCH_LIFETIME_MS ? launch : undefined;
}
