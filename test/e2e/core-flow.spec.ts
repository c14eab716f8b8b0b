/**
 * The core flow in real Chromium against the sandbox: sign in, create an Incident and a Task from
 * the popup, the link opens, tokens are refreshed unseen, sign out.
 */
import { DEMO_USER, expect, fillRequired, signedInPopup, signIn, test } from './fixtures';

test('a wrong password shows the server message; the right one signs in', async ({ extension, sandbox }) => {
  const popup = await extension.openPopup();
  await signIn(popup, DEMO_USER.email, 'not-the-password');
  await expect(popup.getByRole('alert')).toHaveText('Bad credentials');
  await expect(popup.getByLabel('Password')).toHaveValue('');

  await signIn(popup);
  await expect(popup.getByRole('button', { name: 'Create incident' })).toBeVisible();
  await expect(popup.getByLabel('Reporter')).toHaveValue(DEMO_USER.email);
  await expect(popup.getByLabel('Assignee')).toHaveValue(DEMO_USER.email);

  const tokenRequests = await sandbox.requests('token');
  expect(tokenRequests.map((request) => request.form)).toEqual([
    { grant_type: 'password', username: DEMO_USER.email, password: 'not-the-password' },
    { grant_type: 'password', username: DEMO_USER.email, password: DEMO_USER.password },
  ]);
  expect(tokenRequests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');

  // The password is stored nowhere: not in local, not in session storage.
  const worker = await extension.worker();
  const stored = await worker.evaluate(async () =>
    JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]),
  );
  expect(stored).not.toContain(DEMO_USER.password);
  expect(stored).toContain(DEMO_USER.email);
});

test('an Incident with every field sends exactly the contract body and opens its link', async ({
  extension,
  sandbox,
  context,
}) => {
  const popup = await signedInPopup(extension);
  await popup.getByLabel('Type').selectOption('Incident');
  await popup.getByLabel('Title').fill('Potential Customs claim');
  await popup.getByLabel('Description').fill('Operation started without proper approvals');
  await popup.getByLabel('Financial impact (EUR)').fill('1250.50');
  await popup.getByLabel('Impact', { exact: true }).selectOption('High');
  await popup.getByLabel('Likelihood').selectOption('Medium');
  await popup.getByLabel('Status').selectOption('Done');
  await popup.getByLabel('Priority').selectOption('Low');
  await popup.getByLabel('Assignee').fill('rge@vtti.com');
  await popup.getByLabel('Category', { exact: true }).fill('Customs, Fetsa');
  await popup.getByLabel('Sub-category').fill('high');
  await popup.getByLabel('Service order', { exact: true }).fill('777');
  await popup.getByLabel('LRN', { exact: true }).fill('24NLLRN0004471');
  await popup.getByLabel('Reminder date').fill('2026-12-01');

  const linkTab = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();

  const [request] = await sandbox.requests('add-task');
  expect(request?.json).toEqual({
    todoType: 'INCIDENT',
    domainWorkSpace: 'IMP-NLD-EXA-SWA',
    title: 'Potential Customs claim',
    description: 'Operation started without proper approvals',
    financialImpact: '1250.50',
    impact: 'HIGH',
    likelihood: 'MEDIUM',
    status: 'DONE',
    priority: 'LOW',
    assignee: 'rge@vtti.com',
    reporter: DEMO_USER.email,
    category: ['Customs', 'Fetsa'],
    subCategory: ['high'],
    orderID: '777',
    lrn: '24NLLRN0004471',
    reminderDate: '2026-12-01',
  });
  expect(request?.headers['content-type']).toBe('application/json');
  expect(request?.headers.authorization).toMatch(/^Bearer \S+$/);
  expect(request?.status).toBe(201);

  const [task] = await sandbox.tasks();
  expect(task?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const opened = await linkTab;
  await expect(opened).toHaveURL(`${sandbox.apiUrl}/app/#/todo/IMP-NLD-EXA-SWA-01`);
  await expect(opened.getByRole('heading', { name: 'Potential Customs claim' })).toBeVisible();
  await expect(popup.getByText(`${sandbox.apiUrl}/app/#/todo/IMP-NLD-EXA-SWA-01`)).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Open in BzCtrl' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Copy link' })).toBeVisible();
});

test('a Task sends no incident keys and empty optional fields are left out', async ({
  extension,
  sandbox,
}) => {
  const popup = await signedInPopup(extension);
  await popup.getByLabel('Type').selectOption('Task');
  await expect(popup.getByLabel('Financial impact (EUR)')).toHaveCount(0);
  await fillRequired(popup, 'Check the approval', '7770142');
  await popup.getByLabel('Result').fill('Approval found');
  await popup.getByRole('button', { name: 'Create task' }).click();
  await expect(popup.getByRole('heading', { name: 'Task created' })).toBeVisible();

  const [request] = await sandbox.requests('add-task');
  expect(request?.json).toEqual({
    todoType: 'TASK',
    domainWorkSpace: 'IMP-NLD-EXA-SWA',
    title: 'Check the approval',
    description: 'Operation started without proper approvals',
    result: 'Approval found',
    status: 'INPROGRESS',
    assignee: DEMO_USER.email,
    reporter: DEMO_USER.email,
    orderID: '7770142',
  });
});

test('required fields and bad values are reported next to the field and nothing is sent', async ({
  extension,
  sandbox,
}) => {
  const popup = await signedInPopup(extension);
  await popup.getByLabel('Financial impact (EUR)').fill('1.250,50');
  await popup.getByLabel('Assignee').fill('not-an-email');
  await popup.getByRole('button', { name: 'Create incident' }).click();

  await expect(popup.getByText('Title is required.')).toBeVisible();
  await expect(popup.getByText('Service order is required.')).toBeVisible();
  await expect(popup.getByText('Enter an amount in euros, digits only, e.g. 1250.50.')).toBeVisible();
  await expect(popup.getByText('Assignee must be a valid e-mail address.')).toBeVisible();
  await expect(popup.getByLabel('Assignee')).toHaveValue('not-an-email');
  expect(await sandbox.requests('add-task')).toHaveLength(0);
});

test('a token that expires between two submissions is refreshed without the user noticing', async ({
  extension,
  sandbox,
}) => {
  const popup = await signedInPopup(extension);
  await fillRequired(popup, 'First', '1');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();

  // BzCtrl now refuses the access token the extension holds (it expired there).
  await sandbox.expireTokens({ access: true });
  await popup.getByRole('button', { name: 'New report' }).click();
  await fillRequired(popup, 'Second', '2');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();

  const calls = (await sandbox.requests()).map((request) => [
    request.path.split('/').at(-1),
    request.form?.grant_type ?? request.status,
  ]);
  expect(calls).toEqual([
    ['token', 'password'],
    ['add-task', 201],
    ['add-task', 401],
    ['token', 'refresh_token'],
    ['add-task', 201],
  ]);
  expect((await sandbox.tasks()).map((task) => task.title)).toEqual(['First', 'Second']);
});

test.describe('with short-lived tokens', () => {
  test.use({ sandboxOptions: { accessTokenLifetimeSeconds: 2 } });

  test('a token past its lifetime is refreshed before the request is sent', async ({
    extension,
    sandbox,
  }) => {
    const popup = await signedInPopup(extension);
    await fillRequired(popup, 'First', '1');
    await popup.getByRole('button', { name: 'Create incident' }).click();
    await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
    await expect.poll(async () => (await sandbox.tokens()).access.every((token) => token.expired)).toBe(true);

    await popup.getByRole('button', { name: 'New report' }).click();
    await fillRequired(popup, 'Second', '2');
    await popup.getByRole('button', { name: 'Create incident' }).click();
    await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
    const grants = (await sandbox.requests('token')).map((request) => request.form?.grant_type);
    expect(grants).toEqual(['password', 'refresh_token']);
    expect((await sandbox.requests('add-task')).map((request) => request.status)).toEqual([201, 201]);
  });
});

test('after signing out, creating needs a sign-in again', async ({ extension, sandbox }) => {
  await signedInPopup(extension);
  const options = await extension.openOptions();
  await expect(options.getByText(`Signed in as ${DEMO_USER.email}`)).toBeVisible();
  await options.getByRole('button', { name: 'Sign out' }).click();
  await expect(options.getByRole('button', { name: 'Sign in' })).toBeVisible();

  const popup = await extension.openPopup();
  await expect(popup.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(popup.getByLabel('Email')).toHaveValue(DEMO_USER.email);

  // The worker holds no token any more: a complete, valid submission is answered "signed out".
  const answer = await popup.evaluate((reporter) => {
    const form = {
      todoType: 'TASK',
      title: 'After sign-out',
      description: 'd',
      result: '',
      financialImpact: '',
      impact: '',
      likelihood: '',
      status: 'INPROGRESS',
      priority: '',
      assignee: reporter,
      reporter,
      category: '',
      subCategory: '',
      orderID: '1',
      lrn: '',
      reminderDate: '',
    };
    return chrome.runtime.sendMessage({
      id: 1,
      type: 'submit',
      timestamp: Date.now(),
      data: { id: crypto.randomUUID(), form },
    });
  }, DEMO_USER.email);
  expect(answer).toMatchObject({ res: { ok: false, kind: 'signed-out' } });
  expect(await sandbox.requests('add-task')).toHaveLength(0);
});
