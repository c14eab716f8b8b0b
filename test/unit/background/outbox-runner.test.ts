import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  OUTBOX_ALARM,
  recoverInterrupted,
  registerOutbox,
  resumeAfterSignIn,
  retryNow,
  scheduleNext,
  sendDueItems,
} from '@/lib/background/outbox-runner';
import { outboxItem, putItem } from '@/lib/background/outbox-store';
import { signIn } from '@/lib/bzctrl/auth';
import { tokensItem } from '@/lib/bzctrl/tokens';
import { historyItem } from '@/lib/history';
import { MAX_AUTOMATIC_ATTEMPTS, type OutboxItem } from '@/lib/outbox';
import type { Account, Settings } from '@/lib/settings';
import {
  ACC_DESTINATION,
  addTaskBody,
  configure,
  deferred,
  EMAIL,
  fakeBzCtrl,
  freezeClock,
  incidentForm,
  json,
  NOW,
  OTHER_EMAIL,
  outboxEntry,
  PROD_ADD_TASK_URL,
  PROD_DESTINATION,
  PROD_TOKEN_URL,
  PROD_WORKSPACE_LINK,
  setUpFakeBrowser,
  storeSession,
  stubFetch,
  TASK_LINK,
  taskForm,
  tokenBody,
} from '../helpers';

setUpFakeBrowser();

const LATER_LINK = 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-04';
const HOUR = 3_600_000;
const PROD_ACCOUNT: Account = { email: EMAIL, tokenUrl: PROD_TOKEN_URL };

let settings: Settings;
beforeEach(async () => {
  freezeClock();
  settings = await configure();
  await storeSession(settings);
});

const unavailable = () => json({ status: 503, error: 'Service Unavailable' }, 503);
const created = (taskLink = TASK_LINK) => json(addTaskBody(taskLink), 201);
const titlesSent = (requests: { body: string }[]) =>
  requests.map((request) => (JSON.parse(request.body) as { title: string }).title);
const heldForSignIn = (overrides: Parameters<typeof outboxEntry>[0]) =>
  outboxEntry({ state: 'held', needsSignIn: true, nextAttemptAt: undefined, ...overrides });

/** Registers the outbox as a worker that starts does, and waits for its start-up pass to end. */
async function startWorker(): Promise<void> {
  const cleared = vi.spyOn(fakeBrowser.alarms, 'clear');
  const scheduled = vi.spyOn(fakeBrowser.alarms, 'create');
  registerOutbox();
  // The pass ends by clearing or setting the alarm.
  await vi.waitFor(() => expect(cleared.mock.calls.length + scheduled.mock.calls.length).toBeGreaterThan(0));
}

async function putAll(items: OutboxItem[]): Promise<void> {
  for (const item of items) await putItem(item);
}
const outboxIds = async () => (await outboxItem.getValue()).map((item) => item.id);
const alarm = () => fakeBrowser.alarms.get(OUTBOX_ALARM);
const badge = () => fakeBrowser.action.getBadgeText({});

describe('sendDueItems', () => {
  it('sends only the waiting items whose time has come', async () => {
    await putAll([
      outboxEntry({
        id: 'due-earlier',
        form: incidentForm({ title: 'Due earlier' }),
        nextAttemptAt: NOW - 1,
      }),
      outboxEntry({ id: 'due-now', form: taskForm({ title: 'Due now' }), nextAttemptAt: NOW }),
      outboxEntry({ id: 'not-yet', form: incidentForm({ title: 'Not yet' }), nextAttemptAt: NOW + 1 }),
      outboxEntry({ id: 'unknown', state: 'unknown', nextAttemptAt: NOW - 1 }),
      outboxEntry({ id: 'held', state: 'held', nextAttemptAt: NOW - 1 }),
      outboxEntry({ id: 'sending', state: 'sending', nextAttemptAt: NOW - 1 }),
    ]);
    const bzctrl = fakeBzCtrl({ addTask: [created(), created(LATER_LINK)] });

    await sendDueItems();

    expect(titlesSent(bzctrl.addTaskRequests())).toEqual(['Due earlier', 'Due now']);
    expect(await outboxIds()).toEqual(['not-yet', 'unknown', 'held', 'sending']);
  });

  it('sends each due item once when called twice at once', async () => {
    await putItem(outboxEntry({ id: 'due' }));
    const requested = deferred<void>();
    const answer = deferred<Response>();
    const { requests } = stubFetch(() => {
      requested.resolve();
      return answer.promise;
    });

    const passes = Promise.all([sendDueItems(), sendDueItems()]);
    await requested.promise;
    answer.resolve(created());
    await passes;

    expect(requests).toHaveLength(1);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('schedules the alarm at the earliest next attempt of the items still waiting', async () => {
    await putAll([
      outboxEntry({ id: 'in-a-minute', nextAttemptAt: NOW + 60_000 }),
      outboxEntry({ id: 'in-30-s', nextAttemptAt: NOW + 30_000 }),
      outboxEntry({ id: 'unknown', state: 'unknown', nextAttemptAt: undefined }),
    ]);
    const bzctrl = fakeBzCtrl({});

    await sendDueItems();

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await alarm()).toMatchObject({ name: OUTBOX_ALARM, scheduledTime: NOW + 30_000 });
  });

  it('schedules the next attempt of an item that failed again, further away', async () => {
    await putItem(outboxEntry({ id: 'due', attempts: 1, retriesSince: { at: NOW - 5_000, attempts: 0 } }));
    fakeBzCtrl({ addTask: [unavailable()] });

    await sendDueItems();

    expect(await outboxItem.getValue()).toMatchObject([{ id: 'due', state: 'waiting', attempts: 2 }]);
    expect(await alarm()).toMatchObject({ scheduledTime: NOW + 15_000 });
  });

  it('clears the alarm when nothing waits to be retried', async () => {
    await fakeBrowser.alarms.create(OUTBOX_ALARM, { when: NOW + 5_000 });
    await putAll([
      outboxEntry({ id: 'unknown', state: 'unknown', nextAttemptAt: undefined }),
      outboxEntry({ id: 'held', state: 'held', nextAttemptAt: undefined }),
    ]);
    fakeBzCtrl({});

    await sendDueItems();

    expect(await alarm()).toBeUndefined();
  });

  it('holds an item that reaches the bound of automatic retries, and tries it no more', async () => {
    await putItem(
      outboxEntry({
        id: 'last-try',
        attempts: MAX_AUTOMATIC_ATTEMPTS - 1,
        retriesSince: { at: NOW - 20 * HOUR, attempts: 0 },
      }),
    );
    const bzctrl = fakeBzCtrl({ addTask: [unavailable()] });

    await sendDueItems();

    expect(await outboxItem.getValue()).toMatchObject([
      {
        id: 'last-try',
        state: 'held',
        attempts: MAX_AUTOMATIC_ATTEMPTS,
        needsSignIn: false,
        lastError: `Not sent after ${MAX_AUTOMATIC_ATTEMPTS} attempts (Service Unavailable). Retry when BzCtrl can be reached.`,
      },
    ]);
    expect((await outboxItem.getValue())[0]?.nextAttemptAt).toBeUndefined();
    expect(await alarm()).toBeUndefined();

    vi.setSystemTime(NOW + 2 * HOUR);
    await sendDueItems();
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
  });

  it('holds an item whose retries would go past 24 hours, and tries it no more', async () => {
    await putItem(
      outboxEntry({ id: 'old', attempts: 40, retriesSince: { at: NOW - 24 * HOUR + 60_000, attempts: 0 } }),
    );
    const bzctrl = fakeBzCtrl({ addTask: [unavailable()] });

    await sendDueItems();

    expect(await outboxItem.getValue()).toMatchObject([{ id: 'old', state: 'held', attempts: 41 }]);
    vi.setSystemTime(NOW + HOUR);
    await sendDueItems();
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
  });
});

describe('an item is never delivered to another server or as another user', () => {
  it('sends nothing when someone else is signed in, and holds the item for its own account', async () => {
    await storeSession(settings, { email: OTHER_EMAIL, accessToken: 'access-of-someone-else' });
    await putItem(outboxEntry({ id: 'mine' }));
    const bzctrl = fakeBzCtrl({ addTask: [created()] });

    await sendDueItems();

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toMatchObject([
      {
        id: 'mine',
        state: 'held',
        needsSignIn: true,
        lastError: `This item belongs to ${EMAIL}: sign in as ${EMAIL} to send it.`,
      },
    ]);
  });

  it('sends nothing when another server is chosen, even as the same account', async () => {
    const acceptance = await configure({ environment: 'acceptance' });
    await storeSession(acceptance);
    await putItem(outboxEntry({ id: 'for-prod' }));
    const { fetchMock } = stubFetch(() => created());

    await sendDueItems();

    expect(fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toMatchObject([
      {
        id: 'for-prod',
        state: 'held',
        needsSignIn: true,
        lastError: expect.stringContaining('on another BzCtrl server'),
      },
    ]);
  });
});

describe('recoverInterrupted', () => {
  it('marks what was sending when the worker stopped as unknown, sending nothing', async () => {
    const waiting = outboxEntry({ id: 'waiting', nextAttemptAt: NOW + 60_000 });
    const held = outboxEntry({ id: 'held', state: 'held', nextAttemptAt: undefined });
    await putAll([
      outboxEntry({ id: 'interrupted', state: 'sending', updatedAt: NOW - 5_000 }),
      waiting,
      held,
    ]);
    const bzctrl = fakeBzCtrl({});

    await recoverInterrupted();

    expect(await outboxItem.getValue()).toEqual([
      expect.objectContaining({
        id: 'interrupted',
        state: 'unknown',
        lastError: 'The extension stopped while sending: BzCtrl may or may not have created this item.',
        updatedAt: NOW,
      }),
      waiting,
      held,
    ]);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  // OutboxList shows its "Check BzCtrl" button only for unknown items that have a workspaceLink.
  it('gives each interrupted item the link to check the BzCtrl it was sent to', async () => {
    await putAll([
      outboxEntry({ id: 'to-prod', state: 'sending' }),
      outboxEntry({ id: 'to-acc', state: 'sending', destination: ACC_DESTINATION }),
    ]);

    await recoverInterrupted();

    expect(await outboxItem.getValue()).toMatchObject([
      { id: 'to-prod', state: 'unknown', workspaceLink: PROD_WORKSPACE_LINK },
      { id: 'to-acc', state: 'unknown', workspaceLink: 'https://acc.bzctrl.com/app/' },
    ]);
  });

  it('recovers every interrupted item though one holds an address that is no URL', async () => {
    await putAll([
      outboxEntry({ id: 'good-item', state: 'sending' }),
      outboxEntry({ id: 'damaged', state: 'sending', destination: { ...PROD_DESTINATION, addTaskUrl: 'x' } }),
    ]);

    await recoverInterrupted();

    const items = await outboxItem.getValue();
    expect(items).toMatchObject([
      { id: 'good-item', state: 'unknown', workspaceLink: PROD_WORKSPACE_LINK },
      { id: 'damaged', state: 'unknown' },
    ]);
    expect(items[1]?.workspaceLink).toBeUndefined();
  });
});

describe('retryNow', () => {
  it('sends a waiting item at once, whatever its schedule said', async () => {
    await putItem(outboxEntry({ id: 'later', nextAttemptAt: NOW + 15 * 60_000 }));
    const bzctrl = fakeBzCtrl({ addTask: [created()] });

    await expect(retryNow('later')).resolves.toBeUndefined();

    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(await outboxItem.getValue()).toEqual([]);
    expect(await historyItem.getValue()).toMatchObject([{ taskLink: TASK_LINK }]);
  });

  it.each(['held', 'unknown'] as const)(
    'sends an item in state %s again when the user asks',
    async (state) => {
      await putItem(outboxEntry({ id: 'item', state, nextAttemptAt: undefined }));
      const bzctrl = fakeBzCtrl({ addTask: [created()] });

      await retryNow('item');

      expect(bzctrl.addTaskRequests()).toHaveLength(1);
      expect(await outboxItem.getValue()).toEqual([]);
    },
  );

  it('starts a new run of automatic retries for an item that had given up', async () => {
    await putItem(
      outboxEntry({
        id: 'gave-up',
        state: 'held',
        attempts: MAX_AUTOMATIC_ATTEMPTS,
        nextAttemptAt: undefined,
        retriesSince: { at: NOW - 48 * HOUR, attempts: 0 },
      }),
    );
    fakeBzCtrl({ addTask: [unavailable()] });

    await expect(retryNow('gave-up')).resolves.toMatchObject({
      id: 'gave-up',
      state: 'waiting',
      attempts: MAX_AUTOMATIC_ATTEMPTS + 1,
      retriesSince: { at: NOW, attempts: MAX_AUTOMATIC_ATTEMPTS },
      nextAttemptAt: NOW + 5_000,
    });
    expect(await alarm()).toMatchObject({ scheduledTime: NOW + 5_000 });
  });

  it('sends nothing for an item already on its way', async () => {
    const sending = outboxEntry({ id: 'item', state: 'sending' });
    await putItem(sending);
    const bzctrl = fakeBzCtrl({});

    await expect(retryNow('item')).resolves.toEqual(sending);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it('sends nothing for an item no longer in the outbox', async () => {
    const bzctrl = fakeBzCtrl({});
    await expect(retryNow('gone')).resolves.toBeUndefined();
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it('sends a due item once when the user retries it as the alarm fires', async () => {
    await putItem(outboxEntry({ id: 'due' }));
    const bzctrl = fakeBzCtrl({ addTask: [created(), created()] });

    await Promise.all([sendDueItems(), retryNow('due')]);

    expect(bzctrl.addTaskRequests()).toHaveLength(1);
  });
});

describe('resumeAfterSignIn', () => {
  it('sends the items held for a sign-in of that account on that server, and only those', async () => {
    await putAll([
      heldForSignIn({ id: 'mine', form: incidentForm({ title: 'Held for me' }) }),
      heldForSignIn({ id: 'someone-else', destination: { ...PROD_DESTINATION, account: OTHER_EMAIL } }),
      heldForSignIn({ id: 'other-server', destination: ACC_DESTINATION }),
      outboxEntry({ id: 'refused', state: 'held', needsSignIn: false, nextAttemptAt: undefined }),
      outboxEntry({ id: 'unknown', state: 'unknown', nextAttemptAt: undefined }),
    ]);
    const bzctrl = fakeBzCtrl({ addTask: [created()] });

    await resumeAfterSignIn(PROD_ACCOUNT);

    expect(titlesSent(bzctrl.addTaskRequests())).toEqual(['Held for me']);
    expect(await outboxIds()).toEqual(['someone-else', 'other-server', 'refused', 'unknown']);
  });

  it('gives a resumed item a new run of automatic retries', async () => {
    await putItem(
      heldForSignIn({ id: 'item', attempts: 3, retriesSince: { at: NOW - 30 * HOUR, attempts: 0 } }),
    );
    fakeBzCtrl({ addTask: [unavailable()] });

    await resumeAfterSignIn(PROD_ACCOUNT);

    expect(await outboxItem.getValue()).toMatchObject([
      {
        id: 'item',
        state: 'waiting',
        attempts: 4,
        retriesSince: { at: NOW, attempts: 3 },
        nextAttemptAt: NOW + 5_000,
      },
    ]);
  });

  it('holds the item again, still needing a sign-in, when the session is still missing', async () => {
    await tokensItem.removeValue();
    await putItem(heldForSignIn({ id: 'item' }));
    const bzctrl = fakeBzCtrl({});

    await resumeAfterSignIn(PROD_ACCOUNT);

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toMatchObject([{ id: 'item', state: 'held', needsSignIn: true }]);
  });

  // The sign-in voids the token request of a pass on its way: that pass holds its item for a
  // sign-in only after the sign-in is over, and the item must still go out.
  it('sends an item whose token request the sign-in voided, once that pass is over', async () => {
    await storeSession(settings, { lifetimeMs: 0 });
    await putItem(outboxEntry({ id: 'due' }));
    const refreshAsked = deferred<void>();
    const refreshAnswer = deferred<Response>();
    const { requests } = stubFetch((request) => {
      if (request.url === PROD_ADD_TASK_URL) return created();
      if (new URLSearchParams(request.body).get('grant_type') === 'password') {
        return json(tokenBody('access-2', 'refresh-2'));
      }
      refreshAsked.resolve();
      return refreshAnswer.promise;
    });
    const pass = sendDueItems();
    await refreshAsked.promise;

    const account = await signIn(EMAIL, 'secret');
    const resumed = resumeAfterSignIn(account);
    refreshAnswer.resolve(json(tokenBody('access-of-the-old-session', 'refresh-x')));
    await pass;
    await resumed;

    expect(
      requests.filter((request) => request.url === PROD_ADD_TASK_URL).map((r) => r.headers.authorization),
    ).toEqual(['Bearer access-2']);
    expect(await outboxItem.getValue()).toEqual([]);
  });
});

describe('the toolbar badge', () => {
  it('shows the number of items in the outbox, whatever their state', async () => {
    await putAll([
      outboxEntry({ id: 'waiting', nextAttemptAt: NOW + 60_000 }),
      outboxEntry({ id: 'unknown', state: 'unknown' }),
      outboxEntry({ id: 'held', state: 'held' }),
    ]);

    await scheduleNext();

    expect(await badge()).toBe('3');
  });

  it('goes blank once the last item is created', async () => {
    await fakeBrowser.action.setBadgeText({ text: '1' });
    await putItem(outboxEntry({ id: 'due' }));
    fakeBzCtrl({ addTask: [created()] });

    await sendDueItems();

    expect(await badge()).toBe('');
  });

  it('follows the outbox as it changes, once registered', async () => {
    await startWorker();

    await putItem(outboxEntry({ id: 'held', state: 'held' }));

    await vi.waitFor(async () => expect(await badge()).toBe('1'));
  });
});

describe('scheduleNext', () => {
  it('sets the alarm at least half a second ahead, even for an item already due', async () => {
    await putItem(outboxEntry({ id: 'overdue', nextAttemptAt: NOW - 10_000 }));

    await scheduleNext();

    expect(await alarm()).toMatchObject({ scheduledTime: NOW + 500 });
  });
});

describe('registerOutbox', () => {
  it('sends what is due when the outbox alarm rings, and nothing for another alarm', async () => {
    await startWorker();
    await putItem(outboxEntry({ id: 'due' }));
    const bzctrl = fakeBzCtrl({ addTask: [created()] });

    // The listener turns another alarm away at once, before any wait.
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: NOW });
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();

    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: NOW });
    await sendDueItems(); // joins the pass the alarm started
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('marks what was sending as unknown when the worker starts again, then sends what is due', async () => {
    await putAll([outboxEntry({ id: 'interrupted', state: 'sending' }), outboxEntry({ id: 'due' })]);
    const bzctrl = fakeBzCtrl({ addTask: [created()] });

    registerOutbox();

    await vi.waitFor(async () => expect(await outboxIds()).toEqual(['interrupted']));
    expect(await outboxItem.getValue()).toMatchObject([{ id: 'interrupted', state: 'unknown' }]);
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
  });

  it('opens the created item’s trusted link when its notification is clicked, and clears it', async () => {
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    registerOutbox();
    const id = `created:${TASK_LINK}`;
    await fakeBrowser.notifications.create(id, { type: 'basic', iconUrl: '', title: 't', message: 'm' });

    await fakeBrowser.notifications.onClicked.trigger(id);

    await vi.waitFor(() => expect(createTab).toHaveBeenCalledWith({ url: TASK_LINK, active: true }));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('opens a notified link as trusted as it was for the server its item was sent to', async () => {
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    registerOutbox();
    const sandboxLink = 'http://127.0.0.1:8787/app/#/todo/IMP-NLD-EXA-SWA-04';
    const entry = {
      title: 't',
      todoType: 'INCIDENT' as const,
      orderID: '7770142',
      domainWorkSpace: 'IMP-NLD-EXA-SWA',
    };
    await historyItem.setValue([
      // Sent to the local sandbox: trusted there, though not for the production server in force now.
      { ...entry, taskLink: sandboxLink, trusted: true, createdAt: '2026-03-14T09:00:00.000Z' },
      // Not trusted when it came, whatever the server in force says of it now.
      { ...entry, taskLink: TASK_LINK, trusted: false, createdAt: '2026-03-14T08:00:00.000Z' },
    ]);

    await fakeBrowser.notifications.onClicked.trigger(`created:${TASK_LINK}`);
    await fakeBrowser.notifications.onClicked.trigger(`created:${sandboxLink}`);

    await vi.waitFor(() => expect(createTab).toHaveBeenCalled());
    expect(createTab.mock.calls).toEqual([[{ url: sandboxLink, active: true }]]);
  });

  it('ignores clicks on notifications that are not its own, and never opens an untrusted link', async () => {
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    registerOutbox();
    const other = 'other-notification';
    const untrusted = 'created:javascript:alert(1)';
    for (const id of [other, untrusted]) {
      await fakeBrowser.notifications.create(id, { type: 'basic', iconUrl: '', title: 't', message: 'm' });
    }

    await fakeBrowser.notifications.onClicked.trigger(other);
    await fakeBrowser.notifications.onClicked.trigger(untrusted);
    // A trusted one last: once its tab is open, the clicks before it have been handled.
    await fakeBrowser.notifications.onClicked.trigger(`created:${TASK_LINK}`);

    await vi.waitFor(() => expect(createTab).toHaveBeenCalled());
    expect(createTab.mock.calls).toEqual([[{ url: TASK_LINK, active: true }]]);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([other]);
  });
});
