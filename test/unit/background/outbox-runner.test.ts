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
import { type OutboxItem, outboxItem, putItem } from '@/lib/outbox';
import { historyItem, tokensItem } from '@/lib/settings';
import {
  addTaskBody,
  configure,
  deferred,
  fakeBzCtrl,
  freezeClock,
  incidentForm,
  json,
  NOW,
  outboxEntry,
  PROD_WORKSPACE_LINK,
  settle,
  setUpFakeBrowser,
  storeSession,
  stubFetch,
  TASK_LINK,
  taskForm,
} from '../helpers';

setUpFakeBrowser();

const LATER_LINK = 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-04';

beforeEach(async () => {
  freezeClock();
  await storeSession(await configure());
});

const unavailable = () => json({ status: 503, error: 'Service Unavailable' }, 503);
const created = (taskLink = TASK_LINK) => json(addTaskBody(taskLink), 201);
const titlesSent = (requests: { body: string }[]) =>
  requests.map((request) => (JSON.parse(request.body) as { title: string }).title);

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
    const answer = deferred<Response>();
    const { requests } = stubFetch(() => answer.promise);

    const passes = Promise.all([sendDueItems(), sendDueItems()]);
    await settle();
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
    await putItem(outboxEntry({ id: 'due', attempts: 1 }));
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
});

describe('scheduleNext', () => {
  it('sets the alarm at least half a second ahead, even for an item already due', async () => {
    await putItem(outboxEntry({ id: 'overdue', nextAttemptAt: NOW - 10_000 }));

    await scheduleNext();

    expect(await alarm()).toMatchObject({ scheduledTime: NOW + 500 });
  });
});

describe('an item created from the outbox', () => {
  it('leaves the outbox, enters the history and is announced by a notification, opening no tab', async () => {
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await putItem(outboxEntry({ id: 'due' }));
    fakeBzCtrl({ addTask: [created()] });

    await sendDueItems();

    expect(await outboxItem.getValue()).toEqual([]);
    expect(await historyItem.getValue()).toMatchObject([
      { taskLink: TASK_LINK, trusted: true, title: 'Potential Customs claim', orderID: '7770142' },
    ]);
    const notifications = await fakeBrowser.notifications.getAll();
    expect(Object.keys(notifications)).toEqual([`created:${TASK_LINK}`]);
    expect(notifications[`created:${TASK_LINK}`]).toMatchObject({
      type: 'basic',
      title: 'Incident created in BzCtrl',
      message: expect.stringContaining('7770142'),
    });
    expect(createTab).not.toHaveBeenCalled();
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
        lastError: expect.stringContaining('may or may not have created'),
        updatedAt: NOW,
      }),
      waiting,
      held,
    ]);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  // OutboxList shows its "Check BzCtrl" button only for unknown items that have a workspaceLink.
  it('gives an interrupted item the link where the user can check BzCtrl', async () => {
    await putItem(outboxEntry({ id: 'interrupted', state: 'sending' }));

    await recoverInterrupted();

    expect(await outboxItem.getValue()).toMatchObject([
      { id: 'interrupted', state: 'unknown', workspaceLink: PROD_WORKSPACE_LINK },
    ]);
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

  it('answers with the item as it is after another failure, and schedules its next attempt', async () => {
    await putItem(outboxEntry({ id: 'item', attempts: 1, nextAttemptAt: NOW + 60_000 }));
    fakeBzCtrl({ addTask: [unavailable()] });

    await expect(retryNow('item')).resolves.toMatchObject({
      id: 'item',
      state: 'waiting',
      attempts: 2,
      nextAttemptAt: NOW + 15_000,
    });
    expect(await alarm()).toMatchObject({ scheduledTime: NOW + 15_000 });
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

  // A fixed bug: retryNow() did not join the pass of sendDueItems(); both read the item as
  // `waiting` before either marked it `sending`, so a Retry click as the alarm fired sent it twice.
  it('sends a due item once when the user retries it as the alarm fires', async () => {
    await putItem(outboxEntry({ id: 'due' }));
    const bzctrl = fakeBzCtrl({ addTask: [created(), created()] });

    await Promise.all([sendDueItems(), retryNow('due')]);

    expect(bzctrl.addTaskRequests()).toHaveLength(1);
  });
});

describe('resumeAfterSignIn', () => {
  it('sends the items held for a sign-in, and only those', async () => {
    await putAll([
      outboxEntry({
        id: 'needs-sign-in',
        state: 'held',
        needsSignIn: true,
        nextAttemptAt: undefined,
        form: incidentForm({ title: 'Held for sign-in' }),
      }),
      outboxEntry({ id: 'refused', state: 'held', needsSignIn: false, nextAttemptAt: undefined }),
      outboxEntry({ id: 'unknown', state: 'unknown', nextAttemptAt: undefined }),
    ]);
    const bzctrl = fakeBzCtrl({ addTask: [created()] });

    await resumeAfterSignIn();

    expect(titlesSent(bzctrl.addTaskRequests())).toEqual(['Held for sign-in']);
    expect(await outboxIds()).toEqual(['refused', 'unknown']);
  });

  it('holds the item again, still needing a sign-in, when the session is still missing', async () => {
    await tokensItem.removeValue();
    await putItem(outboxEntry({ id: 'item', state: 'held', needsSignIn: true, nextAttemptAt: undefined }));
    const bzctrl = fakeBzCtrl({});

    await resumeAfterSignIn();

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toMatchObject([{ id: 'item', state: 'held', needsSignIn: true }]);
  });
});

describe('the toolbar badge', () => {
  it('shows the number of items in the outbox, whatever their state', async () => {
    await putAll([
      outboxEntry({ id: 'waiting', nextAttemptAt: NOW + 60_000 }),
      outboxEntry({ id: 'unknown', state: 'unknown' }),
      outboxEntry({ id: 'held', state: 'held' }),
    ]);

    await sendDueItems();

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
    registerOutbox();
    await settle();

    await putItem(outboxEntry({ id: 'held', state: 'held' }));
    await settle();

    expect(await badge()).toBe('1');
  });
});

describe('registerOutbox', () => {
  it('sends what is due when the outbox alarm rings, and nothing for another alarm', async () => {
    registerOutbox();
    await settle();
    await putItem(outboxEntry({ id: 'due' }));
    const bzctrl = fakeBzCtrl({ addTask: [created()] });

    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: NOW });
    await settle();
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();

    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: NOW });
    await sendDueItems(); // joins the pass the alarm started
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('marks what was sending as unknown when the worker starts again', async () => {
    await putItem(outboxEntry({ id: 'interrupted', state: 'sending' }));
    const bzctrl = fakeBzCtrl({});

    registerOutbox();
    await settle();

    expect(await outboxItem.getValue()).toMatchObject([{ id: 'interrupted', state: 'unknown' }]);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it('opens the created item’s trusted link when its notification is clicked, and clears it', async () => {
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    registerOutbox();
    await settle();
    const id = `created:${TASK_LINK}`;
    await fakeBrowser.notifications.create(id, { type: 'basic', iconUrl: '', title: 't', message: 'm' });

    await fakeBrowser.notifications.onClicked.trigger(id);
    await settle();

    expect(createTab).toHaveBeenCalledWith({ url: TASK_LINK, active: true });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('ignores clicks on notifications that are not its own, and never opens an untrusted link', async () => {
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    registerOutbox();
    await settle();

    await fakeBrowser.notifications.onClicked.trigger('other-notification');
    await fakeBrowser.notifications.onClicked.trigger('created:javascript:alert(1)');
    await settle();

    expect(createTab).not.toHaveBeenCalled();
  });
});
