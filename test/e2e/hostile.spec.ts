/**
 * Hostile or broken answers and pages: untrusted task links are never opened, server errors are
 * shown where they belong, and page text stays text. In every case what the user typed stays.
 */
import {
  expect,
  type Fault,
  fillRequired,
  pressKeys,
  signedInPopup,
  signInThroughOptions,
  test,
} from './fixtures';

const answer = (taskLink: string): Fault => ({
  target: 'add-task',
  status: 201,
  body: { title: 'x', taskType: 'INCIDENT', description: 'x', taskLink, tags: ['SO 7770142'] },
});

for (const taskLink of [
  'javascript:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  'http://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-01',
  'https://bzctrl.com.evil.example/app/#/todo/IMP-NLD-EXA-SWA-01',
]) {
  test(`a taskLink ${taskLink.slice(0, 30)}… is never opened`, async ({ extension, sandbox, context }) => {
    const popup = await signedInPopup(extension);
    await sandbox.fault(answer(taskLink));
    await fillRequired(popup, 'Hostile link');
    const pagesBefore = context.pages().length;
    await popup.getByRole('button', { name: 'Create incident' }).click();

    // Either kept with a warning (a well-formed URL elsewhere) or, when it is no usable link at
    // all, kept in the outbox as "check BzCtrl"; never opened.
    await expect(popup.getByText('not opened').or(popup.getByText('Unknown - check BzCtrl'))).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Open in BzCtrl' })).toHaveCount(0);
    expect(context.pages().length).toBe(pagesBefore);
    expect(await sandbox.requests('add-task')).toHaveLength(1);
  });
}

test('a 400 that names a field shows its message next to that field, and the form stays', async ({
  extension,
  sandbox,
}) => {
  const popup = await signedInPopup(extension);
  await sandbox.refuseField('title', 'must not contain tabs');
  await fillRequired(popup, 'Refused title');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('alert').filter({ hasText: 'must not contain tabs' }).first()).toBeVisible();
  await expect(popup.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(popup.getByLabel('Title')).toHaveValue('Refused title');
  await expect(popup.getByLabel('Description')).toHaveValue('Operation started without proper approvals');
});

test('a 403 says the account has no access to the workspace, and the form stays', async ({
  extension,
  sandbox,
}) => {
  const popup = await signedInPopup(extension);
  await sandbox.fault({ target: 'add-task', status: 403, body: { error: 'access_denied' } });
  await fillRequired(popup, 'Forbidden');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByText('Your BzCtrl account has no access to this workspace.')).toBeVisible();
  await expect(popup.getByLabel('Title')).toHaveValue('Forbidden');
});

test('an error page that is not JSON gives its HTTP status; after a 502 the item may exist: check BzCtrl', async ({
  extension,
  sandbox,
}) => {
  const popup = await signedInPopup(extension);
  await sandbox.fault({ target: 'add-task', status: 502, body: '<html><body>Bad gateway</body></html>' });
  await fillRequired(popup, 'Behind a broken proxy');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('status')).toContainText('BzCtrl answered HTTP 502.');
  await expect(popup.getByRole('heading', { name: 'Outbox (1)' })).toBeVisible();
  await expect(popup.getByText('Unknown - check BzCtrl')).toBeVisible();
});

test('a success answer that is not JSON is kept as "check BzCtrl", not sent again', async ({
  extension,
  sandbox,
}) => {
  const popup = await signedInPopup(extension);
  await sandbox.fault({ target: 'add-task', status: 200, body: '<html>OK</html>' });
  await fillRequired(popup, 'Answered in HTML');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByText('Unknown - check BzCtrl')).toBeVisible();
  // Said in the status line, and beside the item in the outbox.
  await expect(popup.getByRole('status')).toContainText('not JSON');
  await expect(popup.locator('.outbox')).toContainText('not JSON');
  expect(await sandbox.requests('add-task')).toHaveLength(1);
});

test.describe('on a hostile page', () => {
  test.use({ headful: true });

  test('page text that looks like markup, or is far too long, is never taken or run', async ({
    extension,
    fixturePages,
  }) => {
    await signInThroughOptions(extension);
    const page = await extension.context.newPage();
    await page.goto(`${fixturePages}/hostile-text.html`);
    const tabId = await extension.tabIdOf(page);
    await pressKeys(page, 'alt+shift+k'); // the grant lets the form below read the page
    await page.bringToFront();
    const popup = await extension.openPopup(tabId);
    await expect(popup.locator('main[data-page-read="true"]')).toBeVisible();
    await expect(page).not.toHaveTitle(/pwned/);
    await expect(popup.getByLabel('Service order', { exact: true })).toHaveValue('');
    await expect(popup.getByLabel('LRN', { exact: true })).toHaveValue('');
    expect(await popup.title()).toBe('BzCtrl Reporter');
  });
});
