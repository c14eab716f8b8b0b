/**
 * Reads the service order and LRN from a tab the user asked about, by injecting the page reader
 * into it (allowed by activeTab after the user's click, shortcut or menu choice) with the user's
 * page rules.
 */
import { browser } from 'wxt/browser';
import { mergeReadings } from './page/candidates';
import type { PageReading, SiteRule } from './page/types';
import { loadSiteRules } from './settings';

const PAGE_READER = '/page-reader.js';

export const NOTHING_READ: PageReading = { serviceOrder: [], lrn: [] };

interface ReadOptions {
  /** The rules to apply; the user's saved rules when left out. */
  rules?: SiteRule[];
  /** Wait up to a second for a page that is still rendering. */
  waitForValues?: boolean;
}

export async function readTab(tabId: number, options: ReadOptions = {}): Promise<PageReading> {
  try {
    const target = { tabId, allFrames: true };
    await browser.scripting.executeScript({
      target,
      func: (rules: SiteRule[], waitForValues: boolean) => {
        Object.assign(globalThis, { bzctrlSiteRules: rules, bzctrlWaitForValues: waitForValues });
      },
      args: [options.rules ?? (await loadSiteRules()), options.waitForValues ?? false],
    });
    const frames = await browser.scripting.executeScript({ target, files: [PAGE_READER] });
    // The top frame first, so that among equals its values win.
    const readings = [...frames]
      .sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0))
      .map((frame) => (frame.result ?? NOTHING_READ) as PageReading);
    return mergeReadings(readings);
  } catch {
    // Pages the extension may not read: the browser's own, the web store, or no grant.
    return NOTHING_READ;
  }
}

/** Reads at once; only a page that shows nothing yet is given time to render its values. */
export async function readTabSoon(tabId: number): Promise<PageReading> {
  const rules = await loadSiteRules();
  const now = await readTab(tabId, { rules });
  if (now.serviceOrder.length > 0 || now.lrn.length > 0) return now;
  return readTab(tabId, { rules, waitForValues: true });
}

/** The tab the form is about: `?tabId=N` when opened as a page, else the active tab. */
export async function targetTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
