import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { BZCTRL_HOSTS, OPTIONAL_HOSTS } from './lib/host-access';

// BzCtrl's own hosts, and the optional ones (lib/host-access.ts). Sandbox and custom servers are
// reached through their CORS headers, or through an optional permission the options page asks for
// on the user's click.
const SANDBOX_API_HOST = 'http://localhost/*';

// Firefox only. A fixed id keeps storage and enterprise policies (ExtensionSettings) stable across
// installs. 140 is the first Firefox that knows data_collection_permissions (storage.session and
// scripting in MV2 need 115); with it, Firefox's own consent prompt is the one the policy asks for.
// The data: the BzCtrl sign-in (authenticationInfo), the reporter's and assignee's e-mail
// (personallyIdentifyingInfo) and the service order and LRN read from the page (websiteContent),
// sent only to the configured BzCtrl server, only when the user signs in or creates an item.
// A plain const, not a literal in place: WXT 0.21's manifest type does not know the key yet.
const GECKO = {
  id: 'bzctrl-reporter@bzctrl-reporter.app',
  strict_min_version: '140.0',
  data_collection_permissions: {
    required: ['authenticationInfo', 'personallyIdentifyingInfo', 'websiteContent'],
  },
};

/**
 * .gitignore as globs for the sources zip (`wxt zip -b firefox`): WXT 0.21 leaves out only
 * node_modules, dotfiles, tests and .output, so test-results/, coverage/ or a *.log would ship.
 */
function gitIgnoredGlobs(): string[] {
  const gitignore = new URL('.gitignore', import.meta.url);
  // The sources zip itself has no .gitignore (a dotfile), and a build from it must still work.
  if (!existsSync(gitignore)) return [];
  return readFileSync(gitignore, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
    .flatMap((line) => {
      const body = line.replace(/^\/|\/$/g, '');
      // A slash before the end anchors the pattern at the root; else it matches at any depth.
      const glob = line.slice(0, -1).includes('/') ? body : `**/${body}`;
      return line.endsWith('/') ? [`${glob}/**`] : [glob, `${glob}/**`];
    });
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  // We launch the browser ourselves (scripts/start.ts); web-ext-run crashes as root without a display.
  webExt: { disabled: true },
  // Builds come in WXT modes, each in a folder of its own (WXT's default, `{{browser}}-mv{{n}}` plus
  // `-<mode>` for any mode but production), so a non-release build is never loaded or zipped in
  // place of the release: `production` (the release), `sandbox` (`npm start`: starts on the local
  // sandbox, .env.sandbox) and `e2e` (the browser tests: the sandbox build plus the test hook of
  // lib/background/test-build.ts, .env.e2e).
  zip: { excludeSources: gitIgnoredGlobs() },
  hooks: {
    'zip:start': (wxt) => {
      if (wxt.config.mode !== 'production') {
        throw new Error(`Only the release is zipped: this is a "${wxt.config.mode}" build.`);
      }
    },
  },
  vite: () => ({
    build: {
      // Terser, two passes: a few percent smaller than esbuild's minifier, which keeps the page
      // reader (injected into operators' screens) within its 6 kB budget.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      // A lazily loaded part of the popup (history, sign-in, the outbox…) is a file of the extension
      // itself: the browser reads it as fast without a <link rel="modulepreload"> for each of its
      // imports, and each such link, added while React draws the form, cost the popup 2 to 4 ms on
      // its main thread. The pages' own HTML keeps its preloads.
      modulePreload: {
        resolveDependencies: (_file, dependencies, { hostType }) => (hostType === 'html' ? dependencies : []),
      },
      rollupOptions: {
        // zod's sources carry comments Rollup cannot place; harmless, and they bury real warnings.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  }),
  manifest: ({ browser, manifestVersion, mode }) => ({
    // Texts live in locales/<language>.yml; the browser picks the user's language, else English.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // webRequest: only to learn why a request to BzCtrl failed (lib/background/network-errors.ts).
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      'contextMenus',
      'alarms',
      'notifications',
      'webRequest',
    ],
    // A sandbox or test build talks to the sandbox as the release talks to BzCtrl: with access to
    // its host. The sandbox's API is on localhost; the operational screens it and the tests serve
    // are on 127.0.0.1, reached only through the user's gesture, as any other page.
    host_permissions: mode === 'production' ? BZCTRL_HOSTS : [...BZCTRL_HOSTS, SANDBOX_API_HOST],
    // MV2 has no optional_host_permissions (WXT drops the key): there, origins are optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: OPTIONAL_HOSTS }
      : { optional_host_permissions: OPTIONAL_HOSTS }),
    action: { default_title: '__MSG_extName__' },
    commands: {
      // MV2 names the toolbar button's command after browser_action; WXT does not rename it.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commands_openForm__',
      },
      'create-from-selection': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commands_createFromSelection__',
      },
    },
    ...(browser === 'firefox'
      ? // Firefox for Android knows data_collection_permissions from 142 on. Firefox takes managed
        // settings from policies.json and needs no schema.
        { browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } } }
      : // The settings IT may set by policy (storage.managed), described for Chrome and Edge.
        { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
