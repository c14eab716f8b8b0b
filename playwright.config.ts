import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with a fresh profile and its own sandbox server.
// One worker: the suite must pass on a loaded 2-core machine, every time, without retries.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', actionTimeout: 15_000 },
});
