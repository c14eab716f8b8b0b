/**
 * `npm start`: builds the extension for the local sandbox, starts the sandbox, and opens Chromium
 * with a fresh profile, the extension loaded and a demo operational page open. Without a display it
 * says how to load the build by hand and keeps the sandbox running. Ctrl-C stops everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox } from '../sandbox/server';
import { buildInMode } from './build-sandbox';
import { findChromium, NO_CHROMIUM_MESSAGE } from './chromium';

const port = Number(process.env.PORT ?? 8787);
/** The sandbox build, in .output/chrome-mv3-sandbox. */
let EXTENSION_DIR = '';

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function loadByHand(reason: string): void {
  console.log(`\n${reason}`);
  console.log('Load the extension by hand in Chrome, Edge or Chromium:');
  console.log('  1. open chrome://extensions and switch on "Developer mode"');
  console.log(`  2. "Load unpacked" and choose ${EXTENSION_DIR}`);
  console.log(`  3. open a demo screen, e.g. http://127.0.0.1:${port}/demo/service-order.html,`);
  console.log('     and click the BzCtrl Reporter toolbar button (or press Alt+Shift+K)\n');
}

function launchChromium(executable: string, demoUrl: string): { browser: ChildProcess; profile: string } {
  const profile = mkdtempSync(path.join(tmpdir(), 'bzctrl-reporter-'));
  const args = [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    // Chrome 137+ ignores --load-extension unless this switch is turned off.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    demoUrl,
  ];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  const browser = spawn(executable, args, { stdio: 'ignore' });
  return { browser, profile };
}

async function main(): Promise<void> {
  EXTENSION_DIR = buildInMode('sandbox');
  const sandbox = await startSandbox({ port });
  const demoUrl = `${sandbox.url}/demo/service-order.html`;

  let browser: ChildProcess | undefined;
  let profile: string | undefined;
  const chromium = findChromium();
  if (!chromium) loadByHand(NO_CHROMIUM_MESSAGE);
  else if (!hasDisplay()) loadByHand('No display found (DISPLAY is not set): Chromium is not started.');
  else {
    ({ browser, profile } = launchChromium(chromium, demoUrl));
    console.log(`\nChromium started with BzCtrl Reporter loaded, on ${demoUrl}`);
    browser.on('exit', () => console.log('Chromium closed; the sandbox keeps running. Ctrl-C to stop.'));
  }
  console.log('Sign in with the demo user above. Ctrl-C stops everything.');

  const stop = async () => {
    browser?.kill();
    await sandbox.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
