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

test.describe('a policy the options page would refuse', () => {
  const PLAIN_HTTP_TOKEN_URL = 'http://bzctrl.example.com/bzctrl-core-api/oauth/token';
  const PLAIN_HTTP_ADD_TASK_URL = 'http://bzctrl.example.com/bzctrl-core-api/api/v1/task/add-task';
  const HTTPS_ONLY = 'must be an https URL (http only for 127.0.0.1 or localhost).';
  const NOT_USED = 'the extension does not use it:';

  test.use({
    policy: {
      environment: 'custom',
      customTokenUrl: PLAIN_HTTP_TOKEN_URL,
      customAddTaskUrl: PLAIN_HTTP_ADD_TASK_URL,
      siteRules: [
        { urlPattern: 'http://127.0.0.1/*', lrn: { selector: '#lrn' } },
        // No capture group: the options page would not save it.
        { urlPattern: 'http://127.0.0.1/*', serviceOrder: { regex: 'seal \\d+' } },
      ],
    },
  });

  test('is not used, and the options page says which values and why', async ({ extension, sandbox }) => {
    const options = await extension.openOptions();
    // The user's own environment (the sandbox fixture's) stays in force, and stays theirs to change.
    const environment = options.getByLabel('Environment');
    await expect(environment).toHaveValue('sandbox');
    await expect(environment).toBeEnabled();
    await expect(environment).toHaveAccessibleDescription(
      `Your organisation set this to “custom”; ${NOT_USED} Token URL ${HTTPS_ONLY}`,
    );
    // The custom URLs' fields show only for Custom: the refusals are listed with the settings.
    const elsewhere = options.locator('.policy-refused');
    await expect(elsewhere).toContainText(
      `Token URL: Your organisation set this to “${PLAIN_HTTP_TOKEN_URL}”; ${NOT_USED} Token URL ${HTTPS_ONLY}`,
    );
    await expect(elsewhere).toContainText(
      `Add-task URL: Your organisation set this to “${PLAIN_HTTP_ADD_TASK_URL}”; ${NOT_USED} Add-task URL ${HTTPS_ONLY}`,
    );
    // Choosing Custom puts each one under its field, which is the user's to fill in.
    await environment.selectOption('custom');
    await expect(options.getByLabel('Token URL')).toBeEnabled();
    await expect(options.getByLabel('Token URL')).toHaveAccessibleDescription(
      `Your organisation set this to “${PLAIN_HTTP_TOKEN_URL}”; ${NOT_USED} Token URL ${HTTPS_ONLY}`,
    );
    await expect(elsewhere).toHaveCount(0);

    // The page rule that would not be saved is listed apart, with the options page's message.
    const used = options.locator('.managed-rules:not(.managed-rules--refused)');
    const refused = options.locator('.managed-rules--refused');
    await expect(used).toContainText('#lrn');
    await expect(used).not.toContainText('seal');
    await expect(refused.getByRole('heading', { name: 'Set by your organisation, not used' })).toBeVisible();
    await expect(refused).toContainText('/seal \\d+/');
    await expect(refused).toContainText('The regular expression needs a capture group ( ) around the value.');
    await options.close();

    // In force: the user's sandbox. Signing in and sending go there, never to the plain-http URLs.
    const popup = await signedInPopup(extension);
    await fillRequired(popup, 'Sent to the user’s own environment');
    await popup.getByRole('button', { name: 'Create incident' }).click();
    await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
    expect(await sandbox.requests('token')).toHaveLength(1);
    expect(await sandbox.requests('add-task')).toHaveLength(1);

    // Read straight from the browser's storage: the policy is there, the session is the sandbox's.
    const worker = await extension.worker();
    const stored = await worker.evaluate(async () => ({
      policy: await chrome.storage.managed.get(null),
      account: (await chrome.storage.session.get('account')).account as { tokenUrl?: string } | undefined,
    }));
    expect(stored.policy).toMatchObject({ environment: 'custom', customTokenUrl: PLAIN_HTTP_TOKEN_URL });
    expect(stored.account?.tokenUrl).toBe(`${sandbox.apiUrl}/bzctrl-core-api/oauth/token`);
  });
});
