// Sums vitest's and Playwright's JSON reports into one line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(new URL('..', import.meta.url).pathname, 'test-results');

function read(name: string): any {
  const file = join(dir, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** A runner that was expected to run and left no report counts as one failure. */
export function summary(expected: ('vitest' | 'playwright')[] = ['vitest', 'playwright']): { passed: number; failed: number; skipped: number; missing: string[] } {
  const vitest = read('vitest.json');
  const playwright = read('playwright.json');
  const missing = expected.filter((runner) => !{ vitest, playwright }[runner]);
  const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
  // A test file that failed before any test ran (a syntax or import error) has no test to count: count the file.
  const brokenFiles = (vitest?.testResults ?? []).filter((file: any) => file.status === 'failed' && file.assertionResults.length === 0).length;
  const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + brokenFiles;
  const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);
  return { passed, failed: failed + missing.length, skipped, missing };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summary();
  if (s.missing.length > 0) console.log(`missing reports: ${s.missing.join(', ')}`);
  console.log(`${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
}
