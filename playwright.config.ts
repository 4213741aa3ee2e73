import { defineConfig } from '@playwright/test';

// Debian's chromium, never a downloaded browser; the served build's URL comes from scripts/test.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Playwright empties its output folder; keep it apart from the JSON reports that .ci/run sums.
  outputDir: 'test-results/e2e-artifacts',
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: process.env.PARTICIPA_URL ?? 'http://127.0.0.1:4321',
    locale: 'es-CO',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
