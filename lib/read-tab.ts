/**
 * Reads the service order and LRN from a tab the user asked about, by injecting the page reader
 * into it (allowed by activeTab after the user's click, shortcut or menu choice).
 */
import { browser } from 'wxt/browser';
import type { PageValues } from './page/read-values';

const PAGE_READER = '/content-scripts/page-reader.js';

export async function readTabValues(tabId: number): Promise<PageValues> {
  try {
    const frames = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: [PAGE_READER],
    });
    // The top frame's values win; frames below fill what it lacks.
    const ordered = [...frames].sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0));
    const values: PageValues = {};
    for (const frame of ordered) {
      const found = frame.result as PageValues | undefined;
      values.serviceOrder ??= found?.serviceOrder;
      values.lrn ??= found?.lrn;
    }
    return values;
  } catch {
    // Pages the extension may not read: the browser's own, the web store, or no grant.
    return {};
  }
}

/** The tab the form is about: `?tabId=N` when opened as a page, else the active tab. */
export async function targetTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
