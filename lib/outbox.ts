/**
 * The outbox: every submission is written here before it is sent, so nothing the operator typed is
 * lost when the network, BzCtrl or the worker fails. It lives in storage.local and survives worker
 * and browser restarts; the worker retries what waits (lib/background/outbox-runner.ts).
 */
import { z } from 'zod/mini';
import type { AddTaskRequest } from './bzctrl/add-task';
import { endpointsFor } from './bzctrl/environments';
import { todoTypeSchema } from './bzctrl/schema';
import { currentAccount, loadSettings } from './settings';
import { OUTBOX_KEY } from './storage-keys';
import { defineCheckedList } from './stored';

export type OutboxState =
  /** a request for it is on its way (or was, when the worker stopped mid-way) */
  | 'sending'
  /** surely not delivered (offline, connection refused, BzCtrl 503 or 429): retried by itself at `nextAttemptAt` */
  | 'waiting'
  /** sent, but no usable answer came: BzCtrl may have created it; the user checks and chooses */
  | 'unknown'
  /** refused by BzCtrl, or waiting for the user (sign in, or too many tries): the user chooses */
  | 'held';

/** Where an item goes and as whom: it is never delivered to another server or as another user. */
export interface Destination {
  tokenUrl: string;
  addTaskUrl: string;
  /** The e-mail of the account that sent it. */
  account: string;
}

export interface OutboxItem {
  /** Made by the form, once per submission: the same id twice is the same submission. */
  id: string;
  body: AddTaskRequest;
  state: OutboxState;
  /** How many times it was sent (or tried to be). */
  attempts: number;
  /** epoch ms of the next automatic attempt, for `waiting` items */
  nextAttemptAt?: number | undefined;
  /** what went wrong last, in words for the user */
  lastError?: string | undefined;
  /** held until the user signs in (as `destination.account`); then it goes out by itself */
  needsSignIn?: boolean | undefined;
  /** the BzCtrl workspace page where the user can check an `unknown` item */
  workspaceLink?: string | undefined;
  destination: Destination;
  /** The tab the form was about, so that the next popup there can say it was created. */
  tabId?: number | undefined;
  /**
   * Where the current run of automatic retries began: the form's send, or the user's Retry.
   * Each run is bounded (see nextAttemptAt).
   */
  retriesSince?: { at: number; attempts: number } | undefined;
  createdAt: number;
  updatedAt: number;
}

/**
 * What an outbox entry must be to be used. The body is only looked at here (the popup shows its
 * title and type); the worker checks it against the contract before it sends it.
 */
const storedBody = z.custom<AddTaskRequest>((body) => {
  const { todoType, title, orderID } = (body ?? {}) as Record<string, unknown>;
  return (
    todoTypeSchema.safeParse(todoType).success && typeof title === 'string' && typeof orderID === 'string'
  );
}, 'not an add-task body');
const epochMs = z.number();
const outboxEntrySchema: z.ZodMiniType<OutboxItem> = z.object({
  id: z.string().check(z.minLength(1)),
  body: storedBody,
  state: z.enum(['sending', 'waiting', 'unknown', 'held']),
  attempts: z.number(),
  nextAttemptAt: z.optional(epochMs),
  lastError: z.optional(z.string()),
  needsSignIn: z.optional(z.boolean()),
  workspaceLink: z.optional(z.string()),
  destination: z.object({ tokenUrl: z.string(), addTaskUrl: z.string(), account: z.string() }),
  tabId: z.optional(z.number()),
  retriesSince: z.optional(z.object({ at: epochMs, attempts: z.number() })),
  createdAt: epochMs,
  updatedAt: epochMs,
});

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

/** Items that count as "waiting" for the badge: everything not delivered yet. */
export function pendingCount(items: OutboxItem[]): number {
  return items.length;
}

// Retries: soon at first (a blip), then spaced out, never more than 15 minutes apart.
const BACKOFF_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000];

/** Automatic retries stop after this many attempts, or this long after the first; then the user decides. */
export const MAX_AUTOMATIC_ATTEMPTS = 100;
export const MAX_RETRY_PERIOD_MS = 24 * 3600_000;

/**
 * When to try again after `attempts` failed attempts, honouring BzCtrl's Retry-After; undefined
 * when automatic retries are over for an item first tried at `firstTriedAt`.
 */
export function nextAttemptAt(
  attempts: number,
  firstTriedAt: number,
  now: number,
  retryAfterMs?: number,
): number | undefined {
  const backoff = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)] ?? BACKOFF_MS[0] ?? 5_000;
  const next = now + (retryAfterMs !== undefined ? Math.max(retryAfterMs, 1_000) : backoff);
  const over = attempts >= MAX_AUTOMATIC_ATTEMPTS || next - firstTriedAt > MAX_RETRY_PERIOD_MS;
  return over ? undefined : next;
}
