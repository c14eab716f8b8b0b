/**
 * Browser-test fixtures: a fresh sandbox server and a fresh Chromium profile with the built
 * extension loaded, for every test. Tests drive the extension's real pages as a user would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type BrowserContext,
  test as base,
  type CDPSession,
  chromium,
  expect,
  type Page,
  type Worker,
} from '@playwright/test';
import { DEMO_USER, type RunningSandbox, type SandboxOptions, startSandbox } from '../../sandbox/server';
import { requireChromium } from '../../scripts/chromium';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
export { DEMO_USER, expect };

export interface SandboxRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  json: unknown;
  form: Record<string, string> | null;
  status: number | null;
  fault: boolean;
}

export interface SandboxTask {
  id: string;
  todoType: string;
  title: string;
  orderID: string;
  lrn?: string;
  dueDate: string | null;
  [key: string]: unknown;
}

export interface Fault {
  target: 'token' | 'add-task' | 'any';
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  drop?: boolean;
  times?: number;
}

/** The sandbox's test-only control path, /__sandbox/. */
export class Sandbox {
  constructor(readonly running: RunningSandbox) {}

  get url(): string {
    return this.running.url;
  }

  private async control(method: string, route: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.url}/__sandbox/${route}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${route}: HTTP ${response.status}`);
    return response;
  }

  /** Requests that reached BzCtrl's paths, oldest first, without CORS preflights. */
  async requests(pathEnd?: 'token' | 'add-task'): Promise<SandboxRequest[]> {
    const all = (await (await this.control('GET', 'requests')).json()) as SandboxRequest[];
    return all.filter((entry) => entry.method !== 'OPTIONS' && (!pathEnd || entry.path.endsWith(pathEnd)));
  }

  async tasks(): Promise<SandboxTask[]> {
    return (await (await this.control('GET', 'tasks')).json()) as SandboxTask[];
  }

  async fault(fault: Fault): Promise<void> {
    await this.control('POST', 'faults', fault);
  }

  async expireTokens(which: { access?: boolean; refresh?: boolean } = {}): Promise<void> {
    await this.control('POST', 'expire-tokens', which);
  }

  async configure(config: { accessTokenLifetimeSeconds?: number; refreshTokenLifetimeSeconds?: number }) {
    await this.control('POST', 'config', config);
  }

  async tokens(): Promise<{ access: { expiresAt: string; expired: boolean }[] }> {
    return (await (await this.control('GET', 'tokens')).json()) as {
      access: { expiresAt: string; expired: boolean }[];
    };
  }
}

/** A page reached over a raw CDP target session. */
export class ActionPopup {
  private nextId = 1;
  constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {}

  /** Evaluates `expression` in the page and returns its JSON value. */
  evaluate(expression: string): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (event: { sessionId?: string; message: string }) => {
        const message = JSON.parse(event.message) as {
          id?: number;
          result?: { result?: { value?: unknown }; exceptionDetails?: { text: string } };
        };
        if (event.sessionId !== this.sessionId || message.id !== id) return;
        this.cdp.off('Target.receivedMessageFromTarget', onMessage);
        if (message.result?.exceptionDetails) reject(new Error(message.result.exceptionDetails.text));
        else resolve(message.result?.result?.value);
      };
      this.cdp.on('Target.receivedMessageFromTarget', onMessage);
      void this.cdp.send('Target.sendMessageToTarget', {
        sessionId: this.sessionId,
        message: JSON.stringify({
          id,
          method: 'Runtime.evaluate',
          params: { expression, returnByValue: true, awaitPromise: true },
        }),
      });
    });
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

  /** Test set-up: point the extension at this test's sandbox, as the options page would. */
  async useSandbox(extra: Record<string, string> = {}): Promise<void> {
    const worker = await this.worker();
    await worker.evaluate(
      async (settings) => {
        await chrome.storage.local.set({ settings });
      },
      {
        environment: 'sandbox',
        sandboxUrl: this.sandbox.url,
        customTokenUrl: '',
        customAddTaskUrl: '',
        clientId: '',
        clientSecret: '',
        domain: 'IMP-NLD-EXA-SWA',
        workspace: 'SWA',
        defaultType: 'INCIDENT',
        ...extra,
      },
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
    const browser = this.context.browser();
    if (!browser) throw new Error('no browser behind this context');
    const cdp = await browser.newBrowserCDPSession();
    const popupUrl = this.url('popup.html');
    let targetId: string | undefined;
    await expect
      .poll(async () => {
        const { targetInfos } = await cdp.send('Target.getTargets');
        const popups = targetInfos.filter((target) => target.type === 'page' && target.url === popupUrl);
        // A popup.html the test opened as a tab would be mistaken for the toolbar popup.
        if (popups.length > 1) throw new Error('more than one popup.html is open');
        targetId = popups[0]?.targetId;
        return targetId;
      })
      .toBeDefined();
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: targetId as string,
      flatten: false,
    });
    return new ActionPopup(cdp, sessionId);
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

export async function signIn(page: Page, email = DEMO_USER.email, password = DEMO_USER.password) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

interface Fixtures {
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

  sandbox: async ({ sandboxOptions }, use) => {
    const running = await startSandbox({ port: 0, quiet: true, ...sandboxOptions });
    await use(new Sandbox(running));
    await running.close();
  },

  context: async ({ headful }, use) => {
    const executablePath = requireChromium();
    if (headful && !process.env.DISPLAY) {
      throw new Error(
        'This test presses real keys and needs a display: run it with `npm run test:e2e`, which uses xvfb-run.',
      );
    }
    const profile = mkdtempSync(path.join(tmpdir(), 'bzctrl-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: !headful,
      args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    });
    await use(context);
    await context.close();
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
