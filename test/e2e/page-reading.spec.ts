/**
 * The page reader on realistic operational screens (test/fixtures/pages), through the three real
 * ways in: the toolbar popup's shortcut, the selection shortcut's command listener, and the
 * right-click menu's listener. Keys go through the X server, so activeTab is granted as for a user.
 */
import type { Page } from '@playwright/test';
import expectations from '../fixtures/pages/expectations.json' with { type: 'json' };
import { chooseMenuItem, type Extension, expect, pressKeys, signInThroughOptions, test } from './fixtures';

test.use({ headful: true });

interface Expectation {
  serviceOrder: string | null;
  lrn: string | null;
}
const expected = expectations as Record<string, Expectation>;

async function openScreen(extension: Extension, base: string, file: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`${base}/${file}`);
  return page;
}

// The toolbar popup, opened by its shortcut, on screens of every kind.
const POPUP_SCREENS: [file: string, serviceOrder: string, lrn: string][] = [
  [
    'grid-selected-row.html',
    expectedOf('grid-selected-row.html').serviceOrder,
    expectedOf('grid-selected-row.html').lrn,
  ],
  ['dutch-labels.html', expectedOf('dutch-labels.html').serviceOrder, expectedOf('dutch-labels.html').lrn],
  ['german-labels.html', expectedOf('german-labels.html').serviceOrder, expectedOf('german-labels.html').lrn],
  [
    'inputs-with-values.html',
    expectedOf('inputs-with-values.html').serviceOrder,
    expectedOf('inputs-with-values.html').lrn,
  ],
  [
    'look-alikes-with-values.html',
    expectedOf('look-alikes-with-values.html').serviceOrder,
    expectedOf('look-alikes-with-values.html').lrn,
  ],
  [
    'late-rendering.html',
    expectedOf('late-rendering.html').serviceOrder,
    expectedOf('late-rendering.html').lrn,
  ],
  // The parent shows nothing itself: the values come from the frame inside it.
  ['iframe-parent.html', expectedOf('iframe-order.html').serviceOrder, expectedOf('iframe-order.html').lrn],
];

function expectedOf(file: string): { serviceOrder: string; lrn: string } {
  const entry = expected[file];
  if (!entry?.serviceOrder || !entry.lrn) throw new Error(`${file}: no expected values`);
  return { serviceOrder: entry.serviceOrder, lrn: entry.lrn };
}

for (const [file, serviceOrder, lrn] of POPUP_SCREENS) {
  test(`the toolbar popup reads ${file}`, async ({ extension, fixturePages }) => {
    await signInThroughOptions(extension);
    const page = await openScreen(extension, fixturePages, file);
    await pressKeys(page, 'alt+shift+k');
    const form = await extension.openedForm();
    await expect.poll(() => form.value('orderID')).toBe(serviceOrder);
    await expect.poll(() => form.value('lrn')).toBe(lrn);
  });
}

test('a screen of look-alikes only fills in nothing', async ({ extension, fixturePages }) => {
  await signInThroughOptions(extension);
  const page = await openScreen(extension, fixturePages, 'look-alikes-only.html');
  const tabId = await extension.tabIdOf(page);
  await pressKeys(page, 'alt+shift+k'); // the grant lets the form below read the page
  await page.bringToFront();
  const popup = await extension.openPopup(tabId);
  await expect(popup.locator('main[data-page-read="true"]')).toBeVisible();
  await expect(popup.getByText('from the page')).toHaveCount(0);
  await expect(popup.getByLabel('Service order', { exact: true })).toHaveValue('');
  await expect(popup.getByLabel('LRN', { exact: true })).toHaveValue('');
});

for (const file of ['grid-several-rows.html', 'dutch-labels.html', 'selection-grid-row4.html']) {
  test(`the selection shortcut takes the selected number on ${file}, the page the LRN`, async ({
    extension,
    fixturePages,
  }) => {
    await signInThroughOptions(extension);
    const page = await openScreen(extension, fixturePages, file);
    const wanted = expected[file]?.serviceOrder ?? '';
    await page.getByText(wanted, { exact: true }).first().selectText();
    await pressKeys(page, 'alt+shift+l');
    const form = await extension.openedForm();
    await expect.poll(() => form.value('orderID')).toBe(wanted);
    expect(await form.text()).toContain('from your selection');
    // From the selection's own row, where the grid has one (selection-grid-row4.html: row 4's).
    await expect.poll(() => form.value('lrn')).toBe(expected[file]?.lrn ?? '');
  });
}

test('a selected MRN that looks like an LRN is not taken for the LRN, by the shortcut or the page', async ({
  extension,
  fixturePages,
}) => {
  await signInThroughOptions(extension);
  const file = 'selection-beside-mrn.html';
  const page = await openScreen(extension, fixturePages, file);
  await page.locator('#mrn-value').selectText();
  await pressKeys(page, 'alt+shift+l');
  const form = await extension.openedForm();
  // The page reader saw the MRN label beside the selection: the LRN is the one beside the LRN label.
  await expect.poll(() => form.value('lrn')).toBe(expectedOf(file).lrn);
  expect(await form.value('orderID')).toBe(expectedOf(file).serviceOrder);
});

for (const file of ['german-labels.html', 'customs-declaration.html']) {
  test(`the right-click menu listener takes the selection on ${file}`, async ({
    extension,
    fixturePages,
  }) => {
    await signInThroughOptions(extension);
    const page = await openScreen(extension, fixturePages, file);
    const tabId = await extension.tabIdOf(page);
    await pressKeys(page, 'alt+shift+k'); // a real gesture first, so that the LRN may be read
    await page.bringToFront();
    const { serviceOrder, lrn } = expectedOf(file);
    await chooseMenuItem(extension, tabId, `Service order: ${serviceOrder}`);
    const form = await extension.openedForm();
    await expect.poll(() => form.value('orderID')).toBe(serviceOrder);
    await expect.poll(() => form.value('lrn')).toBe(lrn);
  });
}
