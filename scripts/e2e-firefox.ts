/**
 * `npm run test:firefox`: checks that a Firefox is there (failing with how to get one, never
 * skipping), builds the Firefox release package and the Firefox e2e build (`--mode e2e`: sandbox
 * default, plus the test-only hook of lib/background/test-build.ts, in .output/firefox-mv2-e2e), and runs
 * test/e2e-firefox with Node's test runner. Headless: no display needed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { requireFirefox } from '../test/e2e-firefox/firefox';
import { buildInMode } from './build-sandbox';

const TEST_DIR = 'test/e2e-firefox';

let firefox: string;
try {
  firefox = requireFirefox();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

// The release build, as `npm run build:firefox` makes it: the test checks it has no test hook.
const release = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
if (release.status !== 0) process.exit(release.status ?? 1);
buildInMode('e2e', 'firefox');

const files = readdirSync(TEST_DIR)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => path.join(TEST_DIR, name));
const result = spawnSync('npx', ['tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FIREFOX_PATH: firefox },
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
