/**
 * Presets: made in the options page, matched on a demo screen, switched in the form without losing
 * what was typed, set by policy (locked, tried first), offered by the right-click menu; the
 * "already reported" line; the origin line in the body BzCtrl receives; and, with the real popup
 * opened by its real shortcut, a known screen reported with two actions: the shortcut, Ctrl+Enter.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { type Extension, expect, pressKeys, signInThroughOptions, test } from './fixtures';

const DEMO_TITLE = 'Service order 7770142 · Brightwater TOS';
const CUSTOMS_HOLD = {
  id: 'p-customs-hold',
  name: 'Customs hold',
  urlPatterns: ['127.0.0.1'],
  todoType: 'INCIDENT',
  domain: '',
  workspace: '',
  title: 'Possible customs claim SO {serviceOrder}',
  description: 'LRN {lrn} held by customs.',
  category: 'Customs',
  subCategory: '',
  status: '',
  priority: 'HIGH',
  impact: '',
  likelihood: '',
};

async function storePresets(extension: Extension, presets: unknown[]): Promise<void> {
  const worker = await extension.worker();
  await worker.evaluate(async (list) => chrome.storage.local.set({ presets: list }), presets);
}

/** The demo screen, with the grant a real key press gives, and the form about it opened as a page. */
async function formAboutDemoScreen(extension: Extension, page: Page, sandboxUrl: string): Promise<Page> {
  await page.goto(`${sandboxUrl}/demo/service-order.html`);
  await pressKeys(page, 'alt+shift+k');
  return extension.openPopup(await extension.tabIdOf(page));
}

test.describe('in the form about a page', () => {
  test.use({ headful: true });

  test('a preset made in the options page fills the form on its site, says why, and a switch keeps what was typed', async ({
    extension,
    context,
    sandbox,
  }) => {
    await signInThroughOptions(extension);
    const options = await extension.openOptions();
    await options.getByRole('button', { name: 'Add preset' }).click();
    await options.getByRole('group', { name: 'Preset 1' }).getByLabel('Name').fill('Customs hold');
    // The preset's fieldset is named after it from now on.
    const customs = options.getByRole('group', { name: 'Customs hold' });
    await customs.getByLabel('Pages (URL patterns, one per line)').fill('127.0.0.1');
    // A typo in a placeholder is refused next to its field, and nothing is saved.
    await customs.getByLabel('Title template').fill('Possible customs claim SO {so}');
    await options.getByRole('button', { name: 'Save presets' }).click();
    await expect(customs.getByLabel('Title template')).toHaveAccessibleDescription(
      /Unknown placeholder \{so\}/,
    );
    expect(await extension.stored('local', 'presets')).toBeUndefined();
    await customs.getByLabel('Title template').fill('Possible customs claim SO {serviceOrder}');
    await customs.getByLabel('Description template').fill('LRN {lrn} held by customs.');
    await customs.getByLabel('Category', { exact: true }).fill('Customs');
    await customs.getByLabel('Priority').selectOption('HIGH');
    await options.getByRole('button', { name: 'Save presets' }).click();
    await expect(options.getByText('Presets saved.')).toBeVisible();

    const popup = await formAboutDemoScreen(extension, await context.newPage(), sandbox.url);
    await expect(popup.getByLabel('Title')).toHaveValue('Possible customs claim SO 7770142');
    await expect(popup.getByLabel('Preset')).toHaveValue(/p-/);
    await expect(popup.getByText('Customs hold, for 127.0.0.1')).toBeVisible();
    await expect(popup.getByText('Goes to IMP-NLD-EXA-SWA')).toBeVisible();
    await expect(popup.getByLabel('Description')).toHaveValue(
      `LRN 24NLLRN0004471 held by customs.\n\nReported from: ${DEMO_TITLE} — ${sandbox.url}/demo/service-order.html`,
    );
    await expect(popup.getByLabel('Category', { exact: true })).toHaveValue('Customs');
    await expect(popup.getByLabel('Priority')).toHaveValue('HIGH');

    // The operator's own title stays through every switch; the preset's other fields follow it.
    await popup.getByLabel('Title').fill('Seal broken on arrival');
    await popup.getByLabel('Preset').selectOption({ label: 'No preset' });
    await expect(popup.getByLabel('Category', { exact: true })).toHaveValue('');
    await expect(popup.getByLabel('Priority')).toHaveValue('');
    await expect(popup.getByLabel('Description')).toHaveValue(
      `Reported from: ${DEMO_TITLE} — ${sandbox.url}/demo/service-order.html`,
    );
    await expect(popup.getByLabel('Title')).toHaveValue('Seal broken on arrival');
    await popup.getByLabel('Preset').selectOption({ label: 'Customs hold' });
    await expect(popup.getByText('Customs hold, chosen by you')).toBeVisible();
    await expect(popup.getByLabel('Category', { exact: true })).toHaveValue('Customs');
    await expect(popup.getByLabel('Title')).toHaveValue('Seal broken on arrival');

    // "Save as preset": the form as it stands, the order's values as placeholders, for this site.
    await popup.getByRole('button', { name: 'Save as preset' }).click();
    await popup.getByLabel('Preset name').fill('Seal broken');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.getByText('Saved as preset “Seal broken” for 127.0.0.1')).toBeVisible();
    const stored = await extension.stored<{ name: string; title: string; urlPatterns: string[] }[]>(
      'local',
      'presets',
    );
    expect(stored?.[0]).toMatchObject({
      name: 'Seal broken',
      title: 'Seal broken on arrival',
      description: 'LRN {lrn} held by customs.',
      urlPatterns: ['127.0.0.1'],
      category: 'Customs',
    });
  });

  test('the menu offers the presets of the page; its item opens the form with that preset', async ({
    extension,
    context,
    sandbox,
  }) => {
    await signInThroughOptions(extension);
    const byHand = {
      ...CUSTOMS_HOLD,
      id: 'p-by-hand',
      name: 'Re-weigh',
      urlPatterns: [],
      title: 'Re-weigh {serviceOrder}',
    };
    const elsewhere = {
      ...CUSTOMS_HOLD,
      id: 'p-elsewhere',
      name: 'Other site',
      urlPatterns: ['tos.example.com'],
    };
    await storePresets(extension, [
      elsewhere,
      byHand,
      { ...CUSTOMS_HOLD, id: 'p-second', name: 'Gate check', title: 'Gate check {serviceOrder}' },
      CUSTOMS_HOLD,
    ]);
    const worker = await extension.worker();
    // The browser shows a preset's item only where its patterns fit (documentUrlPatterns): one for a
    // page of its own, none for a preset chosen by hand only.
    const menuItemExists = (id: string) =>
      worker.evaluate(
        (itemId) =>
          new Promise<boolean>((resolve) =>
            chrome.contextMenus.update(itemId, {}, () => resolve(!chrome.runtime.lastError)),
          ),
        id,
      );
    await expect.poll(() => menuItemExists('preset:p-customs-hold')).toBe(true);
    expect(await menuItemExists('preset:p-second')).toBe(true);
    expect(await menuItemExists('preset:p-elsewhere')).toBe(true);
    expect(await menuItemExists('preset:p-by-hand')).toBe(false);

    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo/service-order.html`);
    const tabId = await extension.tabIdOf(page);
    await pressKeys(page, 'alt+shift+k'); // the grant a real gesture gives
    // That popup must be gone before the menu's: the browser opens no second popup over a first,
    // and a click on the page does not always close it here.
    const grantPopup = await extension.actionPopup();
    await grantPopup.evaluate('window.close()').catch(() => undefined);
    await expect.poll(() => extension.findActionPopup()).toBeUndefined();
    await page.bringToFront();
    await worker.evaluate(
      async ({ tabId }) => {
        const tab = await chrome.tabs.get(tabId);
        const info = {
          menuItemId: 'preset:p-second',
          selectionText: 'SO 7770999',
          editable: false,
          pageUrl: tab.url,
        };
        (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
          info,
          tab,
        );
      },
      { tabId },
    );
    const form = await extension.openedForm();
    await expect.poll(() => form.value('orderID')).toBe('7770999');
    // The menu's preset, not the first that fits the page.
    await expect.poll(() => form.value('title')).toBe('Gate check 7770999');
    expect(await form.text()).toContain('Gate check, chosen in the menu');
  });
});

test('presets go out to a file and come back; a file that is not a preset list changes nothing', async ({
  extension,
}) => {
  await storePresets(extension, [CUSTOMS_HOLD]);
  const options = await extension.openOptions();
  await expect(options.getByRole('group', { name: 'Customs hold' })).toBeVisible();

  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export presets' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('bzctrl-presets.json');
  const exported = JSON.parse(await readFile(await file.path(), 'utf8')) as { presets: { name: string }[] };
  expect(exported.presets.map((preset) => preset.name)).toEqual(['Customs hold']);

  const input = options.getByLabel('Import presets (JSON)');
  await input.setInputFiles({
    name: 'rules.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"siteRules": []}'),
  });
  await expect(input).toHaveAccessibleDescription(/This file is not a list of presets\./);
  await expect(options.getByRole('group', { name: /^Preset|Customs hold|Re-weigh/ })).toHaveCount(1);

  const reweigh = {
    ...exported.presets[0],
    id: 'p-reweigh',
    name: 'Re-weigh',
    title: 'Re-weigh {serviceOrder}',
  };
  await input.setInputFiles({
    name: 'presets.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...exported, presets: [reweigh] })),
  });
  await expect(options.getByText('1 preset imported: check it and save.')).toBeVisible();
  await options.getByRole('button', { name: 'Save presets' }).click();
  await expect(options.getByText('Presets saved.')).toBeVisible();
  const stored = await extension.stored<{ name: string }[]>('local', 'presets');
  expect(stored?.map((preset) => preset.name)).toEqual(['Customs hold', 'Re-weigh']);
});

test.describe('set by policy', () => {
  test.use({
    headful: true,
    policy: {
      presets: [
        {
          name: 'Org customs hold',
          urlPatterns: ['http://127.0.0.1/*'],
          title: 'Org: customs claim {serviceOrder}',
          domain: 'VTT-BEL-ATP',
          workspace: 'ATP',
        },
        { name: 'Broken', title: 'Claim {orderNumber}' },
      ],
    },
  });

  test('is shown locked, tried before the user’s own, and sends to its own workspace', async ({
    extension,
    context,
    sandbox,
  }) => {
    await signInThroughOptions(extension);
    await storePresets(extension, [CUSTOMS_HOLD]);
    const options = await extension.openOptions();
    const managed = options.locator('.managed-presets');
    await expect(managed).toContainText('Org customs hold');
    await expect(managed).toContainText('http://127.0.0.1/*');
    // The one the options page would refuse is not used, and says why.
    await expect(
      options.getByText('title: Unknown placeholder {orderNumber}', { exact: false }),
    ).toBeVisible();
    await expect(options.getByRole('group', { name: 'Org customs hold' })).toHaveCount(0);

    const popup = await formAboutDemoScreen(extension, await context.newPage(), sandbox.url);
    await expect(popup.getByLabel('Title')).toHaveValue('Org: customs claim 7770142');
    await expect(popup.getByText('Org customs hold, for http://127.0.0.1/*')).toBeVisible();
    await expect(popup.getByText('Goes to VTT-BEL-ATP')).toBeVisible();
    await popup.getByRole('button', { name: 'Create incident' }).click();
    await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
    const [request] = await sandbox.requests('add-task');
    expect(request?.json).toMatchObject({
      title: 'Org: customs claim 7770142',
      domainWorkSpace: 'VTT-BEL-ATP',
    });
  });
});

test.describe('with the real toolbar popup', () => {
  test.use({ headful: true });

  test('on a known screen the shortcut and Ctrl+Enter create the item, with the origin line; the next popup says it was reported', async ({
    extension,
    context,
    sandbox,
  }) => {
    await signInThroughOptions(extension);
    await storePresets(extension, [CUSTOMS_HOLD]);
    const operational = await context.newPage();
    await operational.goto(`${sandbox.url}/demo/service-order.html`);
    await pressKeys(operational, 'alt+shift+k');
    const popup = await extension.actionPopup();
    const fieldValue = (name: string) => `document.querySelector('[name="${name}"]')?.value ?? null`;
    await expect.poll(() => popup.evaluate(fieldValue('title'))).toBe('Possible customs claim SO 7770142');

    // Ctrl+Enter into the popup as it has the keyboard (not through the page: that would close it).
    const itemTab = context.waitForEvent('page');
    execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+Return']);
    await expect(await itemTab).toHaveURL(`${sandbox.apiUrl}/app/#/todo/IMP-NLD-EXA-SWA-01`);
    // The item's tab took the focus: the popup is gone (the next one is a new one).
    await expect.poll(() => extension.findActionPopup()).toBeUndefined();
    const [request] = await sandbox.requests('add-task');
    expect(request?.json).toMatchObject({
      todoType: 'INCIDENT',
      title: 'Possible customs claim SO 7770142',
      description: `LRN 24NLLRN0004471 held by customs.\n\nReported from: ${DEMO_TITLE} — ${sandbox.url}/demo/service-order.html`,
      priority: 'HIGH',
      orderID: '7770142',
      lrn: '24NLLRN0004471',
    });

    await pressKeys(operational, 'alt+shift+k');
    const again = await extension.actionPopup();
    // Creating another is still one click: the form is there, filled.
    await expect.poll(() => again.evaluate(fieldValue('title'))).toBe('Possible customs claim SO 7770142');
    // The line comes a moment after the form (it reads the history once the form is on screen).
    const text = () => again.evaluate(`document.body?.innerText ?? ''`).then(String);
    await expect
      .poll(text)
      .toContain('Incident “Possible customs claim SO 7770142” created just now for SO 7770142.');
    expect((await sandbox.tasks()).length).toBe(1);
  });
});
