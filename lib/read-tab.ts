/**
 * Reads the service order and LRN from a tab the user asked about, by injecting the page reader
 * into it (allowed by activeTab after the user's click, shortcut or menu choice) with the user's
 * page rules. Extension pages only (the popup, the options page): a rule's regex runs here, with
 * RE2, on the bounded text the reader hands back, never in the page.
 */
import { browser } from 'wxt/browser';
import { CandidateList, mergeReadings } from './page/candidates';
import type { FrameReading, PageReading, SiteRule } from './page/types';
import { loadSiteRules } from './settings';

const PAGE_READER = '/page-reader.js';

export const NOTHING_READ: PageReading = { serviceOrder: [], lrn: [] };

interface ReadOptions {
  /** The rules to apply; the user's saved rules when left out. */
  rules?: SiteRule[];
  /** Wait up to a second for a page that is still rendering. */
  waitForValues?: boolean;
}

export async function readTab(tabId: number, options: ReadOptions = {}): Promise<PageReading> {
  let frames: FrameReading[];
  try {
    const target = { tabId, allFrames: true };
    await browser.scripting.executeScript({
      target,
      func: (rules: SiteRule[], waitForValues: boolean) => {
        Object.assign(globalThis, { bzctrlSiteRules: rules, bzctrlWaitForValues: waitForValues });
      },
      args: [options.rules ?? (await loadSiteRules()), options.waitForValues ?? false],
    });
    const results = await browser.scripting.executeScript({ target, files: [PAGE_READER] });
    // The top frame first, so that among equals its values win.
    frames = [...results]
      .sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0))
      .map((frame) => ({ ruleFindings: [], ...NOTHING_READ, ...(frame.result as FrameReading | undefined) }));
  } catch {
    // Pages the extension may not read: the browser's own, the web store, or no grant.
    return NOTHING_READ;
  }
  return readingOfFrames(frames);
}

/** The tab's reading from its frames' (top frame first): the rules' values and the frames' own, ranked. */
export async function readingOfFrames(frames: readonly FrameReading[]): Promise<PageReading> {
  return mergeReadings([await valuesByRules(frames), ...frames]);
}

/**
 * What the page rules found, in the order of the frames and of the rules. RE2 (re2js, 46 kB gzip)
 * is loaded only when a rule has a regex to run.
 */
async function valuesByRules(frames: readonly FrameReading[]): Promise<PageReading> {
  const candidates = new CandidateList();
  try {
    const needsRegex = frames.some((frame) => frame.ruleFindings.some((finding) => 'regex' in finding));
    const regexes = needsRegex ? await import('./page/rule-regex') : undefined;
    for (const frame of frames) {
      for (const finding of frame.ruleFindings) {
        const value =
          'regex' in finding
            ? (regexes?.valueByRegex(finding.field, finding.regex, finding.text ?? frame.pageText ?? '') ??
              '')
            : finding.value;
        candidates.add({ field: finding.field, value, context: finding.context }, 'site-rule');
      }
    }
  } catch {
    // RE2 could not be loaded: the built-in reading still stands.
  }
  return candidates.reading;
}

/** Reads at once; only a page that shows nothing yet is given time to render its values. */
export async function readTabSoon(tabId: number): Promise<PageReading> {
  const rules = await loadSiteRules();
  const now = await readTab(tabId, { rules });
  if (now.serviceOrder.length > 0 || now.lrn.length > 0) return now;
  return readTab(tabId, { rules, waitForValues: true });
}

/** The tab the form is about: `?tabId=N` when opened as a page, else the active tab. */
export async function targetTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
