import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readFrameWhenReady } from '@/lib/page/read-frame';
import { selectionInPage } from '@/lib/page/selection-node';

// Not declared for any site: injected only into the tab the user asked about (activeTab), and
// its result is what scripting.executeScript hands back. It reads; it never changes the page. A
// page that shows nothing yet gets up to a second to render its values.
export default defineUnlistedScript(() => {
  const selection = selectionInPage(document);
  return readFrameWhenReady({
    document,
    url: location.href,
    selection: selection.text,
    selectionNode: selection.node,
  });
});
