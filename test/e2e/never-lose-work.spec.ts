/**
 * Never lose work, never create twice: each fault the sandbox can inject, and each way the browser
 * can interrupt, with the count of items at the sandbox checked at the end (lost 0, duplicates 0).
 */
import {
  DEMO_USER,
  type Extension,
  expect,
  fillRequired,
  type Sandbox,
  signedInPopup,
  signIn,
  test,
} from './fixtures';
import { NetworkProxy } from './network-proxy';

interface OutboxEntry {
  id: string;
  state: string;
  nextAttemptAt?: number;
  updatedAt: number;
  body: { title: string };
}

async function outbox(extension: Extension): Promise<OutboxEntry[]> {
  const worker = await extension.worker();
  return worker.evaluate(async () => ((await chrome.storage.local.get('outbox')).outbox ?? []) as never);
}

async function badge(extension: Extension): Promise<string> {
  const worker = await extension.worker();
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** The sandbox created exactly these titles, once each. */
async function expectCreatedOnce(sandbox: Sandbox, titles: string[]): Promise<void> {
  await expect
    .poll(async () => (await sandbox.tasks()).map((task) => task.title).sort())
    .toEqual([...titles].sort());
}

test('BzCtrl refusing connections during submit: kept in the outbox, sent by itself once, when it is back', async ({
  extension,
  sandbox,
}) => {
  const proxy = await NetworkProxy.start(sandbox.running.port);
  await extension.useSandbox({ sandboxUrl: proxy.apiUrl });
  const popup = await signedInPopup(extension);
  await proxy.down();
  await fillRequired(popup, 'Sent while offline');
  await popup.getByRole('button', { name: 'Create incident' }).click();

  // The browser says the connection was refused: the request never left, so it may be sent again.
  await expect(popup.getByRole('status')).toContainText('safe in the outbox');
  await expect(popup.getByRole('heading', { name: 'Outbox (1)' })).toBeVisible();
  await expect(popup.getByText(/Waiting to be sent \(attempts: 1\), next try at/)).toBeVisible();
  expect(await badge(extension)).toBe('1');
  expect(await sandbox.requests('add-task')).toHaveLength(0);

  await proxy.up();
  await expectCreatedOnce(sandbox, ['Sent while offline']);
  expect(await sandbox.requests('add-task')).toHaveLength(1);
  await expect.poll(() => outbox(extension)).toEqual([]);
  await expect.poll(() => badge(extension)).toBe('');
  const worker = await extension.worker();
  // The worker's steps after BzCtrl took it (outbox, history, draft, notification) run one after
  // another: each is waited for, not read once the outbox is empty.
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.storage.local.get('history')).history))
    .toMatchObject([{ title: 'Sent while offline' }]);
  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .toEqual(expect.objectContaining({ [`created:${proxy.apiUrl}/app/#/todo/IMP-NLD-EXA-SWA-01`]: true }));
  await proxy.down();
});

test('503 then success: retried with backoff, created once', async ({ extension, sandbox }) => {
  const popup = await signedInPopup(extension);
  await sandbox.fault({
    target: 'add-task',
    status: 503,
    body: { status: 503, error: 'Service Unavailable' },
  });
  await fillRequired(popup, 'After a 503');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('status')).toContainText('in the outbox');
  await expectCreatedOnce(sandbox, ['After a 503']);
  expect((await sandbox.requests('add-task')).map((request) => request.status)).toEqual([503, 201]);
});

test('429 with Retry-After: the next try waits as long as BzCtrl asked', async ({ extension, sandbox }) => {
  const popup = await signedInPopup(extension);
  await sandbox.fault({ target: 'add-task', status: 429, headers: { 'Retry-After': '3' } });
  await fillRequired(popup, 'After a 429');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('status')).toContainText('in the outbox');
  const [waiting] = await outbox(extension);
  expect(waiting?.state).toBe('waiting');
  expect((waiting?.nextAttemptAt ?? 0) - (waiting?.updatedAt ?? 0)).toBe(3000);
  await expectCreatedOnce(sandbox, ['After a 429']);
  expect((await sandbox.requests('add-task')).map((request) => request.status)).toEqual([429, 201]);
});

test('a timeout is not retried blindly: marked unknown with a link to check BzCtrl', async ({
  extension,
  sandbox,
}) => {
  test.setTimeout(90_000);
  const popup = await signedInPopup(extension);
  // BzCtrl handles it, but answers after the extension stopped waiting (20 s).
  await sandbox.fault({ target: 'add-task', delayMs: 23_000 });
  await fillRequired(popup, 'Answered too late');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByText('Unknown - check BzCtrl')).toBeVisible({ timeout: 40_000 });
  await expect(popup.getByRole('button', { name: 'Check BzCtrl' })).toBeVisible();

  const [unknown] = await outbox(extension);
  expect(unknown).toMatchObject({ state: 'unknown' });
  expect(unknown?.nextAttemptAt).toBeUndefined();
  const worker = await extension.worker();
  expect(await worker.evaluate(() => chrome.alarms.get('outbox-retry'))).toBeFalsy();
  await expectCreatedOnce(sandbox, ['Answered too late']);
  expect(await sandbox.requests('add-task')).toHaveLength(1);

  // The user checked: it was created. Discarding it sends nothing.
  await popup.getByRole('button', { name: 'Discard' }).click();
  await expect.poll(() => outbox(extension)).toEqual([]);
  expect(await sandbox.requests('add-task')).toHaveLength(1);
});

test('a 401 with a working refresh: refreshed once, sent once, unseen', async ({ extension, sandbox }) => {
  const popup = await signedInPopup(extension);
  await sandbox.fault({ target: 'add-task', status: 401, body: { error: 'invalid_token' } });
  await fillRequired(popup, 'After a 401');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
  await expectCreatedOnce(sandbox, ['After a 401']);
  expect((await sandbox.requests('token')).map((request) => request.form?.grant_type)).toEqual([
    'password',
    'refresh_token',
  ]);
});

test('a refused refresh asks for the password in place, then sends the same item with one click', async ({
  extension,
  sandbox,
}) => {
  const popup = await signedInPopup(extension);
  await sandbox.expireTokens({ access: true, refresh: true });
  await fillRequired(popup, 'After the session ended');
  await popup.getByRole('button', { name: 'Create incident' }).click();

  await expect(popup.getByText('Your BzCtrl session has expired. Sign in again.')).toBeVisible();
  await expect(popup.getByLabel('Title')).toHaveValue('After the session ended');
  await popup.getByLabel('Password').fill(DEMO_USER.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(popup.getByLabel('Password')).toHaveCount(0);
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
  await expectCreatedOnce(sandbox, ['After the session ended']);
});

test('the worker stopped while the outbox holds items: they still go through', async ({
  extension,
  sandbox,
  context,
}) => {
  const popup = await signedInPopup(extension);
  await sandbox.fault({ target: 'add-task', status: 503, times: 2 });
  await fillRequired(popup, 'First in the outbox', '1');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('status')).toContainText('in the outbox');
  await popup.getByRole('button', { name: 'New report' }).click();
  await fillRequired(popup, 'Second in the outbox', '2');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('heading', { name: 'Outbox (2)' })).toBeVisible();
  await popup.close();

  const cdp = await context.newCDPSession(await context.newPage());
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expectCreatedOnce(sandbox, ['First in the outbox', 'Second in the outbox']);
  await expect.poll(() => outbox(extension)).toEqual([]);
});

test('the popup closed while typing keeps the draft; Discard draft clears it', async ({ extension }) => {
  const operational = await extension.context.newPage();
  await operational.goto(`${extension.sandbox.url}/demo/service-order.html`);
  const tabId = await extension.tabIdOf(operational);
  const popup = await extension.openPopup(tabId);
  await signIn(popup);
  await fillRequired(popup, 'Half typed');
  await popup.getByLabel('Financial impact (EUR)').fill('1250.50');
  await popup.getByLabel('Priority').selectOption('High');
  await popup.close();

  const reopened = await extension.openPopup(tabId);
  await expect(reopened.getByLabel('Title')).toHaveValue('Half typed');
  await expect(reopened.getByLabel('Financial impact (EUR)')).toHaveValue('1250.50');
  await expect(reopened.getByLabel('Priority')).toHaveValue('HIGH');
  await reopened.getByRole('button', { name: 'Discard draft' }).click();
  await expect(reopened.getByLabel('Title')).toHaveValue('');

  const again = await extension.openPopup(tabId);
  await expect(again.getByRole('button', { name: 'Create incident' })).toBeVisible();
  await expect(again.getByLabel('Title')).toHaveValue('');
});

test('a double click sends one request', async ({ extension, sandbox }) => {
  const popup = await signedInPopup(extension);
  await sandbox.fault({ target: 'add-task', delayMs: 800 });
  await fillRequired(popup, 'Clicked twice');
  await popup.getByRole('button', { name: 'Create incident' }).dblclick();
  await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
  expect(await sandbox.requests('add-task')).toHaveLength(1);
  await expectCreatedOnce(sandbox, ['Clicked twice']);
});
