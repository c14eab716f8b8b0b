/** The options page: environment, workspace, validation, and that saved settings are used. */
import { DEMO_USER, expect, signIn, test } from './fixtures';

test('an invalid custom URL gets a message next to the field and is not saved', async ({ extension }) => {
  const options = await extension.openOptions();
  await options.getByLabel('Environment').selectOption('Custom');
  await options.getByLabel('Token URL').fill('ftp://bzctrl.example/token');
  await options.getByLabel('Add-task URL').fill('http://bzctrl.example/add-task');
  await options.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(
    options.getByText('Token URL must be an https URL (http only for 127.0.0.1 or localhost).'),
  ).toBeVisible();
  await expect(
    options.getByText('Add-task URL must be an https URL (http only for 127.0.0.1 or localhost).'),
  ).toBeVisible();
  const worker = await extension.worker();
  const stored = await worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
  expect(stored).toMatchObject({ environment: 'sandbox' });

  // After a reload the page shows what is stored, not what was refused.
  await options.reload();
  await expect(options.getByLabel('Environment')).toHaveValue('sandbox');
});

test('a pasted BzCtrl URL gives the workspace key, which the next item is sent to', async ({
  extension,
  sandbox,
}) => {
  const options = await extension.openOptions();
  await options.getByLabel('Domain').fill('');
  await options.getByLabel('Workspace').fill('https://www.bzctrl.com/app/#/todo/VTT-NLD-TML-FIN-07');
  await expect(options.locator('output.workspace-key')).toHaveText('VTT-NLD-TML-FIN');
  await options.getByLabel('Default type').selectOption('Task');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByText('Saved.')).toBeVisible();

  const popup = await extension.openPopup();
  await signIn(popup);
  await expect(popup.getByLabel('Type')).toHaveValue('TASK');
  await popup.getByLabel('Service order', { exact: true }).fill('42');
  await popup.getByLabel('Title').fill('Workspace from a pasted link');
  await popup.getByLabel('Description').fill('d');
  await popup.getByRole('button', { name: 'Create task' }).click();
  await expect(popup.getByRole('heading', { name: 'Task created' })).toBeVisible();
  const [request] = await sandbox.requests('add-task');
  expect(request?.json).toMatchObject({ todoType: 'TASK', domainWorkSpace: 'VTT-NLD-TML-FIN' });
});

test('a domain and workspace that make no key are refused', async ({ extension }) => {
  const options = await extension.openOptions();
  await options.getByLabel('Domain').fill('not a key!');
  await options.getByLabel('Workspace').fill('');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByText('is not a BzCtrl workspace key')).toBeVisible();
});

test('switching environment signs out: tokens belong to the server that issued them', async ({
  extension,
}) => {
  const options = await extension.openOptions();
  await signIn(options);
  await expect(options.getByText(`Signed in as ${DEMO_USER.email}`)).toBeVisible();
  await options.getByLabel('Environment').selectOption('Acceptance');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByText('Saved.')).toBeVisible();
  await expect(options.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(options.locator('.sign-in')).toContainText('Acceptance');
});
