// One client floods a public write while other citizens use it: the flooder runs a closed loop of 30
// requests in flight on POST /api/surveys/:slug/responses from one address, the others an open loop of
// single requests, each from its own address. Prints the flooder's 429 share and the others' latency;
// budget: the others' p99 < 250 ms on PostgreSQL, as in http-load.
import { randomUUID } from 'node:crypto';
import { sampleAnswers } from '../../tests/support/surveys.ts';
import { servedBuild } from './served.ts';
import type { BenchContext } from './types.ts';

const SECONDS = 10;
const FLOOD_IN_FLIGHT = 30;
const CITIZENS_PER_SECOND = 50;
const P99_MS = 250;
const TIMEOUT_MS = 5_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function benchFlood({ databaseUrl, log }: BenchContext): Promise<void> {
  const server = await servedBuild(databaseUrl);
  try {
    await measureFlood(server.url, log);
  } finally {
    server.stop();
  }
}

/** Against a served build at `url` (also run by hand against another build, to compare). */
export async function measureFlood(url: string, log: (line: string) => void): Promise<void> {
  const survey = await (await fetch(`${url}/api/surveys/oferta-de-servicios`)).json();
  const body = JSON.stringify({ answers: sampleAnswers(survey.questions), consent: true });
  // A run's own addresses (TEST-NET-2 for the flooder), so a rerun on the same database starts fresh.
  const run = Math.floor(Math.random() * 250);
  const post = (ip: string) =>
    fetch(`${url}/api/surveys/oferta-de-servicios/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-nf-client-connection-ip': ip },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).then(
      async (res) => (await res.arrayBuffer(), String(res.status)),
      () => 'network_error',
    );

  const deadline = performance.now() + SECONDS * 1000;
  const flood: Record<string, number> = {};
  const flooder = Array.from({ length: FLOOD_IN_FLIGHT }, async () => {
    while (performance.now() < deadline) {
      const status = await post(`198.51.100.${run}`);
      flood[status] = (flood[status] ?? 0) + 1;
    }
  });

  const latencies: number[] = [];
  const others: Record<string, number> = {};
  const citizens: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < SECONDS * CITIZENS_PER_SECOND; i++) {
    const wait = started + (i * 1000) / CITIZENS_PER_SECOND - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    citizens.push(
      (async () => {
        const t0 = performance.now();
        const status = await post(`10.${run}.${i % 250}.${Math.floor(i / 250) + 1}`);
        latencies.push(performance.now() - t0);
        others[status] = (others[status] ?? 0) + 1;
      })(),
    );
  }
  await Promise.all([...flooder, ...citizens]);

  const flooded = Object.values(flood).reduce((a, b) => a + b, 0);
  log(`flooder in_flight=${FLOOD_IN_FLIGHT} requests=${flooded} per_second=${(flooded / SECONDS).toFixed(0)} share_429=${(((flood['429'] ?? 0) / flooded) * 100).toFixed(1)}% statuses=${JSON.stringify(flood)}`);
  latencies.sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  log(`others rate=${CITIZENS_PER_SECOND}/s requests=${latencies.length} p50_ms=${percentile(latencies, 50).toFixed(1)} p99_ms=${p99.toFixed(1)} max_ms=${(latencies.at(-1) ?? 0).toFixed(1)} statuses=${JSON.stringify(others)} budget p99<${P99_MS}ms: ${p99 < P99_MS ? 'met' : 'NOT met'}`);
}
