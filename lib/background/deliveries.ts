/**
 * The worker's side of sending an item: it writes the item to the outbox, sends it, and carries out
 * what lib/bzctrl/submission.ts decides, whether or not the page that asked is still open (the
 * toolbar popup closes the moment the created item's tab opens):
 * - created: out of the outbox, into the history, the draft it came from cleared, its link opened
 *   (when trusted) or a notification shown. Once BzCtrl has created it, it is created: a local
 *   fault after that (storage full, no notification) is a warning, never a failure;
 * - waiting or unknown: kept in the outbox, the draft cleared (the outbox holds it now);
 * - refused: a form that asked keeps it and shows why; the outbox holds it for the user.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { toAddTaskRequest } from '../bzctrl/add-task';
import { SignedOutError } from '../bzctrl/auth';
import { endpointsFor, isTrustedTaskLink } from '../bzctrl/environments';
import type { ReportForm } from '../bzctrl/report-form';
import type { AddTaskResponse } from '../bzctrl/responses';
import {
  type CreatedItem,
  type Decision,
  decide,
  deliver,
  type SubmitOutcome,
  workspaceLinkOf,
} from '../bzctrl/submission';
import { markDraftSent } from '../drafts';
import { NotConfiguredError, toFailure } from '../failures';
import { addToHistory, type HistoryEntry, historyItem, rememberJustCreated } from '../history';
import type { OutboxItem } from '../outbox';
import { policyPresetKeys } from '../presets/ids';
import {
  currentAccount,
  domainWorkSpaceOf,
  loadSettingsAndLocks,
  readPolicy,
  type Settings,
} from '../settings';
import { openTaskLink } from '../tabs';
import { removeItem, replaceItem, updateOutbox } from './outbox-store';

/** Who asked: the user's click in the form, or the outbox sending by itself. */
type Asker = 'form' | 'outbox';

/** A submission's claim on the outbox: sent now, on its way already, or created before. */
type Claim = { fresh: boolean; item: OutboxItem } | { fresh: false; done: HistoryEntry };

/** The form's Create: the item goes into the outbox, then to BzCtrl. */
export async function submitForm(
  id: string,
  form: ReportForm,
  tabId?: number,
  /** The form's workspace (a preset's); the settings' when left out. */
  formWorkSpace?: string,
): Promise<SubmitOutcome> {
  try {
    // Read once: everything below works from these.
    const { settings, locked } = await loadSettingsAndLocks();
    const domainWorkSpace = formWorkSpace || domainWorkSpaceOf(settings);
    if (!domainWorkSpace) throw new NotConfiguredError();
    // Where the organisation sets the workspace, only its own presets may send elsewhere.
    if (
      domainWorkSpace !== domainWorkSpaceOf(settings) &&
      (locked.includes('domain') || locked.includes('workspace')) &&
      !policyPresetKeys(await readPolicy()).includes(domainWorkSpace)
    ) {
      return {
        ok: false,
        kind: 'invalid',
        message: i18n.t('error.workspaceLocked', { key: domainWorkSpaceOf(settings) }),
      };
    }
    const account = await currentAccount(settings);
    if (!account) throw new SignedOutError();
    const body = toAddTaskRequest(form, domainWorkSpace);
    const { tokenUrl, addTaskUrl } = endpointsFor(settings);
    const now = Date.now();
    // Checked and written in one step: the same submission twice (a double click, a second window
    // on the same draft, a popup reopened on it) sends one request. While it is on its way the
    // outbox has it; once created, the history does (written before it leaves the outbox).
    const claim = await updateOutbox<Claim>(async (items) => {
      const existing = items.find((item) => item.id === id);
      if (existing && existing.state !== 'held') return { items, result: { fresh: false, item: existing } };
      const done = existing ? undefined : await createdBefore(id);
      if (done) return { items, result: { fresh: false, done } };
      const item: OutboxItem = {
        id,
        body,
        state: 'sending',
        attempts: 1,
        destination: { tokenUrl, addTaskUrl, account: account.email },
        tabId,
        retriesSince: { at: now, attempts: 0 },
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      return { items: [...items.filter((other) => other.id !== id), item], result: { fresh: true, item } };
    });
    // Created before: shown again as created, its link not opened a second time.
    if ('done' in claim)
      return { ok: true, status: 'created', item: { ...claim.done, opened: false }, warnings: [] };
    if (!claim.fresh) return { ok: true, status: 'queued', outbox: claim.item };
    return await sendAndCarryOut(claim.item, 'form', settings);
  } catch (error) {
    return toFailure(error);
  }
}

/**
 * The outbox's own attempt at an item: nothing happens when it is already on its way or was
 * discarded meanwhile.
 */
export async function sendFromOutbox(id: string, settings: Settings): Promise<void> {
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
  if (claimed) await sendAndCarryOut(claimed, 'outbox', settings);
}

async function sendAndCarryOut(item: OutboxItem, asker: Asker, settings: Settings): Promise<SubmitOutcome> {
  const delivery = await deliver(item, settings);
  // One moment for the decision and its record: the next attempt is timed from when it was written.
  const now = Date.now();
  return carryOut(item, decide(item, delivery, now), asker, now);
}

async function carryOut(
  item: OutboxItem,
  decision: Decision,
  asker: Asker,
  now: number,
): Promise<SubmitOutcome> {
  switch (decision.outcome) {
    case 'created':
      return created(item, decision.response, asker);
    case 'waiting':
    case 'unknown': {
      const kept: OutboxItem = {
        ...item,
        state: decision.outcome,
        nextAttemptAt: decision.outcome === 'waiting' ? decision.nextAttemptAt : undefined,
        lastError: decision.reason,
        workspaceLink:
          decision.outcome === 'unknown' ? workspaceLinkOf(item.destination.addTaskUrl) : undefined,
        updatedAt: now,
      };
      await replaceItem(kept);
      // The outbox holds it now: the form it came from starts anew.
      await markDraftSent(item.id).catch(() => undefined);
      return { ok: true, status: 'queued', outbox: kept };
    }
    case 'refused':
      if (asker === 'form' && !decision.gaveUp) {
        // The form still holds it, and shows why: nothing to keep here.
        await removeItem(item.id);
        return decision.failure;
      }
      await replaceItem({
        ...item,
        state: 'held',
        nextAttemptAt: undefined,
        lastError: decision.failure.message,
        needsSignIn: decision.needsSignIn,
        updatedAt: now,
      });
      return decision.failure;
  }
}

async function created(item: OutboxItem, response: AddTaskResponse, asker: Asker): Promise<SubmitOutcome> {
  const warnings: string[] = [];
  // BzCtrl has it: whatever fails here is told, and changes nothing about that.
  const step = async <T>(what: LocalStep, action: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await action();
    } catch (error) {
      warnings.push(
        i18n.t('created.localFault', { step: i18n.t(`created.step.${what}`), detail: String(error) }),
      );
      return undefined;
    }
  };
  const entry = historyEntryOf(item, response);
  // The history first: the link is kept before the item leaves the outbox, and the same submission
  // sent again finds it there (submitForm).
  await step('history', () => addToHistory(entry));
  await step('draft', () => markDraftSent(item.id));
  await step('outbox', () => removeItem(item.id));
  const { tabId } = item;
  if (tabId !== undefined) await step('justCreated', () => rememberJustCreated(tabId, entry));
  const opened =
    asker === 'form' && entry.trusted
      ? ((await step('open', () => openTaskLink(entry.taskLink, item.destination))) ?? false)
      : false;
  // Whoever is not shown the item in a new tab is told with a notification.
  if (!opened) await step('notify', () => notifyCreated(entry, asker));
  const createdItem: CreatedItem = { ...entry, opened };
  return { ok: true, status: 'created', item: createdItem, warnings };
}

type LocalStep = 'outbox' | 'history' | 'draft' | 'justCreated' | 'open' | 'notify';

function historyEntryOf(item: OutboxItem, response: AddTaskResponse): HistoryEntry {
  const { body } = item;
  return {
    taskLink: response.taskLink,
    trusted: isTrustedTaskLink(response.taskLink, item.destination),
    title: body.title,
    todoType: body.todoType,
    orderID: body.orderID,
    lrn: body.lrn,
    domainWorkSpace: body.domainWorkSpace,
    createdAt: new Date().toISOString(),
    submissionId: item.id,
  };
}

/** The history's entry of a submission BzCtrl created already, if it has one. */
async function createdBefore(id: string): Promise<HistoryEntry | undefined> {
  return (await historyItem.getValue()).find((entry) => entry.submissionId === id);
}

export const NOTIFICATION_PREFIX = 'created:';

/** Tells that an item was created; clicking opens it (when trusted). */
async function notifyCreated(entry: HistoryEntry, asker: Asker): Promise<void> {
  const values = { title: entry.title, orderID: entry.orderID };
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${entry.taskLink}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: i18n.t('notify.createdTitle', { type: i18n.t(`todoType.${entry.todoType}`) }),
    message:
      asker === 'outbox' ? i18n.t('notify.createdMessage', values) : i18n.t('notify.createdFromForm', values),
  });
}
