import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { startEmbeddedDatabase } from '../../src/lib/db/embedded.ts';
import { prepareDatabase } from '../prepare-database.ts';
import { freePort } from '../test-postgres.ts';

export type EmbeddedTicketServer = { url: string; slug: string; stop(): Promise<void> };

const root = new URL('../..', import.meta.url).pathname;

/**
 * `npm start` on its embedded default (PGlite in a temp DATA_DIR) with one open event of the given
 * size. The event is written before the server starts, through a first, closed opening of the same
 * directory: a PGlite directory is never open twice at once.
 */
export async function startEmbeddedWithEvent(capacity: number, maxPerRegistration = 1): Promise<EmbeddedTicketServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'participa-embedded-tickets-'));
  const slug = `carga-${capacity}`;
  const db = await startEmbeddedDatabase(join(dataDir, 'pglite'));
  try {
    await prepareDatabase(db.url, { seed: true });
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    await sql`
      insert into public.events (slug, title, venue, starts_at, capacity, remaining, max_per_registration, closes_at)
      values (${slug}, 'Evento de carga', 'Coliseo', now() + interval '7 days', ${capacity}, ${capacity}, ${maxPerRegistration}, now() + interval '6 days')`;
    await sql.end({ timeout: 5 });
  } finally {
    await db.stop();
  }

  const port = await freePort();
  const { DATABASE_URL: _external, ...env } = process.env;
  const child = spawn(process.execPath, ['scripts/start.ts', '--no-build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, DATA_DIR: dataDir, PORT: String(port), TRUST_CLIENT_IP_HEADER: '1' },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('the embedded server exited before it was ready');
    if (i > 1200) throw new Error('the embedded server did not become healthy in 120 s');
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    slug,
    async stop() {
      // The server closes PGlite on SIGTERM; the directory goes once it has.
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
