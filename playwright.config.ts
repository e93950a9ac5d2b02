import { defineConfig } from '@playwright/test';

// One worker: each test launches its own Chromium with the extension, and CI has 2 cores.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]]
    : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  // Chromium through Playwright; firefox-esr through puppeteer-core over WebDriver BiDi (Playwright
  // drives only its own patched Firefox). Both count in the same JSON report.
  projects: [
    { name: 'chromium', testDir: 'tests/e2e' },
    { name: 'firefox-esr', testDir: 'tests/e2e-firefox' },
  ],
});
