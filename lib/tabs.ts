/**
 * The one place that opens a URL in the browser. A BzCtrl link is opened only when it is trusted
 * (see isTrustedTaskLink); everything else is refused here, whoever asks.
 */
import { browser } from 'wxt/browser';
import { isTrustedTaskLink } from './bzctrl/environments';
import { loadSettings } from './settings';

/** Opens a taskLink in a new tab when it is trusted; returns whether it was opened. */
export async function openTaskLink(taskLink: string): Promise<boolean> {
  if (!isTrustedTaskLink(taskLink, await loadSettings())) return false;
  await browser.tabs.create({ url: taskLink, active: true });
  return true;
}
