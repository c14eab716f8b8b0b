/**
 * No page rule and no page can freeze the reading: a rule's regex runs with RE2 in the popup (never
 * with JavaScript's backtracking RegExp in the page), and the reader looks at a bounded part of any
 * text. The real toolbar popup, opened by its real shortcut through the X server (activeTab).
 */
import { type Extension, expect, pressKeys, signInThroughOptions, test } from './fixtures';

test.use({ headful: true });

/** The popup's form field named `name`, as the popup shows it. */
const fieldValue = (name: string) => `document.querySelector('[name="${name}"]')?.value ?? null`;
/** Set by the popup once it has read the page. */
const PAGE_READ = `document.querySelector('main[data-page-read="true"]') !== null`;

async function storeSiteRules(extension: Extension, siteRules: unknown[]): Promise<void> {
  const worker = await extension.worker();
  await worker.evaluate(async (rules) => {
    await chrome.storage.local.set({ siteRules: rules });
  }, siteRules);
}

test('a backtracking page rule leaves the page answering, and the form has the built-in reading', async ({
  extension,
  fixturePages,
}) => {
  await signInThroughOptions(extension);
  // Exponential with JavaScript's RegExp on "aaaa…a!" (32 letters): hours on the page's main thread.
  await storeSiteRules(extension, [
    { urlPattern: 'http://127.0.0.1/*', serviceOrder: { regex: '^(\\w+\\s?)+$' } },
  ]);
  const page = await extension.context.newPage();
  await page.goto(`${fixturePages}/backtracking-text.html`);
  expect(await page.locator('p').textContent()).toBe(`${'a'.repeat(32)}!`);
  await pressKeys(page, 'alt+shift+k');

  const popup = await extension.actionPopup();
  const answerTime = async () => {
    const start = Date.now();
    await page.evaluate(() => 1);
    const took = Date.now() - start;
    // The figure, for the record (the bound is what the test asserts).
    test.info().annotations.push({ type: 'page answered (ms)', description: String(took) });
    return took;
  };
  // While the popup reads the page, and once it has.
  expect(await answerTime()).toBeLessThan(1000);
  await expect.poll(() => popup.evaluate(PAGE_READ)).toBe(true);
  expect(await answerTime()).toBeLessThan(1000);
  await expect.poll(() => popup.evaluate(fieldValue('orderID'))).toBe('7770142');
  const shown = String(await popup.evaluate('document.body.textContent'));
  expect(shown).toContain('from the page');
  expect(shown).not.toContain('from your page rule');
});

test('a log screen of 200,000 lines in one <pre> prefills its service order', async ({
  extension,
  fixturePages,
}) => {
  await signInThroughOptions(extension);
  const page = await extension.context.newPage();
  await page.goto(`${fixturePages}/gate-log.html`);
  // The screen's own script writes the whole log as one text node of 3.8 MB.
  expect(await page.evaluate(() => document.getElementById('gate-log')?.textContent?.length)).toBe(
    'SO 7770142 gate in\n'.length * 200_000,
  );
  await pressKeys(page, 'alt+shift+k');

  const popup = await extension.actionPopup();
  await expect.poll(() => popup.evaluate(fieldValue('orderID'))).toBe('7770142');
});
