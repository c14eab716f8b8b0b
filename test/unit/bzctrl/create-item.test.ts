import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toAddTaskRequest } from '@/lib/bzctrl/add-task';
import { BzCtrlError } from '@/lib/bzctrl/client';
import { createItem, NotConfiguredError } from '@/lib/bzctrl/create-item';
import { HISTORY_LIMIT, type HistoryEntry, historyItem } from '@/lib/settings';
import {
  addTaskBody,
  configure,
  fakeBzCtrl,
  incidentForm,
  json,
  setUpFakeBrowser,
  storeSession,
  stubFetch,
  TASK_LINK,
  taskForm,
  tokenBody,
} from '../helpers';

setUpFakeBrowser();

beforeEach(async () => {
  await storeSession(await configure());
});

const openedTabs = () => vi.spyOn(fakeBrowser.tabs, 'create');
const tokenExpired = () => json({ error: 'invalid_token', error_description: 'Access token expired' }, 401);

describe('createItem', () => {
  it('posts the body built from the form and the configured workspace key', async () => {
    await configure({ domain: 'VTT-NLD-TML', workspace: 'FIN' });
    const bzctrl = fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });
    const form = taskForm({ category: 'Customs, Fetsa', lrn: '24NLLRN0004471', result: 'Hose replaced' });

    await createItem(form);

    const [request, ...others] = bzctrl.addTaskRequests();
    expect(others).toEqual([]);
    expect(JSON.parse(request?.body ?? '')).toEqual(toAddTaskRequest(form, 'VTT-NLD-TML-FIN'));
    expect(JSON.parse(request?.body ?? '')).toMatchObject({ domainWorkSpace: 'VTT-NLD-TML-FIN' });
    expect(request?.headers.authorization).toBe('Bearer access-1');
  });

  it('refreshes once and retries once after a 401', async () => {
    const bzctrl = fakeBzCtrl({
      addTask: [tokenExpired(), json(addTaskBody(), 201)],
      token: [json(tokenBody('access-2', 'refresh-2'))],
    });

    await expect(createItem(incidentForm())).resolves.toMatchObject({ taskLink: TASK_LINK });

    expect(bzctrl.addTaskRequests().map((request) => request.headers.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-2',
    ]);
    expect(bzctrl.tokenRequests()).toHaveLength(1);
  });

  it('gives up after the retry is refused too, without a second refresh', async () => {
    const bzctrl = fakeBzCtrl({
      addTask: [tokenExpired(), tokenExpired()],
      token: [json(tokenBody('access-2', 'refresh-2'))],
    });

    const error = await createItem(incidentForm()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BzCtrlError);
    expect(error).toMatchObject({ status: 401 });
    expect(bzctrl.addTaskRequests()).toHaveLength(2);
    expect(bzctrl.tokenRequests()).toHaveLength(1);
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('does not retry other errors', async () => {
    const bzctrl = fakeBzCtrl({ addTask: [json({ error: 'Internal Server Error' }, 500)] });
    await expect(createItem(incidentForm())).rejects.toMatchObject({ kind: 'http', status: 500 });
    expect(bzctrl.addTaskRequests()).toHaveLength(1);
    expect(bzctrl.tokenRequests()).toHaveLength(0);
  });

  it('throws NotConfiguredError, sending nothing, when no domain or workspace is set', async () => {
    await configure({ domain: '', workspace: '' });
    const bzctrl = fakeBzCtrl({});
    await expect(createItem(incidentForm())).rejects.toBeInstanceOf(NotConfiguredError);
    expect(bzctrl.fetchMock).not.toHaveBeenCalled();
  });
});

describe('history', () => {
  it('keeps each created item, newest first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-14T09:12:00.000Z'));
    const second = 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-04';
    fakeBzCtrl({ addTask: [json(addTaskBody(), 201), json(addTaskBody(second), 201)] });

    await createItem(incidentForm({ lrn: '24nllrn0004471' }));
    await createItem(taskForm({ title: 'Hose leak', orderID: '7770143' }));

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

    await createItem(incidentForm());

    const history = await historyItem.getValue();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.taskLink).toBe(TASK_LINK);
    expect(history.slice(1)).toEqual(old.slice(0, HISTORY_LIMIT - 1));
  });
});

describe('opening the taskLink', () => {
  it('opens a trusted BzCtrl link in a new active tab', async () => {
    const createTab = openedTabs();
    fakeBzCtrl({ addTask: [json(addTaskBody(), 201)] });

    await expect(createItem(incidentForm())).resolves.toMatchObject({ opened: true, trusted: true });

    expect(createTab).toHaveBeenCalledTimes(1);
    expect(createTab).toHaveBeenCalledWith({ url: TASK_LINK, active: true });
  });

  it('opens a link on the origin of the selected sandbox', async () => {
    const sandbox = await configure({ environment: 'sandbox', sandboxUrl: 'http://127.0.0.1:8787' });
    await storeSession(sandbox);
    const link = 'http://127.0.0.1:8787/app/#/todo/IMP-NLD-EXA-SWA-03';
    const createTab = openedTabs();
    const addTaskUrl = 'http://127.0.0.1:8787/bzctrl-core-api/api/v1/task/add-task';
    stubFetch((request) => {
      expect(request.url).toBe(addTaskUrl);
      return json(addTaskBody(link), 201);
    });

    await expect(createItem(incidentForm())).resolves.toMatchObject({ opened: true, trusted: true });
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

    await expect(createItem(incidentForm())).resolves.toMatchObject({
      taskLink: link,
      opened: false,
      trusted: false,
    });

    expect(createTab).not.toHaveBeenCalled();
    expect(await historyItem.getValue()).toMatchObject([{ taskLink: link, trusted: false }]);
  });
});
