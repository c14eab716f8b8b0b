/** The reader's public types: what it finds on a page and the site rules that guide it. */

/** Where a value was found, best first: selection > site-rule > page > url > title. */
export type ValueSource = 'selection' | 'site-rule' | 'page' | 'url' | 'title';

export interface Candidate {
  value: string;
  source: ValueSource;
  /**
   * Where on the page, in the page's own words (no text of ours, so the reader stays free of any
   * language): the label, e.g. "Ordernummer", the URL part "?serviceOrder=", or the rule's pattern.
   */
  context?: string;
  /** In a grid: the selected row, or the row's number when none is selected. */
  row?: GridRow;
}

export type GridRow = number | 'selected';

/** Best first, no duplicate values, at most 8 each. */
export interface PageReading {
  serviceOrder: Candidate[];
  lrn: Candidate[];
}

/** The two values the reader looks for. */
export type Field = keyof PageReading;

/**
 * Where a rule finds a field's value: beside a label the page shows (`label`, as the page picker
 * saves it: the value beside it, or in its column's selected row), a CSS selector (the element's
 * input value or text; `>>>` steps into a web component's open shadow root), or a regular
 * expression (RE2 syntax) with one capture group run on the page text. With a selector and a
 * regex, the regex runs on the selected element's text.
 */
export interface FieldRule {
  label?: string;
  selector?: string;
  regex?: string;
}

export interface SiteRule {
  /** A match pattern ("https://tos.example.com/*", "*://*.example.com/orders/*") or a plain host. */
  urlPattern: string;
  serviceOrder?: FieldRule;
  lrn?: FieldRule;
}

/**
 * What a page rule points at on the page: the value its selector gives, or the text its regex is to
 * run on. The page never runs a rule's regex: lib/read-tab.ts does, with RE2, in the extension page.
 */
export type RuleFinding =
  | { field: Field; context: string; value: string }
  /** Without `text`, the regex runs on the frame's `pageText`. */
  | { field: Field; context: string; regex: string; text?: string };

/** What the page rules point at in one frame (entrypoints/page-rules.ts), in the order of the rules. */
export interface RuleReading {
  ruleFindings: RuleFinding[];
  /** The page's rendered text, cut to PAGE_TEXT_LIMIT characters, when a rule's regex runs on it. */
  pageText?: string;
}

/** The selected text of a frame, cleaned, and the label the page shows beside it. */
export interface FrameSelection {
  text: string;
  label?: string;
}

/**
 * What the page reader hands back from one frame: the page's and the title's values, ranked; its
 * address (read, with the selection, by the extension page: lib/page/read-page.ts).
 */
export interface FrameReading extends PageReading {
  url: string;
  title?: string;
  selection?: FrameSelection;
}

export interface ReadPageInput {
  document: Document;
  url: string;
  /** The text the user selected, if any: it wins over everything else. */
  selection?: string | undefined;
  /** Where the selection starts: the label beside it says what it is, its grid row is the one meant. */
  selectionNode?: Node | undefined;
}
