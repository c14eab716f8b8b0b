/**
 * Sending an Incident or Task to BzCtrl, and what its answer means. BzCtrl's add-task takes no
 * idempotency key, and every call creates an item (CONTRACT.md, "What may be sent again"), so
 * each attempt ends in one of four outcomes:
 * - created: BzCtrl answered with the item and its link;
 * - waiting: it surely created nothing (the request never left, or BzCtrl said 503 or 429), and
 *   it may be sent again by itself, a bounded number of times;
 * - unknown: BzCtrl may have created it (no answer in time, a connection lost after the request
 *   went out, a redirect, a 500, 502 or 504, a success without a usable taskLink): it is sent
 *   again only when the user says so, after checking BzCtrl;
 * - refused: BzCtrl refused it (400, 403, …) or the user must sign in (as the right account).
 * `decide` works this out; lib/background/deliveries.ts carries it out.
 */

import { i18n } from '#i18n';
import { type Failure, toFailure } from '../failures';
import type { HistoryEntry } from '../history';
import { type Destination, nextAttemptAt, type OutboxItem } from '../outbox';
import type { Settings } from '../settings';
import { addTaskRequestSchema } from './add-task';
import { accessToken, SignedOutError } from './auth';
import { BzCtrlError, postAddTask } from './client';
import { endpointsFor } from './environments';
import type { AddTaskResponse } from './responses';

export interface CreatedItem extends HistoryEntry {
  /** Whether the link was opened in a new tab (only trusted links are). */
  opened: boolean;
}

/** What the form hears back from the worker. */
export type SubmitOutcome =
  /** `warnings`: what went wrong here after BzCtrl created it (it is created all the same). */
  | { ok: true; status: 'created'; item: CreatedItem; warnings: string[] }
  /** In the outbox: waiting to be retried, or of unknown fate. */
  | { ok: true; status: 'queued'; outbox: OutboxItem }
  | Failure;

/** What one attempt to send an item came to. */
export type Delivery =
  | { ok: true; response: AddTaskResponse }
  /** `sent`: add-task was called (else it failed on the way to a token, and created nothing). */
  | { ok: false; error: unknown; sent: boolean };

export type Decision =
  | { outcome: 'created'; response: AddTaskResponse }
  | { outcome: 'waiting'; nextAttemptAt: number; reason: string }
  | { outcome: 'unknown'; reason: string }
  /** `gaveUp`: it could be retried, but automatic retries are over. */
  | { outcome: 'refused'; failure: Failure; needsSignIn: boolean; gaveUp?: boolean };

/** Sends `item` once to its own server, as its own account, with a fresh token. */
export async function deliver(item: OutboxItem, settings: Settings): Promise<Delivery> {
  // Stored bodies are checked loosely when read (the popup reads them too), strictly before sending.
  const body = addTaskRequestSchema.safeParse(item.body);
  if (!body.success) return { ok: false, error: body.error, sent: false };
  let token: string;
  try {
    token = await tokenFor(item.destination, settings);
  } catch (error) {
    return { ok: false, error, sent: false };
  }
  try {
    return { ok: true, response: await postAddTask(item.destination.addTaskUrl, token, item.body) };
  } catch (error) {
    if (!(error instanceof BzCtrlError && error.status === 401)) return { ok: false, error, sent: true };
  }
  // Refused although it looked fresh (revoked, clock skew): nothing was created; refresh once, send once.
  try {
    token = await tokenFor(item.destination, settings, token);
  } catch (error) {
    return { ok: false, error, sent: false };
  }
  try {
    return { ok: true, response: await postAddTask(item.destination.addTaskUrl, token, item.body) };
  } catch (error) {
    return { ok: false, error, sent: true };
  }
}

/** A token of the session that `destination` belongs to; none of any other session. */
async function tokenFor(destination: Destination, settings: Settings, rejected?: string): Promise<string> {
  if (endpointsFor(settings).tokenUrl !== destination.tokenUrl) {
    throw new SignedOutError(i18n.t('error.otherServer', { account: destination.account }));
  }
  const credential = await accessToken(settings, rejected);
  if (credential.account.email !== destination.account) {
    throw new SignedOutError(i18n.t('error.otherAccount', { account: destination.account }));
  }
  return credential.accessToken;
}

/** What an attempt at `item` came to, and what follows from it. Pure: no I/O, `now` is given. */
export function decide(item: OutboxItem, delivery: Delivery, now: number): Decision {
  if (delivery.ok) return { outcome: 'created', response: delivery.response };
  const { error, sent } = delivery;
  const failure = toFailure(error);
  if (failure.kind === 'signed-out') return { outcome: 'refused', failure, needsSignIn: true };
  // A body that is not the contract's (stored damaged) is never sent: the user decides.
  if (failure.kind === 'invalid') return { outcome: 'refused', failure, needsSignIn: false };
  const answer = error instanceof BzCtrlError ? error : undefined;
  // Getting a token creates nothing, so any failure on the way to one may be tried again.
  if (!sent || (answer && createdNothing(answer))) {
    const next = nextAttemptAfter(item, now, answer?.retryAfterMs);
    if (next === undefined) {
      const reason = i18n.t('error.gaveUp', { attempts: String(item.attempts), reason: failure.message });
      return {
        outcome: 'refused',
        failure: { ...failure, message: reason },
        needsSignIn: false,
        gaveUp: true,
      };
    }
    return { outcome: 'waiting', nextAttemptAt: next, reason: failure.message };
  }
  // What happened, in words; the outbox and the popup say that it may have been created. A fault
  // of the extension's own once add-task was sent leaves that unknown too.
  if (!answer || mayHaveCreated(answer)) return { outcome: 'unknown', reason: failure.message };
  return { outcome: 'refused', failure, needsSignIn: false };
}

/** BzCtrl surely did not take it: the request never left, or BzCtrl said "not now". */
function createdNothing(error: BzCtrlError): boolean {
  return (
    error.kind === 'not-sent' || (error.kind === 'http' && (error.status === 503 || error.status === 429))
  );
}

/** BzCtrl may have taken it: any answer but a refusal (4xx), or none. */
function mayHaveCreated(error: BzCtrlError): boolean {
  return error.kind !== 'http' || (error.status ?? 0) >= 500;
}

/** The next automatic attempt, counted from the last time the user (or the form) sent it. */
function nextAttemptAfter(item: OutboxItem, now: number, retryAfterMs?: number): number | undefined {
  const since = item.retriesSince ?? { at: item.createdAt, attempts: 0 };
  return nextAttemptAt(item.attempts - since.attempts, since.at, now, retryAfterMs);
}

/** BzCtrl's app, where the user can look for an item of unknown fate. */
export function workspaceLinkOf(addTaskUrl: string): string | undefined {
  // A stored item's address that is no URL (damaged, another version) has no workspace to name:
  // it must not stop the outbox's other items from being looked after.
  return URL.canParse(addTaskUrl) ? `${new URL(addTaskUrl).origin}/app/` : undefined;
}
