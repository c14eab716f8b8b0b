/**
 * The e2e build only (`wxt build --mode e2e`), and only in Firefox, whose test driver may not
 * navigate to moz-extension:// pages: the build opens the form in a tab by itself, once, when it is
 * installed, and the test drives that tab. It listens to no message and takes nothing from anyone.
 * entrypoints/background.ts calls it only in that build, so the release neither holds nor calls it
 * (scripts/e2e-firefox.ts checks that the release build lacks it).
 */
import { browser } from 'wxt/browser';

export const TEST_BUILD_MARKER = 'BzCtrl Reporter test build: opening the form in a tab';

export function registerTestBuildHook(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    console.info(TEST_BUILD_MARKER);
    void browser.tabs.create({ url: browser.runtime.getURL('/popup.html'), active: true });
  });
}
