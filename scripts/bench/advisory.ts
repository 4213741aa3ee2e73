import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { signStaffToken } from '../../src/lib/auth/tokens.ts';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import type { Result } from '../../src/lib/result.ts';
import { servedBuild } from './served.ts';
import { openLoop } from './tickets.ts';
import type { BenchContext } from './types.ts';

// Budgets (DESIGN.md): 1,000 concurrent bookings on 10 slots → exactly 10; every public POST p99 < 250 ms
// with 0 errors at 200 req/s on PostgreSQL and 100 req/s embedded, beside GET /api/health at the same rate.
const BOOKINGS = 3000;
const CONNECTIONS = 32;
const SECONDS = 10;
const TOPIC = 'plan_de_negocio';

let person = 80_000_000;
const booking = (slotId: string) => {
  person += 1;
  return { slotId, area: TOPIC, fullName: 'Persona de Medición', documentId: String(person), email: `asesoria${person}@example.co`, phone: '3005550000', stage: 'idea', topic: 'Medición de carga', consent: true };
};
const sqlArgs = (b: ReturnType<typeof booking>) => ({
  p_slot_id: b.slotId, p_area: b.area, p_full_name: b.fullName, p_document_type: 'CC', p_document_id: b.documentId, p_email: b.email,
  p_phone: b.phone, p_business_name: null, p_stage: b.stage, p_need: b.topic, p_consent: true, p_client: b.documentId,
});

/** `advisors` advisors with hourly slots from 25 hours ahead to the end of the horizon: ~670 each. */
async function slotsInSql(sql: postgres.Sql, advisors: number): Promise<string[]> {
  const run = randomUUID().slice(0, 8);
  const rows = await sql`
    with a as (
      insert into public.advisors (name, email, topics, mode, venue)
      select 'Asesor de Medición ' || g, 'medicion-' || ${run} || '-' || g || '@agencia.gov.co', array[${TOPIC}], 'in_person', 'Sala'
      from generate_series(1, ${advisors}) g returning id
    )
    insert into public.advisory_slots (advisor_id, starts_at, ends_at, source)
    select a.id, date_trunc('hour', now()) + make_interval(hours => h), date_trunc('hour', now()) + make_interval(hours => h, mins => 45), 'extra'
    from a, generate_series(26, 29 * 24) h
    returning id`;
  return rows.map((r) => r.id as string);
}

/** The same through the staff API, for the embedded default (one process owns its database). */
async function slotsOverHttp(url: string, secret: string, advisors: number, perAdvisor: number): Promise<string[]> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${await signStaffToken({ email: 'admin@agencia.gov.co', roles: ['admin'] }, secret)}` };
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as { id: string };
  };
  const ids: string[] = [];
  const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 26 * 3_600_000;
  for (let a = 0; a < advisors; a++) {
    const { id } = await post('/api/admin/advisory/advisors', { name: `Asesor de Medición ${a}`, email: `medicion-${randomUUID().slice(0, 8)}@agencia.gov.co`, topics: [TOPIC], venue: 'Sala' });
    for (let h = 0; h < perAdvisor; h++) {
      const startsAt = new Date(start + h * 3_600_000);
      ids.push((await post('/api/admin/advisory/slots', { advisorId: id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 45 * 60_000).toISOString() })).id);
    }
  }
  return ids;
}

/** Bookings per second through the SQL function (as anon, through our store), and the 1,000-on-10 stampede. */
async function bookingsPerSecond(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const store = createPostgresStore(databaseUrl, { max: CONNECTIONS, deadlineMs: 120_000 });
  const raw = postgres(databaseUrl, { max: CONNECTIONS, onnotice: () => {} });
  try {
    const slots = await slotsInSql(raw, Math.ceil((BOOKINGS + 200) / 670));
    const [warm, measured] = [slots.slice(0, 200), slots.slice(200, 200 + BOOKINGS)];
    await Promise.all(warm.map((s) => store.rpc('book_advisory_slot', sqlArgs(booking(s)))));
    const t0 = performance.now();
    const results = await Promise.all(measured.map((s) => store.rpc<Result<unknown>>('book_advisory_slot', sqlArgs(booking(s)))));
    const rate = measured.length / ((performance.now() - t0) / 1000);
    log(`bookings_per_s function=book_advisory_slot bookings=${measured.length} connections=${CONNECTIONS} rate=${rate.toFixed(0)}/s failed=${results.filter((r) => !r.ok).length}`);

    const ten = (await slotsInSql(raw, 1)).slice(0, 10);
    const t1 = performance.now();
    const stampede = await Promise.all(Array.from({ length: 1000 }, (_, i) => store.rpc<Result<unknown>>('book_advisory_slot', sqlArgs(booking(ten[i % 10])))));
    const booked = stampede.filter((r) => r.ok).length;
    const taken = stampede.filter((r) => !r.ok && r.error.code === 'slot_taken').length;
    log(`stampede requests=1000 slots=10 booked=${booked} slot_taken=${taken} other=${1000 - booked - taken} ms=${(performance.now() - t1).toFixed(0)}`);
  } finally {
    await store.close();
    await raw.end({ timeout: 5 });
  }
}

/** Bookings over HTTP at `rate`, one slot each, beside GET /api/health at the same rate. */
async function httpAtRate(label: string, url: string, slots: string[], rate: number, log: (line: string) => void): Promise<void> {
  let next = 0;
  const post = (i: number) =>
    fetch(`${url}/api/advisory/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-nf-client-connection-ip': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
      body: JSON.stringify(booking(slots[next++])),
    }).then(async (r) => (await r.arrayBuffer(), r.status));
  const health = () => fetch(`${url}/api/health`).then(async (r) => (await r.arrayBuffer(), r.status));
  await openLoop(20, 2, post); // warm-up: JIT, pool, caches
  for (const [name, send] of [['get_health', health], ['post_booking', post]] as const) {
    const load = await openLoop(rate, SECONDS, send);
    log(`${label} ${name} rate=${rate}/s achieved=${load.achieved.toFixed(0)}/s statuses=${JSON.stringify(load.statuses)} p50_ms=${load.p50.toFixed(1)} p99_ms=${load.p99.toFixed(1)} max_ms=${load.max.toFixed(1)}`);
  }
}

export async function benchAdvisory({ databaseUrl, log }: BenchContext): Promise<void> {
  await bookingsPerSecond(databaseUrl, log);

  const server = await servedBuild(databaseUrl);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await httpAtRate('postgres', server.url, await slotsInSql(sql, 4), 200, log);
  } finally {
    server.stop();
    await sql.end({ timeout: 5 });
  }

  const embedded = await servedBuild(null);
  try {
    await httpAtRate('embedded', embedded.url, await slotsOverHttp(embedded.url, embedded.env.STAFF_JWT_SECRET, 2, 540), 100, log);
  } finally {
    embedded.stop();
  }
}
