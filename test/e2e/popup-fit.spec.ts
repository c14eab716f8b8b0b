/**
 * The form fits the toolbar popup: Chrome gives a popup at most 600 px of height, and an operator
 * fills an incident every time without scrolling. Measured in the real popup (opened by its
 * shortcut under Xvfb), at the default zoom, with both values read from the page and their hints.
 */
import { type ActionPopup, expect, pressKeys, signInThroughOptions, test } from './fixtures';

test.use({ headful: true });

const POPUP_MAX_HEIGHT = 600;

async function heights(popup: ActionPopup): Promise<{ content: number; window: number }> {
  return (await popup.evaluate(
    '({ content: document.documentElement.scrollHeight, window: window.innerHeight })',
  )) as { content: number; window: number };
}

for (const type of ['Incident', 'Task'] as const) {
  test(`the form for a${type === 'Incident' ? 'n incident' : ' task'} fits the popup without a scrollbar`, async ({
    extension,
    sandbox,
  }) => {
    await signInThroughOptions(extension);
    const page = await extension.context.newPage();
    await page.goto(`${sandbox.url}/demo/service-order.html`);
    await pressKeys(page, 'alt+shift+k');
    const popup = await extension.actionPopup();
    await expect
      .poll(() => popup.evaluate(`document.querySelector('[name="lrn"]')?.value ?? ''`))
      .not.toBe('');
    if (type === 'Task') await popup.fill('todoType', 'TASK');
    await expect
      .poll(() => popup.evaluate('document.querySelector("[name=result]") !== null'))
      .toBe(type === 'Task');
    const { content, window } = await heights(popup);
    expect(content).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    // The popup is as tall as its content: nothing scrolls.
    expect(content).toBeLessThanOrEqual(window);
  });
}

test('the form for an incident fits with a preset matched on the page, its line above the form', async ({
  extension,
  sandbox,
}) => {
  await signInThroughOptions(extension);
  const worker = await extension.worker();
  const preset = {
    id: 'p-fit',
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
    impact: 'HIGH',
    likelihood: 'MEDIUM',
  };
  await worker.evaluate(async (list) => chrome.storage.local.set({ presets: list }), [preset]);
  const page = await extension.context.newPage();
  await page.goto(`${sandbox.url}/demo/service-order.html`);
  await pressKeys(page, 'alt+shift+k');
  const popup = await extension.actionPopup();
  await expect
    .poll(() => popup.evaluate(`document.querySelector('[name="title"]')?.value ?? ''`))
    .toBe('Possible customs claim SO 7770142');
  const { content, window } = await heights(popup);
  expect(content).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
  expect(content).toBeLessThanOrEqual(window);
});
