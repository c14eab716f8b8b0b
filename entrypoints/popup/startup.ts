/**
 * Everything the popup needs to show its form: the tab it is about, the page's reading of that tab
 * (the slowest: it goes to the page and back), the settings, the account, the menu's selection and a
 * draft to restore. The popup's first script asked for the reading and the stored data before React
 * loaded (lib/early-reading.ts, lib/early-storage.ts); the rest starts as soon as what it depends on
 * is there. The form is drawn once the stored data is in, with the page's values when the reading
 * follows within READING_AWAITED_MS, rather than drawn empty and then drawn again.
 * No React here: this module is what the popup's entry loads first.
 */

import { browser } from 'wxt/browser';
import type { Draft } from '@/lib/drafts';
import { chooseDraft, draftForPage, draftsOfTab } from '@/lib/drafts';
import {
  EARLY_READING_KEY,
  type EarlyReading,
  startReading,
  type TabsAndScripting,
} from '@/lib/early-reading';
import {
  answerFromEarlyStorage,
  EARLY_STORAGE_KEY,
  type EarlyStorage,
  type StorageApi,
} from '@/lib/early-storage';
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
  /** Reads the tab again (a page rule was just picked); done once the new reading is shown, or kept out. */
  readAgain(): Promise<void>;
}

/** How long the drawing of the form waits for the page's reading, once the rest is in. */
const READING_AWAITED_MS = 15;

/** Starts every read now; the state fills in as they come. */
export function startPopup(search: string): Startup {
  let state: StartupState = { reading: NOTHING_READ, pageRead: false };
  const listeners = new Set<() => void>();
  const update = (next: Partial<StartupState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  // The storage reads the first script asked for answer the reads below.
  const endEarlyStorage = answerFromEarlyStorage(
    browser as unknown as StorageApi,
    (globalThis as { [EARLY_STORAGE_KEY]?: EarlyStorage })[EARLY_STORAGE_KEY],
  );
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

  const essentialsRead = Promise.all([
    settingsRead,
    currentAccount(settingsRead),
    lastEmailItem.getValue(),
    tabRead,
    // The tab's drafts are read beside the menu's note, not after it.
    Promise.all([tabRead.then(draftsOfTab), launchRead]).then(async ([drafts, launch]) => {
      const brought = launch && valuesFromSelection(launch.selection).serviceOrder;
      if (brought || drafts.length === 0) return chooseDraft(drafts, brought);
      // A draft is restored only over its own service order: the page's reading says which one
      // the tab shows now (the form waits for it, as it mostly does anyway).
      await readingDone;
      return draftForPage(drafts, state.reading.serviceOrder[0]?.value);
    }),
    loadPresets(),
    launchRead,
    locksRead,
  ]).then(([settings, account, lastEmail, tabId, draft, presets, launch, { locked }]) => {
    performance.mark('bzctrl:essentials-read');
    const launchPresetId = launch?.presetId;
    const workspaceLocked = locked.includes('domain') || locked.includes('workspace');
    const essentials = {
      settings,
      account,
      lastEmail,
      tabId,
      draft,
      presets,
      launchPresetId,
      workspaceLocked,
    };
    // The form is drawn once, with the page's values in, when the reading follows soon; a slow
    // page gets an empty form first, filled when its reading comes.
    if (state.pageRead) update({ essentials });
    else {
      const draw = () => {
        if (!state.essentials) update({ essentials });
      };
      setTimeout(draw, READING_AWAITED_MS);
      void readingDone.then(draw, draw);
    }
  });
  // The menu's selection fills the form at once; the page's reading follows. Where the page itself
  // showed the selection, its reading (with the label beside it) is the one that counts.
  void launchRead.then((launch) => {
    if (launch && !state.pageRead) update({ reading: readingOfLaunch(launch) });
  });
  const showReading = (launch: Launch | undefined, page: TabReading) =>
    update({
      reading: page.selection || !launch ? page : mergeReadings([readingOfLaunch(launch), page]),
      pageRead: true,
      page: page.page ?? state.page,
    });
  const readingDone = Promise.all([launchRead, pageRead]).then(([launch, page]) => showReading(launch, page));
  // Only as long as the form's first reads take (the reading asked for its rules at its start):
  // a read after them, by a watcher say, is the browser's to answer.
  void essentialsRead.then(endEarlyStorage, endEarlyStorage);

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    readAgain() {
      // After the first reading, and like it with the menu's selection; a tab that can no longer be
      // read (navigated away from a pop-out window, say) leaves what was read as it was.
      return Promise.all([launchRead, readingDone, tabRead.then((tabId) => readPage(tabId))]).then(
        ([launch, , page]) => {
          if (page !== NOTHING_READ) showReading(launch, page);
        },
      );
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
