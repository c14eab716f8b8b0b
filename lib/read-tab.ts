/**
 * Reads the service order and LRN from a tab the user asked about, by injecting the page reader
 * into it (allowed by activeTab after the user's click, shortcut or menu choice), and, when there
 * are page rules, the rules script beside it. Extension pages only (the popup, the options page): a
 * rule's regex runs here, with RE2, on the bounded text the rules script hands back, never in the
 * page; the selection and the address are read here too (lib/page/read-page.ts).
 */
import { browser } from 'wxt/browser';
import { PAGE_READER } from './early-reading';
import { CandidateList } from './page/candidates';
import { NOTHING_READ, rankReadings } from './page/read-page';
import type { FrameReading, PageReading, RuleReading, SiteRule } from './page/types';
import type { PageOrigin } from './presets/apply';
import { loadSiteRules } from './settings';

const PAGE_RULES = '/page-rules.js';
const PAGE_SELECTION = '/page-selection.js';

export { NOTHING_READ };

/** A tab's reading, the text selected in it when the page reader saw one, and the page it read. */
export interface TabReading extends PageReading {
  selection?: string;
  page?: PageOrigin;
}

interface ReadOptions {
  /** The rules to apply; the user's and the organisation's saved rules when left out. */
  rules?: SiteRule[];
  /** The page reader's results, when its injection was started already (lib/early-reading.ts). */
  started?: Promise<InjectionResult[] | undefined>;
}

type InjectionResult = { frameId?: number; result?: unknown };

export async function readTab(tabId: number, options: ReadOptions = {}): Promise<TabReading> {
  const target = { tabId, allFrames: true };
  try {
    const rulesRead = (options.rules ? Promise.resolve(options.rules) : loadSiteRules()).then((rules) =>
      rules.length > 0 ? findByRulesIn(target, rules) : [],
    );
    const readerRun = options.started ?? browser.scripting.executeScript({ target, files: [PAGE_READER] });
    let top: FrameReading | undefined;
    const [frames, ruleFrames] = await Promise.all([
      readerRun.then((results) => {
        // The page may not be read: the browser's own, the web store, or no grant.
        if (!results) throw new Error('not read');
        top = results.find((frame) => (frame.frameId ?? 0) === 0)?.result as FrameReading | undefined;
        return withLabelsOfSelections(tabId)(results);
      }),
      rulesRead,
    ]);
    const reading = await readingOfFrames(frames, ruleFrames);
    const selection = frames.find((frame) => frame.selection)?.selection?.text;
    // The top frame's address and title are the page's (a frame's are not).
    const page = top?.url ? { url: top.url, title: top.title ?? '' } : undefined;
    return { ...reading, ...(selection && { selection }), ...(page && { page }) };
  } catch {
    // Pages the extension may not read: the browser's own, the web store, or no grant.
    return NOTHING_READ;
  }
}

async function findByRulesIn(
  target: { tabId: number; allFrames: boolean },
  rules: SiteRule[],
): Promise<RuleReading[]> {
  await browser.scripting.executeScript({
    target,
    func: (siteRules: SiteRule[]) => {
      Object.assign(globalThis, { bzctrlSiteRules: siteRules });
    },
    args: [rules],
  });
  const results = await browser.scripting.executeScript({ target, files: [PAGE_RULES] });
  return resultsOf<RuleReading>(results);
}

/**
 * The frames' readings, each selection with the label the page shows beside it, asked of the frame
 * that holds it (only then: the page reader stays small without it).
 */
function withLabelsOfSelections(tabId: number) {
  return async (results: readonly InjectionResult[]): Promise<FrameReading[]> => {
    const frames = [...results].sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0));
    const readings = frames.map(async ({ frameId = 0, result }): Promise<FrameReading | undefined> => {
      const reading = result as FrameReading | undefined;
      if (!reading?.selection) return reading;
      const label = await browser.scripting
        .executeScript({ target: { tabId, frameIds: [frameId] }, files: [PAGE_SELECTION] })
        .then(([frame]) => String(frame?.result ?? ''))
        .catch(() => '');
      return label ? { ...reading, selection: { ...reading.selection, label } } : reading;
    });
    return (await Promise.all(readings)).filter((reading) => reading !== undefined);
  };
}

/** The frames' results, the top frame first (among equals its values win); frames that gave none left out. */
function resultsOf<Result>(results: readonly { frameId?: number; result?: unknown }[]): Result[] {
  return [...results]
    .sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0))
    .flatMap((frame) => (frame.result ? [frame.result as Result] : []));
}

/** The tab's reading from its frames' and the rules' findings (top frame first), ranked. */
export async function readingOfFrames(
  frames: readonly FrameReading[],
  ruleFrames: readonly RuleReading[] = [],
): Promise<PageReading> {
  return rankReadings(frames, await valuesByRules(ruleFrames));
}

/**
 * What the page rules found, in the order of the frames and of the rules. RE2 (re2js, 46 kB gzip)
 * is loaded only when a rule has a regex to run.
 */
async function valuesByRules(frames: readonly RuleReading[]): Promise<PageReading> {
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
