/** The open tabs a page rule can be tested on (options page only). */
import { browser } from 'wxt/browser';
import { accessPatternsFor } from './host-access';
import { matchesUrlPattern } from './page/url-patterns';

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

/**
 * Whether testing a rule for `urlPattern` must ask for access first: nothing open that the
 * extension may read (an earlier grant, or the shortcut's one-time grant on a tab), and access the
 * browser may be asked for.
 */
export async function accessNeededFor(urlPattern: string): Promise<boolean> {
  const origins = accessPatternsFor(urlPattern);
  if (origins.length === 0) return false;
  const granted = await browser.permissions.contains({ origins }).catch(() => false);
  return !granted && (await readableTabsFor(urlPattern)).length === 0;
}
