/** Finds the Chromium the browser tests and `npm start` drive: CHROMIUM_PATH, else the machine's. */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const NO_CHROMIUM_MESSAGE = [
  'No Chromium found. The browser tests and `npm start` need one:',
  '  Debian/Ubuntu: sudo apt-get install -y chromium   (or run .ci/run, which installs it)',
  '  elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/the/executable',
].join('\n');

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

export function requireChromium(): string {
  const found = findChromium();
  if (!found) {
    const wrongEnv = process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.\n`
      : '';
    throw new Error(`${wrongEnv}${NO_CHROMIUM_MESSAGE}`);
  }
  return found;
}
