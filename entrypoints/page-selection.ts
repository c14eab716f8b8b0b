import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { selectionInPage } from '@/lib/page/selection-node';
import { labelOfValue } from '@/lib/page/value-labels';

// Injected after the page reader, only into a frame where it saw a selection: the label the page
// shows beside the selected text ("LRN", "MRN"), which says what the selection is. It reads; it
// never changes the page.
export default defineUnlistedScript(() => {
  const { node } = selectionInPage(document);
  return (node && labelOfValue(node)?.text) ?? '';
});
