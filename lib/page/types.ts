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
 * A CSS selector (the value is the element's input value or text), or a regular expression with
 * one capture group run on the page text. With both, the regex runs on the selected element's text.
 */
export interface FieldRule {
  selector?: string;
  regex?: string;
}

export interface SiteRule {
  /** A match pattern ("https://tos.example.com/*", "*://*.example.com/orders/*") or a plain host. */
  urlPattern: string;
  serviceOrder?: FieldRule;
  lrn?: FieldRule;
}

export interface ReadPageInput {
  document: Document;
  url: string;
  /** The text the user selected, if any: it wins over everything else. */
  selection?: string;
  rules?: SiteRule[];
}
