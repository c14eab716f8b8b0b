/**
 * How the form learns what the right-click menu or the selection shortcut saw: the worker leaves a
 * launch note per tab in session storage, and the form (popup or its own window) takes it once.
 */
import { storage } from 'wxt/utils/storage';

export interface Launch {
  /** The trimmed selection, or the number in it ("SO 777" gives "777"). */
  serviceOrder?: string | undefined;
  lrn?: string | undefined;
  /** The selected text, shown as where the value came from. */
  selection: string;
  /** epoch ms; a note older than a minute is stale. */
  at: number;
}

const LAUNCH_LIFETIME_MS = 60_000;

export const launchesItem = storage.defineItem<Record<string, Launch>>('session:launches', {
  fallback: {},
  version: 1,
});

export async function leaveLaunch(tabId: number, launch: Launch): Promise<void> {
  const launches = await launchesItem.getValue();
  const fresh = Object.fromEntries(
    Object.entries(launches).filter(([, note]) => Date.now() - note.at < LAUNCH_LIFETIME_MS),
  );
  await launchesItem.setValue({ ...fresh, [tabId]: launch });
}

/** The note left for this tab, removed as it is read, or undefined. */
export async function takeLaunch(tabId: number): Promise<Launch | undefined> {
  const launches = await launchesItem.getValue();
  const launch = launches[tabId];
  if (!launch) return undefined;
  const { [tabId]: _taken, ...rest } = launches;
  await launchesItem.setValue(rest);
  return Date.now() - launch.at < LAUNCH_LIFETIME_MS ? launch : undefined;
}
