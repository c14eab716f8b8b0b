/**
 * Page rules' URL patterns: browser match patterns ("https://tos.example.com/*",
 * "*://*.example.com/orders/*") or a plain host ("tos.example.com"). A pattern's "*" is matched
 * by a glob matcher that never backtracks: nothing here turns a rule's text into a RegExp. Apart
 * from site-rules.ts, so that what only checks or matches patterns (the worker, the options page)
 * brings none of the reader.
 */
import { MAX_URL_LENGTH } from './url-limits';

/** "*", "*.example.com", "tos.example.com", "localhost", "127.0.0.1", each with an optional port. */
const HOST = /^(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}))?$/i;
const MATCH_PATTERN = /^(\*|https?):\/\/([^/]*)(\/.*)?$/i;

interface UrlPattern {
  schemes: readonly string[];
  host: string;
  port: string | undefined;
  /** The path and query, where "*" is any run of characters. */
  path: string;
}

export function parseUrlPattern(pattern: string): UrlPattern | undefined {
  const text = pattern.trim();
  const match = MATCH_PATTERN.exec(text);
  const [, scheme = '*', hostPart = text, path = '/*'] = match ?? [];
  if (!match && text.includes('/')) return undefined;
  const host = HOST.exec(hostPart);
  if (!host?.[1]) return undefined;
  return {
    schemes: scheme === '*' ? ['http', 'https'] : [scheme.toLowerCase()],
    host: host[1].toLowerCase(),
    port: host[2],
    path,
  };
}

export function matchesUrlPattern(pattern: string, url: string): boolean {
  const parsed = parseUrlPattern(pattern);
  let address: URL;
  try {
    address = new URL(url.slice(0, MAX_URL_LENGTH));
  } catch {
    return false;
  }
  if (!parsed?.schemes.includes(address.protocol.slice(0, -1))) return false;
  if (parsed.port !== undefined && parsed.port !== address.port) return false;
  return (
    hostMatches(parsed.host, address.hostname) && matchesGlob(parsed.path, address.pathname + address.search)
  );
}

/** "*" is any host; "*.example.com" is example.com and its subdomains. */
function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.startsWith('*.')) return hostname === pattern;
  const domain = pattern.slice(2);
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/**
 * Whether `text` matches `glob`, where "*" is any run of characters. Each piece between stars is
 * looked for once, left to right, where the last one ended (the leftmost place is always the best
 * one), so the time is linear in the text whatever the number of stars.
 */
export function matchesGlob(glob: string, text: string): boolean {
  const pieces = glob.split('*');
  const first = pieces.shift() ?? '';
  const last = pieces.pop();
  if (last === undefined) return text === first;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) {
    return false;
  }
  const end = text.length - last.length;
  let at = first.length;
  for (const piece of pieces) {
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/**
 * The pattern as a browser match pattern, for the right-click menu's `documentUrlPatterns`, or
 * undefined where it makes none. Firefox's match patterns take no port (bug 1362809): there the
 * menu item shows on every port of the host, and the form's own matching is the exact one.
 */
export function toMatchPattern(pattern: string, withPort: boolean): string | undefined {
  const parsed = parseUrlPattern(pattern);
  if (!parsed) return undefined;
  const scheme = parsed.schemes.length > 1 ? '*' : parsed.schemes[0];
  const port = withPort && parsed.port !== undefined ? `:${parsed.port}` : '';
  const path = parsed.path.startsWith('/') ? parsed.path : `/${parsed.path}`;
  return `${scheme}://${parsed.host}${port}${path}`;
}
