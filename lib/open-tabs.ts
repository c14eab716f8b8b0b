/** The open tabs a page rule can be tested on (options page only). */
import { browser } from 'wxt/browser';
import { matchesUrlPattern } from './page/site-rules';

export interface ReadableTab {
  id: number;
  url: string;
  title: string;
}

/** Open tabs the pattern covers whose address the extension may see (so it may read them too). */
export async function readableTabsFor(urlPattern: string): Promise<ReadableTab[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) =>
    tab.id !== undefined && tab.url && matchesUrlPattern(urlPattern, tab.url)
      ? [{ id: tab.id, url: tab.url, title: tab.title ?? '' }]
      : [],
  );
}
