import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendFromOutbox, submitForm } from '@/lib/background/deliveries';
import { recoverInterrupted, sendDueItems } from '@/lib/background/outbox-runner';
import { outboxItem, putItem, removeItem } from '@/lib/background/outbox-store';
import { toAddTaskRequest } from '@/lib/bzctrl/add-task';
import type { SubmitOutcome } from '@/lib/bzctrl/submission';
import { tokensItem } from '@/lib/bzctrl/tokens';
import { type Draft, saveDraft, unsentDrafts } from '@/lib/drafts';
import {
  HISTORY_LIMIT,
  type HistoryEntry,
  historyItem,
  justCreatedItem,
  takeJustCreated,
} from '@/lib/history';
import type { OutboxItem } from '@/lib/outbox';
import type { Settings } from '@/lib/settings';
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
  PROD_DESTINATION,
  PROD_WORKSPACE_LINK,
  setUpFakeBrowser,
  storeSession,
  stubFetch,
  TASK_LINK,
  taskForm,
  tokenBody,
  WORKSPACE_KEY,
} from '../helpers';

setUpFakeBrowser();

const ID = 'submission-0001';
const TAB = 7;
const SECOND_LINK = 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-04';

let settings: Settings;
beforeEach(async () => {
  freezeClock();
  settings = await configure();
  await storeSession(settings);
});

const created = (taskLink = TASK_LINK) => json(addTaskBody(taskLink), 201);
const unavailable = () => json({ status: 503, error: 'Service Unavailable' }, 503);
const badRequest = (message = 'Title is too long') =>
  json({ status: 400, error: 'Bad Request', message }, 400);
const tokenExpired = () => json({ error: 'invalid_token', error_description: 'Access token expired' }, 401);
const openedTabs = () => vi.spyOn(fakeBrowser.tabs, 'create');
const notifications = () => fakeBrowser.notifications.getAll();

/** The outbox item of a `queued` outcome; fails the test on any other outcome. */
function queuedItem(outcome: SubmitOutcome | undefined): OutboxItem {
  if (outcome?.ok && outcome.status === 'queued') return outcome.outbox;
  throw new Error(`expected a queued outcome, got ${JSON.stringify(outcome)}`);
}

function draft(id: string, overrides: Partial<Draft> = {}): Draft {
  return { id, tabId: TAB, values: incidentForm(), typed: ['title'], updatedAt: NOW, ...overrides };
}
// The drafts a form would restore: the worker marks the ones it sent, and the form drops them.
const draftIds = async () => (await unsentDrafts()).map((kept) => kept.id);

describe('submitForm: to the workspace the form showed', () => {
  it('sends to a preset’s workspace where the settings’ is the user’s own', async () => {
    await configure({ domain: 'VTT-NLD-TML', workspace: 'FIN' });
    const bzctrl = fakeBzCtrl({ addTask: [created()] });
    await expect(submitForm(ID, incidentForm(), undefined, 'IMP-NLD-EXA-RTM')).resolves.toMatchObject({
      ok: true,
    });
    expect(JSON.parse(bzctrl.addTaskRequests()[0]?.body ?? '{}').domainWorkSpace).toBe('IMP-NLD-EXA-RTM');
  });

  it('where the organisation sets the workspace, sends elsewhere only for a preset of its own', async () => {
    await configure({ domain: 'VTT-NLD-TML', workspace: 'FIN' });
    await fakeBrowser.storage.managed.set({
      domain: 'VTT-BEL-ATP',
      workspace: 'ATP',
      presets: [{ name: 'Org', domain: 'VTT-BEL', workspace: 'GATE' }],
    });
    const bzctrl = fakeBzCtrl({ addTask: [created()] });
    await expect(submitForm(ID, incidentForm(), undefined, 'IMP-NLD-EXA-RTM')).resolves.toMatchObject({
      ok: false,
      kind: 'invalid',
      message: expect.stringContaining('VTT-BEL-ATP'),
    });
    expect(bzctrl.addTaskRequests()).toHaveLength(0);
    await expect(submitForm(ID, incidentForm(), undefined, 'VTT-BEL-GATE')).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe('submitForm: into the outbox, then to BzCtrl', () => {
  it('sends the body built from the form and the configured workspace key, and answers created', async () => {
    await configure({ domain: 'VTT-NLD-TML', workspace: 'FIN' });
    const bzctrl = fakeBzCtrl({ addTask: [created()] });
    const form = taskForm({ category: 'Customs, Fetsa', lrn: '24NLLRN0004471', result: 'Hose replaced' });

    await expect(submitForm(ID, form)).resolves.toMatchObject({
      ok: true,
      status: 'created',
      item: { taskLink: TASK_LINK, domainWorkSpace: 'VTT-NLD-TML-FIN' },
      warnings: [],
    });

    expect(bzctrl.addTaskRequests().map((request) => JSON.parse(request.body))).toEqual([
      toAddTaskRequest(form, 'VTT-NLD-TML-FIN'),
    ]);
  });

  it('writes the submission to the outbox before the request, with where it goes, and removes it once created', async () => {
    const form = incidentForm();
    const seenByRequest: OutboxItem[][] = [];
    stubFetch(async () => {
      seenByRequest.push(await outboxItem.getValue());
      return created();
    });

    await expect(submitForm(ID, form, TAB)).resolves.toMatchObject({ ok: true, status: 'created' });

    expect(seenByRequest).toEqual([
      [
        {
          id: ID,
          body: toAddTaskRequest(form, WORKSPACE_KEY),
          state: 'sending',
          attempts: 1,
          destination: PROD_DESTINATION,
          tabId: TAB,
          retriesSince: { at: NOW, attempts: 0 },
          createdAt: NOW,
          updatedAt: NOW,
        },
      ],
    ]);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('answers not-configured when no domain or workspace is set, sending and keeping nothing', async () => {
    await configure({ domain: '', workspace: '' });
    const bzctrl = fakeBzCtrl({});

    await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({
      ok: false,
      kind: 'not-configured',
    });

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('answers signed-out when nobody is signed in, sending nothing and leaving the outbox as it was', async () => {
    const held = outboxEntry({ id: ID, state: 'held', needsSignIn: true, nextAttemptAt: undefined });
    await putItem(held);
    await configure({ environment: 'acceptance' });
    const bzctrl = fakeBzCtrl({});

    await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({ ok: false, kind: 'signed-out' });

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toEqual([held]);
  });
});

describe('an item BzCtrl created', () => {
  it('goes into the history, newest first', async () => {
    fakeBzCtrl({ addTask: [created(), created(SECOND_LINK)] });

    await submitForm('submission-0001', incidentForm({ lrn: '24nllrn0004471' }));
    await submitForm('submission-0002', taskForm({ title: 'Hose leak', orderID: '7770143' }));

    expect(await historyItem.getValue()).toEqual([
      {
        taskLink: SECOND_LINK,
        trusted: true,
        title: 'Hose leak',
        todoType: 'TASK',
        orderID: '7770143',
        domainWorkSpace: 'IMP-NLD-EXA-SWA',
        createdAt: '2026-03-14T09:12:00.000Z',
        submissionId: 'submission-0002',
      },
      {
        taskLink: TASK_LINK,
        trusted: true,
        title: 'Potential Customs claim',
        todoType: 'INCIDENT',
        orderID: '7770142',
        lrn: '24NLLRN0004471',
        domainWorkSpace: 'IMP-NLD-EXA-SWA',
        createdAt: '2026-03-14T09:12:00.000Z',
        submissionId: 'submission-0001',
      },
    ]);
  });

  it(`keeps at most ${HISTORY_LIMIT} items in the history, dropping the oldest`, async () => {
    const old = Array.from(
      { length: HISTORY_LIMIT },
      (_, index): HistoryEntry => ({
        taskLink: `https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-${index}`,
        trusted: true,
        title: `old ${index}`,
        todoType: 'TASK',
        orderID: String(index),
        domainWorkSpace: 'IMP-NLD-EXA-SWA',
        createdAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    await historyItem.setValue(old);
    fakeBzCtrl({ addTask: [created()] });

    await submitForm(ID, incidentForm());

    const history = await historyItem.getValue();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.taskLink).toBe(TASK_LINK);
    expect(history.slice(1)).toEqual(old.slice(0, HISTORY_LIMIT - 1));
  });

  it('is remembered for the next popup on the tab its form was about, beside other tabs’ items', async () => {
    const otherTab: HistoryEntry = {
      taskLink: SECOND_LINK,
      trusted: true,
      title: 'Hose leak',
      todoType: 'TASK',
      orderID: '7770143',
      domainWorkSpace: WORKSPACE_KEY,
      createdAt: new Date(NOW).toISOString(),
    };
    await justCreatedItem.setValue([{ tabId: 8, entry: otherTab }]);
    fakeBzCtrl({ addTask: [created()] });

    await submitForm(ID, incidentForm(), TAB);

    expect((await justCreatedItem.getValue()).map((item) => item.tabId)).toEqual([TAB, 8]);
    await expect(takeJustCreated(TAB, Date.now())).resolves.toMatchObject({
      taskLink: TASK_LINK,
      orderID: '7770142',
    });
  });

  it('is remembered for no tab when its form was about none', async () => {
    fakeBzCtrl({ addTask: [created()] });
    await submitForm(ID, incidentForm());
    expect(await justCreatedItem.getValue()).toEqual([]);
  });

  it('is remembered for the tab of its form when it goes out from the outbox later', async () => {
    await putItem(outboxEntry({ id: ID, tabId: TAB }));
    fakeBzCtrl({ addTask: [created()] });

    await sendFromOutbox(ID, settings);

    await expect(takeJustCreated(TAB, Date.now())).resolves.toMatchObject({ taskLink: TASK_LINK });
  });
});

describe('the link of an item created from the form', () => {
  it('opens a trusted BzCtrl link in a new active tab, with no notification', async () => {
    const createTab = openedTabs();
    fakeBzCtrl({ addTask: [created()] });

    await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({
      ok: true,
      status: 'created',
      item: { opened: true, trusted: true },
    });

    expect(createTab).toHaveBeenCalledTimes(1);
    expect(createTab).toHaveBeenCalledWith({ url: TASK_LINK, active: true });
    expect(await notifications()).toEqual({});
  });

  it('opens a link on the origin of the sandbox it was sent to', async () => {
    const sandbox = await configure({ environment: 'sandbox', sandboxUrl: 'http://127.0.0.1:8787' });
    await storeSession(sandbox);
    const link = 'http://127.0.0.1:8787/app/#/todo/IMP-NLD-EXA-SWA-03';
    const createTab = openedTabs();
    const { requests } = stubFetch(() => created(link));

    await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({
      ok: true,
      status: 'created',
      item: { opened: true, trusted: true },
    });

    expect(requests.map((request) => request.url)).toEqual([
      'http://127.0.0.1:8787/bzctrl-core-api/api/v1/task/add-task',
    ]);
    expect(createTab).toHaveBeenCalledWith({ url: link, active: true });
  });

  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'https://bzctrl.com.evil.com/app/#/todo/IMP-NLD-EXA-SWA-03',
    'http://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03',
    'http://127.0.0.1:8787/app/#/todo/IMP-NLD-EXA-SWA-03',
  ])(
    'never opens the untrusted link %s, keeps it in history as untrusted, and notifies instead',
    async (link) => {
      const createTab = openedTabs();
      fakeBzCtrl({ addTask: [created(link)] });

      await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({
        ok: true,
        status: 'created',
        item: { taskLink: link, opened: false, trusted: false },
      });

      expect(createTab).not.toHaveBeenCalled();
      expect(await historyItem.getValue()).toMatchObject([{ taskLink: link, trusted: false }]);
      expect(Object.keys(await notifications())).toEqual([`created:${link}`]);
    },
  );

  it('notifies when a trusted link could not be opened, and says so', async () => {
    openedTabs().mockRejectedValue(new Error('No window'));
    fakeBzCtrl({ addTask: [created()] });

    const outcome = await submitForm(ID, incidentForm());

    expect(outcome).toMatchObject({
      ok: true,
      status: 'created',
      item: { opened: false },
      warnings: ['It is in BzCtrl, but this browser could not open its link: Error: No window'],
    });
    expect(await notifications()).toMatchObject({
      [`created:${TASK_LINK}`]: {
        title: 'Incident created in BzCtrl',
        message: 'Potential Customs claim (service order 7770142). Click to open it.',
      },
    });
  });
});

describe('an item created from the outbox', () => {
  it('leaves the outbox, enters the history and is announced by a notification, opening no tab', async () => {
    const createTab = openedTabs();
    await putItem(outboxEntry({ id: ID }));
    fakeBzCtrl({ addTask: [created()] });

    await sendFromOutbox(ID, settings);

    expect(await outboxItem.getValue()).toEqual([]);
    expect(await historyItem.getValue()).toMatchObject([
      { taskLink: TASK_LINK, trusted: true, title: 'Potential Customs claim', orderID: '7770142' },
    ]);
    expect(await notifications()).toEqual({
      [`created:${TASK_LINK}`]: expect.objectContaining({
        type: 'basic',
        title: 'Incident created in BzCtrl',
        message: 'Potential Customs claim (service order 7770142) was sent from the outbox.',
      }),
    });
    expect(createTab).not.toHaveBeenCalled();
  });
});

describe('a local fault after BzCtrl created the item', () => {
  it('answers created with a warning when the history cannot be written, and sends nothing again', async () => {
    vi.spyOn(historyItem, 'setValue').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const bzctrl = fakeBzCtrl({ addTask: [created()] });
    await saveDraft(draft(ID));

    await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({
      ok: true,
      status: 'created',
      item: { taskLink: TASK_LINK, opened: true },
      warnings: [
        'It is in BzCtrl, but this browser could not add it to the history: Error: QUOTA_BYTES quota exceeded',
      ],
    });

    expect(await outboxItem.getValue()).toEqual([]);
    expect(await draftIds()).toEqual([]);
    await sendDueItems();
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
  });

  it('answers created when the outbox cannot be cleared, and the item is never sent again by itself', async () => {
    const write = outboxItem.setValue.bind(outboxItem);
    let writes = 0;
    vi.spyOn(outboxItem, 'setValue').mockImplementation(async (items) => {
      writes += 1;
      // The first write claims the item; the second, taking it out once created, fails.
      if (writes === 2) throw new Error('storage broke');
      await write(items);
    });
    const bzctrl = fakeBzCtrl({ addTask: [created()] });

    await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({
      ok: true,
      status: 'created',
      warnings: [
        'It is in BzCtrl, but this browser could not take it out of the outbox: Error: storage broke',
      ],
    });
    expect(await historyItem.getValue()).toMatchObject([{ taskLink: TASK_LINK }]);

    await sendDueItems();
    await recoverInterrupted();
    expect(await outboxItem.getValue()).toMatchObject([{ id: ID, state: 'unknown' }]);
    await sendDueItems();
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
  });

  it('answers created with a warning when the notification cannot be shown', async () => {
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new Error('Notifications are off'));
    const link = 'https://bzctrl.com.evil.com/app/#/todo/IMP-NLD-EXA-SWA-03';
    fakeBzCtrl({ addTask: [created(link)] });

    await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({
      ok: true,
      status: 'created',
      item: { taskLink: link, opened: false },
      warnings: [
        'It is in BzCtrl, but this browser could not show a notification: Error: Notifications are off',
      ],
    });
    expect(await outboxItem.getValue()).toEqual([]);
    expect(await historyItem.getValue()).toMatchObject([{ taskLink: link }]);
  });
});

describe('the draft the submission came from', () => {
  it.each([
    ['created', () => created()],
    ['waiting in the outbox', () => unavailable()],
    ['of unknown fate', () => Promise.reject(new DOMException('t', 'TimeoutError'))],
  ])('is discarded once the item is %s, and no other draft', async (_, answer) => {
    await saveDraft(draft('other-draft'));
    await saveDraft(draft(ID));
    stubFetch(answer);

    await submitForm(ID, incidentForm(), TAB);

    expect(await draftIds()).toEqual(['other-draft']);
  });

  it.each([
    ['BzCtrl refuses it', () => ({ addTask: [badRequest()] })],
    [
      'the session is refused',
      () => ({
        addTask: [tokenExpired(), tokenExpired()],
        token: [json(tokenBody('access-2', 'refresh-2'))],
      }),
    ],
  ])('is kept when %s', async (_, script) => {
    await saveDraft(draft(ID));
    fakeBzCtrl(script());

    await expect(submitForm(ID, incidentForm(), TAB)).resolves.toMatchObject({ ok: false });

    expect(await draftIds()).toEqual([ID]);
  });
});

describe('an item not created is kept in the outbox', () => {
  it('as waiting, with its next attempt and the reason, when BzCtrl surely did not take it', async () => {
    const bzctrl = fakeBzCtrl({ addTask: [unavailable()] });

    const item = queuedItem(await submitForm(ID, incidentForm()));

    expect(item).toMatchObject({
      id: ID,
      state: 'waiting',
      attempts: 1,
      nextAttemptAt: NOW + 5_000,
      lastError: 'Service Unavailable',
    });
    expect(item.workspaceLink).toBeUndefined();
    expect(await outboxItem.getValue()).toEqual([item]);
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('as unknown, with no next attempt and the link to check BzCtrl, when BzCtrl may have created it', async () => {
    const bzctrl = fakeBzCtrl({});
    bzctrl.fetchMock.mockRejectedValueOnce(new DOMException('t', 'TimeoutError'));

    const item = queuedItem(await submitForm(ID, incidentForm()));

    expect(item).toMatchObject({
      id: ID,
      state: 'unknown',
      attempts: 1,
      workspaceLink: PROD_WORKSPACE_LINK,
      lastError: 'BzCtrl did not answer in time.',
    });
    expect(item.nextAttemptAt).toBeUndefined();
    expect(await outboxItem.getValue()).toEqual([item]);
    expect(await historyItem.getValue()).toEqual([]);
  });
});

describe('an item BzCtrl refuses', () => {
  it('goes back to the form, with the field BzCtrl named, and out of the outbox', async () => {
    const message = 'must be a well-formed email address';
    fakeBzCtrl({
      addTask: [
        json(
          { status: 400, error: 'Bad Request', errors: [{ field: 'assignee', defaultMessage: message }] },
          400,
        ),
      ],
    });

    await expect(submitForm(ID, incidentForm())).resolves.toEqual({
      ok: false,
      kind: 'server',
      status: 400,
      message,
      fieldErrors: { assignee: message },
    });
    expect(await outboxItem.getValue()).toEqual([]);
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('goes back to the form as forbidden on a 403', async () => {
    fakeBzCtrl({ addTask: [json({ status: 403, error: 'Forbidden', message: 'Access is denied' }, 403)] });

    await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({
      ok: false,
      kind: 'forbidden',
      status: 403,
    });
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('goes back to the form as signed-out when the session is refused after its refresh', async () => {
    fakeBzCtrl({
      addTask: [tokenExpired(), tokenExpired()],
      token: [json(tokenBody('access-2', 'refresh-2'))],
    });

    await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({
      ok: false,
      kind: 'signed-out',
      status: 401,
    });
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('is held in the outbox, with the reason and the attempt counted, when it went from there', async () => {
    await putItem(outboxEntry({ id: ID, attempts: 3 }));
    fakeBzCtrl({ addTask: [badRequest()] });

    await sendFromOutbox(ID, settings);

    const [held, ...others] = await outboxItem.getValue();
    expect(others).toEqual([]);
    expect(held).toMatchObject({
      id: ID,
      state: 'held',
      attempts: 4,
      lastError: 'Title is too long',
      needsSignIn: false,
    });
    expect(held?.nextAttemptAt).toBeUndefined();
  });

  it('is held until a sign-in when the session is gone, sending nothing', async () => {
    await tokensItem.removeValue();
    await putItem(outboxEntry({ id: ID }));
    const bzctrl = fakeBzCtrl({});

    await sendFromOutbox(ID, settings);

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toMatchObject([{ id: ID, state: 'held', needsSignIn: true }]);
  });
});

describe('the same submission twice', () => {
  it('sends nothing again while the first waits in the outbox', async () => {
    const bzctrl = fakeBzCtrl({ addTask: [unavailable(), created()] });
    const first = queuedItem(await submitForm(ID, incidentForm()));

    await expect(submitForm(ID, incidentForm())).resolves.toEqual({
      ok: true,
      status: 'queued',
      outbox: first,
    });

    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(await outboxItem.getValue()).toEqual([first]);
  });

  it('sends nothing again while the first request is on its way', async () => {
    const requested = deferred<void>();
    const answer = deferred<Response>();
    const { requests } = stubFetch(() => {
      requested.resolve();
      return answer.promise;
    });
    const first = submitForm(ID, incidentForm());
    await requested.promise;

    const second = await submitForm(ID, incidentForm());
    answer.resolve(created());

    expect(second).toMatchObject({ ok: true, status: 'queued', outbox: { id: ID, state: 'sending' } });
    await expect(first).resolves.toMatchObject({ ok: true, status: 'created' });
    expect(requests).toHaveLength(1);
  });

  it('sends one request when the same submission arrives twice at once (a double click)', async () => {
    const bzctrl = fakeBzCtrl({ addTask: [created(), created()] });

    const outcomes = await Promise.all([submitForm(ID, incidentForm()), submitForm(ID, incidentForm())]);

    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome.ok && outcome.status).sort()).toEqual(['created', 'queued']);
  });

  // A second window on the same draft, or a popup reopened on it before the first answer came.
  it('sends nothing again for a submission created before, and answers with the item created', async () => {
    const bzctrl = fakeBzCtrl({ addTask: [created(), created(SECOND_LINK)] });
    await expect(submitForm(ID, incidentForm())).resolves.toMatchObject({
      status: 'created',
      item: { opened: true },
    });
    const createTab = openedTabs();

    const again = await submitForm(ID, incidentForm());

    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(again).toMatchObject({
      ok: true,
      status: 'created',
      item: { taskLink: TASK_LINK, opened: false },
    });
    // Its tab was opened the first time.
    expect(createTab).not.toHaveBeenCalled();
    expect(await historyItem.getValue()).toHaveLength(1);
  });

  it('keeps the link in the history before the item leaves the outbox', async () => {
    fakeBzCtrl({ addTask: [created()] });
    const removedWhen: number[] = [];
    const unwatch = outboxItem.watch(async (items) => {
      if (items.length === 0) removedWhen.push((await historyItem.getValue()).length);
    });

    await submitForm(ID, incidentForm());
    await vi.waitFor(() => expect(removedWhen).toHaveLength(1));
    unwatch();

    expect(removedWhen).toEqual([1]);
  });

  it('sends nothing for a submission of unknown fate', async () => {
    const unknown = outboxEntry({ id: ID, state: 'unknown', nextAttemptAt: undefined });
    await putItem(unknown);
    const bzctrl = fakeBzCtrl({});

    await expect(submitForm(ID, incidentForm())).resolves.toEqual({
      ok: true,
      status: 'queued',
      outbox: unknown,
    });
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it('sends a held submission again from the form, as the form is now, in a new run of retries', async () => {
    await putItem(
      outboxEntry({
        id: ID,
        state: 'held',
        attempts: 7,
        createdAt: NOW - 60_000,
        retriesSince: { at: NOW - 60_000, attempts: 0 },
      }),
    );
    const bzctrl = fakeBzCtrl({ addTask: [unavailable()] });
    const corrected = incidentForm({ title: 'Corrected title' });

    const item = queuedItem(await submitForm(ID, corrected, TAB));

    expect(JSON.parse(bzctrl.addTaskRequests()[0]?.body ?? '')).toMatchObject({ title: 'Corrected title' });
    expect(item).toMatchObject({
      state: 'waiting',
      attempts: 1,
      nextAttemptAt: NOW + 5_000,
      createdAt: NOW - 60_000,
      retriesSince: { at: NOW, attempts: 0 },
      tabId: TAB,
      body: toAddTaskRequest(corrected, WORKSPACE_KEY),
    });
  });
});

describe('an item discarded while it is being sent', () => {
  it('stays gone whatever BzCtrl answers', async () => {
    const requested = deferred<void>();
    const answer = deferred<Response>();
    stubFetch(() => {
      requested.resolve();
      return answer.promise;
    });
    const outcome = submitForm(ID, incidentForm());
    await requested.promise;

    await removeItem(ID);
    answer.resolve(unavailable());
    await outcome;

    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('is not sent by the outbox once gone, nor while on its way', async () => {
    await putItem(outboxEntry({ id: 'sending', state: 'sending' }));
    const bzctrl = fakeBzCtrl({});

    await sendFromOutbox('gone', settings);
    await sendFromOutbox('sending', settings);

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toMatchObject([{ id: 'sending', state: 'sending', attempts: 1 }]);
  });
});
