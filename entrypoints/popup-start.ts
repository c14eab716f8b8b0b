import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EARLY_READING_KEY, startReading, type TabsAndScripting } from '@/lib/early-reading';

// The popup's first script: a plain one (popup/index.html), run while the page parses, before the
// popup's modules (React and the form) load. It asks for the page's reading at once, which is the
// slowest of what the form needs. The extension API without the polyfill: no weight to load.
export default defineUnlistedScript(() => {
  performance.mark('bzctrl:reading-requested');
  const api = ((globalThis as { browser?: TabsAndScripting }).browser ?? chrome) as TabsAndScripting;
  Object.assign(globalThis, { [EARLY_READING_KEY]: startReading(api, location.search) });
});
