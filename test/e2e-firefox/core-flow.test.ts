/**
 * The core flow in real Firefox (firefox-esr) against a sandbox this test starts: the form signs in
 * with the demo user, creates an incident, exactly that item reaches BzCtrl, and its link opens.
 * Run by `npm run test:firefox` (scripts/e2e-firefox.ts), which makes the builds first.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { TEST_BUILD_MARKER } from '../../lib/background/test-build';
import { DEMO_USER, type RunningSandbox, startSandbox } from '../../sandbox/server';
import { Sandbox, sandboxSettings } from '../e2e/sandbox-control';
import {
  clickButton,
  EXTENSION_DIR,
  type FirefoxSession,
  fill,
  heading,
  launchFirefox,
  reloadPage,
  tabAt,
  textOf,
  waitFor,
} from './harness';

const RELEASE_DIR = path.resolve('.output/firefox-mv2');
const WORKSPACE = 'IMP-NLD-EXA-SWA';

let sandbox: RunningSandbox;
let firefox: FirefoxSession;

before(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
  firefox = await launchFirefox();
});

after(async () => {
  await firefox?.close();
  await sandbox?.close();
});

test('only the test build opens its form by itself', () => {
  const background = (dir: string) => readFileSync(path.join(dir, 'background.js'), 'utf8');
  assert.ok(background(EXTENSION_DIR).includes(TEST_BUILD_MARKER), 'the test build has the hook');
  assert.ok(!background(RELEASE_DIR).includes(TEST_BUILD_MARKER), 'the release build has no test hook');
});

test('sign in, create an incident, exactly that item is created and its link opens', {
  timeout: 120_000,
}, async () => {
  const { browser } = firefox;
  const popup = await tabAt(browser, firefox.extensionUrl('popup.html'));

  // Point the extension at this test's sandbox, as the options page would save it.
  await popup.evaluate(async (settings) => {
    const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
    await ext.storage.local.set({ settings });
  }, sandboxSettings(sandbox.apiUrl));
  await reloadPage(popup);

  await fill(popup, 'Email', DEMO_USER.email);
  await fill(popup, 'Password', DEMO_USER.password);
  await clickButton(popup, 'Sign in');

  const title = `Firefox: operation started without approval ${Date.now()}`;
  await fill(popup, 'Service order', '7770142');
  await fill(popup, 'Title', title);
  await fill(popup, 'Description', 'Operation started without proper approvals');
  await clickButton(popup, 'Create incident');
  await heading(popup, 'Incident created');

  const expectedLink = `${sandbox.apiUrl}/app/#/todo/${WORKSPACE}-01`;
  const linkTab = await tabAt(browser, expectedLink);
  await waitFor('the item page to load', () => linkTab.evaluate(() => document.readyState === 'complete'));

  const tasks = await new Sandbox(sandbox).tasks();
  assert.equal(tasks.length, 1, `exactly one item created, got ${JSON.stringify(tasks)}`);
  assert.equal(tasks[0]?.title, title);
  assert.equal(tasks[0]?.todoType, 'INCIDENT');
  assert.equal(tasks[0]?.orderID, '7770142');
  assert.equal(tasks[0]?.taskLink, expectedLink);
  assert.ok((await textOf(popup)).includes(expectedLink), 'the popup shows the link');
});
