import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPage, readPageWhenReady } from '@/lib/page/read-page';
import type { SiteRule } from '@/lib/page/types';

/** Set by lib/read-tab.ts in this isolated world just before the reader is injected. */
interface ReaderOptions {
  bzctrlSiteRules?: SiteRule[];
  /** Wait (up to a second) for a page that shows nothing yet, instead of reading it once. */
  bzctrlWaitForValues?: boolean;
}

// Not declared for any site: injected only into the tab the user asked about (activeTab), and
// its result is what scripting.executeScript hands back. It reads; it never changes the page.
export default defineUnlistedScript(() => {
  const options = globalThis as ReaderOptions;
  const input = {
    document,
    url: location.href,
    selection: getSelection()?.toString() ?? '',
    rules: options.bzctrlSiteRules ?? [],
  };
  return options.bzctrlWaitForValues ? readPageWhenReady(input) : readPage(input);
});
