/**
 * `npm run bench`: figures, not pass/fail timing tests. Builds the release packages and prints
 * the size of each entry (raw and gzip) and of the Chrome zip against the budgets, then the time
 * the popup takes to show its form in real Chromium. Exits 1 when a size budget is broken.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { benchReader } from './bench-reader';
import { findChromium } from './chromium';

const OUT = path.resolve('.output');
const CHROME_DIR = path.join(OUT, 'chrome-mv3');
const KB = 1024;

/** gzip budgets in bytes, per entry's JavaScript. */
const BUDGETS: Record<string, number> = { popup: 90 * KB, background: 25 * KB, 'page reader': 6 * KB };

interface Size {
  raw: number;
  gzip: number;
}

function sizeOf(files: string[]): Size {
  const bytes = Buffer.concat(files.map((file) => readFileSync(path.join(CHROME_DIR, file))));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The JavaScript an HTML entry loads: its module script and the chunks it preloads. */
function scriptsOf(html: string): string[] {
  const text = readFileSync(path.join(CHROME_DIR, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1] as string);
}

/** Those scripts plus every chunk they may import later (parts shown only after a submission). */
function allScriptsOf(html: string): string[] {
  const found = new Set(scriptsOf(html));
  for (const file of found) {
    const code = readFileSync(path.join(CHROME_DIR, file), 'utf8');
    for (const match of code.matchAll(/["'`](?:\.\/|\/chunks\/)([\w.-]+\.js)["'`]/g)) {
      found.add(`chunks/${match[1]}`);
    }
  }
  return [...found];
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;

function build(): void {
  const result = spawnSync('npx', ['wxt', 'zip'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('wxt zip failed');
}

function printSizes(): boolean {
  const entries: [string, string[]][] = [
    ['popup', scriptsOf('popup.html')],
    ['popup, all', allScriptsOf('popup.html')],
    ['options', scriptsOf('options.html')],
    ['background', ['background.js']],
    ['page reader', ['page-reader.js']],
    // Injected beside the reader only when there are page rules, or a selection; the picker only on Pick.
    ['page rules', ['page-rules.js']],
    ['page selection', ['page-selection.js']],
    ['page picker', ['page-picker.js']],
  ];
  let withinBudget = true;
  console.log('\nBundle sizes (JavaScript loaded by each entry)');
  console.log('entry           raw        gzip       budget (gzip)');
  for (const [name, files] of entries) {
    const size = sizeOf(files);
    const budget = BUDGETS[name];
    const verdict = budget === undefined ? '' : `${kb(budget)} ${size.gzip <= budget ? 'ok' : 'OVER'}`;
    if (budget !== undefined && size.gzip > budget) withinBudget = false;
    console.log(`${name.padEnd(15)} ${kb(size.raw).padEnd(10)} ${kb(size.gzip).padEnd(10)} ${verdict}`);
  }
  const zip = readdirSync(OUT).find((file) => file.endsWith('-chrome.zip'));
  if (zip) {
    const bytes = readFileSync(path.join(OUT, zip));
    const unpacked = sizeOf(listFiles(CHROME_DIR).map((file) => path.relative(CHROME_DIR, file)));
    console.log(`Chrome zip      ${kb(bytes.length).padEnd(10)} (${zip}; unpacked ${kb(unpacked.raw)})`);
  }
  return withinBudget;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? listFiles(file) : [file];
  });
}

/** Time from navigation to the form being shown, for a signed-in user, over several opens. */
async function timePopup(executablePath: string | undefined): Promise<void> {
  if (!executablePath) {
    console.log('\nPopup timing skipped: no Chromium found (set CHROMIUM_PATH).');
    return;
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'bzctrl-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${CHROME_DIR}`, `--load-extension=${CHROME_DIR}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    // A signed-in state as the worker would store it (the bench sends nothing to any server).
    await worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      const tokenUrl = 'https://bzctrl.com/bzctrl-core-api/oauth/token';
      await chrome.storage.local.set({
        settings: {
          ...(settings ?? {}),
          environment: 'production',
          domain: 'IMP-NLD-EXA-SWA',
          workspace: 'SWA',
        },
      });
      await chrome.storage.session.set({
        account: { email: 'bench@example.com', tokenUrl },
        tokens: { accessToken: 'bench', expiresAt: Date.now() + 3_600_000, lifetimeMs: 3_600_000 },
      });
    });
    const timings: number[] = [];
    const page = await context.newPage();
    for (let run = 0; run < 12; run++) {
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.getByRole('button', { name: 'Create incident' }).waitFor();
      timings.push(
        await page.evaluate(
          () => performance.getEntriesByName('bzctrl:form-ready')[0]?.startTime ?? Number.NaN,
        ),
      );
    }
    const measured = timings.slice(2).sort((a, b) => a - b); // the first opens warm the cache
    const median = measured[Math.floor(measured.length / 2)] ?? Number.NaN;
    const worst = measured.at(-1) ?? Number.NaN;
    console.log(
      `\nPopup: form shown ${median.toFixed(0)} ms after navigation start (median of ${measured.length}, worst ${worst.toFixed(0)} ms)`,
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

build();
const withinBudget = printSizes();
const chromiumPath = findChromium();
await timePopup(chromiumPath);
if (chromiumPath) {
  console.log('\nPage reader against document.body.innerText, same page, same run (medians):');
  for (const line of await benchReader(chromiumPath)) console.log(`  ${line}`);
}
if (!withinBudget) {
  console.error('\nA bundle is over its budget.');
  process.exit(1);
}
