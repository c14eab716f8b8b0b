/**
 * Firefox browser-test harness: firefox-esr driven by puppeteer-core over WebDriver BiDi (there is
 * no geckodriver), the test build of the extension installed as a temporary add-on, and helpers that
 * drive its pages as a user would: by label and button text, with real clicks and key presses.
 *
 * Firefox's remote agent refuses to navigate to moz-extension:// and does not report an extension
 * page's URL (page.url() stays about:blank), so pages are told apart by their own location.href.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { requireFirefox } from './firefox';

/** The test build (scripts/build-sandbox.ts with e2e): it opens popup.html in a tab on install. */
export const EXTENSION_DIR = path.resolve('.output/firefox-mv2-e2e');

const POLL_INTERVAL_MS = 100;
const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Polls `probe` until it returns a value (anything but undefined, null or false), or fails after
 * `timeoutMs` naming what it waited for, the last error, and what `explain` says about the state.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = DEFAULT_TIMEOUT_MS, explain }: { timeoutMs?: number; explain?: () => Promise<string> } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error; // a page between two documents, say: try again
    }
    if (Date.now() >= deadline) {
      const cause = lastError ? ` (last error: ${String(lastError)})` : '';
      const state = explain ? `\n${await explain().catch((error: unknown) => String(error))}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}${state}`);
    }
    await delay(POLL_INTERVAL_MS);
  }
}

interface GeckoManifest {
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
}

export interface FirefoxSession {
  browser: Browser;
  /** moz-extension://<uuid>/<page>: the uuid is fixed by a pref, so the test knows the pages' URLs. */
  extensionUrl(page: string): string;
  close(): Promise<void>;
}

/**
 * A fresh headless Firefox (puppeteer's own throwaway profile) with the extension installed;
 * `prefs` on top of the ones it needs.
 */
export async function launchFirefox(
  extensionDir = EXTENSION_DIR,
  prefs: Record<string, unknown> = {},
): Promise<FirefoxSession> {
  const manifest = JSON.parse(
    readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'),
  ) as GeckoManifest;
  const gecko = manifest.browser_specific_settings?.gecko;
  if (!gecko?.id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireFirefox(),
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [gecko.id]: uuid }), ...prefs },
  });
  try {
    // An older Firefox refuses the add-on with a bare install error: say why instead.
    const version = await browser.version(); // "firefox/153.8.0"
    const major = Number(/(\d+)\./.exec(version)?.[1]);
    const minimum = Number.parseInt(gecko.strict_min_version ?? '0', 10);
    if (major < minimum)
      throw new Error(`${version} is older than the extension's minimum, Firefox ${minimum}`);
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    extensionUrl: (page) => `moz-extension://${uuid}/${page}`,
    close: () => browser.close(),
  };
}

/** Where a page is, as the page itself says (see the note at the top). */
export async function locationOf(page: Page): Promise<string> {
  return String(await page.evaluate(() => location.href));
}

/** The open tab whose address is exactly `url`, once there is one. */
export async function tabAt(browser: Browser, url: string, timeoutMs?: number): Promise<Page> {
  return waitFor(
    `a tab at ${url}`,
    async () => {
      for (const page of await browser.pages()) {
        if ((await locationOf(page).catch(() => '')) === url) return page;
      }
      return undefined;
    },
    {
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      explain: async () => `open tabs: ${await openTabs(browser)}`,
    },
  );
}

/** The addresses of every open tab, for failure messages. */
export async function openTabs(browser: Browser): Promise<string> {
  const pages = await browser.pages();
  const urls = await Promise.all(pages.map((page) => locationOf(page).catch(() => page.url())));
  return urls.join(', ');
}

export async function textOf(page: Page): Promise<string> {
  return String(await page.evaluate(() => document.body?.textContent ?? ''));
}

/** Reloads from inside the page (Firefox refuses the driver's own reload of an extension page). */
export async function reloadPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.dataset.e2eStale = 'yes';
    location.reload();
  });
  await waitFor('the page to load again', async () =>
    page.evaluate(() => document.readyState === 'complete' && !document.documentElement.dataset.e2eStale),
  );
}

/** The visible, enabled form control labelled exactly `label`. */
export async function control(page: Page, label: string): Promise<ElementHandle<Element>> {
  return waitFor(
    `the field "${label}"`,
    async () => {
      const handle = await page.evaluateHandle((text) => {
        const found = [...document.querySelectorAll('label')].find(
          (each) => each.textContent?.trim() === text,
        );
        const field = found?.control;
        const usable = field && !(field as HTMLInputElement).disabled && field.getClientRects().length > 0;
        return usable ? field : null;
      }, label);
      const element = handle.asElement();
      if (!element) await handle.dispose();
      return element as ElementHandle<Element> | null;
    },
    { explain: async () => `the page shows:\n${await textOf(page)}` },
  );
}

/** Types `value` into the field labelled `label`, replacing what it held, as a user does. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = await control(page, label);
  await field.click();
  await field.evaluate((element) => (element as HTMLInputElement).select());
  await field.type(value);
  const typed = await field.evaluate((element) => (element as HTMLInputElement).value);
  if (typed !== value)
    throw new Error(`The field "${label}" holds ${JSON.stringify(typed)}, not ${JSON.stringify(value)}`);
  await field.dispose();
}

/** Clicks the visible, enabled button whose text is exactly `name`. */
export async function clickButton(page: Page, name: string): Promise<void> {
  const button = await waitFor(
    `the button "${name}"`,
    async () => {
      const handle = await page.evaluateHandle((text) => {
        const found = [...document.querySelectorAll('button')].find(
          (each) => each.textContent?.trim() === text && !each.disabled && each.getClientRects().length > 0,
        );
        return found ?? null;
      }, name);
      const element = handle.asElement();
      if (!element) await handle.dispose();
      return element as ElementHandle<Element> | null;
    },
    { explain: async () => `the page shows:\n${await textOf(page)}` },
  );
  await button.click();
  await button.dispose();
}

/** Waits until the page shows a heading whose text is exactly `name`. */
export async function heading(page: Page, name: string): Promise<void> {
  await waitFor(
    `the heading "${name}"`,
    () =>
      page.evaluate(
        (text) =>
          [...document.querySelectorAll('h1, h2, h3')].some((each) => each.textContent?.trim() === text),
        name,
      ),
    { explain: async () => `the page shows:\n${await textOf(page)}` },
  );
}
