/**
 * Browser-test fixtures: a fresh sandbox server and a fresh Chromium profile with the built
 * extension loaded, for every test. Tests drive the extension's real pages as a user would.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type BrowserContext,
  test as base,
  chromium,
  expect,
  type Locator,
  type Page,
  type Worker,
} from '@playwright/test';
import { DEMO_USER, type SandboxOptions, startSandbox } from '../../sandbox/server';
import { CdpTarget } from '../../scripts/cdp-target';
import { requireChromium } from '../../scripts/chromium';
import { Sandbox, sandboxSettings } from './sandbox-control';

/** The e2e build (`wxt build --mode e2e`, made by scripts/e2e.ts). */
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');
export type { Fault, SandboxRequest, SandboxTask } from './sandbox-control';
export { DEMO_USER, expect, Sandbox };

/** Reads the form, wherever it is open. */
export interface OpenedForm {
  /** The value of the form control named `name` ('orderID', 'lrn', …). */
  value(name: string): Promise<string>;
  text(): Promise<string>;
}

function formInPage(page: Page): OpenedForm {
  return {
    value: async (name) =>
      (await page.locator(`[name="${name}"]`).count()) ? page.locator(`[name="${name}"]`).inputValue() : '',
    text: async () => (await page.locator('body').textContent()) ?? '',
  };
}

function formInActionPopup(popup: ActionPopup): OpenedForm {
  return {
    value: async (name) =>
      String(await popup.evaluate(`document.querySelector('[name="${name}"]')?.value ?? ''`)),
    text: async () => String(await popup.evaluate('document.body.textContent')),
  };
}

/** The real toolbar popup, reached over a raw CDP target session. */
export class ActionPopup extends CdpTarget {
  /**
   * Types `value` into the form control named `name` as React takes typing: through the element
   * prototype's value setter, then `input` and `change` events.
   */
  async fill(name: string, value: string): Promise<void> {
    const done = await this.evaluate(`(() => {
      const control = document.querySelector(${JSON.stringify(`[name="${name}"]`)});
      if (!control) return false;
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value').set.call(control, ${JSON.stringify(value)});
      control.dispatchEvent(new Event('input', { bubbles: true }));
      control.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    })()`);
    if (!done) throw new Error(`no form control named ${name} in the popup`);
  }

  /**
   * Clicks the first element matching `selector`. The popup may close because of the click (a new
   * tab opens): then the answer never comes, and that is not an error.
   */
  async click(selector: string): Promise<void> {
    const clicked = await this.evaluate(
      `(() => { const target = document.querySelector(${JSON.stringify(selector)}); target?.click(); return Boolean(target); })()`,
    ).catch((error: unknown) => {
      if (String(error).includes('No session')) return true;
      throw error;
    });
    if (!clicked) throw new Error(`nothing matches ${selector} in the popup`);
  }
}

/** The loaded extension: its id, its service worker, and its pages. */
export class Extension {
  constructor(
    readonly context: BrowserContext,
    readonly id: string,
    readonly sandbox: Sandbox,
  ) {}

  /** The current service worker (it may have been restarted since the test began). */
  async worker(): Promise<Worker> {
    const running = this.context.serviceWorkers().find((worker) => worker.url().includes(this.id));
    return running ?? this.context.waitForEvent('serviceworker');
  }

  url(page: string): string {
    return `chrome-extension://${this.id}/${page}`;
  }

  /** What the extension stored under `key` in `area`, read through its worker. */
  async stored<T = unknown>(area: 'local' | 'session', key: string): Promise<T | undefined> {
    const worker = await this.worker();
    return worker.evaluate(async ({ area, key }) => (await chrome.storage[area].get(key))[key] as never, {
      area,
      key,
    });
  }

  /** The names of the alarms the worker has set (the outbox's retry is one). */
  async alarms(): Promise<string[]> {
    const worker = await this.worker();
    return worker.evaluate(async () => (await chrome.alarms.getAll()).map((alarm) => alarm.name));
  }

  /** Test set-up: point the extension at this test's sandbox, as the options page would. */
  async useSandbox(extra: Record<string, string> = {}): Promise<void> {
    const worker = await this.worker();
    await worker.evaluate(
      async (settings) => {
        await chrome.storage.local.set({ settings });
      },
      sandboxSettings(this.sandbox.apiUrl, extra),
    );
  }

  /** The popup, opened as a page about `tabId` (as the context menu and pop-out do). */
  async openPopup(tabId?: number): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.url(tabId === undefined ? 'popup.html' : `popup.html?tabId=${tabId}`));
    return page;
  }

  async openOptions(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.url('options.html'));
    return page;
  }

  /**
   * The real toolbar popup (opened by the browser, not by the test). Playwright does not list it as
   * a page, so it is reached over CDP as a target and scripted with Runtime.evaluate.
   */
  async actionPopup(): Promise<ActionPopup> {
    let popup: ActionPopup | undefined;
    await expect.poll(async () => (popup = await this.findActionPopup())).toBeDefined();
    return popup as ActionPopup;
  }

  /** The toolbar popup if it is open now. */
  async findActionPopup(): Promise<ActionPopup | undefined> {
    const browser = this.context.browser();
    if (!browser) throw new Error('no browser behind this context');
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const popups = targetInfos.filter(
      (target) => target.type === 'page' && target.url === this.url('popup.html'),
    );
    // A popup.html the test opened as a tab would be mistaken for the toolbar popup.
    if (popups.length > 1) throw new Error('more than one popup.html is open');
    const targetId = popups[0]?.targetId;
    if (!targetId) {
      await cdp.detach();
      return undefined;
    }
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
      return new ActionPopup(cdp, sessionId);
    } catch (error) {
      // Closed between the listing and the attaching (a wait for it to close polls this): gone.
      const stillThere = (await cdp.send('Target.getTargets')).targetInfos.some(
        (target) => target.targetId === targetId,
      );
      await cdp.detach();
      if (stillThere) throw error;
      return undefined;
    }
  }

  /**
   * The form the browser opened by itself, wherever it did: the toolbar popup, or a window of its
   * own (popup.html?tabId=…) where the popup cannot be opened.
   */
  async openedForm(): Promise<OpenedForm> {
    let form: OpenedForm | undefined;
    await expect
      .poll(async () => {
        const window = this.context
          .pages()
          .find((page) => page.url().startsWith(this.url('popup.html?tabId=')));
        if (window) form = formInPage(window);
        else {
          const popup = await this.findActionPopup();
          if (popup) form = formInActionPopup(popup);
        }
        return form;
      })
      .toBeDefined();
    return form as OpenedForm;
  }

  /** The id of the tab showing `page`, as the extension sees it. */
  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const worker = await this.worker();
    const id = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    });
    if (id === undefined) throw new Error('no active tab found');
    return id;
  }
}

/**
 * Presses keys as the user does, through the X server, so the browser sees a real gesture
 * (activeTab is granted only by one). The page is brought to the front first.
 */
export async function pressKeys(page: Page, keys: string): Promise<void> {
  await page.bringToFront();
  execFileSync('xdotool', ['key', '--clearmodifiers', keys]);
}

/**
 * Answers Allow in the browser's own permission dialog, which a click on `asker` opens, and waits
 * until `granted` says so. The dialog is drawn by the browser, out of any page's reach; Deny has
 * the focus, so Tab then Return allows. Against clicks meant for the page, it ignores input for a
 * moment after it shows, and again after every input that comes sooner than a double click: so
 * the keys are pressed again, seconds apart, while it still asks (`asking` is shown), and after a
 * Deny the asker is clicked again.
 */
export async function allowInBrowserDialog(
  asker: Locator,
  asking: Locator,
  granted: () => Promise<boolean>,
): Promise<void> {
  await expect
    .poll(
      async () => {
        if (await granted()) return true;
        if (!(await asking.isVisible())) await asker.click();
        execFileSync('xdotool', ['key', 'Tab', 'Return']);
        return granted();
      },
      { timeout: 30_000, intervals: [1500] },
    )
    .toBe(true);
}

/** The popup as a page, signed in as the demo user, showing the form. */
export async function signedInPopup(extension: Extension): Promise<Page> {
  const popup = await extension.openPopup();
  await signIn(popup);
  await expect(popup.getByRole('button', { name: /^Create (incident|task)$/ })).toBeVisible();
  return popup;
}

/** Fills in what every item needs: service order, title and description. */
export async function fillRequired(popup: Page, title: string, orderID = '7770142'): Promise<void> {
  await popup.getByLabel('Service order', { exact: true }).fill(orderID);
  await popup.getByLabel('Title').fill(title);
  await popup.getByLabel('Description').fill('Operation started without proper approvals');
}

/** Signs in on the options page and closes it, leaving no popup.html open. */
export async function signInThroughOptions(extension: Extension): Promise<void> {
  const options = await extension.openOptions();
  await signIn(options);
  await expect(options.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await options.close();
}

/**
 * Runs the extension's real context-menu listener, as Chromium does when the user chooses the
 * item on `selectionText` in the tab (a dispatched click grants no activeTab by itself).
 */
export async function chooseMenuItem(
  extension: Extension,
  tabId: number,
  selectionText: string,
): Promise<void> {
  const worker = await extension.worker();
  await worker.evaluate(
    async ({ tabId, selectionText }) => {
      const tab = await chrome.tabs.get(tabId);
      const info = { menuItemId: 'create-from-selection', selectionText, editable: false, pageUrl: tab.url };
      (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
        info,
        tab,
      );
    },
    { tabId, selectionText },
  );
}

export async function signIn(page: Page, email = DEMO_USER.email, password = DEMO_USER.password) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Serves test/fixtures/pages on loopback, so the browser loads them as it loads any screen. */
async function serveFixturePages(): Promise<{ url: string; close(): Promise<void> }> {
  const root = path.resolve('test/fixtures/pages');
  const server = createServer((request, response) => {
    const name = path.basename(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(root, name);
    if (!name.endsWith('.html') || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the browser keeps connections alive
      }),
  };
}

/** Where Debian's Chromium reads machine policies, as an organisation's IT would set them. */
const POLICY_DIR = '/etc/chromium/policies/managed';

/**
 * Sets `policy` as the organisation's policy for this unpacked build (its id is derived from its
 * path, as Chromium does), and returns how to take it away again.
 */
function writeExtensionPolicy(policy: Record<string, unknown>): () => void {
  const hash = createHash('sha256').update(EXTENSION_DIR).digest('hex').slice(0, 32);
  const id = [...hash].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
  const file = path.join(POLICY_DIR, `bzctrl-reporter-e2e-${process.pid}.json`);
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  } catch (error) {
    throw new Error(
      `This test sets a Chromium policy and needs to write ${POLICY_DIR} (run as root, as CI does): ${error}`,
    );
  }
  return () => rmSync(file, { force: true });
}

/**
 * How Chromium is told its UI language, which the extension speaks: on Linux, LANGUAGE (the
 * flag `--lang` is for Windows and macOS, given too). Chromium shows a language only with its
 * language pack, which Debian ships apart, in chromium-l10n.
 */
function languageLaunch(
  executablePath: string,
  language: string,
): { env: NodeJS.ProcessEnv; args: string[] } {
  const packs = path.join(path.dirname(realpathSync(executablePath)), 'locales');
  if (existsSync(packs) && !existsSync(path.join(packs, `${language}.pak`))) {
    throw new Error(
      `This test runs Chromium in "${language}" and ${packs} has no ${language}.pak: install Chromium's ` +
        'language packs (Debian/Ubuntu: apt-get install -y chromium-l10n; .ci/run does).',
    );
  }
  return { env: { ...process.env, LANGUAGE: language }, args: [`--lang=${language}`] };
}

interface Fixtures {
  /** The browser's UI language for this test (by default, the machine's). */
  language: string | undefined;
  /** Settings the organisation sets by policy (storage.managed), for this test's browser. */
  policy: Record<string, unknown> | undefined;
  /** Base URL of the operational screens in test/fixtures/pages. */
  fixturePages: string;
  sandboxOptions: SandboxOptions;
  /** Headful under a display: needed where a test presses real keys (xdotool) for a user gesture. */
  headful: boolean;
  sandbox: Sandbox;
  context: BrowserContext;
  extension: Extension;
}

export const test = base.extend<Fixtures>({
  sandboxOptions: [{}, { option: true }],
  headful: [false, { option: true }],
  policy: [undefined, { option: true }],
  language: [undefined, { option: true }],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  fixturePages: async ({}, use) => {
    const server = await serveFixturePages();
    await use(server.url);
    await server.close();
  },

  sandbox: async ({ sandboxOptions }, use) => {
    const running = await startSandbox({ port: 0, quiet: true, ...sandboxOptions });
    await use(new Sandbox(running));
    await running.close();
  },

  context: async ({ headful, policy, language }, use) => {
    const executablePath = requireChromium();
    const removePolicy = policy ? writeExtensionPolicy(policy) : undefined;
    if (headful && !process.env.DISPLAY) {
      throw new Error(
        'This test presses real keys and needs a display: run it with `npm run test:e2e`, which uses xvfb-run.',
      );
    }
    const profile = mkdtempSync(path.join(tmpdir(), 'bzctrl-e2e-'));
    const inLanguage = language ? languageLaunch(executablePath, language) : { env: undefined, args: [] };
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: !headful,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        ...inLanguage.args,
      ],
      ...(inLanguage.env ? { env: inLanguage.env } : {}),
    });
    await use(context);
    await context.close();
    removePolicy?.();
    rmSync(profile, { recursive: true, force: true });
  },

  extension: async ({ context, sandbox }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const extension = new Extension(context, id, sandbox);
    await extension.useSandbox();
    await use(extension);
  },
});
