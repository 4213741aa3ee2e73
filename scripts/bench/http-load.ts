import { randomUUID } from 'node:crypto';
import type { BenchContext } from './types.ts';
import { servedBuild } from './served.ts';

const RATES = [100, 200]; // requests per second, open loop; 200/s is the budget
const SECONDS = 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Budget: p99 < 250 ms at 200 req/s of survey responses (POST) on loopback against the served build.
 * Open loop: requests leave on schedule whether or not earlier ones finished, so queueing shows up.
 */
export async function benchHttpLoad({ databaseUrl, log }: BenchContext): Promise<void> {
  const server = await servedBuild(databaseUrl);
  try {
    const survey = await (await fetch(`${server.url}/api/surveys/oferta-de-servicios`)).json();
    const { sampleAnswers } = await import('../../tests/support/surveys.ts');
    const body = JSON.stringify({ answers: sampleAnswers(survey.questions), consent: true });
    // Warm up first (JIT, connection pool, PostgreSQL caches), as a long-running server would be.
    await measureRate(server.url, body, 50, () => {});
    for (const rate of RATES) await measureRate(server.url, body, rate, log);
  } finally {
    server.stop();
  }
}

async function measureRate(url: string, body: string, rate: number, log: (line: string) => void): Promise<void> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const total = rate * SECONDS;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      (async () => {
        const t0 = performance.now();
        const res = await fetch(`${url}/api/surveys/oferta-de-servicios/responses`, {
          method: 'POST',
          // One citizen (client address) per request, as in real traffic, so the per-client limit stays out of the way.
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-nf-client-connection-ip': `10.${rate % 250}.${i % 250}.${Math.floor(i / 250)}` },
          body,
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      })(),
    );
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  log(`post_survey_response rate=${rate}/s requests=${total} achieved=${(total / elapsed).toFixed(0)}/s statuses=${JSON.stringify(Object.fromEntries(statuses))}`);
  log(`post_survey_response rate=${rate}/s p50_ms=${percentile(latencies, 50).toFixed(1)} p95_ms=${percentile(latencies, 95).toFixed(1)} p99_ms=${percentile(latencies, 99).toFixed(1)} max_ms=${latencies.at(-1)!.toFixed(1)}`);
}
