// What the popup starts from, for tests of its app: signed in, on tab 7, nothing read yet unless given.
import type { Essentials, Startup, StartupState } from '@/entrypoints/popup/startup';
import { EARLY_READING_KEY, type EarlyReading } from '@/lib/early-reading';
import { readFrame } from '@/lib/page/read-frame';
import { NOTHING_READ } from '@/lib/read-tab';
import { DEFAULT_SETTINGS } from '@/lib/settings';

export const EMAIL = 'operator@example.com';

export function startupWith(essentials: Partial<Essentials>, reading = NOTHING_READ): Startup {
  const state: StartupState = {
    essentials: {
      settings: { ...DEFAULT_SETTINGS, domain: 'IMP-NLD-EXA-SWA', workspace: 'SWA' },
      account: { email: EMAIL, tokenUrl: 'https://bzctrl.com/bzctrl-core-api/oauth/token' },
      lastEmail: '',
      tabId: 7,
      draft: undefined,
      presets: [],
      launchPresetId: undefined,
      workspaceLocked: false,
      ...essentials,
    },
    reading,
    pageRead: true,
  };
  return { subscribe: () => () => {}, getSnapshot: () => state, readAgain: async () => {} };
}

export const SCREEN_URL = 'https://tos.example.com/orders/1';

/** The page reader's result from tab 7's one frame, its page showing `serviceOrder` (in the test's DOM). */
export function framesShowing(serviceOrder: string) {
  document.body.innerHTML = `<dl><dt>Service order</dt><dd>${serviceOrder}</dd></dl>`;
  return [{ frameId: 0, documentId: 'screen', result: readFrame({ document, url: SCREEN_URL }) }];
}

/** The reading of tab 7, showing `serviceOrder`, as the popup's plain first script leaves it started. */
export function readingStartedOn(serviceOrder: string): void {
  const early: EarlyReading = { tabId: 7, frames: Promise.resolve(framesShowing(serviceOrder)) };
  Object.assign(globalThis, { [EARLY_READING_KEY]: Promise.resolve(early) });
}
