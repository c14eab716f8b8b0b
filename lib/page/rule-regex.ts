/**
 * Page rules' regular expressions, in RE2 syntax, run by re2js: its time grows linearly with the
 * text, so no rule (the user's or the policy's) can hang a page or the popup, however it is written.
 * Extension pages only: too big for the page reader, which hands back the text instead, and loaded
 * by lib/read-tab.ts only when a rule has a regex. Rules are checked at save by rule-syntax.ts.
 */
import { RE2JS } from 're2js';
import type { Field } from './types';
import { valueFor } from './values';

/**
 * The work one regex may do, as program size times characters (about 2 ns each at worst, measured):
 * an expression of up to 500 instructions runs on all the text it is given, a larger one on less.
 */
const WORK_BUDGET = 100_000_000;

/** The value the regex's first group captures in `text`, or "" (also when RE2 refuses the regex). */
export function valueByRegex(field: Field, source: string, text: string): string {
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(source);
  } catch {
    return '';
  }
  if (regex.groupCount() === 0) return '';
  const bounded = text.slice(0, Math.floor(WORK_BUDGET / Math.max(1, regex.programSize())));
  // Rendered text has no-break spaces where the page wrote &nbsp;, and RE2's \s is ASCII only.
  const match = regex.matcher(bounded.replaceAll('\u00a0', ' '));
  return match.find() ? valueFor(field, match.group(1)) : '';
}
