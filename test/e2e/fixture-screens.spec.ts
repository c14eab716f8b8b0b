/**
 * Every fixture screen (test/fixtures/pages) read in real Chromium by the built extension, as the
 * form reads a tab: the page reader injected into the page and its frames, the selection's label
 * asked of the frame that holds it, the address and the ranking in the extension page. The unit
 * tests read the same screens in happy-dom; here the browser itself parses them (declarative shadow
 * roots, chosen options, frames), which is what operators' screens get.
 *
 * The screens are served on localhost, which the e2e build may read as the release may read
 * BzCtrl's own hosts, so no gesture is needed: the gesture's part is tested in page-reading.spec.ts.
 */
import type { Page } from '@playwright/test';
import expectations from '../fixtures/pages/expectations.json' with { type: 'json' };
import { type Extension, expect, signInThroughOptions, test } from './fixtures';

interface Expectation {
  url: string;
  serviceOrder: string | null;
  lrn: string | null;
  serviceOrderCandidates?: string[];
  selection?: string;
  selectionIn?: string;
}
const screens = Object.entries(expectations as Record<string, Expectation>);

/** The screen's own address (path and query), on the fixture server: the address is read as well. */
function addressOf(base: string, file: string, expectation: Expectation): string {
  const url = new URL(expectation.url);
  const path = url.pathname.replace(/\/$/, '');
  return `${base.replace('127.0.0.1', 'localhost')}${path}/${file}${url.search}${url.hash}`;
}

/** Selects `text` where it first stands in `selector`'s element (or the page), as the operator would with the mouse. */
async function select(page: Page, text: string, selector = 'body'): Promise<void> {
  const selected = await page.evaluate(
    ({ text, selector }) => {
      const scope = document.querySelector(selector);
      const walker = document.createTreeWalker(scope ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return getSelection()?.toString();
      }
      return undefined;
    },
    { text, selector },
  );
  if (selected !== text) throw new Error(`"${text}" is not on the page to select (in ${selector})`);
}

/** What the form shows for the screen: its fields, and the other service orders it offers. */
async function formOn(extension: Extension, page: Page): Promise<Record<string, unknown>> {
  const tabId = await extension.tabIdOf(page);
  const popup = await extension.openPopup(tabId);
  try {
    await expect(popup.locator('main[data-page-read="true"]')).toBeVisible();
    const serviceOrder = await popup.getByLabel('Service order', { exact: true }).inputValue();
    const lrn = await popup.getByLabel('LRN', { exact: true }).inputValue();
    return { serviceOrder: serviceOrder || null, lrn: lrn || null };
  } finally {
    await popup.close();
  }
}

test('every fixture screen is read in Chromium as its expectation says', async ({
  extension,
  fixturePages,
}) => {
  test.setTimeout(screens.length * 8_000);
  await signInThroughOptions(extension);
  const page = await extension.context.newPage();
  const frameScreen = (expectations as Record<string, Expectation>)['iframe-order.html'];
  for (const [file, expectation] of screens) {
    await page.goto(addressOf(fixturePages, file, expectation));
    if (expectation.selection) await select(page, expectation.selection.trim(), expectation.selectionIn);
    // The parent of a frame shows nothing itself: in a browser its frame is read with it.
    const expected =
      file === 'iframe-parent.html' && frameScreen
        ? { serviceOrder: frameScreen.serviceOrder, lrn: frameScreen.lrn }
        : { serviceOrder: expectation.serviceOrder, lrn: expectation.lrn };
    expect.soft(await formOn(extension, page), file).toEqual(expected);
  }
});
