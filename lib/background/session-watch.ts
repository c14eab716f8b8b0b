/**
 * A session belongs to the server that issued it: when the settings in force (the user's, or the
 * organisation's policy) name another server, the session ends, and with it every token request
 * still on its way (lib/bzctrl/auth.ts).
 */
import { browser } from 'wxt/browser';
import { signOutIfServerChanged } from '../bzctrl/auth';
import { settingsItem } from '../settings';

export function registerSessionWatch(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && settingsItem.key.replace(/^local:/, '') in changes)) {
      void signOutIfServerChanged();
    }
  });
}
