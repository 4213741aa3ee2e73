// npm test: a throwaway PostgreSQL (unless DATABASE_URL is given), migrations + seed, the production build
// served by the local host, then vitest (unit, SQL, HTTP) and Playwright (browser) against it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrationUrl } from '../src/lib/db/migrate.ts';
import { prepareDatabase } from './prepare-database.ts';
import { startServedBuild, type ServedBuild } from './served-build.ts';
import { startThrowawayCluster, type Cluster } from './test-postgres.ts';
import { summary } from './test-summary.ts';

const root = new URL('..', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(command: string, args: string[], env: Record<string, string>): number {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

// `npm test -- tests/surveys tests/e2e/citizen` runs only the named files: e2e paths go to Playwright,
// the rest to vitest, and a runner with nothing named is skipped. No arguments: everything.
const filters = process.argv.slice(2);
const playwrightFilters = filters.filter((f) => f.includes('e2e'));
const vitestFilters = filters.filter((f) => !f.includes('e2e'));
const runVitest = filters.length === 0 || vitestFilters.length > 0;
const runPlaywright = filters.length === 0 || playwrightFilters.length > 0;

let cluster: Cluster | undefined;
let server: ServedBuild | undefined;
let status = 1;
try {
  if (!process.env.DATABASE_URL) cluster = await startThrowawayCluster();
  const databaseUrl = process.env.DATABASE_URL ?? cluster!.url;
  await prepareDatabase(cluster ? cluster.url : migrationUrl(), { seed: true });

  if (process.env.SKIP_BUILD !== '1' && run(bin('astro'), ['build'], {}) !== 0) throw new Error('astro build failed');
  server = await startServedBuild(databaseUrl);

  const testEnv = { ...server.env, PARTICIPA_URL: server.url };
  const vitest = runVitest ? run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'vitest.json')}`, ...vitestFilters], testEnv) : 0;
  const playwright = runPlaywright ? run(bin('playwright'), ['test', ...playwrightFilters], testEnv) : 0;
  status = vitest === 0 && playwright === 0 ? 0 : 1;
} catch (error) {
  console.error(error);
  status = 1;
} finally {
  server?.stop();
  cluster?.stop();
}
const s = summary([...(runVitest ? ['vitest' as const] : []), ...(runPlaywright ? ['playwright' as const] : [])]);
console.log(`\n${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
process.exit(status !== 0 || s.failed > 0 ? 1 : 0);
