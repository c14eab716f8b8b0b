/**
 * The sites the extension may be given access to, and what to ask for. The manifest's host
 * permissions are BzCtrl's own; everything else is optional, asked for on the user's click: any
 * https site, and plain http only on this computer (a sandbox, a local test server).
 */
import { parseUrlPattern } from './page/url-patterns';

export const BZCTRL_HOSTS = ['https://bzctrl.com/*', 'https://*.bzctrl.com/*'];
export const OPTIONAL_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * The host permissions that let the extension read the pages a page rule's URL pattern covers,
 * each one within OPTIONAL_HOSTS (the browser refuses to ask for anything else). Without a port
 * ("http://127.0.0.1:8080/*" asks for "http://127.0.0.1/*"): Firefox's patterns have none, and
 * Chrome's match every port without one. Plain http on another host cannot be asked for: [].
 */
export function accessPatternsFor(urlPattern: string): string[] {
  const parsed = parseUrlPattern(urlPattern);
  if (!parsed) return [];
  return parsed.schemes.flatMap((scheme) =>
    scheme === 'https' || LOOPBACK_HOSTS.has(parsed.host) ? [`${scheme}://${parsed.host}/*`] : [],
  );
}
