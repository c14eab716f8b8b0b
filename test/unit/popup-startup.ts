// What the popup starts from, for tests of its app: signed in, on tab 7, nothing read yet unless given.
import type { Essentials, Startup, StartupState } from '@/entrypoints/popup/startup';
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
