// npm test: a throwaway PostgreSQL (unless DATABASE_URL is given), migrations + seed, the production build
// served by the local host, then vitest (unit, SQL, HTTP) and Playwright (browser) against it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../src/lib/db/migrate.ts';
import { freePort, startThrowawayCluster, type Cluster } from './test-postgres.ts';
import { summary } from './test-summary.ts';

const root = new URL('..', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let cluster: Cluster | undefined;
let server: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'participa-data-'));

function run(command: string, args: string[], env: Record<string, string>): number {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('the server exited before it was ready');
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not become healthy in 60 s');
}

let status = 1;
try {
  if (!process.env.DATABASE_URL) cluster = await startThrowawayCluster();
  const databaseUrl = process.env.DATABASE_URL ?? cluster!.url;
  await migrate(databaseUrl, { seed: true });

  if (process.env.SKIP_BUILD !== '1' && run(bin('astro'), ['build'], {}) !== 0) throw new Error('astro build failed');

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PORT: String(port),
    TRUST_CLIENT_IP_HEADER: '1',
    STAFF_JWT_SECRET: 'test-secret-for-local-runs-only-0123456789',
    RATE_LIMIT_SALT: 'test-salt',
  };
  server = spawn(process.execPath, ['scripts/start.ts', '--no-build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  await waitForHealth(baseUrl, server);

  const testEnv = { ...env, PARTICIPA_URL: baseUrl };
  const vitest = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'vitest.json')}`], testEnv);
  const playwright = run(bin('playwright'), ['test'], testEnv);
  status = vitest === 0 && playwright === 0 ? 0 : 1;
} catch (error) {
  console.error(error);
  status = 1;
} finally {
  server?.kill('SIGTERM');
  cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
const s = summary();
console.log(`\n${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
process.exit(status !== 0 || s.failed > 0 ? 1 : 0);
