import '@/components/styles.css';
import { setPageLanguage } from '@/lib/locale';
import { mountPopup } from './mount';
import { startPopup } from './startup';

// The page's reading and the form's stored data were asked for by the popup's plain first script
// (popup-start.ts); they are taken up here, and the form is drawn as soon as they are in. For
// `npm run bench`: the popup's timeline is in its performance marks.
performance.mark('bzctrl:script');
setPageLanguage();
mountPopup(startPopup(location.search));
