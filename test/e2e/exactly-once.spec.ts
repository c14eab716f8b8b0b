/**
 * What an operator sent is in BzCtrl exactly once, and goes to the right place: the worker owns
 * the outcome even after the real toolbar popup has closed; only what surely created nothing is
 * sent again by itself; a session that ended takes its token requests with it; an item in the
 * outbox belongs to its server and account. Each test counts what the sandbox created.
 */
import type { Page } from '@playwright/test';
import {
  DEMO_USER,
  type Extension,
  expect,
  type Fault,
  fillRequired,
  pressKeys,
  type Sandbox,
  signedInPopup,
  signIn,
  signInThroughOptions,
  test,
} from './fixtures';
import { NetworkProxy } from './network-proxy';

interface StoredOutboxItem {
  state: string;
  attempts: number;
  nextAttemptAt?: number;
  lastError?: string;
  body: { title: string };
}

const outbox = (extension: Extension) =>
  extension.stored<StoredOutboxItem[]>('local', 'outbox').then((items) => items ?? []);

async function createdTitles(sandbox: Sandbox): Promise<string[]> {
  return (await sandbox.tasks()).map((task) => task.title);
}

test.describe('with the real toolbar popup', () => {
  test.use({ headful: true });

  test('the worker finishes a Create after the popup closed: the next popup there is a fresh form that names the item', async ({
    extension,
    context,
    sandbox,
  }) => {
    await signInThroughOptions(extension);
    const operational = await context.newPage();
    await operational.goto(`${sandbox.url}/demo/service-order.html`);
    await pressKeys(operational, 'alt+shift+k');
    const popup = await extension.actionPopup();
    const fieldValue = (name: string) => `document.querySelector('[name="${name}"]')?.value ?? null`;
    await expect.poll(() => popup.evaluate(fieldValue('orderID'))).toBe('7770142');
    await popup.fill('title', 'Operation started without approval');
    await popup.fill('description', 'Discharge began before customs released the cargo');
    // Saved as it is typed: the draft the worker must clear.
    await expect.poll(async () => (await extension.stored<unknown[]>('session', 'drafts'))?.length).toBe(1);
    const draftId = (await extension.stored<{ id: string }[]>('session', 'drafts'))?.[0]?.id;

    const itemTab = context.waitForEvent('page');
    await popup.click('form.report button[type="submit"]');
    await expect(await itemTab).toHaveURL(`${sandbox.apiUrl}/app/#/todo/IMP-NLD-EXA-SWA-01`);
    // The item's tab took the focus: the real popup is gone, before or after it heard the answer.
    await expect.poll(() => extension.findActionPopup()).toBeUndefined();

    await expect.poll(() => createdTitles(sandbox)).toEqual(['Operation started without approval']);
    // The worker notes the draft sent (the form alone writes the drafts): no popup restores it.
    await expect.poll(() => extension.stored<string[]>('session', 'sentDrafts')).toEqual([draftId]);
    expect(await outbox(extension)).toEqual([]);
    const history = await extension.stored<{ title: string }[]>('local', 'history');
    expect(history).toMatchObject([{ title: 'Operation started without approval' }]);

    await pressKeys(operational, 'alt+shift+k');
    const again = await extension.actionPopup();
    await expect.poll(() => again.evaluate(fieldValue('orderID'))).toBe('7770142');
    expect(await again.evaluate(fieldValue('title'))).toBe('');
    // Nothing of the item sent: only the line that says where a report from this page comes from.
    expect(await again.evaluate(fieldValue('description'))).toBe(
      `Reported from: Service order 7770142 · Brightwater TOS — ${sandbox.url}/demo/service-order.html`,
    );
    // The line comes a moment after the form (it loads once the form is on screen).
    const text = () => again.evaluate('document.body.innerText').then(String);
    await expect.poll(text).toContain('Incident “Operation started without approval” was created at');
    expect(await text()).not.toContain('Discard draft');
    expect(await createdTitles(sandbox)).toHaveLength(1);
  });
});

/** Submits an incident from the popup (as a page) and waits for the outbox to say how it ended. */
async function submitWith(popup: Page, title: string): Promise<void> {
  await fillRequired(popup, title);
  await popup.getByRole('button', { name: 'Create incident' }).click();
}

const MAYBE_CREATED: { answer: string; fault: Fault; created: number; keepAlive?: boolean }[] = [
  {
    answer: 'a redirect (303 to a page) after BzCtrl took the item',
    fault: { target: 'add-task', status: 303, headers: { location: '/app/' }, handled: true },
    created: 1,
  },
  {
    answer: 'a 502 from a gateway after BzCtrl took the item',
    fault: { target: 'add-task', status: 502, handled: true },
    created: 1,
  },
  { answer: 'a 500', fault: { target: 'add-task', status: 500 }, created: 0 },
  { answer: 'a 504', fault: { target: 'add-task', status: 504 }, created: 0 },
  {
    answer: 'a connection lost after the request went out',
    fault: { target: 'add-task', drop: true, handled: true },
    created: 1,
    keepAlive: false,
  },
  {
    answer: 'a 201 that breaks off halfway through its body',
    fault: { target: 'add-task', truncate: true, handled: true },
    created: 1,
  },
];

for (const { answer, fault, created, keepAlive } of MAYBE_CREATED) {
  test(`after ${answer}: Unknown - check BzCtrl, never sent again by itself`, async ({
    extension,
    sandbox,
  }) => {
    // Chromium itself sends a request again when a reused connection dies before the answer;
    // here every request has a connection of its own, so that only the extension could.
    if (keepAlive === false) await sandbox.configure({ keepAlive: false });
    const popup = await signedInPopup(extension);
    await sandbox.fault(fault);
    await submitWith(popup, 'Possible customs claim');

    await expect(popup.getByRole('status')).toContainText('BzCtrl may have created your incident');
    await expect(popup.getByText('Unknown - check BzCtrl')).toBeVisible();
    const [item, ...others] = await outbox(extension);
    expect(others).toEqual([]);
    expect(item).toMatchObject({ state: 'unknown', attempts: 1 });
    expect(item?.nextAttemptAt).toBeUndefined();
    // Nothing is scheduled that could send it: only the user can, after checking BzCtrl.
    expect(await extension.alarms()).not.toContain('outbox-retry');
    expect(await sandbox.requests('add-task')).toHaveLength(1);
    expect(await createdTitles(sandbox)).toHaveLength(created);
  });
}

test('signing out while a token refresh is under way: its answer is dropped, no token is kept, nothing is sent', async ({
  extension,
  sandbox,
}) => {
  // Tokens that need a refresh at once, and a token endpoint that answers that refresh after 5 s.
  await sandbox.configure({ accessTokenLifetimeSeconds: 1 });
  const popup = await signedInPopup(extension);
  // The extension refreshes a quarter of the lifetime before expiry: wait until that is now.
  await expect
    .poll(async () => {
      const tokens = await extension.stored<{ expiresAt: number }>('session', 'tokens');
      return (tokens?.expiresAt ?? Number.POSITIVE_INFINITY) - 250 <= Date.now();
    })
    .toBe(true);
  await sandbox.fault({ target: 'token', delayMs: 5000 });
  await submitWith(popup, 'Sent as the session ended');
  await expect.poll(async () => (await sandbox.requests('token')).length).toBe(2);

  const options = await extension.openOptions();
  await options.getByRole('button', { name: 'Sign out' }).click();
  await expect(options.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // The refresh is answered, with fresh tokens, after the sign-out.
  await expect.poll(async () => (await sandbox.requests('token'))[1]?.status, { timeout: 15_000 }).toBe(200);

  await expect(popup.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(popup.getByLabel('Title')).toHaveValue('Sent as the session ended');
  expect(await extension.stored('session', 'tokens')).toBeUndefined();
  expect(await extension.stored('session', 'account')).toBeUndefined();
  expect(await sandbox.requests('add-task')).toHaveLength(0);
  expect(await outbox(extension)).toEqual([]);
});

test.describe('an outbox item belongs to its account', () => {
  const OTHER = { email: 'planner@example.com', password: 'Other-2026!' };
  test.use({ sandboxOptions: { users: [DEMO_USER, OTHER] } });

  test('it is never delivered as another user, and goes out once its own account signs in again', async ({
    extension,
    sandbox,
  }) => {
    const proxy = await NetworkProxy.start(sandbox.running.port);
    await extension.useSandbox({ sandboxUrl: proxy.apiUrl });
    const popup = await signedInPopup(extension);
    await proxy.down();
    await submitWith(popup, 'Reported by the operator');
    await expect(popup.getByRole('status')).toContainText('safe in the outbox');
    await popup.close();

    const options = await extension.openOptions();
    await options.getByRole('button', { name: 'Sign out' }).click();
    await proxy.up();
    await signIn(options, OTHER.email, OTHER.password);
    await expect(options.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const other = await extension.openPopup();
    await other.getByRole('button', { name: 'Retry' }).click();
    await expect(other.getByText('This item belongs to operator@example.com')).toBeVisible();
    expect(await sandbox.requests('add-task')).toHaveLength(0);

    await options.getByRole('button', { name: 'Sign out' }).click();
    await signIn(options);
    await expect
      .poll(() => createdTitles(sandbox), { timeout: 30_000 })
      .toEqual(['Reported by the operator']);
    const [request] = await sandbox.requests('add-task');
    expect(request?.json).toMatchObject({ reporter: DEMO_USER.email });
    await proxy.down();
  });
});
