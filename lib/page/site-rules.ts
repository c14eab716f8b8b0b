/**
 * Site rules: an administrator's selector or regex for a screen the built-in reading gets wrong.
 * Their URL patterns are browser match patterns ("https://tos.example.com/*", "*://*.example.com/orders/*")
 * or a plain host ("tos.example.com").
 */
import type { FoundValue } from './candidates';
import { textOfElement } from './elements';
import { FIELDS } from './labels';
import type { FieldRule, SiteRule } from './types';
import { valueFor } from './values';

/** "*", "*.example.com", "tos.example.com", "localhost", "127.0.0.1", each with an optional port. */
const HOST = /^(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}))?$/i;
const MATCH_PATTERN = /^(\*|https?):\/\/([^/]*)(\/.*)?$/i;

interface UrlPattern {
  schemes: readonly string[];
  host: string;
  port: string | undefined;
  path: RegExp;
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
    path: new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`),
  };
}

export function matchesUrlPattern(pattern: string, url: string): boolean {
  const parsed = parseUrlPattern(pattern);
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return false;
  }
  if (!parsed?.schemes.includes(address.protocol.slice(0, -1))) return false;
  if (parsed.port !== undefined && parsed.port !== address.port) return false;
  return hostMatches(parsed.host, address.hostname) && parsed.path.test(address.pathname + address.search);
}

/** "*" is any host; "*.example.com" is example.com and its subdomains. */
function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.startsWith('*.')) return hostname === pattern;
  const domain = pattern.slice(2);
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/** Why a rule's regex cannot be used: it does not compile, or it captures nothing. */
export type RegexProblem = { problem: 'syntax'; detail: string } | { problem: 'no-group' };

/** The rule's regex, or why it cannot be used. */
export function compileRuleRegex(source: string): RegExp | RegexProblem {
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (error) {
    return { problem: 'syntax', detail: error instanceof Error ? error.message : String(error) };
  }
  // An empty alternative always matches, which shows how many groups the regex has.
  const groups = (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
  return groups > 0 ? regex : { problem: 'no-group' };
}

/** The values the rules for `url` point at, in the order of the rules. */
export function valuesFromRules(document: Document, url: string, rules: readonly SiteRule[]): FoundValue[] {
  const found: FoundValue[] = [];
  let pageText: string | undefined;
  const textOfPage = () => {
    // The text as the operator sees it, which is what a rule's author writes the regex against.
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point, and it runs once
    pageText ??= document.body?.innerText ?? '';
    return pageText;
  };
  for (const rule of rules) {
    if (!matchesUrlPattern(rule.urlPattern, url)) continue;
    for (const field of FIELDS) {
      const fieldRule = rule[field];
      const raw = fieldRule && valueByRule(document, fieldRule, textOfPage);
      if (raw) found.push({ field, value: valueFor(field, raw), context: rule.urlPattern });
    }
  }
  return found;
}

/** Selector first, then the regex on what it selected (or on the page text without a selector). */
function valueByRule(document: Document, rule: FieldRule, textOfPage: () => string): string {
  let text: string;
  if (rule.selector) {
    const element = selectSafely(document, rule.selector);
    if (!element) return '';
    text = textOfElement(element);
  } else if (rule.regex) {
    text = textOfPage();
  } else {
    return '';
  }
  if (!rule.regex) return text;
  const regex = compileRuleRegex(rule.regex);
  return regex instanceof RegExp ? (regex.exec(text)?.[1] ?? '') : '';
}

function selectSafely(document: Document, selector: string): Element | null {
  try {
    return document.querySelector(selector);
  } catch {
    return null;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
