/**
 * Takes the README's screenshot of the popup: a sandbox build, signed in against the sandbox,
 * the form prefilled from a demo screen. Run after `npm run build:sandbox` (.output/chrome-mv3-sandbox).
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
  viewport: { width: 400, height: 720 },
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
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByLabel('Email').fill(DEMO_USER.email);
  await popup.getByLabel('Password').fill(DEMO_USER.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await popup.getByLabel('Service order').fill('7770142');
  await popup.getByLabel('LRN').fill('24NLLRN0004471');
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
