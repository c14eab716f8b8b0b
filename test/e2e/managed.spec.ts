/**
 * Settings set by the organisation's policy (Chromium's 3rdparty extension policy, read into
 * storage.managed) win over the user's, show as locked, and are the ones used.
 */
import { expect, fillRequired, signedInPopup, test } from './fixtures';

test.use({
  policy: {
    domain: 'VTT-BEL-ATP',
    workspace: 'ATP',
    defaultType: 'TASK',
    siteRules: [
      { urlPattern: 'http://127.0.0.1/*', serviceOrder: { selector: '.notes', regex: 'seal (\\d+)' } },
    ],
  },
});

test('policy values are used, locked in the options page, and win over the user’s', async ({
  extension,
  sandbox,
}) => {
  const options = await extension.openOptions();
  await expect(options.getByLabel('Domain')).toHaveValue('VTT-BEL-ATP');
  await expect(options.getByLabel('Domain')).toBeDisabled();
  await expect(options.getByLabel('Workspace')).toBeDisabled();
  await expect(options.getByLabel('Default type')).toHaveValue('TASK');
  await expect(options.getByLabel('Default type')).toBeDisabled();
  await expect(options.getByText('Set by your organisation').first()).toBeVisible();
  await expect(options.locator('.managed-rules')).toContainText('http://127.0.0.1/*');
  // The user's own settings (the sandbox fixture stored domain IMP-NLD-EXA-SWA) do not win.
  await expect(options.getByLabel('Environment')).toBeEnabled();

  const popup = await signedInPopup(extension);
  await expect(popup.getByLabel('Type')).toHaveValue('TASK');
  await fillRequired(popup, 'Sent to the workspace IT chose');
  await popup.getByRole('button', { name: 'Create task' }).click();
  await expect(popup.getByRole('heading', { name: 'Task created' })).toBeVisible();
  const [request] = await sandbox.requests('add-task');
  expect(request?.json).toMatchObject({ todoType: 'TASK', domainWorkSpace: 'VTT-BEL-ATP' });
});
