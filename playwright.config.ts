import { defineConfig } from '@playwright/test';

const NEXT_YEAR_PLAN = /staff-publishes-next-year-plan/;
const named = process.argv.filter((arg) => /\.spec\.ts|e2e/.test(arg) && !arg.startsWith('-'));
const namedAlone = named.length > 0 && named.every((arg) => NEXT_YEAR_PLAN.test(arg));

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
  // Publishing next year's plan in force today changes the home page every journey reads: that one runs last
  // (named alone on the command line, it needs nothing before it).
  projects: [
    { name: 'journeys', testIgnore: NEXT_YEAR_PLAN },
    { name: 'next-year-plan', testMatch: NEXT_YEAR_PLAN, dependencies: namedAlone ? [] : ['journeys'] },
  ],
  use: {
    baseURL: process.env.PARTICIPA_URL ?? 'http://127.0.0.1:4321',
    locale: 'es-CO',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
