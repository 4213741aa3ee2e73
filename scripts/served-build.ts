import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './test-postgres.ts';

export type ServedBuild = { url: string; env: Record<string, string>; stop(): void };

const root = new URL('..', import.meta.url).pathname;

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

/**
 * The production build served by `npm start --no-build` on a free port, against the given database
 * (null: the embedded default, migrated and seeded on start), with fixed test secrets and the
 * client-address header trusted so tests can act as many clients; `extraEnv` adds to its environment
 * (DATABASE_POOL_MODE, DATABASE_DIRECT_URL behind a pooler).
 */
export async function startServedBuild(databaseUrl: string | null, extraEnv: Record<string, string> = {}): Promise<ServedBuild> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'participa-data-'));
  const env: Record<string, string> = {
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    DATA_DIR: dataDir,
    PORT: String(port),
    TRUST_CLIENT_IP_HEADER: '1',
    STAFF_JWT_SECRET: 'test-secret-for-local-runs-only-0123456789',
    RATE_LIMIT_SALT: 'test-salt',
    // Tests drive the e-mail sender themselves (tests/email), each on its own messages.
    EMAIL_DRAIN_SECONDS: '0',
    ...extraEnv,
  };
  const childEnv = { ...process.env, ...env };
  if (!databaseUrl) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['scripts/start.ts', '--no-build', ...(databaseUrl ? ['--no-seed'] : [])], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: childEnv,
  });
  await waitForHealth(url, child);
  return {
    url,
    env,
    stop() {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
