/**
 * The outbox: every submission is written here before it is sent, so nothing the operator typed is
 * lost when the network, BzCtrl or the worker fails. It lives in storage.local and survives worker
 * and browser restarts; the worker retries what waits (lib/background/outbox-runner.ts). The worker
 * alone writes it (lib/background/outbox-store.ts); this module holds what both sides share.
 */
import { z } from 'zod/mini';
import type { AddTaskRequest } from './bzctrl/add-task';
import { todoTypeSchema } from './bzctrl/schema';
import { OUTBOX_KEY } from './storage-keys';
import { defineCheckedView } from './stored';

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
export const outboxEntrySchema: z.ZodMiniType<OutboxItem> = z.object({
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

/**
 * The outbox as the pages see it (the popup's list): read and watched, never written. Only the
 * worker writes the outbox, migrations included (lib/background/outbox-store.ts): a page that
 * migrated it too would write back what it read, over what the worker wrote meanwhile. An entry
 * that does not parse is not shown; the worker sets it aside when it reads it.
 */
export const outboxView = defineCheckedView(OUTBOX_KEY, outboxEntrySchema);

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
