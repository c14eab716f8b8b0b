/**
 * The one place that opens a URL in the browser. A BzCtrl link is opened only when it is trusted
 * (see isTrustedTaskLink); the other openers take no URL from anyone, only the extension's own pages.
 */
import { browser } from 'wxt/browser';
import { type Endpoints, endpointsFor, isTrustedTaskLink } from './bzctrl/environments';
import { loadSettings } from './settings';

/**
 * Opens a taskLink in a new tab when it is trusted for `server` (the server that answered with it;
 * by default the one in force now); returns whether it was opened.
 */
export async function openTaskLink(taskLink: string, server?: Endpoints): Promise<boolean> {
  if (!isTrustedTaskLink(taskLink, server ?? endpointsFor(await loadSettings()))) return false;
  await browser.tabs.create({ url: taskLink, active: true });
  return true;
}

const FORM_WINDOW = { width: 440, height: 680 };

/** The form in a small window of its own, about `tabId`; it stays open when the page is clicked. */
export async function openFormWindow(tabId: number | undefined): Promise<void> {
  const query = tabId === undefined ? '' : `?tabId=${tabId}`;
  await browser.windows.create({
    url: browser.runtime.getURL(`/popup.html${query}`),
    type: 'popup',
    ...FORM_WINDOW,
  });
}

/** The browser's own page where keyboard shortcuts of extensions are changed. */
export async function openShortcutSettings(): Promise<void> {
  const isFirefox = browser.runtime.getURL('/').startsWith('moz-extension:');
  await browser.tabs.create({ url: isFirefox ? 'about:addons' : 'chrome://extensions/shortcuts' });
}
