/**
 * Retries what waits in the outbox, through alarms, so it goes on across worker and browser
 * restarts; keeps the toolbar badge at the number of items not yet delivered.
 */

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { workspaceLinkOf } from '../bzctrl/submission';
import { historyItem } from '../history';
import { type OutboxItem, pendingCount } from '../outbox';
import { type Account, loadSettings, type Settings } from '../settings';
import { openTaskLink } from '../tabs';
import { NOTIFICATION_PREFIX, sendFromOutbox } from './deliveries';
import { outboxItem, patchItems } from './outbox-store';

export const OUTBOX_ALARM = 'outbox-retry';

export function registerOutbox(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void sendDueItems();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    void openNotifiedLink(id.slice(NOTIFICATION_PREFIX.length));
    void browser.notifications.clear(id);
  });
  outboxItem.watch((items) => void showCount(items ?? []));
  // A worker that starts anew has nothing in flight: what was "sending" when it stopped has an
  // unknown fate. Then whatever is due goes out, and the next retry is scheduled.
  void recoverInterrupted().then(sendDueItems);
}

/**
 * A created item's link, from its notification: opened when it was trusted for the server the item
 * was sent to (its history entry says), whichever server is in force now; without an entry (the
 * history cleared), when it is trusted for the server in force.
 */
async function openNotifiedLink(taskLink: string): Promise<void> {
  const entry = (await historyItem.getValue()).find((created) => created.taskLink === taskLink);
  if (!entry) await openTaskLink(taskLink);
  else if (entry.trusted) await browser.tabs.create({ url: taskLink, active: true });
}

const isSending = (item: OutboxItem) => item.state === 'sending';

export async function recoverInterrupted(): Promise<void> {
  await patchItems(isSending, (item) => ({
    state: 'unknown',
    lastError: i18n.t('error.stoppedWhileSending'),
    workspaceLink: workspaceLinkOf(item.destination.addTaskUrl),
    updatedAt: Date.now(),
  }));
}

let sendingDue: Promise<void> | undefined;

/** Sends every waiting item whose time has come, one after another, then schedules the next. */
export function sendDueItems(): Promise<void> {
  // One pass at a time: an alarm during a pass must not send the same item twice.
  sendingDue ??= (async () => {
    try {
      let settings: Settings | undefined;
      for (;;) {
        const due = (await outboxItem.getValue()).find(
          (item) => item.state === 'waiting' && (item.nextAttemptAt ?? 0) <= Date.now(),
        );
        if (!due) break;
        settings ??= await loadSettings();
        await sendFromOutbox(due.id, settings);
      }
    } finally {
      sendingDue = undefined;
      await scheduleNext();
    }
  })();
  return sendingDue;
}

export async function scheduleNext(): Promise<void> {
  const items = await outboxItem.getValue();
  await showCount(items);
  const times = items.flatMap((item) =>
    item.state === 'waiting' && item.nextAttemptAt ? [item.nextAttemptAt] : [],
  );
  if (times.length === 0) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(Math.min(...times), Date.now() + 500) });
}

/**
 * The user's "Retry" (or "Send again"): due now, sent in the one pass that sends what is due, and
 * a new run of automatic retries from here.
 */
export async function retryNow(id: string): Promise<OutboxItem | undefined> {
  await patchItems((item) => item.id === id && !isSending(item), dueNow);
  // A pass already running may have looked past this item: wait for it, then send what is due.
  await sendingDue;
  await sendDueItems();
  return (await outboxItem.getValue()).find((candidate) => candidate.id === id);
}

/**
 * After a sign-in, what waited for this account on this server goes out, with a new run of
 * automatic retries (the sign-in is the user's say, as a Retry is).
 */
export async function resumeAfterSignIn(account: Account): Promise<void> {
  // The sign-in voided the token requests of a pass on its way, whose items it now holds for a
  // sign-in: let it end first, so that those go out too.
  await sendingDue;
  await patchItems(
    (item) =>
      item.state === 'held' &&
      item.needsSignIn === true &&
      item.destination.account === account.email &&
      item.destination.tokenUrl === account.tokenUrl,
    dueNow,
  );
  await sendDueItems();
}

/** Waiting, due at once, for the next pass to send, in a new run of automatic retries from here. */
function dueNow(item: OutboxItem): Partial<OutboxItem> {
  const now = Date.now();
  return {
    state: 'waiting',
    nextAttemptAt: now,
    needsSignIn: false,
    retriesSince: { at: now, attempts: item.attempts },
  };
}

async function showCount(items: OutboxItem[]): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  const count = pendingCount(items);
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await action.setBadgeBackgroundColor({ color: '#b3261e' });
}
