/**
 * A page rule's regex checked against RE2's syntax without RE2 itself (46 kB gzip), so that rules
 * can be checked wherever they are read, the popup and the background included. It names what RE2
 * refuses in a regex written for JavaScript (lookaround, backreferences, escapes RE2 lacks), the
 * usual mistakes of any syntax, and counts the capture groups. It never refuses what RE2 takes; the
 * little it lets through that RE2 refuses (an unknown Unicode class name, a repeat of repeats over
 * 1,000, an expression too large) makes a rule that finds nothing. No JavaScript RegExp is built
 * from the rule: the scan is one pass over it.
 */

/** Why a rule's regex cannot be used. */
export type RegexProblem =
  | { problem: 'syntax'; detail: string }
  /** JavaScript has these, RE2 has not: they are what needs backtracking. */
  | { problem: 'lookaround' }
  | { problem: 'backreference' }
  | { problem: 'no-group' };

const LOOKAROUND = /\(\?<?[=!]/y;
const NAMED_BACKREFERENCE = /\(\?P=/y;
const NAMED_GROUP = /\(\?P?<([A-Za-z0-9_]+)>/y;
const NAMED_GROUP_START = /\(\?P?</y;
/** "(?i)", "(?s-m:", "(?:": flags for the rest of the group, or a group that captures nothing. */
const FLAGS = /\(\?([imsU]*(?:-[imsU]+)?)([:)])/y;
const REPEAT = /(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})\??/y;
const MAX_REPEAT = 1000;
const HEX_ESCAPE = /x(?:[0-9A-Fa-f]{2}|\{([0-9A-Fa-f]+)\})/y;
const OCTAL_ESCAPE = /(?:0[0-7]{0,2}|[1-7][0-7]{1,2})/y;
const UNICODE_CLASS = /[pP](?:[CLMNPSZ]|\{\^?[A-Za-z_]+\})/y;
const POSIX_CLASSES = new Set(
  'alnum alpha ascii blank cntrl digit graph lower print punct space upper word xdigit'.split(' '),
);

/** The problem with `source` as a page rule's regex (RE2 syntax, one capture group), if any. */
export function regexProblem(source: string): RegexProblem | undefined {
  let groups = 0;
  let open = 0;
  const names = new Set<string>();
  /** What a repetition operator here would repeat: nothing (start, "(", "|"), an atom, a repetition. */
  let before: 'nothing' | 'atom' | 'repetition' = 'nothing';
  for (let at = 0; at < source.length; ) {
    const character = source[at];
    let next: number | RegexProblem;
    if (character === '\\') {
      next = escapeEnd(source, at, false);
      // "\Q\E" quotes nothing, which is nothing to repeat.
      before = source.startsWith('\\Q\\E', at) ? before : 'atom';
    } else if (character === '[') {
      next = classEnd(source, at);
      before = 'atom';
    } else if (character === '(') {
      if (matchesAt(LOOKAROUND, source, at)) return { problem: 'lookaround' };
      if (matchesAt(NAMED_BACKREFERENCE, source, at)) return { problem: 'backreference' };
      const named = execAt(NAMED_GROUP, source, at);
      const flags = named ? null : execAt(FLAGS, source, at);
      if (named?.[1]) {
        if (names.has(named[1])) return syntax('duplicate capture group name', named[1]);
        names.add(named[1]);
        groups++;
        open++;
        next = at + named[0].length;
      } else if (matchesAt(NAMED_GROUP_START, source, at)) {
        return syntax('invalid named capture', source.slice(at, source.indexOf('>', at) + 1 || undefined));
      } else if (flags) {
        if (flags[2] === ':') open++;
        next = at + flags[0].length;
      } else if (source[at + 1] === '?') {
        return syntax('invalid or unsupported Perl syntax', source.slice(at, at + 3));
      } else {
        groups++;
        open++;
        next = at + 1;
      }
      before = 'nothing';
    } else if (character === ')') {
      if (open === 0) return syntax('unexpected )', source);
      open--;
      next = at + 1;
      before = 'atom';
    } else if (character === '|') {
      next = at + 1;
      before = 'nothing';
    } else {
      const repeat = execAt(REPEAT, source, at);
      if (repeat) {
        const problem = repetitionProblem(repeat, before);
        if (problem) return problem;
        next = at + repeat[0].length;
        before = 'repetition';
      } else {
        next = at + 1;
        before = 'atom';
      }
    }
    if (typeof next !== 'number') return next;
    at = next;
  }
  if (open > 0) return syntax('missing closing )', source);
  return groups > 0 ? undefined : { problem: 'no-group' };
}

function repetitionProblem(repeat: RegExpExecArray, before: string): RegexProblem | undefined {
  const [operator, min, comma, max] = repeat;
  if (before === 'nothing') return syntax('missing argument to repetition operator', operator);
  if (before === 'repetition') return syntax('invalid nested repetition operator', operator);
  if (min === undefined) return undefined;
  const upper = comma === undefined ? Number(min) : max ? Number(max) : Number(min);
  if (Number(min) > MAX_REPEAT || upper > MAX_REPEAT || Number(min) > upper) {
    return syntax('invalid repeat count', operator);
  }
  return undefined;
}

/** Where the escape at `at` ends, or why RE2 refuses it. */
function escapeEnd(source: string, at: number, inClass: boolean): number | RegexProblem {
  const escaped = source[at + 1];
  if (escaped === undefined) return syntax('trailing backslash at end of expression');
  const octal = execAt(OCTAL_ESCAPE, source, at + 1);
  if (octal) return at + 1 + octal[0].length;
  // "\1" alone is a backreference to JavaScript; "\12" is octal to RE2.
  if ((escaped >= '1' && escaped <= '9') || escaped === 'k') return { problem: 'backreference' };
  if (escaped === 'Q' && !inClass) {
    const end = source.indexOf('\\E', at + 2);
    return end < 0 ? source.length : end + 2;
  }
  const hex = execAt(HEX_ESCAPE, source, at + 1);
  if (hex && (hex[1] === undefined || Number.parseInt(hex[1], 16) <= 0x10ffff)) {
    return at + 1 + hex[0].length;
  }
  const unicodeClass = execAt(UNICODE_CLASS, source, at + 1);
  if (unicodeClass) return at + 1 + unicodeClass[0].length;
  if (escaped === 'p' || escaped === 'P')
    return syntax('invalid character class range', source.slice(at, at + 3));
  const known = 'dDsSwWaftnrv'.includes(escaped) || (!inClass && 'bBAz'.includes(escaped));
  // Any ASCII punctuation (or space) may be escaped; letters, digits and the rest may not.
  const punctuation = escaped < '\u0080' && !/[A-Za-z0-9]/.test(escaped);
  return known || punctuation ? at + 2 : syntax('invalid escape sequence', `\\${escaped}`);
}

/** Where the character class opened at `at` ends, or why RE2 refuses it. */
function classEnd(source: string, at: number): number | RegexProblem {
  let index = source[at + 1] === '^' ? at + 2 : at + 1;
  // "]" first in the class is a literal "]".
  for (let first = true; index < source.length; first = false) {
    const character = source[index];
    if (character === ']' && !first) return index + 1;
    if (source.startsWith('[:', index)) {
      const end = source.indexOf(':]', index + 2);
      if (end >= 0) {
        const name = source.slice(index + 2, end).replace(/^\^/, '');
        if (!POSIX_CLASSES.has(name))
          return syntax('invalid character class range', source.slice(index, end + 2));
        index = end + 2;
        continue;
      }
    }
    if (character === '\\') {
      const end = escapeEnd(source, index, true);
      if (typeof end !== 'number') return end;
      index = end;
      continue;
    }
    const low = source.codePointAt(index) ?? 0;
    const lowEnd = index + (low > 0xffff ? 2 : 1);
    const high = source.codePointAt(lowEnd + 1);
    // A range of two plain characters: "a-z". A range to an escape ("a-\x{7a}") is not checked.
    if (source[lowEnd] === '-' && high !== undefined && !']\\'.includes(source[lowEnd + 1] ?? '')) {
      if (high < low) return syntax('invalid character class range', source.slice(index, lowEnd + 2));
      index = lowEnd + 1 + (high > 0xffff ? 2 : 1);
      continue;
    }
    index = lowEnd;
  }
  return syntax('missing closing ]', source.slice(at));
}

function syntax(error: string, text?: string): RegexProblem {
  return { problem: 'syntax', detail: text === undefined ? error : `${error}: \`${text}\`` };
}

function execAt(pattern: RegExp, source: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(source);
}

function matchesAt(pattern: RegExp, source: string, at: number): boolean {
  return execAt(pattern, source, at) !== null;
}
