/**
 * Site rules: an administrator's selector or regex for a screen the built-in reading gets wrong.
 * Their URL patterns are browser match patterns ("https://tos.example.com/*", "*://*.example.com/orders/*")
 * or a plain host ("tos.example.com").
 *
 * Nothing here turns a rule's text into a JavaScript RegExp: a pattern's "*" is matched by a glob
 * matcher that never backtracks, and a rule's regex is not run here at all. The reader hands back
 * the text it is to run on, and lib/read-tab.ts runs it with RE2, in linear time, outside the page.
 */
import { textOfElement } from './elements';
import { FIELDS } from './labels';
import type { Field, FieldRule, FrameReading, RuleFinding, SiteRule } from './types';
import { MAX_URL_LENGTH } from './url-values';
import { valueFor } from './values';

/**
 * The most text a rule's regex runs on: the start of the page's rendered text, or of the selected
 * element's text. Far more than a screen shows; a log of megabytes is not read to its end.
 */
export const PAGE_TEXT_LIMIT = 200_000;

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

/** What the rules for `url` point at, in the order of the rules, and the page text their regexes need. */
export function findByRules(
  document: Document,
  url: string,
  rules: readonly SiteRule[],
): Pick<FrameReading, 'ruleFindings' | 'pageText'> {
  const ruleFindings: RuleFinding[] = [];
  let needsPageText = false;
  for (const rule of rules) {
    if (!matchesUrlPattern(rule.urlPattern, url)) continue;
    for (const field of FIELDS) {
      const fieldRule = rule[field];
      const finding = fieldRule && findByRule(document, field, fieldRule);
      if (!finding) continue;
      ruleFindings.push({ field, context: rule.urlPattern, ...finding });
      needsPageText ||= 'regex' in finding && finding.text === undefined;
    }
  }
  if (!needsPageText) return { ruleFindings };
  // The text as the operator sees it, which is what a rule's author writes the regex against.
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point, and it is read once
  const pageText = (document.body?.innerText ?? '').slice(0, PAGE_TEXT_LIMIT);
  return { ruleFindings, pageText };
}

type FindingOfRule = { value: string } | { regex: string; text?: string };

/** Selector first: its element's value, or its text for the regex; without a selector, the page text. */
function findByRule(document: Document, field: Field, rule: FieldRule): FindingOfRule | undefined {
  if (!rule.selector) return rule.regex ? { regex: rule.regex } : undefined;
  const element = selectSafely(document, rule.selector);
  if (!element) return undefined;
  const text = textOfElement(element);
  if (rule.regex) return { regex: rule.regex, text: text.slice(0, PAGE_TEXT_LIMIT) };
  const value = valueFor(field, text);
  return value ? { value } : undefined;
}

function selectSafely(document: Document, selector: string): Element | null {
  try {
    return document.querySelector(selector);
  } catch {
    return null;
  }
}
