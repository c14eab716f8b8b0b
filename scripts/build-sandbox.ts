/**
 * Builds the extension in one of its non-release WXT modes, each in a folder of its own:
 * - `sandbox` (`npm start`, `npm run build:sandbox`): starts on the local sandbox with a demo
 *   workspace, in .output/<browser>-mv<n>-sandbox;
 * - `e2e` (the browser tests): the same, plus the test hook of lib/background/test-build.ts, in
 *   .output/<browser>-mv<n>-e2e.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type BuildMode = 'sandbox' | 'e2e';
type Browser = 'chrome' | 'firefox';

/** Where WXT writes a build of `mode` for `browser`. */
export function buildDir(browser: Browser, mode: BuildMode): string {
  return path.resolve('.output', browser === 'chrome' ? `chrome-mv3-${mode}` : `firefox-mv2-${mode}`);
}

export function buildInMode(mode: BuildMode, browser: Browser = 'chrome'): string {
  const result = spawnSync('npx', ['wxt', 'build', '-b', browser, '--mode', mode], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`wxt build --mode ${mode} failed (exit ${result.status})`);
  return buildDir(browser, mode);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) buildInMode('sandbox');
