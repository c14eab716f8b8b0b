/** Finds the Chromium the browser tests and `npm start` drive: CHROMIUM_PATH, else the machine's. */
import { browserFinder } from './find-browser';

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

const chromium = browserFinder('CHROMIUM_PATH', CANDIDATES, NO_CHROMIUM_MESSAGE);
export const findChromium = chromium.find;
export const requireChromium = chromium.require;
