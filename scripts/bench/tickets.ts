import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import type { Result } from '../../src/lib/result.ts';
import { servedBuild } from './served.ts';
import { startEmbeddedWithEvent } from './tickets-embedded.ts';
import type { BenchContext } from './types.ts';

// Budgets (DESIGN.md): ≥ 1,000 claims/s through the SQL function on this machine's PostgreSQL; every public
// POST p99 < 250 ms with 0 errors at 200 req/s on PostgreSQL and 100 req/s embedded, beside GET /api/health
// at the same rate (the machine's ceiling).
const CLAIMS = 5000;
const CONNECTIONS = 32;
const SECONDS = 10;

type Load = { achieved: number; statuses: Record<number, number>; p50: number; p99: number; max: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Open loop: requests leave on schedule whether or not earlier ones finished, so queueing shows. */
export async function openLoop(rate: number, seconds: number, send: (i: number) => Promise<number>): Promise<Load> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const total = rate * seconds;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      (async () => {
        const t0 = performance.now();
        const status = await send(i).catch(() => 0);
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      })(),
    );
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  return { achieved: total / ((performance.now() - started) / 1000), statuses, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1)! };
}

async function createEvent(sql: postgres.Sql, slug: string, capacity: number): Promise<number> {
  const [row] = await sql`
    insert into public.events (slug, title, venue, starts_at, capacity, remaining, max_per_registration, closes_at)
    values (${slug}, 'Evento de medición', 'Coliseo', now() + interval '7 days', ${capacity}, ${capacity}, 1, now() + interval '6 days')
    returning id`;
  return Number(row.id);
}

let person = 60_000_000;
const registration = () => {
  person += 1;
  return { fullName: 'Persona de Medición', documentId: String(person), email: `medicion${person}@example.co`, quantity: 1, consent: true };
};

/** Claims per second: the project's SQL function (as anon, through our store) beside one bare conditional update. */
async function claimsPerSecond(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const store = createPostgresStore(databaseUrl, { max: CONNECTIONS, deadlineMs: 120_000 });
  const raw = postgres(databaseUrl, { max: CONNECTIONS, onnotice: () => {} });
  try {
    const run = Date.now().toString(36);
    const fnSlug = `medicion-funcion-${run}`;
    await createEvent(raw, fnSlug, CLAIMS * 2);
    const rawId = await createEvent(raw, `medicion-sql-${run}`, CLAIMS * 2);
    const claim = () => {
      const p = registration();
      return store.rpc<Result<unknown>>('register_for_event', {
        p_slug: fnSlug, p_full_name: p.fullName, p_document_type: 'CC', p_document_id: p.documentId, p_email: p.email,
        p_phone: null, p_quantity: 1, p_consent: true, p_client: p.documentId,
      });
    };
    await Promise.all(Array.from({ length: 200 }, claim)); // warm-up

    let t0 = performance.now();
    const results = await Promise.all(Array.from({ length: CLAIMS }, claim));
    const fnRate = CLAIMS / ((performance.now() - t0) / 1000);
    const failed = results.filter((r) => !r.ok).length;

    t0 = performance.now();
    await Promise.all(Array.from({ length: CLAIMS }, () => raw`update public.events set remaining = remaining - 1 where id = ${rawId} and remaining >= 1 returning remaining`));
    const rawRate = CLAIMS / ((performance.now() - t0) / 1000);
    log(`claims_per_s function=register_for_event claims=${CLAIMS} connections=${CONNECTIONS} rate=${fnRate.toFixed(0)}/s failed=${failed}`);
    log(`claims_per_s baseline=single_conditional_update claims=${CLAIMS} connections=${CONNECTIONS} rate=${rawRate.toFixed(0)}/s ratio=${(fnRate / rawRate).toFixed(2)}`);

    const smallSlug = `medicion-100-${run}`;
    const smallId = await createEvent(raw, smallSlug, 100);
    t0 = performance.now();
    const stampede = await Promise.all(Array.from({ length: 2000 }, () => {
      const p = registration();
      return store.rpc<Result<unknown>>('register_for_event', {
        p_slug: smallSlug, p_full_name: p.fullName, p_document_type: 'CC', p_document_id: p.documentId, p_email: p.email,
        p_phone: null, p_quantity: 1, p_consent: true, p_client: p.documentId,
      });
    }));
    const [{ remaining }] = await raw`select remaining from public.events where id = ${smallId}`;
    const won = stampede.filter((r) => r.ok).length;
    log(`stampede claims=2000 seats=100 registered=${won} sold_out=${stampede.filter((r) => !r.ok && r.error.code === 'sold_out').length} oversold=${Math.max(0, won - 100)} remaining=${remaining} ms=${(performance.now() - t0).toFixed(0)}`);
  } finally {
    await store.close();
    await raw.end({ timeout: 5 });
  }
}

/** Registrations over HTTP at `rate`, beside GET /api/health at the same rate. */
async function httpAtRate(label: string, url: string, slug: string, rate: number, log: (line: string) => void): Promise<void> {
  const post = (i: number) =>
    fetch(`${url}/api/events/${slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-nf-client-connection-ip': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
      body: JSON.stringify(registration()),
    }).then(async (r) => (await r.arrayBuffer(), r.status));
  const health = () => fetch(`${url}/api/health`).then(async (r) => (await r.arrayBuffer(), r.status));
  await openLoop(20, 2, post); // warm-up: JIT, pool, caches
  for (const [name, send] of [['get_health', health], ['post_registration', post]] as const) {
    const load = await openLoop(rate, SECONDS, send);
    log(`${label} ${name} rate=${rate}/s achieved=${load.achieved.toFixed(0)}/s statuses=${JSON.stringify(load.statuses)} p50_ms=${load.p50.toFixed(1)} p99_ms=${load.p99.toFixed(1)} max_ms=${load.max.toFixed(1)}`);
  }
}

export async function benchTickets({ databaseUrl, log }: BenchContext): Promise<void> {
  await claimsPerSecond(databaseUrl, log);

  const server = await servedBuild(databaseUrl);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const slug = `medicion-http-${Date.now().toString(36)}`;
    await createEvent(sql, slug, 100_000);
    await httpAtRate('postgres', server.url, slug, 200, log);
  } finally {
    server.stop();
    await sql.end({ timeout: 5 });
  }

  const embedded = await startEmbeddedWithEvent(100_000);
  try {
    await httpAtRate('embedded', embedded.url, embedded.slug, 100, log);
  } finally {
    await embedded.stop();
  }
}
