/** The history: what was created, newest first, searchable, with its link, in popup and options. */
import { expect, fillRequired, signedInPopup, test } from './fixtures';

test('created items are listed newest first, found by service order or LRN, and opened again', async ({
  extension,
  context,
  sandbox,
}) => {
  const popup = await signedInPopup(extension);
  await fillRequired(popup, 'First claim', '7770142');
  await popup.getByLabel('LRN', { exact: true }).fill('24NLLRN0004471');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
  await popup.getByRole('button', { name: 'New report' }).click();
  await fillRequired(popup, 'Second claim', '7770143');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();

  await popup.getByRole('button', { name: 'History' }).click();
  const items = popup.locator('.history__item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Second claim');
  await expect(items.nth(1)).toContainText('First claim');

  await popup.getByLabel('Search by service order or LRN').fill('24nllrn');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('First claim');
  const opened = context.waitForEvent('page');
  await items.first().getByRole('button', { name: 'Open' }).click();
  await expect(await opened).toHaveURL(`${sandbox.apiUrl}/app/#/todo/IMP-NLD-EXA-SWA-01`);

  await popup.getByLabel('Search by service order or LRN').fill('7770143');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Second claim');
  await popup.getByLabel('Search by service order or LRN').fill('9999');
  await expect(popup.getByText('Nothing matches')).toBeVisible();

  const options = await extension.openOptions();
  await expect(options.locator('.history__item')).toHaveCount(2);
  await expect(options.locator('.history__item').first()).toContainText('Second claim');
});
