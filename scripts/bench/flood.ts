// One client floods a public write while other citizens use it: the flooder runs a closed loop of 30
// requests in flight on POST /api/surveys/:slug/responses from one address, in a worker thread of its
// own so its loop does not delay the measuring one; the others an open loop of single requests, each
// from its own address, first alone and then during the flood. Prints the flooder's 429 share and the
// others' latency; budget: the others' p99 < 250 ms on PostgreSQL during the flood, as in http-load.
import { randomUUID } from 'node:crypto';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { servedBuild } from './served.ts';
import type { BenchContext } from './types.ts';

const SECONDS = 10;
const FLOOD_IN_FLIGHT = 30;
const CITIZENS_PER_SECOND = 20;
const P99_MS = 250;
const TIMEOUT_MS = 5_000;

type Flood = { url: string; body: string; ip: string };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const post = (url: string, body: string, ip: string) =>
  fetch(`${url}/api/surveys/oferta-de-servicios/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-nf-client-connection-ip': ip },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).then(
    async (res) => (await res.arrayBuffer(), String(res.status)),
    () => 'network_error',
  );

/** The flooder's thread: answers the count of each status after SECONDS. */
async function flood({ url, body, ip }: Flood): Promise<Record<string, number>> {
  const deadline = performance.now() + SECONDS * 1000;
  const statuses: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: FLOOD_IN_FLIGHT }, async () => {
      while (performance.now() < deadline) {
        const status = await post(url, body, ip);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  return statuses;
}

if (!isMainThread && (workerData as { flood?: Flood })?.flood) {
  parentPort!.postMessage('started');
  parentPort!.postMessage(await flood((workerData as { flood: Flood }).flood));
}

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
  const { sampleAnswers } = await import('../../tests/support/surveys.ts');
  const survey = await (await fetch(`${url}/api/surveys/oferta-de-servicios`)).json();
  const body = JSON.stringify({ answers: sampleAnswers(survey.questions), consent: true });
  // A run's own addresses (TEST-NET-2 for the flooder), so a rerun on the same database starts fresh.
  const run = Math.floor(Math.random() * 250);

  const citizens = async (label: string, first: number) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const sent: Promise<void>[] = [];
    const started = performance.now();
    for (let i = first; i < first + SECONDS * CITIZENS_PER_SECOND; i++) {
      const wait = started + ((i - first) * 1000) / CITIZENS_PER_SECOND - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      sent.push(
        (async () => {
          const t0 = performance.now();
          const status = await post(url, body, `10.${run}.${i % 250}.${Math.floor(i / 250) + 1}`);
          latencies.push(performance.now() - t0);
          statuses[status] = (statuses[status] ?? 0) + 1;
        })(),
      );
    }
    await Promise.all(sent);
    latencies.sort((a, b) => a - b);
    const p99 = percentile(latencies, 99);
    const budget = label === 'during_flood' ? ` budget p99<${P99_MS}ms: ${p99 < P99_MS ? 'met' : 'NOT met'}` : '';
    log(`others ${label} rate=${CITIZENS_PER_SECOND}/s requests=${latencies.length} p50_ms=${percentile(latencies, 50).toFixed(1)} p99_ms=${p99.toFixed(1)} max_ms=${(latencies.at(-1) ?? 0).toFixed(1)} statuses=${JSON.stringify(statuses)}${budget}`);
  };

  // Alone first (it also warms up the server and the pool): this machine's figure to compare with.
  await citizens('alone', 0);
  const worker = new Worker(new URL(import.meta.url), { workerData: { flood: { url, body, ip: `198.51.100.${run}` } } });
  const next = <T>() => new Promise<T>((resolve, reject) => worker.once('message', resolve).once('error', reject));
  await next<'started'>();
  const flooded = next<Record<string, number>>();
  await citizens('during_flood', SECONDS * CITIZENS_PER_SECOND);
  const statuses = await flooded;
  await worker.terminate();
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  log(`flooder in_flight=${FLOOD_IN_FLIGHT} requests=${total} per_second=${(total / SECONDS).toFixed(0)} share_429=${(((statuses['429'] ?? 0) / total) * 100).toFixed(1)}% statuses=${JSON.stringify(statuses)}`);
}
