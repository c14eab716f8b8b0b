// Shared set-up for the unit tests of lib/: a fresh fake browser per test, a scripted BzCtrl behind
// a stubbed fetch, and valid forms and settings to start from.
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toAddTaskRequest } from '@/lib/bzctrl/add-task';
import { endpointsFor } from '@/lib/bzctrl/environments';
import { emptyReportForm, type ReportForm } from '@/lib/bzctrl/report-form';
import { tokensItem } from '@/lib/bzctrl/tokens';
import type { MessageSender } from '@/lib/messages';
import type { Destination, OutboxItem } from '@/lib/outbox';
import { accountItem, currentAccount, DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { saveSettings } from '@/lib/settings-validation';

// The contract's PROD URLs, written out here so that a test fails if lib/ ever derives one from the other.
export const PROD_TOKEN_URL = 'https://bzctrl.com/bzctrl-core-api/oauth/token';
export const PROD_ADD_TASK_URL = 'https://www.bzctrl.com/bzctrl-core-api/api/v1/task/add-task';
export const TASK_LINK = 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03';
export const EMAIL = 'j.devries@example.com';
/** Someone else with an account on the same BzCtrl. */
export const OTHER_EMAIL = 'a.jansen@example.com';
/** The workspace key `configure()` sets up by default. */
export const WORKSPACE_KEY = 'IMP-NLD-EXA-SWA';
/** BzCtrl's app on PROD, where the user checks an item of unknown fate. */
export const PROD_WORKSPACE_LINK = 'https://www.bzctrl.com/app/';

/** The popup, as the browser reports it when it sends a message. */
export const EXTENSION_PAGE: MessageSender = {
  id: 'test-extension-id',
  url: 'chrome-extension://test-extension-id/popup.html',
};

/** Every test starts from an empty browser and real timers, and leaves no stubbed global behind. */
export function setUpFakeBrowser(): void {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
}

/** The moment the clock-bound tests run at. */
export const NOW = Date.parse('2026-03-14T09:12:00.000Z');

/**
 * Fixes the clock at `at`. Only Date is faked: promises, storage and setImmediate run as usual, and
 * every timestamp is known. setUpFakeBrowser brings real timers back after each test.
 */
export function freezeClock(at = NOW): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function tokenBody(accessToken: string, refreshToken: string, expiresIn = 3600) {
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: '*',
    jti: `jti-${accessToken}`,
  };
}

export const addTaskBody = (taskLink = TASK_LINK) => ({
  title: 'Potential Customs claim',
  taskType: 'INCIDENT',
  description: 'Operation started without proper approvals',
  taskLink,
  tags: ['SO 7770142'],
});

export interface RecordedRequest {
  url: string;
  init: RequestInit;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** Replaces fetch; every request is recorded and answered by `answer`. */
export function stubFetch(answer: (request: RecordedRequest) => Response | Promise<Response>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: RecordedRequest = {
      url: input instanceof Request ? input.url : String(input),
      init,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? init.body : '',
    };
    requests.push(request);
    return answer(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests };
}

/**
 * A scripted BzCtrl on the PROD URLs: each endpoint answers with the next of its responses, in order.
 * A request beyond the script fails the test with a message naming it.
 */
export function fakeBzCtrl(script: { token?: Response[]; addTask?: Response[] }) {
  const queues = new Map([
    [PROD_TOKEN_URL, [...(script.token ?? [])]],
    [PROD_ADD_TASK_URL, [...(script.addTask ?? [])]],
  ]);
  const stub = stubFetch((request) => {
    const next = queues.get(request.url)?.shift();
    if (!next) throw new Error(`unexpected request to ${request.url}`);
    return next;
  });
  return {
    ...stub,
    tokenRequests: () => stub.requests.filter((request) => request.url === PROD_TOKEN_URL),
    addTaskRequests: () => stub.requests.filter((request) => request.url === PROD_ADD_TASK_URL),
  };
}

/** A promise the test settles when it chooses. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise chain run to its next real wait (no clock involved). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Saves valid settings (PROD, workspace IMP-NLD-EXA-SWA unless overridden) the way the options page does. */
export async function configure(overrides: Partial<Settings> = {}): Promise<Settings> {
  const result = await saveSettings({
    ...DEFAULT_SETTINGS,
    environment: 'production',
    domain: 'IMP-NLD-EXA-SWA',
    workspace: 'SWA',
    ...overrides,
  });
  if (!result.ok) throw new Error(`test settings refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.settings;
}

/** A signed-in session for the configured environment (as EMAIL unless told), as signIn would leave it. */
export async function storeSession(
  settings: Settings,
  { accessToken = 'access-1', refreshToken = 'refresh-1', lifetimeMs = 3_600_000, email = EMAIL } = {},
): Promise<void> {
  await Promise.all([
    tokensItem.setValue({ accessToken, refreshToken, expiresAt: Date.now() + lifetimeMs, lifetimeMs }),
    accountItem.setValue({ email, tokenUrl: endpointsFor(settings).tokenUrl }),
  ]);
  if (!(await currentAccount(settings))) throw new Error('test session not accepted');
}

/** Everything in every storage area, as one string to search for secrets. */
export async function allStoredText(): Promise<string> {
  const { local, session, sync, managed } = fakeBrowser.storage;
  const areas = await Promise.all([local.get(), session.get(), sync.get(), managed.get()]);
  return JSON.stringify(areas);
}

export function incidentForm(overrides: Partial<ReportForm> = {}): ReportForm {
  return {
    ...emptyReportForm('INCIDENT', EMAIL),
    title: 'Potential Customs claim',
    description: 'Operation started without proper approvals',
    orderID: '7770142',
    ...overrides,
  };
}

export function taskForm(overrides: Partial<ReportForm> = {}): ReportForm {
  return {
    ...emptyReportForm('TASK', EMAIL),
    title: 'Hose leak at jetty 3',
    description: 'Seen during discharge of MT Nordic Star',
    orderID: '7770142',
    ...overrides,
  };
}

/** Where `storeSession` on PROD sends an item: the PROD URLs, as EMAIL. */
export const PROD_DESTINATION: Destination = {
  tokenUrl: PROD_TOKEN_URL,
  addTaskUrl: PROD_ADD_TASK_URL,
  account: EMAIL,
};

/** The same account on Acceptance, another BzCtrl server. */
export const ACC_DESTINATION: Destination = {
  tokenUrl: 'https://acc.bzctrl.com/bzctrl-core-api/oauth/token',
  addTaskUrl: 'https://acc.bzctrl.com/bzctrl-core-api/api/v1/task/add-task',
  account: EMAIL,
};

/** An outbox item for the default workspace, to PROD as EMAIL, `waiting` and due unless overridden. */
export function outboxEntry({
  form = incidentForm(),
  ...overrides
}: Partial<OutboxItem> & Pick<OutboxItem, 'id'> & { form?: ReportForm }): OutboxItem {
  return {
    body: toAddTaskRequest(form, WORKSPACE_KEY),
    state: 'waiting',
    attempts: 1,
    destination: PROD_DESTINATION,
    nextAttemptAt: Date.now(),
    createdAt: Date.now(),
    updatedAt: Date.now(),
    ...overrides,
  };
}
