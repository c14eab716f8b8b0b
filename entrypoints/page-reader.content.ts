import { defineContentScript } from 'wxt/utils/define-content-script';
import { readPageValues } from '@/lib/page/read-values';

// Registered at run time only: injected into the tab the user asked about (activeTab), never
// declared for every site. Its return value is what scripting.executeScript hands back.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    return readPageValues(document);
  },
});
