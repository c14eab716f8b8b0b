/**
 * Why a request to BzCtrl failed, as the browser tells it. `fetch` says only "Failed to fetch"
 * whether the connection was refused (nothing reached BzCtrl: safe to send again) or reset after
 * the request went out (BzCtrl may have created the item). webRequest.onErrorOccurred names the
 * error (`net::ERR_CONNECTION_REFUSED`, `NS_ERROR_UNKNOWN_HOST`, …), for hosts the extension has
 * access to: BzCtrl's own, and a sandbox or custom server the user gave access to. Where it has
 * none, nothing is known, and the failure counts as one that may have reached the server.
 */
import { browser } from 'wxt/browser';
import { neverLeft, setNetworkErrorExplainer } from '../bzctrl/client';

interface SeenError {
  url: string;
  error: string;
  at: number;
}

/** How long the explanation may take to arrive after fetch failed (they come by different ways). */
const WAIT_FOR_EXPLANATION_MS = 1000;
const KEEP_MS = 60_000;

const seen: SeenError[] = [];
const waiting = new Set<() => void>();

export function registerNetworkErrors(): void {
  // Only the extension's own requests: those of no tab (the worker's, the background page's).
  browser.webRequest.onErrorOccurred.addListener(
    (details) => {
      if (details.tabId !== -1) return;
      recordNetworkError(details.url, details.error, details.timeStamp);
    },
    { urls: ['<all_urls>'] },
  );
  setNetworkErrorExplainer(explainNetworkError);
}

export function recordNetworkError(url: string, error: string, at: number): void {
  const now = Date.now();
  while (seen.length > 0 && (seen[0]?.at ?? now) < now - KEEP_MS) seen.shift();
  seen.push({ url: normalized(url), error, at });
  for (const wake of waiting) wake();
}

/**
 * The error the browser reported for `url` since `since`, waiting a moment for it; undefined when
 * the extension has no access to the host (the browser reports nothing then) or none came.
 */
export async function explainNetworkError(url: string, since: number): Promise<string | undefined> {
  const address = normalized(url);
  // Timestamps come from another process: a little leeway. An error that may have come after the
  // request went out counts over one that says it never left: the safe side. An error explains
  // one request only: taken, it is gone.
  const found = () => {
    const candidates = seen.filter((entry) => entry.url === address && entry.at >= since - 50);
    const chosen = candidates.find((entry) => !neverLeft(entry.error)) ?? candidates.at(-1);
    if (chosen) seen.splice(seen.indexOf(chosen), 1);
    return chosen?.error;
  };
  const already = found();
  if (already) return already;
  if (!(await mayObserve(url))) return undefined;
  // It may have come while the permission was looked up.
  const meanwhile = found();
  if (meanwhile) return meanwhile;
  return new Promise((resolve) => {
    const finish = (error: string | undefined) => {
      waiting.delete(check);
      clearTimeout(timer);
      resolve(error);
    };
    const check = () => {
      const error = found();
      if (error) finish(error);
    };
    const timer = setTimeout(() => finish(found()), WAIT_FOR_EXPLANATION_MS);
    waiting.add(check);
  });
}

async function mayObserve(url: string): Promise<boolean> {
  try {
    const { protocol, hostname } = new URL(url);
    return await browser.permissions.contains({ origins: [`${protocol}//${hostname}/*`] });
  } catch {
    return false;
  }
}

function normalized(url: string): string {
  return URL.canParse(url) ? new URL(url).href : url;
}
