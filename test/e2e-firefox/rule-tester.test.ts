/**
 * The options page's rule tester in real Firefox, which grants an access request only when it is
 * made from the user's input itself, before anything is awaited: Test on a rule for a page with a
 * port asks for that host (without the port, which Firefox's patterns do not take) and reads it.
 * Firefox's prompt is switched off here (extensions.webextOptionalPermissionPrompts), so a request
 * made right is granted at once; one made wrong is still refused.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';
import {
  clickButton,
  EXTENSION_DIR,
  type FirefoxSession,
  fill,
  launchFirefox,
  locationOf,
  tabAt,
  textOf,
  waitFor,
} from './harness';

let sandbox: RunningSandbox;
let firefox: FirefoxSession;

before(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
  firefox = await launchFirefox(EXTENSION_DIR, { 'extensions.webextOptionalPermissionPrompts': false });
});

after(async () => {
  await firefox?.close();
  await sandbox?.close();
});

test('Test asks for access inside the click, for the host without its port, and reads the page', {
  timeout: 120_000,
}, async () => {
  const { browser } = firefox;
  const operational = await browser.newPage();
  await operational.goto(`${sandbox.url}/demo/service-order.html`);

  const options = await tabAt(browser, firefox.extensionUrl('popup.html'));
  // The driver may not navigate to the extension's pages; the page itself may.
  await options.evaluate(() => {
    location.href = '/options.html';
  });
  await waitFor('the options page', async () =>
    (await locationOf(options)).endsWith('/options.html') ? true : undefined,
  );
  await clickButton(options, 'Add rule');
  await fill(options, 'Pages (URL pattern)', `${sandbox.url}/demo/*`);
  await fill(options, 'Service order: CSS selector', '.notes');
  await fill(options, 'Service order: regular expression', 'seal (\\d+)');
  await clickButton(options, 'Test');

  await waitFor(
    'the rule’s result',
    async () => (await textOf(options)).includes('Service order: 0048817') || undefined,
    { explain: async () => `the page shows:\n${await textOf(options)}` },
  );
  const granted = await options.evaluate(() =>
    (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({
      origins: ['http://127.0.0.1/*'],
    }),
  );
  assert.equal(granted, true, 'access to http://127.0.0.1/* was granted');
});
