/**
 * Takes the README's screenshot of the popup: a sandbox build, signed in against the sandbox, the
 * form about a demo service-order screen, its Service order and LRN read from that screen by the
 * real page reader (nothing typed there); the operator's own part (title, description, …) typed.
 * Run after `npm run build:sandbox` (.output/chrome-mv3-sandbox): `npx tsx scripts/screenshot.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { DEMO_USER, startSandbox } from '../sandbox/server';
import { requireChromium } from './chromium';

const dir = path.resolve('.output/chrome-mv3-sandbox');
const sandbox = await startSandbox({ port: 0, quiet: true });
const profile = mkdtempSync(path.join(tmpdir(), 'bzctrl-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: requireChromium(),
  headless: true,
  viewport: { width: 460, height: 600 },
  deviceScaleFactor: 2,
  args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await worker.evaluate(async (sandboxUrl) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), sandboxUrl } });
  }, sandbox.apiUrl);
  // The demo screen on localhost, which the sandbox build may read as the release reads BzCtrl's
  // hosts: the popup, opened as a page about its tab, reads it without a key press.
  const screen = await context.newPage();
  await screen.goto(`${sandbox.apiUrl}/demo/service-order.html`);
  const tabId = await worker.evaluate(
    async () => (await chrome.tabs.query({ url: 'http://localhost/*' }))[0]?.id,
  );
  const signIn = await context.newPage();
  await signIn.goto(`chrome-extension://${id}/options.html`);
  await signIn.getByLabel('Email').fill(DEMO_USER.email);
  await signIn.getByLabel('Password').fill(DEMO_USER.password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await signIn.getByRole('button', { name: 'Sign out' }).waitFor();
  await signIn.close();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
  await popup.locator('main[data-page-read="true"]').waitFor();
  const read = await popup.getByLabel('LRN', { exact: true }).inputValue();
  if (!read || (await popup.getByText('from the page').count()) < 2) {
    throw new Error('The demo screen was not read: the screenshot must show a real reading.');
  }
  await popup.getByLabel('Title').fill('Potential customs claim');
  await popup.getByLabel('Description').fill('Operation started without proper approvals');
  await popup.getByLabel('Financial impact (EUR)').fill('1250.50');
  await popup.getByLabel('Impact', { exact: true }).selectOption('High');
  await popup.getByLabel('Likelihood').selectOption('Medium');
  await popup.getByLabel('Category', { exact: true }).fill('Customs');
  await popup.screenshot({ path: 'docs/popup.png', fullPage: true });
} finally {
  await context.close();
  await sandbox.close();
  rmSync(profile, { recursive: true, force: true });
}
