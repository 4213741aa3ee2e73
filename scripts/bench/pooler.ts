import { runMixedLoad } from '../../tests/support/mixed-load.ts';
import { startPgBouncer } from '../test-pgbouncer.ts';
import { servedBuild } from './served.ts';
import type { BenchContext } from './types.ts';

const REQUESTS = 1500;
const CONCURRENCY = 30;

/** The mixed-role load of tests/production/pooler.test.ts, straight to PostgreSQL and through PgBouncer in transaction mode (3 server connections). */
export async function benchPooler({ databaseUrl, log }: BenchContext): Promise<void> {
  const pooler = await startPgBouncer(databaseUrl, { poolSize: 3 });
  try {
    const routes: { label: string; url: string; env: Record<string, string> }[] = [
      { label: 'direct', url: databaseUrl, env: {} },
      { label: 'pgbouncer_transaction_pool3', url: pooler.url, env: { DATABASE_POOL_MODE: 'transaction', DATABASE_DIRECT_URL: databaseUrl } },
    ];
    for (const route of routes) {
      const server = await servedBuild(route.url, route.env);
      try {
        const options = { jwtSecret: server.env.STAFF_JWT_SECRET, concurrency: CONCURRENCY };
        await runMixedLoad(server.url, { ...options, requests: 150 }); // warm-up: JIT, pools, caches
        const load = await runMixedLoad(server.url, { ...options, requests: REQUESTS });
        log(`${route.label} requests=${REQUESTS} concurrency=${CONCURRENCY} rate=${load.requestsPerSecond.toFixed(0)}/s errors=${load.errors} statuses=${JSON.stringify(load.statuses)}`);
      } finally {
        server.stop();
      }
    }
  } finally {
    await pooler.stop();
  }
}
