/**
 * `npm run bench`: figures, not pass/fail timing tests. Builds the release packages and prints
 * the size of each entry (raw and gzip) and of the Chrome zip against the budgets, then the time
 * the popup takes to show its form in real Chromium. Exits 1 when a size budget is broken.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchMatching } from './bench-matching';
import { benchPopup } from './bench-popup';
import { benchReader } from './bench-reader';
import { findChromium } from './chromium';

const OUT = path.resolve('.output');
const CHROME_DIR = path.join(OUT, 'chrome-mv3');
const KB = 1024;

/**
 * gzip budgets in bytes, per entry's JavaScript. The worker's was 25 kB until picking on the page
 * and the presets' menu came; 27 kB now: over half of it is zod, webextension-polyfill and
 * @wxt-dev/storage, which every part of it uses, and a service worker cannot load code later.
 */
const BUDGETS: Record<string, number> = { background: 27 * KB, 'page reader': 6 * KB };
/** What the popup loads before its form is filled, as the real popup's resource entries list it. */
const POPUP_AT_OPEN_BUDGET = 80 * KB;

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

// The popup's timeline presses the real shortcut, which needs a display: without one, run again under Xvfb.
if (!process.env.DISPLAY && process.platform === 'linux' && !process.env.BZCTRL_BENCH_XVFB) {
  const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
  if (!hasXvfb)
    throw new Error('npm run bench needs a display or xvfb-run (apt-get install -y xvfb xdotool).');
  const rerun = spawnSync(
    'xvfb-run',
    ['-a', '--server-args=-screen 0 1280x800x24', 'npx', 'tsx', ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, BZCTRL_BENCH_XVFB: '1' } },
  );
  process.exit(rerun.status ?? 1);
}

build();
let withinBudget = printSizes();
const chromiumPath = findChromium();
if (!chromiumPath)
  throw new Error('npm run bench needs Chromium: set CHROMIUM_PATH, or apt-get install -y chromium.');
console.log(
  '\nThe popup, opened by its shortcut (medians of 10 opens, worst in brackets; ms after navigation start):',
);
const popup = await benchPopup(chromiumPath, CHROME_DIR);
for (const line of popup.lines) console.log(`  ${line}`);
const atOpen = popup.loadedAtOpen <= POPUP_AT_OPEN_BUDGET;
withinBudget &&= atOpen;
console.log(
  `  JavaScript loaded before the fields were filled: ${kb(popup.loadedAtOpen)} gzip, budget ${kb(POPUP_AT_OPEN_BUDGET)} ${atOpen ? 'ok' : 'OVER'}`,
);
if (chromiumPath) {
  console.log('\nPage reader against document.body.innerText, same page, same run (medians):');
  for (const line of await benchReader(chromiumPath)) console.log(`  ${line}`);
}
console.log("\nThe popup's look-ups at open (medians of 1,000, in Node):");
for (const line of benchMatching()) console.log(`  ${line}`);
if (!withinBudget) {
  console.error('\nA bundle is over its budget.');
  process.exit(1);
}
