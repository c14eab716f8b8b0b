/**
 * Builds the extension for the local sandbox: a normal production build whose default environment
 * is the sandbox (http://127.0.0.1:8787) with a demo workspace. Used by `npm start` and the tests.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface SandboxBuildOptions {
  /** A test build (WXT_E2E=1): opens its form on install, in .output/<browser>-mv<n>-e2e. */
  e2e?: boolean;
}

export function buildForSandbox(
  browser: 'chrome' | 'firefox' = 'chrome',
  { e2e = false }: SandboxBuildOptions = {},
): void {
  // WXT_E2E is always set, so an inherited one can never slip a test hook into another build.
  const result = spawnSync('npx', ['wxt', 'build', '-b', browser], {
    stdio: 'inherit',
    env: { ...process.env, WXT_DEFAULT_ENVIRONMENT: 'sandbox', WXT_E2E: e2e ? '1' : '' },
  });
  if (result.status !== 0) throw new Error(`wxt build failed (exit ${result.status})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) buildForSandbox();
