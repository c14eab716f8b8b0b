/**
 * The options page's rule tester asks for access to the rule's sites on the user's click, within
 * what the manifest lets it ask for (no port, plain http only on this computer), and reads the
 * page once the user allows it: no shortcut, no earlier grant.
 */
import { allowInBrowserDialog, expect, test } from './fixtures';

test.use({ headful: true });

test('a rule for a page with a port: Test asks for that host, and reads the page once allowed', async ({
  extension,
  context,
  sandbox,
}) => {
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo/service-order.html`);
  const worker = await extension.worker();
  const hasAccess = () =>
    worker.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }));
  expect(await hasAccess()).toBe(false);

  const options = await extension.openOptions();
  await options.getByRole('button', { name: 'Add rule' }).click();
  const rule = options.getByRole('group', { name: 'Rule 1' });
  await rule.getByLabel('Pages (URL pattern)').fill(`${sandbox.url}/demo/*`);
  await rule.getByLabel('Service order: CSS selector').fill('.notes');
  await rule.getByLabel('Service order: regular expression').fill('seal (\\d+)');
  const test = rule.getByRole('button', { name: 'Test' });
  const asking = rule.getByText('If the browser asks, allow access to this site');
  await test.click();
  await expect(asking).toBeVisible();
  await allowInBrowserDialog(test, asking, hasAccess);

  await expect(rule.locator('.rule-test__result')).toContainText('Service order: 0048817');
  // Asked without the port, which the browser's patterns do not take.
  expect(await hasAccess()).toBe(true);
});
