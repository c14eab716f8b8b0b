/**
 * The outbox: every submission is written here before it is sent, so nothing the operator typed is
 * lost when the network, BzCtrl or the worker fails. It lives in storage.local and survives worker
 * and browser restarts; the worker retries what waits (lib/background/outbox-runner.ts).
 */
import { storage } from 'wxt/utils/storage';
import type { AddTaskRequest } from './bzctrl/add-task';

export type OutboxState =
  /** a request for it is on its way (or was, when the worker stopped mid-way) */
  | 'sending'
  /** not delivered (network down, BzCtrl 5xx or 429): retried by itself at `nextAttemptAt` */
  | 'waiting'
  /** sent, but no answer came: BzCtrl may have created it; the user checks and chooses */
  | 'unknown'
  /** refused by BzCtrl (or the user must sign in first); waits for the user */
  | 'held';

export interface OutboxItem {
  /** Made by the form, once per submission: the same id twice is the same submission. */
  id: string;
  body: AddTaskRequest;
  state: OutboxState;
  attempts: number;
  /** epoch ms of the next automatic attempt, for `waiting` items */
  nextAttemptAt?: number | undefined;
  /** what went wrong last, in words for the user */
  lastError?: string | undefined;
  /** held until the user signs in again; then it goes out by itself */
  needsSignIn?: boolean | undefined;
  /** the BzCtrl workspace page where the user can check an `unknown` item */
  workspaceLink?: string | undefined;
  createdAt: number;
  updatedAt: number;
}

export const outboxItem = storage.defineItem<OutboxItem[]>('local:outbox', {
  fallback: [],
  version: 1,
});

/** Serialises read-modify-write of the outbox within this context (popup and worker never both write). */
let queue: Promise<unknown> = Promise.resolve();

/** Reads, changes and writes the outbox in one step; a change that returns the same array writes nothing. */
export function updateOutbox<T>(
  change: (items: OutboxItem[]) => { items: OutboxItem[]; result: T },
): Promise<T> {
  const next = queue.then(async () => {
    const current = await outboxItem.getValue();
    const { items, result } = change(current);
    if (items !== current) await outboxItem.setValue(items);
    return result;
  });
  queue = next.catch(() => undefined);
  return next;
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
  patch: Partial<OutboxItem>,
): Promise<void> {
  return updateOutbox((items) => ({
    items: items.some(matches) ? items.map((item) => (matches(item) ? { ...item, ...patch } : item)) : items,
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

/** Items that count as "waiting" for the badge: everything not delivered yet. */
export function pendingCount(items: OutboxItem[]): number {
  return items.length;
}

// Retries: soon at first (a blip), then spaced out, never more than 15 minutes apart.
const BACKOFF_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000];

/** When to try again after `attempts` failed attempts, honouring BzCtrl's Retry-After. */
export function nextAttemptAt(attempts: number, now: number, retryAfterMs?: number): number {
  const backoff = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)] ?? BACKOFF_MS[0] ?? 5_000;
  return now + (retryAfterMs !== undefined ? Math.max(retryAfterMs, 1_000) : backoff);
}

/** Retry-After as seconds ("120") or an HTTP date, in ms from `now`; undefined when absent or bad. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), 24 * 3600) * 1000;
  // An HTTP date says GMT (RFC 9110); anything else ("-5", "1.5") is not one, whatever Date.parse makes of it.
  if (!/GMT$/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
