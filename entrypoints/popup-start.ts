import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EARLY_READING_KEY, startReading, type TabsAndScripting } from '@/lib/early-reading';
import { EARLY_STORAGE_KEY, type StorageApi, startEarlyStorage } from '@/lib/early-storage';

// The popup's first script: a plain one (popup/index.html), run while the page parses, before the
// popup's modules (React and the form) load. It asks for the page's reading at once, which is the
// slowest of what the form needs, and for what the form reads from storage. The extension API
// without the polyfill: no weight to load.
export default defineUnlistedScript(() => {
  performance.mark('bzctrl:reading-requested');
  const api = ((globalThis as { browser?: unknown }).browser ?? chrome) as TabsAndScripting & StorageApi;
  Object.assign(globalThis, { [EARLY_READING_KEY]: startReading(api, location.search) });
  try {
    Object.assign(globalThis, { [EARLY_STORAGE_KEY]: startEarlyStorage(api) });
  } catch {
    // A browser without one of the areas (Firefox for Android has no managed storage): the
    // popup's modules read storage themselves.
  }
});
