/**
 * Site rules: an administrator's label, selector or regex for a screen the built-in reading gets wrong.
 * Their URL patterns (url-patterns.ts) are browser match patterns ("https://tos.example.com/*", "*://*.example.com/orders/*")
 * or a plain host ("tos.example.com").
 *
 * Nothing here turns a rule's text into a JavaScript RegExp: a pattern's "*" is matched by a glob
 * matcher that never backtracks, and a rule's regex is not run here at all. The reader hands back
 * the text it is to run on, and lib/read-tab.ts runs it with RE2, in linear time, outside the page.
 */
import { textOfElement } from './elements';
import { FIELDS } from './labels';
import { type LabelReader, valuesBesideLabels } from './page-values';
import type { Field, FieldRule, RuleFinding, RuleReading, SiteRule } from './types';
import { matchesUrlPattern } from './url-patterns';
import { cleanText, valueFor } from './values';

/**
 * The most text a rule's regex runs on: the start of the page's rendered text, or of the selected
 * element's text. Far more than a screen shows; a log of megabytes is not read to its end.
 */
export const PAGE_TEXT_LIMIT = 200_000;

/** What the rules for `url` point at, in the order of the rules, and the page text their regexes need. */
export function findByRules(document: Document, url: string, rules: readonly SiteRule[]): RuleReading {
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

/**
 * The label first (the value beside it); then the selector: its element's value, or its text for
 * the regex; without a selector, the page text.
 */
function findByRule(document: Document, field: Field, rule: FieldRule): FindingOfRule | undefined {
  const besideLabel = rule.label ? valuesBesideLabels(document, ruleLabel(field, rule.label))[0] : undefined;
  if (besideLabel) return { value: besideLabel.value };
  if (!rule.selector) return rule.regex ? { regex: rule.regex } : undefined;
  const element = selectSafely(document, rule.selector);
  if (!element) return undefined;
  const text = textOfElement(element);
  if (rule.regex) return { regex: rule.regex, text: text.slice(0, PAGE_TEXT_LIMIT) };
  const value = valueFor(field, text);
  return value ? { value } : undefined;
}

/** A label as rules hold it and pages are compared with it: no case, no trailing ":" or "*". */
export function ruleLabelKey(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/[\s:*#]+$/, '');
}

/**
 * The one label a rule anchors on, as the reader looks for labels: a text that is the label (or
 * begins it, when its holder shows the rest), compared as ruleLabelKey does. A plain string test,
 * never a RegExp made of the rule's text.
 */
export function ruleLabel(field: Field, label: string): LabelReader {
  const wanted = ruleLabelKey(label);
  const firstWord = wanted.split(' ')[0] ?? '';
  const gate = { test: (text: string) => text.toLowerCase().includes(firstWord) };
  return {
    gate,
    subtreeGate: gate,
    runningText: false,
    labelOf: (text) => {
      const key = ruleLabelKey(text);
      // The start of the label, up to a word's end: "lrn" of "lrn (bezugsnummer)", never "lr".
      if (!key || !wanted.startsWith(key) || /[\p{L}\d]/u.test(wanted.charAt(key.length))) return undefined;
      return { field, label, start: 0, end: text.length, partial: key !== wanted };
    },
  };
}

/** `document.querySelector`, where `a >>> b` finds `b` in the open shadow root of the element `a`. */
export function selectSafely(document: Document, selector: string): Element | null {
  let scope: Document | ShadowRoot | null | undefined = document;
  let element: Element | null = null;
  try {
    for (const part of selector.split('>>>')) {
      element = scope?.querySelector(part) ?? null;
      scope = element?.shadowRoot;
    }
    return element;
  } catch {
    return null;
  }
}
