import { defineConfig } from 'wxt';

// BzCtrl's own hosts. Sandbox and custom servers are reached through their CORS headers,
// or through an optional permission the options page asks for on the user's click.
const BZCTRL_HOSTS = ['https://bzctrl.com/*', 'https://*.bzctrl.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  // We launch the browser ourselves (scripts/start.ts); web-ext-run crashes as root without a display.
  webExt: { disabled: true },
  // One output folder per browser; a sandbox build (scripts/build-sandbox.ts) differs only in its
  // default environment.
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  vite: () => ({
    build: {
      rollupOptions: {
        // zod's sources carry comments Rollup cannot place; harmless, and they bury real warnings.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  }),
  manifest: {
    name: 'BzCtrl Reporter',
    description:
      'Record a BzCtrl Incident or Task from the screen you are on, prefilled with its service order number and LRN.',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'notifications'],
    host_permissions: BZCTRL_HOSTS,
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: { default_title: 'BzCtrl Reporter' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open the BzCtrl Reporter form',
      },
      'create-from-selection': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Create a BzCtrl item for the selected service order',
      },
    },
  },
});
