/** Finds the Firefox the Firefox browser test drives: FIREFOX_PATH, else the machine's. */
import { browserFinder } from '../../scripts/find-browser';

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

export const requireFirefox = browserFinder('FIREFOX_PATH', CANDIDATES, NO_FIREFOX_MESSAGE).require;
