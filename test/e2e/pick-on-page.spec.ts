/**
 * Pick on page, as an operator does it: the real toolbar popup opened by its shortcut (xdotool under
 * Xvfb), Pick beside the field, the popup closes, a real click on the value in the page, Enter to
 * save; then the next popup shows the value from the saved rule, after a reload, after the page
 * draws its rows anew and after they are sorted. Also in a web component's shadow root, in a frame
 * of the same site, from the options page's rules, and: Esc leaves nothing behind.
 */
import type { Page } from '@playwright/test';
import { type ActionPopup, type Extension, expect, pressKeys, signInThroughOptions, test } from './fixtures';

test.use({ headful: true });

interface StoredRule {
  urlPattern: string;
  serviceOrder?: Record<string, string>;
  lrn?: Record<string, string>;
}

/** The real toolbar popup on `page`, by its shortcut, once its reading is over. */
async function openRealPopup(extension: Extension, page: Page): Promise<ActionPopup> {
  await pressKeys(page, 'alt+shift+k');
  const popup = await extension.actionPopup();
  await expect
    .poll(() => popup.evaluate(`document.querySelector('main')?.dataset.pageRead ?? ''`))
    .toBe('true');
  return popup;
}

async function fieldIn(popup: ActionPopup, name: string): Promise<string> {
  return String(await popup.evaluate(`document.querySelector('[name="${name}"]')?.value ?? ''`));
}

/** Closes the toolbar popup (as a click on the page would) and waits until it is gone. */
async function closePopup(extension: Extension, popup: ActionPopup): Promise<void> {
  await popup.evaluate('window.close()').catch(() => undefined);
  await expect.poll(async () => (await extension.findActionPopup()) === undefined).toBe(true);
}

/** Pick beside `field` in the real popup: the popup closes itself and the picker is in the page. */
async function startPicking(extension: Extension, page: Page, field: 'serviceOrder' | 'lrn'): Promise<void> {
  const popup = await openRealPopup(extension, page);
  const name = field === 'lrn' ? 'Pick the LRN on the page' : 'Pick the service order on the page';
  await popup.click(`button[aria-label="${name}"]`);
  await expect.poll(async () => (await extension.findActionPopup()) === undefined).toBe(true);
  await expect(page.locator('bzctrl-picker')).toHaveCount(1);
}

/** Signed in, with `file` of the fixture screens open in a tab. */
async function openScreen(extension: Extension, fixturePages: string, file: string): Promise<Page> {
  await signInThroughOptions(extension);
  const page = await extension.context.newPage();
  await page.goto(`${fixturePages}/${file}`);
  return page;
}

async function storedRules(extension: Extension): Promise<StoredRule[]> {
  return (await extension.stored<StoredRule[]>('local', 'siteRules')) ?? [];
}

test('an LRN picked in a grid is saved as a rule on its column, and read after reload, redraw and sort', async ({
  extension,
  fixturePages,
}) => {
  const page = await openScreen(extension, fixturePages, 'pick-discharge-list.html');

  // Nothing the reader knows names the customs reference: the form starts without an LRN.
  const before = await openRealPopup(extension, page);
  expect(await fieldIn(before, 'lrn')).toBe('');
  await closePopup(extension, before);

  await startPicking(extension, page, 'lrn');
  // A real click on the selected row's customs reference; the page's own handlers never see it.
  await page.getByRole('cell', { name: '26NLNQT0001103' }).click();
  await page.keyboard.press('Enter'); // Save as page rule, which has the focus
  await expect
    .poll(() => storedRules(extension))
    .toEqual([{ urlPattern: `${fixturePages}/*`, lrn: { label: 'Customs ref.' } }]);
  await expect(page.locator('bzctrl-picker')).toHaveCount(0, { timeout: 10_000 });

  const afterPick = await openRealPopup(extension, page);
  expect(await fieldIn(afterPick, 'lrn')).toBe('26NLNQT0001103');
  expect(String(await afterPick.evaluate('document.body.textContent'))).toContain('from your page rule');
  await closePopup(extension, afterPick);

  await page.reload();
  const afterReload = await openRealPopup(extension, page);
  expect(await fieldIn(afterReload, 'lrn')).toBe('26NLNQT0001103');
  await closePopup(extension, afterReload);

  await page.evaluate('window.rerender()');
  const afterRedraw = await openRealPopup(extension, page);
  expect(await fieldIn(afterRedraw, 'lrn')).toBe('26NLNQT0001103');
  await closePopup(extension, afterRedraw);

  // Sorted: the selected row is now the first, where another row's reference stood before.
  await page.evaluate('window.sortByWeight()');
  await expect(page.locator('#discharge tbody tr').first()).toHaveClass('selected');
  const afterSort = await openRealPopup(extension, page);
  expect(await fieldIn(afterSort, 'lrn')).toBe('26NLNQT0001103');
});

test('a value in a web component and one in a frame of the same site are picked and read again', async ({
  extension,
  fixturePages,
}) => {
  const page = await openScreen(extension, fixturePages, 'pick-customs-panel.html');

  await startPicking(extension, page, 'lrn');
  await page.locator('customs-panel').getByText('26NLRMB0004417').click();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => storedRules(extension))
    .toEqual([{ urlPattern: `${fixturePages}/*`, lrn: { label: 'Douanekenmerk' } }]);

  await startPicking(extension, page, 'serviceOrder');
  await page.frameLocator('#order-frame').getByText('8820417').click();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => storedRules(extension))
    .toEqual([
      {
        urlPattern: `${fixturePages}/*`,
        lrn: { label: 'Douanekenmerk' },
        serviceOrder: { label: 'Werkorder' },
      },
    ]);

  await page.reload();
  const popup = await openRealPopup(extension, page);
  expect(await fieldIn(popup, 'lrn')).toBe('26NLRMB0004417');
  expect(await fieldIn(popup, 'orderID')).toBe('8820417');
});

test('Esc ends picking with nothing saved and the page as it was; its own clicks work again', async ({
  extension,
  fixturePages,
}) => {
  const page = await openScreen(extension, fixturePages, 'pick-discharge-list.html');
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  await page.evaluate(() => {
    document.addEventListener('click', () => {
      document.body.dataset.clicks = String(Number(document.body.dataset.clicks ?? 0) + 1);
    });
  });

  await startPicking(extension, page, 'lrn');
  // While picking, a click chooses; the page does not hear it.
  await page.getByRole('cell', { name: 'TGHU3098311' }).click();
  expect(await page.evaluate(() => document.body.dataset.clicks)).toBeUndefined();
  await page.keyboard.press('Escape');
  await expect(page.locator('bzctrl-picker')).toHaveCount(0);
  expect(await storedRules(extension)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(html);

  await page.getByRole('cell', { name: 'TGHU3098311' }).click();
  expect(await page.evaluate(() => document.body.dataset.clicks)).toBe('1');
});

test('Pick in the options page fills the rule being edited with the label beside the value', async ({
  extension,
  fixturePages,
}) => {
  const page = await extension.context.newPage();
  await page.goto(`${fixturePages.replace('127.0.0.1', 'localhost')}/pick-discharge-list.html`);
  const options = await extension.openOptions();
  await options.getByRole('button', { name: 'Add rule' }).click();
  await options.getByLabel('Pages (URL pattern)').fill(`${fixturePages.replace('127.0.0.1', 'localhost')}/*`);
  await options.getByRole('button', { name: 'Pick the LRN on the page' }).click();

  // The page comes to the front with the picker in it.
  await expect(page.locator('bzctrl-picker')).toHaveCount(1);
  await page.getByRole('cell', { name: '26NLNQT0001103' }).click();
  await page.keyboard.press('Enter');

  await expect(options.getByLabel('LRN: label beside the value')).toHaveValue('Customs ref.');
  await expect(options.getByText('Picked 26NLNQT0001103: found beside “Customs ref.”.')).toBeVisible();
  await options.getByRole('button', { name: 'Save rules' }).click();
  await expect
    .poll(() => storedRules(extension))
    .toEqual([
      { urlPattern: `${fixturePages.replace('127.0.0.1', 'localhost')}/*`, lrn: { label: 'Customs ref.' } },
    ]);
});
