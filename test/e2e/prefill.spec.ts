/**
 * Service order and LRN come from the operational screen the user is on. The page may be read only
 * after a real user gesture (activeTab), so these tests press the shortcut through the X server.
 */
import { expect, pressKeys, signIn, test } from './fixtures';

test.use({ headful: true });

const SCREENS = [
  { page: 'service-order.html', serviceOrder: '7770142', lrn: '24NLLRN0004471' },
  { page: 'customs-declaration.html', serviceOrder: '7770143', lrn: 'BE24ATP0000123456' },
];

for (const screen of SCREENS) {
  test(`the form is prefilled from the demo ${screen.page}`, async ({ extension, context, sandbox }) => {
    const operational = await context.newPage();
    await operational.goto(`${sandbox.url}/demo/${screen.page}`);
    const tabId = await extension.tabIdOf(operational);
    // The toolbar shortcut: the browser opens the popup and grants activeTab on this tab.
    await pressKeys(operational, 'alt+shift+k');

    const popup = await extension.openPopup(tabId);
    await signIn(popup);
    await expect(popup.getByLabel('Service order', { exact: true })).toHaveValue(screen.serviceOrder);
    await expect(popup.getByLabel('LRN', { exact: true })).toHaveValue(screen.lrn);
  });
}

test('without a user gesture the page is not read', async ({ extension, context, sandbox }) => {
  const operational = await context.newPage();
  await operational.goto(`${sandbox.url}/demo/service-order.html`);
  const tabId = await extension.tabIdOf(operational);
  const popup = await extension.openPopup(tabId);
  await signIn(popup);
  await expect(popup.getByRole('button', { name: 'Create incident' })).toBeVisible();
  await expect(popup.locator('main[data-page-read="true"]')).toBeVisible();
  await expect(popup.getByLabel('Service order', { exact: true })).toHaveValue('');
});

test('the toolbar popup opened by its shortcut is prefilled from the active tab', async ({
  extension,
  context,
  sandbox,
}) => {
  const options = await extension.openOptions();
  await signIn(options);
  await expect(options.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await options.close();
  const operational = await context.newPage();
  await operational.goto(`${sandbox.url}/demo/customs-declaration.html`);
  await pressKeys(operational, 'alt+shift+k');

  const popup = await extension.actionPopup();
  const fieldValue = (name: string) => `document.querySelector('[name="${name}"]')?.value ?? null`;
  await expect.poll(() => popup.evaluate(fieldValue('orderID'))).toBe('7770143');
  expect(await popup.evaluate(fieldValue('lrn'))).toBe('BE24ATP0000123456');
});
