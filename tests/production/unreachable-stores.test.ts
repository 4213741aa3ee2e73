import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/test-postgres.ts';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import type { Store } from '../../src/lib/db/store.ts';
import { createSupabaseStore } from '../../src/lib/db/supabase-store.ts';
import { isDatabaseUnavailable } from '../../src/lib/db/unavailable.ts';

/** The contract's 3 s, with a margin for a shared, busy machine. */
const BOUND_MS = 3_500;

// Both stores when the database cannot be reached — refused, or a server (a hung proxy, a cut network) that
// accepts and then says nothing: DatabaseUnavailable (so 503 unavailable), and never past the deadline.
const stores: Record<string, (port: number) => Store> = {
  'postgres (postgres.js)': (port) => createPostgresStore(`postgres://postgres@127.0.0.1:${port}/participa`, { max: 2 }),
  'supabase (supabase-js → PostgREST)': (port) => createSupabaseStore(`http://127.0.0.1:${port}`, 'anon-key'),
};

describe.each(Object.entries(stores))('the %s store, database away', (_name, storeAt) => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  async function failureOf(port: number): Promise<{ error: unknown; ms: number }> {
    const store = storeAt(port);
    const started = performance.now();
    const error = await store.rpc('health').then(() => null, (e: unknown) => e);
    const ms = performance.now() - started;
    await store.close().catch(() => {});
    return { error, ms };
  }

  it('a refused connection is unavailable before the deadline', async () => {
    const { error, ms } = await failureOf(await freePort());
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a server that accepts and never answers is unavailable by the deadline', async () => {
    const silent = createServer((socket) => socket.on('data', () => {}));
    servers.push(silent);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { error, ms } = await failureOf((silent.address() as { port: number }).port);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(ms).toBeLessThan(BOUND_MS);
  }, 15_000);
});
