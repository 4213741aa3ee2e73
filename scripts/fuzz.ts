// npm run fuzz: the property fuzz of tests/http/fuzz.test.ts, many more runs (FUZZ_RUNS per operation, default
// 1,000), on its own throwaway PostgreSQL and served build, so valid bodies may also land on the seed's own
// records. Prints requests, operations and every 5xx or off-contract 4xx; exits 1 if there was any.
// SKIP_BUILD=1 reuses dist/ and .netlify/; FUZZ_SEED repeats a run; FUZZ_ONLY=<text> fuzzes matching paths.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import postgres from 'postgres';
import { migrate } from '../src/lib/db/migrate.ts';
import { signStaffToken } from '../src/lib/auth/tokens.ts';
import { contractProblem, describeRequest, operationsOf, requestArb, send, type Operation } from '../tests/support/fuzz.ts';
import { startServedBuild, type ServedBuild } from './served-build.ts';
import { startThrowawayCluster, type Cluster } from './test-postgres.ts';

const root = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.FUZZ_RUNS) || 1_000;
const SEED = Number(process.env.FUZZ_SEED) || Date.now() % 2 ** 31;
const PARALLEL = 4;

/** The seed's own records, per path parameter name: with them, valid bodies reach real rows. */
const REAL: Record<string, string[]> = {
  slug: ['select slug from public.events', 'select slug from public.hearings', 'select slug from public.surveys', 'select slug from public.invitations', 'select slug from public.training_sessions'],
  id: [
    'select id::text from public.advisors',
    'select id::text from public.accountability_activities',
    'select id::text from public.hearing_questions',
    'select id::text from public.improvement_actions',
    'select id::text from public.incidence_commitments',
    'select id::text from public.paper_challenges',
    'select id::text from public.paper_measures',
    'select id::text from public.phone_contacts',
    'select id::text from public.survey_answers',
  ],
  code: ['select code from public.event_registrations', 'select code from public.advisory_bookings', 'select code from public.plan_activities'],
};
const FIXED: Record<string, string[]> = { year: ['2025', '2026', '2027'], kind: ['survey', 'hearing', 'ticket_service', 'advisory_service'], report: ['sitio', 'redes'] };

async function realParams(databaseUrl: string): Promise<Record<string, string[]>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const found: Record<string, string[]> = { ...FIXED };
  for (const [name, queries] of Object.entries(REAL)) {
    for (const query of queries) {
      const rows = await sql.unsafe(`${query} limit 5`).catch(() => []);
      found[name] = [...(found[name] ?? []), ...rows.map((row) => String(Object.values(row)[0]))];
    }
  }
  await sql.end();
  return found;
}

type Tally = { operation: string; requests: number; problems: string[] };

async function fuzz(url: string, op: Operation, params: Record<string, string[]>, token: string | null): Promise<Tally> {
  const tally: Tally = { operation: `${op.method} ${op.path}`, requests: 0, problems: [] };
  await fc.assert(
    fc.asyncProperty(requestArb(op, { realParams: params, writes: true }), async (request) => {
      tally.requests++;
      const problem = await send(url, request, token).then(contractProblem, (error: Error) => `no answer: ${error.cause ?? error.message}`);
      if (problem) tally.problems.push(`${problem}\n    ${describeRequest(request)}`);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  return tally;
}

let cluster: Cluster | undefined;
let server: ServedBuild | undefined;
let failed = true;
try {
  cluster = await startThrowawayCluster();
  await migrate(cluster.url, { seed: true });
  if (process.env.SKIP_BUILD !== '1' && spawnSync(join(root, 'node_modules', '.bin', 'astro'), ['build'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('astro build failed');
  server = await startServedBuild(cluster.url);
  const url = server.url;
  const token = await signStaffToken({ email: 'fuzz@agencia.gov.co', roles: ['admin'] }, server.env.STAFF_JWT_SECRET);
  const params = await realParams(cluster.url);
  const operations = operationsOf(await (await fetch(`${url}/api/openapi.json`)).json()).filter((op) => op.path.includes(process.env.FUZZ_ONLY ?? ''));
  console.log(`fuzz: ${operations.length} operations × ${RUNS} runs, seed ${SEED}`);

  const tallies: Tally[] = [];
  const queue = [...operations];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let op = queue.shift(); op; op = queue.shift()) tallies.push(await fuzz(url, op, params, op.staff ? token : null));
    }),
  );

  const requests = tallies.reduce((n, t) => n + t.requests, 0);
  const problems = tallies.flatMap((t) => t.problems.map((p) => `${t.operation}: ${p}`));
  for (const problem of problems.slice(0, 50)) console.log(problem);
  const fiveHundreds = problems.filter((p) => / answered 5\d\d/.test(p)).length;
  console.log(`\nrequests: ${requests}  operations: ${tallies.length}  5xx: ${fiveHundreds}  other contract problems: ${problems.length - fiveHundreds}`);
  failed = problems.length > 0;
} catch (error) {
  console.error(error);
} finally {
  server?.stop();
  cluster?.stop();
}
process.exit(failed ? 1 : 0);
