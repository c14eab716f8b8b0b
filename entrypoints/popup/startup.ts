/**
 * Everything the popup needs to show its form, asked for the moment its script runs, before React
 * is loaded: the tab it is about, the page's reading of that tab (the slowest: it goes to the page
 * and back), the settings, the account, the menu's selection and a draft to restore. Each read
 * starts as soon as what it depends on is there; the popup draws its form once the quick ones are in,
 * with the reading when it has come by then (it usually has: React takes longer to load).
 * No React here: this module is what the popup's entry loads first.
 */

import { browser } from 'wxt/browser';
import type { Draft } from '@/lib/drafts';
import { chooseDraft, draftsOfTab } from '@/lib/drafts';
import {
  EARLY_READING_KEY,
  type EarlyReading,
  startReading,
  type TabsAndScripting,
} from '@/lib/early-reading';
import { type Launch, takeLaunch } from '@/lib/launch';
import { mergeReadings } from '@/lib/page/candidates';
import { valuesFromSelection } from '@/lib/page/selection';
import type { Candidate, PageReading } from '@/lib/page/types';
import type { PageOrigin } from '@/lib/presets/apply';
import { loadPresets } from '@/lib/presets/in-force';
import type { PresetInForce } from '@/lib/presets/preset';
import { NOTHING_READ, readTab, type TabReading } from '@/lib/read-tab';
import {
  type Account,
  currentAccount,
  lastEmailItem,
  loadSettingsAndLocks,
  type Settings,
} from '@/lib/settings';

/** What the form starts from. */
export interface Essentials {
  settings: Settings;
  account: Account | null;
  lastEmail: string;
  tabId: number | null;
  /** A draft of this tab (for the menu's service order, if it brought one), to restore. */
  draft: Draft | undefined;
  /** The presets in force, the organisation's first. */
  presets: PresetInForce[];
  /** The preset the right-click menu's item named, if it named one. */
  launchPresetId: string | undefined;
  /** Whether the organisation sets the workspace: then only its own presets send elsewhere. */
  workspaceLocked: boolean;
}

export interface StartupState {
  /** Undefined until the quick reads are in. */
  essentials?: Essentials;
  /** The page's values (the menu's selection first); NOTHING_READ until they come. */
  reading: PageReading;
  /** Whether the page reading is over (it may have found nothing). */
  pageRead: boolean;
  /** The page's address and title, once read: presets match on it, the origin line names it. */
  page?: PageOrigin | undefined;
}

export interface Startup {
  subscribe(listener: () => void): () => void;
  getSnapshot(): StartupState;
  /** Reads the tab again (a page rule was just picked). */
  readAgain(): void;
}

/** Starts every read now; the state fills in as they come. */
export function startPopup(search: string): Startup {
  let state: StartupState = { reading: NOTHING_READ, pageRead: false };
  const listeners = new Set<() => void>();
  const update = (next: Partial<StartupState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  // Started by the popup's plain first script, before this module loaded; else now.
  const early =
    (globalThis as { [EARLY_READING_KEY]?: Promise<EarlyReading> })[EARLY_READING_KEY] ??
    startReading(browser as unknown as TabsAndScripting, search);
  const tabRead = early.then(({ tabId }) => tabId ?? null);
  // The address the browser gives at once: presets match on it before the page's reading comes.
  void early.then(({ page }) => {
    if (page && !state.page) update({ page });
  });
  const readPage = (tabId: number | null, started?: EarlyReading['frames']): Promise<TabReading> => {
    if (tabId === null) return Promise.resolve(NOTHING_READ);
    return readTab(tabId, { started }).finally(() => performance.mark('bzctrl:reading-received'));
  };
  const pageRead = early.then(({ tabId, frames }) => readPage(tabId ?? null, frames));
  const launchRead = tabRead.then((id) => (id === null ? undefined : takeLaunch(id)));
  const locksRead = loadSettingsAndLocks();
  const settingsRead = locksRead.then(({ settings }) => settings);

  void Promise.all([
    settingsRead,
    currentAccount(settingsRead),
    lastEmailItem.getValue(),
    tabRead,
    // The tab's drafts are read beside the menu's note, not after it.
    Promise.all([tabRead.then(draftsOfTab), launchRead]).then(([drafts, launch]) =>
      chooseDraft(drafts, launch && valuesFromSelection(launch.selection).serviceOrder),
    ),
    loadPresets(),
    launchRead,
    locksRead,
  ]).then(([settings, account, lastEmail, tabId, draft, presets, launch, { locked }]) => {
    performance.mark('bzctrl:essentials-read');
    const launchPresetId = launch?.presetId;
    const workspaceLocked = locked.includes('domain') || locked.includes('workspace');
    update({
      essentials: { settings, account, lastEmail, tabId, draft, presets, launchPresetId, workspaceLocked },
    });
  });
  // The menu's selection fills the form at once; the page's reading follows. Where the page itself
  // showed the selection, its reading (with the label beside it) is the one that counts.
  void launchRead.then((launch) => {
    if (launch && !state.pageRead) update({ reading: readingOfLaunch(launch) });
  });
  void Promise.all([launchRead, pageRead]).then(([launch, page]) =>
    update({
      reading: page.selection || !launch ? page : mergeReadings([readingOfLaunch(launch), page]),
      pageRead: true,
      page: page.page ?? state.page,
    }),
  );

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    readAgain() {
      void tabRead
        .then((tabId) => readPage(tabId))
        .then((reading) => update({ reading, page: reading.page }));
    },
  };
}

/** The menu's or the shortcut's selection, read by the one selection rule (without the page's labels). */
function readingOfLaunch(launch: Launch): PageReading {
  const found = valuesFromSelection(launch.selection);
  const candidate = (value: string | undefined): Candidate[] =>
    value ? [{ value, source: 'selection', context: `“${launch.selection}”` }] : [];
  return { serviceOrder: candidate(found.serviceOrder), lrn: candidate(found.lrn) };
}
