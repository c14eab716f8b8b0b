/**
 * The three ways into the form besides clicking the toolbar button: the right-click menu on a
 * selected order number, the selection shortcut, and the popup shortcut. Keys are pressed through
 * the X server, so the browser sees the user's gesture and grants activeTab as it would for real.
 */
import type { Page } from '@playwright/test';
import { chooseMenuItem, expect, pressKeys, signInThroughOptions, test } from './fixtures';

test.use({ headful: true });

/** Selects the text of the first element matching `selector`, as a user's drag would. */
async function select(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().selectText();
}

test('the selection shortcut opens the form with the selected service order and the page LRN', async ({
  extension,
  context,
  sandbox,
}) => {
  await signInThroughOptions(extension);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo/customs-declaration.html`);
  await select(page, 'td[data-service-order], dd[data-service-order]');
  await pressKeys(page, 'alt+shift+l');

  const form = await extension.openedForm();
  await expect.poll(() => form.value('orderID')).toBe('7770143');
  await expect.poll(() => form.value('lrn')).toBe('BE24ATP0000123456');
  expect(await form.text()).toContain('from your selection');
});

test('the right-click menu item takes the number out of a selected "SO 777" label', async ({
  extension,
  context,
  sandbox,
}) => {
  await signInThroughOptions(extension);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo/service-order.html`);
  const tabId = await extension.tabIdOf(page);
  // A real key press first, so that the page may be read (a dispatched menu click grants nothing).
  await pressKeys(page, 'alt+shift+k');
  await page.bringToFront();

  await chooseMenuItem(extension, tabId, 'SO 7770999');
  const form = await extension.openedForm();
  await expect.poll(() => form.value('orderID')).toBe('7770999');
  await expect.poll(() => form.value('lrn')).toBe('24NLLRN0004471');
  // The page's own service order is offered too.
  expect(await form.text()).toContain('7770142');
});

test('a page rule finds what the built-in reading does not, and its Test button shows it', async ({
  extension,
  context,
  sandbox,
}) => {
  await signInThroughOptions(extension);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo/service-order.html`);
  await pressKeys(page, 'alt+shift+k'); // the grant lets the options page test the rule on this tab

  const options = await extension.openOptions();
  await options.getByRole('button', { name: 'Add rule' }).click();
  const rule = options.getByRole('group', { name: 'Rule 1' });
  await rule.getByLabel('Pages (URL pattern)').fill('http://127.0.0.1/*');
  await rule.getByLabel('Service order: regular expression').fill('(seal');
  await options.getByRole('button', { name: 'Save rules' }).click();
  await expect(rule.getByRole('alert')).toContainText('regular expression');

  await rule.getByLabel('Service order: CSS selector').fill('.notes');
  await rule.getByLabel('Service order: regular expression').fill('seal (\\d+)');
  await rule.getByRole('button', { name: 'Test' }).click();
  await expect(rule.locator('.rule-test__result')).toContainText('Service order: 0048817');
  await options.getByRole('button', { name: 'Save rules' }).click();
  await expect(options.getByText('Page rules saved.')).toBeVisible();

  const popup = await extension.openPopup(await extension.tabIdOf(page));
  await expect(popup.getByLabel('Service order', { exact: true })).toHaveValue('0048817');
  await expect(popup.getByText('from your page rule')).toBeVisible();
  // The built-in reading's value stays on offer.
  await popup.getByRole('button', { name: '7770142' }).click();
  await expect(popup.getByLabel('Service order', { exact: true })).toHaveValue('7770142');
});
