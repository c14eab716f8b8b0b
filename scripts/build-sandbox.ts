/**
 * Builds the extension for the local sandbox: a normal production build whose default environment
 * is the sandbox (http://127.0.0.1:8787) with a demo workspace. Used by `npm start` and the tests.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export function buildForSandbox(browser: 'chrome' | 'firefox' = 'chrome'): void {
  const result = spawnSync('npx', ['wxt', 'build', '-b', browser], {
    stdio: 'inherit',
    env: { ...process.env, WXT_DEFAULT_ENVIRONMENT: 'sandbox' },
  });
  if (result.status !== 0) throw new Error(`wxt build failed (exit ${result.status})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) buildForSandbox();
