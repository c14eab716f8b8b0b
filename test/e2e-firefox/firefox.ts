/** Finds the Firefox the Firefox browser test drives: FIREFOX_PATH, else the machine's. */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export const NO_FIREFOX_MESSAGE = [
  'No Firefox found. The Firefox browser test (npm run test:firefox, part of npm test) needs one:',
  '  Debian/Ubuntu: sudo apt-get install -y firefox-esr   (or run .ci/run, which installs it)',
  '  elsewhere: install Firefox 140 or later and set FIREFOX_PATH=/path/to/the/executable',
].join('\n');

export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

export function requireFirefox(): string {
  const found = findFirefox();
  if (!found) {
    const wrongEnv = process.env.FIREFOX_PATH
      ? `FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist.\n`
      : '';
    throw new Error(`${wrongEnv}${NO_FIREFOX_MESSAGE}`);
  }
  return found;
}
