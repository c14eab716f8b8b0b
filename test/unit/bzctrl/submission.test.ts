import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toAddTaskRequest } from '@/lib/bzctrl/add-task';
import { attempt, type SubmitOutcome, submit } from '@/lib/bzctrl/submission';
import { type OutboxItem, outboxItem, putItem, removeItem } from '@/lib/outbox';
import { HISTORY_LIMIT, type HistoryEntry, historyItem, type Settings, tokensItem } from '@/lib/settings';
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
  PROD_ADD_TASK_URL,
  PROD_TOKEN_URL,
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

let settings: Settings;
beforeEach(async () => {
  freezeClock();
  settings = await configure();
  await storeSession(settings);
});

const openedTabs = () => vi.spyOn(fakeBrowser.tabs, 'create');
const tokenExpired = () => json({ error: 'invalid_token', error_description: 'Access token expired' }, 401);
const unavailable = (headers: Record<string, string> = {}) =>
  json({ status: 503, error: 'Service Unavailable' }, 503, headers);

/** The outbox item of a `queued` outcome; fails the test on any other outcome. */
function queuedItem(outcome: SubmitOutcome | undefined): OutboxItem {
  if (outcome?.ok && outcome.status === 'queued') return outcome.outbox;
  throw new Error(`expected a queued outcome, got ${JSON.stringify(outcome)}`);
}

describe('submit: a submission BzCtrl creates', () => {
  it('posts the body built from the form and the configured workspace key, and answers created', async () => {
    await configure({ domain: 'VTT-NLD-TML', workspace: 'FIN' });
    const bzctrl = fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });
    const form = taskForm({ category: 'Customs, Fetsa', lrn: '24NLLRN0004471', result: 'Hose replaced' });

    const outcome = await submit(ID, form);

    expect(outcome).toMatchObject({ ok: true, status: 'created', item: { taskLink: TASK_LINK } });
    const [request, ...others] = bzctrl.addTaskRequests();
    expect(others).toEqual([]);
    expect(JSON.parse(request?.body ?? '')).toEqual(toAddTaskRequest(form, 'VTT-NLD-TML-FIN'));
    expect(JSON.parse(request?.body ?? '')).toMatchObject({ domainWorkSpace: 'VTT-NLD-TML-FIN' });
    expect(request?.headers.authorization).toBe('Bearer access-1');
  });

  it('writes the submission to the outbox before the request is made, and removes it once created', async () => {
    const form = incidentForm();
    const seenByRequest: { url: string; outbox: OutboxItem[] }[] = [];
    stubFetch(async (request) => {
      seenByRequest.push({ url: request.url, outbox: await outboxItem.getValue() });
      return json(addTaskBody(), 201);
    });

    await expect(submit(ID, form)).resolves.toMatchObject({ ok: true, status: 'created' });

    expect(seenByRequest).toEqual([
      {
        url: PROD_ADD_TASK_URL,
        outbox: [
          expect.objectContaining({
            id: ID,
            state: 'sending',
            attempts: 1,
            body: toAddTaskRequest(form, WORKSPACE_KEY),
          }),
        ],
      },
    ]);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('refreshes once and retries once after a 401', async () => {
    const bzctrl = fakeBzCtrl({
      addTask: [tokenExpired(), json(addTaskBody(), 201)],
      token: [json(tokenBody('access-2', 'refresh-2'))],
    });

    await expect(submit(ID, incidentForm())).resolves.toMatchObject({
      ok: true,
      status: 'created',
      item: { taskLink: TASK_LINK },
    });

    expect(bzctrl.addTaskRequests().map((request) => request.headers.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-2',
    ]);
    expect(bzctrl.tokenRequests()).toHaveLength(1);
  });

  it('gives up after the retry is refused too, without a second refresh, keeping nothing', async () => {
    const bzctrl = fakeBzCtrl({
      addTask: [tokenExpired(), tokenExpired()],
      token: [json(tokenBody('access-2', 'refresh-2'))],
    });

    await expect(submit(ID, incidentForm())).resolves.toMatchObject({
      ok: false,
      kind: 'signed-out',
      status: 401,
    });

    expect(bzctrl.addTaskRequests()).toHaveLength(2);
    expect(bzctrl.tokenRequests()).toHaveLength(1);
    expect(await historyItem.getValue()).toEqual([]);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('answers not-configured, sending and keeping nothing, when no domain or workspace is set', async () => {
    await configure({ domain: '', workspace: '' });
    const bzctrl = fakeBzCtrl({});

    await expect(submit(ID, incidentForm())).resolves.toMatchObject({ ok: false, kind: 'not-configured' });

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('answers signed-out, sending and keeping nothing, when nobody is signed in', async () => {
    await configure({ environment: 'acceptance' });
    const bzctrl = fakeBzCtrl({});

    await expect(submit(ID, incidentForm())).resolves.toMatchObject({ ok: false, kind: 'signed-out' });

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toEqual([]);
  });
});

describe('history', () => {
  it('keeps each created item, newest first', async () => {
    const second = 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-04';
    fakeBzCtrl({ addTask: [json(addTaskBody(), 201), json(addTaskBody(second), 201)] });

    await submit('submission-0001', incidentForm({ lrn: '24nllrn0004471' }));
    await submit('submission-0002', taskForm({ title: 'Hose leak', orderID: '7770143' }));

    expect(await historyItem.getValue()).toEqual([
      {
        taskLink: second,
        trusted: true,
        title: 'Hose leak',
        todoType: 'TASK',
        orderID: '7770143',
        domainWorkSpace: 'IMP-NLD-EXA-SWA',
        createdAt: '2026-03-14T09:12:00.000Z',
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
      },
    ]);
  });

  it(`keeps at most ${HISTORY_LIMIT} items, dropping the oldest`, async () => {
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
    fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });

    await submit(ID, incidentForm());

    const history = await historyItem.getValue();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.taskLink).toBe(TASK_LINK);
    expect(history.slice(1)).toEqual(old.slice(0, HISTORY_LIMIT - 1));
  });
});

describe('opening the taskLink of an item created from the form', () => {
  it('opens a trusted BzCtrl link in a new active tab, with no notification', async () => {
    const createTab = openedTabs();
    const notify = vi.spyOn(fakeBrowser.notifications, 'create');
    fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });

    await expect(submit(ID, incidentForm())).resolves.toMatchObject({
      ok: true,
      status: 'created',
      item: { opened: true, trusted: true },
    });

    expect(createTab).toHaveBeenCalledTimes(1);
    expect(createTab).toHaveBeenCalledWith({ url: TASK_LINK, active: true });
    expect(notify).not.toHaveBeenCalled();
  });

  it('opens a link on the origin of the selected sandbox', async () => {
    const sandbox = await configure({ environment: 'sandbox', sandboxUrl: 'http://127.0.0.1:8787' });
    await storeSession(sandbox);
    const link = 'http://127.0.0.1:8787/app/#/todo/IMP-NLD-EXA-SWA-03';
    const createTab = openedTabs();
    const { requests } = stubFetch(() => json(addTaskBody(link), 201));

    await expect(submit(ID, incidentForm())).resolves.toMatchObject({
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
  ])('never opens the untrusted link %s, but keeps it in history as untrusted', async (link) => {
    const createTab = openedTabs();
    fakeBzCtrl({ addTask: [json(addTaskBody(link), 201)] });

    await expect(submit(ID, incidentForm())).resolves.toMatchObject({
      ok: true,
      status: 'created',
      item: { taskLink: link, opened: false, trusted: false },
    });

    expect(createTab).not.toHaveBeenCalled();
    expect(await historyItem.getValue()).toMatchObject([{ taskLink: link, trusted: false }]);
  });
});

describe('a submission that was not delivered waits in the outbox', () => {
  it('waits 5 s after a network error, without any other request', async () => {
    const bzctrl = fakeBzCtrl({});
    bzctrl.fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    const item = queuedItem(await submit(ID, incidentForm()));

    expect(item).toMatchObject({
      id: ID,
      state: 'waiting',
      attempts: 1,
      nextAttemptAt: NOW + 5_000,
      lastError: expect.stringContaining('could not be reached'),
    });
    expect(await outboxItem.getValue()).toEqual([item]);
    expect(bzctrl.fetchMock).toHaveBeenCalledTimes(1);
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('waits 5 s after a first 503, without retrying at once or refreshing the session', async () => {
    const createTab = openedTabs();
    const bzctrl = fakeBzCtrl({ addTask: [unavailable()] });

    const item = queuedItem(await submit(ID, incidentForm()));

    expect(item).toMatchObject({ state: 'waiting', attempts: 1, nextAttemptAt: NOW + 5_000 });
    expect(await outboxItem.getValue()).toEqual([item]);
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(bzctrl.tokenRequests()).toHaveLength(0);
    expect(createTab).not.toHaveBeenCalled();
  });

  it('waits as long as a 429 with Retry-After: 3 asks', async () => {
    fakeBzCtrl({ addTask: [json({ status: 429, error: 'Too Many Requests' }, 429, { 'Retry-After': '3' })] });

    const item = queuedItem(await submit(ID, incidentForm()));

    expect(item).toMatchObject({ state: 'waiting', nextAttemptAt: NOW + 3_000 });
  });

  it('waits until the HTTP date a Retry-After names', async () => {
    fakeBzCtrl({ addTask: [unavailable({ 'Retry-After': 'Sat, 14 Mar 2026 09:12:30 GMT' })] });

    const item = queuedItem(await submit(ID, incidentForm()));

    expect(item).toMatchObject({ state: 'waiting', nextAttemptAt: NOW + 30_000 });
  });
});

describe('a submission of unknown fate is kept for the user, never retried by itself', () => {
  it('keeps a request that timed out as unknown, with no next attempt and a link to check BzCtrl', async () => {
    const bzctrl = fakeBzCtrl({});
    bzctrl.fetchMock.mockRejectedValueOnce(new DOMException('t', 'TimeoutError'));

    const item = queuedItem(await submit(ID, incidentForm()));

    expect(item).toMatchObject({
      id: ID,
      state: 'unknown',
      attempts: 1,
      workspaceLink: PROD_WORKSPACE_LINK,
      lastError: expect.stringContaining('did not answer in time'),
    });
    expect(item.nextAttemptAt).toBeUndefined();
    expect(await outboxItem.getValue()).toEqual([item]);
    expect(bzctrl.fetchMock).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['without a taskLink', json({ title: 'Potential Customs claim' }, 201)],
    ['with a taskLink that is not a URL', json(addTaskBody('not a link'), 201)],
    ['that is not JSON', new Response('<html>OK</html>', { status: 200 })],
  ])('keeps a 2xx answer %s as unknown, in no history', async (_, answer) => {
    fakeBzCtrl({ addTask: [answer] });

    const item = queuedItem(await submit(ID, incidentForm()));

    expect(item).toMatchObject({
      state: 'unknown',
      workspaceLink: PROD_WORKSPACE_LINK,
      lastError: expect.stringContaining('may have been created'),
    });
    expect(item.nextAttemptAt).toBeUndefined();
    expect(await historyItem.getValue()).toEqual([]);
  });

  // A fixed bug: the token endpoint's timeout (or a captive portal's 200 page instead of a token)
  // was classified like add-task's, although add-task was never sent: the item was marked "may
  // have been created" and never retried by itself.
  it.each([
    ['timed out', () => Promise.reject(new DOMException('t', 'TimeoutError'))],
    [
      'answered 200 with a page that is not a token',
      () => Promise.resolve(new Response('<html>Wi-Fi</html>')),
    ],
  ])(
    'retries later, not as unknown, when refreshing the session %s before add-task was sent',
    async (_, answer) => {
      await storeSession(settings, { lifetimeMs: 0 });
      const { requests } = stubFetch((request) =>
        request.url === PROD_TOKEN_URL ? answer() : json(addTaskBody(), 201),
      );

      const item = queuedItem(await submit(ID, incidentForm()));

      expect(requests.map((request) => request.url)).toEqual([PROD_TOKEN_URL]);
      expect(item.state).toBe('waiting');
    },
  );
});

describe('a submission BzCtrl refuses goes back to the form', () => {
  it('answers a 400 naming a field of the form with that field’s error, keeping nothing', async () => {
    const message = 'must be a well-formed email address';
    fakeBzCtrl({
      addTask: [
        json(
          { status: 400, error: 'Bad Request', errors: [{ field: 'assignee', defaultMessage: message }] },
          400,
        ),
      ],
    });

    await expect(submit(ID, incidentForm())).resolves.toEqual({
      ok: false,
      kind: 'server',
      status: 400,
      message,
      fieldErrors: { assignee: message },
    });
    expect(await outboxItem.getValue()).toEqual([]);
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('answers a 403 with kind forbidden, keeping nothing', async () => {
    const bzctrl = fakeBzCtrl({
      addTask: [json({ status: 403, error: 'Forbidden', message: 'Access is denied' }, 403)],
    });

    await expect(submit(ID, incidentForm())).resolves.toMatchObject({
      ok: false,
      kind: 'forbidden',
      status: 403,
    });
    expect(await outboxItem.getValue()).toEqual([]);
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
  });
});

describe('the same submission twice', () => {
  it('sends nothing again while the first waits in the outbox', async () => {
    const bzctrl = fakeBzCtrl({ addTask: [unavailable(), json(addTaskBody(), 201)] });
    const first = queuedItem(await submit(ID, incidentForm()));

    await expect(submit(ID, incidentForm())).resolves.toEqual({ ok: true, status: 'queued', outbox: first });

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
    const first = submit(ID, incidentForm());
    await requested.promise;

    const second = await submit(ID, incidentForm());
    answer.resolve(json(addTaskBody(), 201));

    expect(second).toMatchObject({ ok: true, status: 'queued', outbox: { id: ID, state: 'sending' } });
    await expect(first).resolves.toMatchObject({ ok: true, status: 'created' });
    expect(requests).toHaveLength(1);
  });

  // A fixed bug: submit read the outbox and wrote it in separate steps, so two submissions of one
  // id that arrived together (the double click submit() is meant to absorb) both sent.
  it('sends one request when the same submission arrives twice at once (a double click)', async () => {
    const bzctrl = fakeBzCtrl({ addTask: [json(addTaskBody(), 201), json(addTaskBody(), 201)] });

    const outcomes = await Promise.all([submit(ID, incidentForm()), submit(ID, incidentForm())]);

    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome.ok && outcome.status).sort()).toEqual(['created', 'queued']);
  });

  it('sends nothing for a submission of unknown fate', async () => {
    const unknown = outboxEntry({ id: ID, state: 'unknown', nextAttemptAt: undefined });
    await putItem(unknown);
    const bzctrl = fakeBzCtrl({});

    await expect(submit(ID, incidentForm())).resolves.toEqual({
      ok: true,
      status: 'queued',
      outbox: unknown,
    });
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });

  it('sends a held submission again, with the form as it is now', async () => {
    await putItem(outboxEntry({ id: ID, state: 'held', attempts: 2, createdAt: NOW - 60_000 }));
    const bzctrl = fakeBzCtrl({ addTask: [unavailable()] });
    const corrected = incidentForm({ title: 'Corrected title' });

    const item = queuedItem(await submit(ID, corrected));

    expect(JSON.parse(bzctrl.addTaskRequests()[0]?.body ?? '')).toMatchObject({ title: 'Corrected title' });
    expect(item).toMatchObject({
      state: 'waiting',
      attempts: 1,
      createdAt: NOW - 60_000,
      body: toAddTaskRequest(corrected, WORKSPACE_KEY),
    });
  });
});

describe('discarding a submission', () => {
  // A fixed bug: settle() wrote the item back whatever happened to it meanwhile, so an item the
  // user discarded (OutboxList offers Discard while it is sending) came back, and was retried.
  it('does not bring back a submission discarded while its request was on its way', async () => {
    const requested = deferred<void>();
    const answer = deferred<Response>();
    stubFetch(() => {
      requested.resolve();
      return answer.promise;
    });
    const outcome = submit(ID, incidentForm());
    await requested.promise;

    await removeItem(ID);
    answer.resolve(unavailable());
    await outcome;

    expect(await outboxItem.getValue()).toEqual([]);
  });
});

describe('attempt from the outbox', () => {
  it('holds an item BzCtrl refuses, with the reason and no next attempt', async () => {
    const item = outboxEntry({ id: ID, attempts: 3 });
    await putItem(item);
    fakeBzCtrl({ addTask: [json({ status: 400, error: 'Bad Request', message: 'Title is too long' }, 400)] });

    await expect(attempt(item.id, settings)).resolves.toMatchObject({
      ok: false,
      kind: 'server',
      status: 400,
    });

    const [held, ...others] = await outboxItem.getValue();
    expect(others).toEqual([]);
    expect(held).toMatchObject({ id: ID, state: 'held', attempts: 4, lastError: 'Title is too long' });
    expect(held?.needsSignIn).toBeFalsy();
    expect(held?.nextAttemptAt).toBeUndefined();
  });

  it('holds an item until sign-in when the session is gone, sending nothing', async () => {
    await tokensItem.removeValue();
    const item = outboxEntry({ id: ID });
    await putItem(item);
    const bzctrl = fakeBzCtrl({});

    await expect(attempt(item.id, settings)).resolves.toMatchObject({ ok: false, kind: 'signed-out' });

    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
    expect(await outboxItem.getValue()).toMatchObject([{ id: ID, state: 'held', needsSignIn: true }]);
  });

  it('spaces out the retries of an item that keeps failing', async () => {
    const item = outboxEntry({ id: ID, attempts: 2 });
    await putItem(item);
    fakeBzCtrl({ addTask: [unavailable()] });

    const waiting = queuedItem(await attempt(item.id, settings));

    expect(waiting).toMatchObject({ state: 'waiting', attempts: 3, nextAttemptAt: NOW + 30_000 });
  });
});
