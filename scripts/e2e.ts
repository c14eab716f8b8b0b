/**
 * `npm run test:e2e`: builds the extension in its e2e mode (.output/chrome-mv3-e2e), checks that a Chromium is there
 * (failing with how to get one, never skipping), and runs the Playwright suite. Without a display
 * it runs under xvfb-run, so the tests that need a real key press (headful) can run too.
 */
import { spawnSync } from 'node:child_process';
import { buildInMode } from './build-sandbox';
import { findChromium, NO_CHROMIUM_MESSAGE } from './chromium';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const chromium = findChromium();
if (!chromium) {
  console.error(`\n${NO_CHROMIUM_MESSAGE}\n`);
  process.exit(1);
}

buildInMode('e2e');

const env = { ...process.env, CHROMIUM_PATH: chromium };
const playwright = ['playwright', 'test', ...process.argv.slice(2)];
const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
const status =
  !process.env.DISPLAY && hasXvfb && process.platform === 'linux'
    ? run('xvfb-run', ['-a', '--server-args=-screen 0 1280x800x24', 'npx', ...playwright], env)
    : run('npx', playwright, env);
process.exit(status);
