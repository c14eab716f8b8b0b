/**
 * Test builds only: `WXT_E2E=1` (scripts/e2e-firefox.ts builds one into .output/firefox-mv2-e2e).
 * Firefox refuses a test driver's navigation to moz-extension:// pages, so a test build opens the
 * form in a tab by itself, once, when it is installed; the test then drives that tab. It listens to
 * no message and takes nothing from anyone. In any other build the condition is false at build time
 * and the bundler drops this code (scripts/e2e-firefox.ts checks that the release build lacks it).
 */
import { browser } from 'wxt/browser';

export const TEST_BUILD_MARKER = 'BzCtrl Reporter test build: opening the form in a tab';

export function registerTestBuildHook(): void {
  if (import.meta.env.WXT_E2E !== '1') return;
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    console.info(TEST_BUILD_MARKER);
    void browser.tabs.create({ url: browser.runtime.getURL('/popup.html'), active: true });
  });
}
