// The staff home (public.staff_home) on the demo data, per role: median and slowest of a few calls
// through our own store adapter, as the page makes them (authenticated, with the role's claims).
import { STAFF_ROLES } from '../../src/lib/auth/claims.ts';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import type { BenchContext } from './types.ts';

const RUNS = 21;

export async function benchStaffHome({ databaseUrl, log }: BenchContext): Promise<void> {
  const store = createPostgresStore(databaseUrl, { max: 1 });
  try {
    for (const role of STAFF_ROLES) {
      const caller = { kind: 'staff', token: '', claims: { sub: `bench-${role}`, email: `${role}@agencia.gov.co`, app_metadata: { roles: [role] } } } as const;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const result = await store.rpc<{ ok: boolean }>('staff_home', {}, caller);
        times.push(performance.now() - started);
        if (!result.ok) throw new Error(`staff_home refused ${role}: ${JSON.stringify(result)}`);
      }
      times.sort((a, b) => a - b);
      log(`${role}: median ${times[RUNS >> 1].toFixed(1)} ms, slowest ${times[RUNS - 1].toFixed(1)} ms (${RUNS} calls, first one included)`);
    }
  } finally {
    await store.close();
  }
}
