/**
 * The first thing the popup does: find the tab it is about and inject the page reader into it,
 * before anything else of the popup has loaded (entrypoints/popup-start.ts runs this as a plain
 * script, while the page parses). The popup's reading then takes up what this started
 * (lib/read-tab.ts). No imports of weight here: this module is as small as it can be.
 */

/** What of the extension API this needs: Chrome's and Firefox's namespaces both have it, with promises. */
export interface TabsAndScripting {
  tabs: {
    query(query: {
      active: boolean;
      currentWindow: boolean;
    }): Promise<{ id?: number; url?: string; title?: string }[]>;
  };
  scripting: {
    executeScript(injection: {
      target: { tabId: number; allFrames: boolean };
      files: string[];
    }): Promise<{ frameId?: number; result?: unknown }[]>;
  };
}

export const PAGE_READER = '/page-reader.js';

export interface EarlyReading {
  /** The tab: `?tabId=N` when the form is opened as a page, else the active tab. */
  tabId: number | undefined;
  /** The page reader's results from every frame of that tab; undefined when it may not be read. */
  frames: Promise<{ frameId?: number; result?: unknown }[] | undefined>;
  /** The active tab's address and title as the browser gives them (the grant lets it), before the reading. */
  page?: { url: string; title: string } | undefined;
}

export async function startReading(api: TabsAndScripting, search: string): Promise<EarlyReading> {
  const { tabId, page } = await targetTab(api, search);
  const frames =
    tabId === undefined
      ? Promise.resolve(undefined)
      : api.scripting
          .executeScript({ target: { tabId, allFrames: true }, files: [PAGE_READER] })
          .catch(() => undefined)
          // For `npm run bench`: when the page's answer reached the popup.
          .finally(() => performance.mark('bzctrl:page-answered'));
  return { tabId, frames, page };
}

/** The tab the form is about: `?tabId=N` when opened as a page, else the active tab (with its address). */
export async function targetTab(
  api: TabsAndScripting,
  search: string,
): Promise<Pick<EarlyReading, 'tabId' | 'page'>> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return { tabId: fromQuery };
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  // A web page only: the browser's own pages and the extension's are no screen to report from.
  const page =
    active?.url && /^https?:/i.test(active.url) ? { url: active.url, title: active.title ?? '' } : undefined;
  return { tabId: active?.id, page };
}

/** Where the popup's plain start script leaves what it started, for the popup's modules to take. */
export const EARLY_READING_KEY = 'bzctrlEarlyReading';
