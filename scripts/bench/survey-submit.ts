// Survey responses at the database, without HTTP: public.submit_survey_response called as the app calls
// it (store.rpc, a pool of 10 connections, 10 calls in flight), beside public.health() the same way. On a
// machine shared with other work, this separates what the SQL costs from the HTTP server's share.
import { randomUUID } from 'node:crypto';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import { sampleAnswers } from '../../tests/support/surveys.ts';
import type { BenchContext } from './types.ts';

const CALLS = 2_000;
const IN_FLIGHT = 10;

type Figures = { perSecond: number; p50: number; p99: number; errors: number };

async function closedLoop(call: (i: number) => Promise<boolean>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < CALLS) {
        const i = next++;
        const t0 = performance.now();
        if (!(await call(i).catch(() => false))) errors++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: CALLS / seconds, p50: latencies[Math.floor(CALLS / 2)], p99: latencies[Math.floor(CALLS * 0.99)], errors };
}

export async function benchSurveySubmit({ databaseUrl, log }: BenchContext): Promise<void> {
  const store = createPostgresStore(databaseUrl, { max: IN_FLIGHT, deadlineMs: 120_000 });
  try {
    const survey = await store.rpc<{ questions: Parameters<typeof sampleAnswers>[0]; consent: { version: string } }>('get_survey', { p_slug: 'oferta-de-servicios' });
    const answers = sampleAnswers(survey.questions);
    const submit = async (i: number) => {
      const result = await store.rpc<{ ok: boolean }>('submit_survey_response', {
        p_slug: 'oferta-de-servicios', p_answers: answers, p_consent_version: survey.consent.version, p_channel: 'web',
        p_source: null, p_client: `bench-${i}-${randomUUID()}`, p_idempotency_key: randomUUID(), p_request_hash: 'bench',
      });
      return result.ok;
    };
    const health = async () => (await store.rpc<boolean>('health')) !== null;
    await closedLoop(submit); // warm-up: plans cached in every connection
    const [h, s] = [await closedLoop(health), await closedLoop(submit)];
    for (const [name, f] of [['health', h], ['submit_survey_response', s]] as const) {
      log(`${name} calls=${CALLS} in_flight=${IN_FLIGHT} per_second=${f.perSecond.toFixed(0)} p50_ms=${f.p50.toFixed(1)} p99_ms=${f.p99.toFixed(1)} errors=${f.errors}`);
    }
    log(`submit_survey_response / health = ${(s.perSecond / h.perSecond).toFixed(2)}`);
  } finally {
    await store.close();
  }
}
