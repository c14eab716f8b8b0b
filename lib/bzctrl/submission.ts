/**
 * Sending an Incident or Task to BzCtrl without ever losing it or creating it twice.
 *
 * Every submission is written to the outbox before it is sent. Then:
 * - created: it leaves the outbox, goes into the history, and its link opens (when trusted);
 * - not delivered (no connection, BzCtrl 5xx or 429): it waits in the outbox and is retried;
 * - fate unknown (sent, but no answer in time, or an answer without a valid link): it is NOT sent
 *   again by itself, since BzCtrl may have created it; the user checks BzCtrl and chooses;
 * - refused (400, 403, …) or signed out: the form keeps it and says why.
 */

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { type Failure, NotConfiguredError, toFailure } from '../failures';
import { nextAttemptAt, type OutboxItem, removeItem, replaceItem, updateOutbox } from '../outbox';
import { addToHistory, domainWorkSpaceOf, type HistoryEntry, loadSettings, type Settings } from '../settings';
import { openTaskLink } from '../tabs';
import { type AddTaskRequest, toAddTaskRequest } from './add-task';
import { accessToken } from './auth';
import { BzCtrlError, postAddTask } from './client';
import { endpointsFor, isTrustedTaskLink } from './environments';
import type { ReportForm } from './report-form';
import type { AddTaskResponse } from './responses';

export interface CreatedItem extends HistoryEntry {
  /** Whether the link was opened in a new tab (only trusted links are). */
  opened: boolean;
}

export type SubmitOutcome =
  | { ok: true; status: 'created'; item: CreatedItem }
  /** In the outbox: waiting to be retried, or of unknown fate. */
  | { ok: true; status: 'queued'; outbox: OutboxItem }
  | Failure;

/** Who asked: the user's click in the form, or the outbox sending by itself. */
type Asker = 'form' | 'outbox';

export async function submit(id: string, form: ReportForm): Promise<SubmitOutcome> {
  try {
    const settings = await loadSettings();
    const domainWorkSpace = domainWorkSpaceOf(settings);
    if (!domainWorkSpace) throw new NotConfiguredError();
    const body = toAddTaskRequest(form, domainWorkSpace);
    const now = Date.now();
    // Checked and written in one step: the same submission twice at once (a double click, a
    // second window) sends one request.
    const claim = await updateOutbox((items) => {
      const existing = items.find((item) => item.id === id);
      if (existing && existing.state !== 'held') return { items, result: { fresh: false, item: existing } };
      const item: OutboxItem = {
        id,
        body,
        state: 'sending',
        attempts: 1,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      return { items: [...items.filter((other) => other.id !== id), item], result: { fresh: true, item } };
    });
    if (!claim.fresh) return { ok: true, status: 'queued', outbox: claim.item };
    return await send(claim.item, 'form', settings);
  } catch (error) {
    return toFailure(error);
  }
}

/**
 * The outbox's own attempt at an item: nothing happens when it is already on its way or was
 * discarded meanwhile (undefined).
 */
export async function attempt(id: string, settings: Settings): Promise<SubmitOutcome | undefined> {
  const claimed = await updateOutbox((items) => {
    const item = items.find((candidate) => candidate.id === id);
    if (!item || item.state === 'sending') return { items, result: undefined };
    const sending: OutboxItem = {
      ...item,
      state: 'sending',
      attempts: item.attempts + 1,
      updatedAt: Date.now(),
    };
    return { items: items.map((other) => (other.id === id ? sending : other)), result: sending };
  });
  return claimed && send(claimed, 'outbox', settings);
}

async function send(item: OutboxItem, asker: Asker, settings: Settings): Promise<SubmitOutcome> {
  let response: AddTaskResponse;
  try {
    response = await postWithFreshToken(endpointsFor(settings).addTaskUrl, item.body);
  } catch (error) {
    return settle(item, error, asker, settings);
  }
  await removeItem(item.id);
  const created = await remember(item.body, response, settings);
  if (asker === 'outbox') await notifyCreated(created);
  const opened = asker === 'form' && created.trusted && (await openTaskLink(created.taskLink));
  return { ok: true, status: 'created', item: { ...created, opened } };
}

/** A failure on the way to a token, before add-task was sent: BzCtrl cannot have created anything. */
class BeforeSending extends Error {
  constructor(readonly reason: unknown) {
    super('failed before the item was sent');
  }
}

async function freshToken(rejected?: string): Promise<string> {
  try {
    return await accessToken(rejected);
  } catch (error) {
    throw new BeforeSending(error);
  }
}

async function postWithFreshToken(addTaskUrl: string, body: AddTaskRequest): Promise<AddTaskResponse> {
  const token = await freshToken();
  try {
    return await postAddTask(addTaskUrl, token, body);
  } catch (error) {
    if (!(error instanceof BzCtrlError && error.status === 401)) throw error;
    // Refused although it looked fresh (revoked, clock skew): refresh once, retry once.
    return postAddTask(addTaskUrl, await freshToken(token), body);
  }
}

async function settle(
  item: OutboxItem,
  thrown: unknown,
  asker: Asker,
  settings: Settings,
): Promise<SubmitOutcome> {
  const now = Date.now();
  const sent = !(thrown instanceof BeforeSending);
  const error = thrown instanceof BeforeSending ? thrown.reason : thrown;
  const failure = toFailure(error);
  const unanswered =
    error instanceof BzCtrlError && (error.kind === 'timeout' || error.kind === 'invalid-response');
  if (error instanceof BzCtrlError && (isRetryable(error) || (unanswered && !sent))) {
    const waiting: OutboxItem = {
      ...item,
      state: 'waiting',
      nextAttemptAt: nextAttemptAt(item.attempts, now, error.retryAfterMs),
      lastError: failure.message,
      updatedAt: now,
    };
    await replaceItem(waiting);
    return { ok: true, status: 'queued', outbox: waiting };
  }
  if (unanswered) {
    const unknown: OutboxItem = {
      ...item,
      state: 'unknown',
      nextAttemptAt: undefined,
      lastError:
        error.kind === 'timeout'
          ? i18n.t('error.timeoutMaybeCreated')
          : i18n.t('error.maybeCreated', { message: failure.message }),
      workspaceLink: workspaceLinkOf(settings),
      updatedAt: now,
    };
    await replaceItem(unknown);
    return { ok: true, status: 'queued', outbox: unknown };
  }
  if (asker === 'form') {
    // The form still holds it, and shows why: nothing to keep here.
    await removeItem(item.id);
    return failure;
  }
  await replaceItem({
    ...item,
    state: 'held',
    nextAttemptAt: undefined,
    lastError: failure.message,
    needsSignIn: failure.kind === 'signed-out',
    updatedAt: now,
  });
  return failure;
}

/**
 * Retried by itself: no connection at all (the request almost surely never reached BzCtrl), and
 * answers that say "not now" (5xx, 429). BzCtrl's add-task takes no idempotency key, so anything
 * that may have been handled is never retried blindly.
 */
function isRetryable(error: BzCtrlError): boolean {
  if (error.kind === 'network') return true;
  const status = error.status ?? 0;
  return error.kind === 'http' && (status >= 500 || status === 429);
}

async function remember(
  body: AddTaskRequest,
  response: AddTaskResponse,
  settings: Settings,
): Promise<HistoryEntry> {
  const entry: HistoryEntry = {
    taskLink: response.taskLink,
    trusted: isTrustedTaskLink(response.taskLink, settings),
    title: body.title,
    todoType: body.todoType,
    orderID: body.orderID,
    lrn: body.lrn,
    domainWorkSpace: body.domainWorkSpace,
    createdAt: new Date().toISOString(),
  };
  await addToHistory(entry);
  return entry;
}

/** BzCtrl's app, where the user can look for an item of unknown fate. */
export function workspaceLinkOf(settings: Settings): string {
  return `${new URL(endpointsFor(settings).addTaskUrl).origin}/app/`;
}

export const NOTIFICATION_PREFIX = 'created:';

/** Tells that an item waiting in the outbox went through; clicking opens it (when trusted). */
async function notifyCreated(entry: HistoryEntry): Promise<void> {
  await browser.notifications
    .create(`${NOTIFICATION_PREFIX}${entry.taskLink}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: i18n.t('notify.createdTitle', { type: i18n.t(`todoType.${entry.todoType}`) }),
      message: i18n.t('notify.createdMessage', { title: entry.title, orderID: entry.orderID }),
    })
    .catch(() => undefined);
}
