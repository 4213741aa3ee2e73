import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServedBuild, type ServedBuild } from '../../scripts/served-build.ts';
import { startPgBouncer, type Pooler } from '../../scripts/test-pgbouncer.ts';
import { sql } from '../support/db.ts';
import { DATABASE_URL } from '../support/env.ts';
import { runMixedLoad } from '../support/mixed-load.ts';
import { TEST_SECRET } from '../support/staff.ts';

// Supabase's Supavisor on 6543 and PgBouncer in transaction mode give each transaction whichever server
// connection is free: a role or claims left on a session would serve the next caller, and a statement
// prepared on one connection is missing on the next.
describe('behind a transaction pooler (PgBouncer, pool_mode = transaction, 3 server connections)', () => {
  let pooler: Pooler | undefined;
  let server: ServedBuild | undefined;

  beforeAll(async () => {
    pooler = await startPgBouncer(DATABASE_URL, { poolSize: 3 });
    // Migrations need a session, so they go straight to the database.
    server = await startServedBuild(pooler.url, { DATABASE_POOL_MODE: 'transaction', DATABASE_DIRECT_URL: DATABASE_URL });
  }, 120_000);

  afterAll(async () => {
    server?.stop();
    await pooler?.stop();
  });

  it('serves 1,500 mixed-role requests at concurrency 30 with every answer right and every write under its own author', async () => {
    const load = await runMixedLoad(server!.url, { jwtSecret: TEST_SECRET, requests: 1500, concurrency: 30 });

    // No 5xx, and no rightful caller refused as if it were someone else.
    expect(load.statuses).toEqual({ survey: { 201: 750 }, admin: { 200: 300 }, interviewer: { 200: 300 }, write: { 201: 150 } });

    // Ten staff members wrote at once: each write's audit row names whoever sent it, so no call ran with
    // another's claims.
    const audited = await sql<{ row_id: string; actor_email: string }[]>`
      select row_id, actor_email from private.audit_log
      where table_name = 'improvement_actions' and action = 'insert' and row_id = any(${load.writes.map((w) => w.id)})`;
    const byRow = (rows: { id: string; email: string }[]) => rows.map((r) => `${r.id} ${r.email}`).sort();
    expect(byRow(audited.map((r) => ({ id: r.row_id, email: r.actor_email })))).toEqual(byRow(load.writes));
  }, 300_000);
});
