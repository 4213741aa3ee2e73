import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startServedBuild, type ServedBuild } from '../../scripts/served-build.ts';
import { startThrowawayCluster, type Cluster } from '../../scripts/test-postgres.ts';
import { prepareDatabase } from '../../scripts/prepare-database.ts';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import { isDatabaseUnavailable } from '../../src/lib/db/unavailable.ts';
import { MESSAGES } from '../../src/lib/error-messages.ts';
import { staffToken } from '../support/staff.ts';
import { sampleAnswers } from '../support/surveys.ts';

// PostgreSQL goes away (immediate shutdown, as in a crash) in the middle of a stream of survey answers
// and staff reads, and comes back: every answer is quick and honest, and nothing is lost or doubled.
const SLUG = 'oferta-de-servicios';
const HEARING = '/rendicion-de-cuentas/audiencias/audiencia-1';
const OUTAGE_MS = 7_000;
/** The contract's bound is 3 s; the margin is for a shared, busy machine. */
const BOUND_MS = 3_500;
const CLIENT_GIVES_UP_MS = 15_000;

type Answer = { kind: 'write' | 'staff' | 'page'; key?: string; sentAt: number; ms: number; status: number; code?: string; retryAfter: string | null; text: string };

let cluster: Cluster;
let served: ServedBuild;
let db: postgres.Sql;

beforeAll(async () => {
  // Durable commits: an answer acknowledged before the crash must still be there after it.
  cluster = await startThrowawayCluster({ durable: true });
  await prepareDatabase(cluster.url, { seed: true });
  served = await startServedBuild(cluster.url);
  db = postgres(cluster.url, { max: 1, onnotice: () => {} });
}, 120_000);

afterAll(async () => {
  await db?.end({ timeout: 1 });
  served?.stop();
  cluster?.stop();
});

const ip = (i: number) => `10.77.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;

async function send(kind: Answer['kind'], path: string, init: RequestInit, key?: string): Promise<Answer> {
  const sentAt = performance.now();
  try {
    const response = await fetch(`${served.url}${path}`, { ...init, redirect: 'manual', signal: AbortSignal.timeout(CLIENT_GIVES_UP_MS) });
    const text = await response.text();
    const code = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text)?.error?.code : undefined;
    return { kind, key, sentAt, ms: performance.now() - sentAt, status: response.status, code, retryAfter: response.headers.get('retry-after'), text };
  } catch (error) {
    return { kind, key, sentAt, ms: performance.now() - sentAt, status: 0, retryAfter: null, text: String(error) };
  }
}

const postAnswer = (body: string, key: string, i: number) =>
  send('write', `/api/surveys/${SLUG}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-nf-client-connection-ip': ip(i) },
    body,
  }, key);

/** The survey's no-JS form fields for the same answers, as the browser posts them to the page. */
function formFields(answers: Record<string, unknown>, key: string, sections: number): [string, string][] {
  const fields: [string, string][] = [['paso', 'enviar'], ['seccion', String(sections)], ['idempotencyKey', key], ['website', ''], ['consent', 'true']];
  for (const [id, value] of Object.entries(answers)) {
    if (Array.isArray(value)) value.forEach((v) => fields.push([`answers.${id}`, String(v)]));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([item, v]) => fields.push([`answers.${id}.${item}`, String(v)]));
    else fields.push([`answers.${id}`, String(value)]);
  }
  return fields;
}

describe('the database goes away and comes back', () => {
  it('answers every request within 3 s (503 unavailable while it is away), loses nothing and doubles nothing', async () => {
    const survey = await (await fetch(`${served.url}/api/surveys/${SLUG}`)).json();
    const answers = sampleAnswers(survey.questions);
    const typed = survey.questions.find((q: { type: string; required: boolean }) => q.required && (q.type === 'long_text' || q.type === 'short_text'));
    if (typed) answers[typed.id] = 'Texto que no se debe perder';
    const body = JSON.stringify({ answers, consent: true });
    const staff = { authorization: `Bearer ${await staffToken('admin')}` };
    const [{ n: before }] = await db`select count(*)::int as n from public.survey_responses r join public.surveys s on s.id = r.survey_id where s.slug = ${SLUG}`;

    const inflight: Promise<Answer>[] = [];
    let i = 0;
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        inflight.push(postAnswer(body, randomUUID(), i));
        if (i % 4 === 0) inflight.push(send('staff', '/api/admin/surveys', { headers: staff }));
        if (i % 8 === 0) inflight.push(send('page', '/informes/boleteria', {}));
        i++;
        await new Promise((r) => setTimeout(r, 40));
      }
    })();

    await new Promise((r) => setTimeout(r, 1_500));
    // A citizen opens the form before the database goes away, and sends it while it is away.
    expect((await send('page', `/encuestas/${SLUG}`, {})).status).toBe(200);
    expect((await send('page', HEARING, {})).status).toBe(200);
    const warmUp = randomUUID();
    expect((await postAnswer(body, warmUp, 9_999)).status).toBe(201);
    await cluster.stopServer();
    const stoppedAt = performance.now();

    // A no-JS citizen sends the form while the database is away: the form again, answers kept, the message.
    const formKey = randomUUID();
    const form = await send('write', `/encuestas/${SLUG}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: served.url, 'x-nf-client-connection-ip': ip(10_000) },
      body: new URLSearchParams(formFields(answers, formKey, 99)).toString(),
    }, formKey);
    const page = await send('page', `/encuestas/${SLUG}`, {});
    const question = await send('write', HEARING, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: served.url, 'x-nf-client-connection-ip': ip(10_001) },
      body: new URLSearchParams([
        ['question', '¿Qué pasó con la pregunta que escribí?'], ['email', 'ciudadana@example.co'], ['consent', 'true'], ['website', ''], ['idempotencyKey', randomUUID()],
      ]).toString(),
    });

    await new Promise((r) => setTimeout(r, OUTAGE_MS - (performance.now() - stoppedAt)));
    const restartedAt = performance.now();
    await cluster.startServer();
    await new Promise((r) => setTimeout(r, 4_000));
    streaming = false;
    await stream;
    const replies = await Promise.all(inflight);

    const firstBack = replies.filter((r) => r.kind === 'write' && r.status === 201 && r.sentAt > restartedAt).sort((a, b) => a.sentAt - b.sentAt)[0];
    const during = replies.filter((r) => r.sentAt >= stoppedAt && r.sentAt < restartedAt);
    const byStatus = (list: Answer[]) => list.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    const slowest = Math.max(...replies.map((r) => r.ms), form.ms, page.ms, question.ms);

    // Every key the stream sent and did not see acknowledged is sent again, until it is.
    const writes = replies.filter((r) => r.kind === 'write');
    const unacknowledged = [...writes.filter((r) => r.status !== 201), form].map((r) => r.key!);
    for (const [n, key] of unacknowledged.entries()) {
      const retried = key === formKey
        ? await send('write', `/encuestas/${SLUG}`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: served.url, 'x-nf-client-connection-ip': ip(10_000) },
            body: new URLSearchParams(formFields(answers, formKey, 99)).toString(),
          })
        : await postAnswer(body, key, 20_000 + n);
      expect(retried.status, retried.text).toBe(key === formKey ? 303 : 201);
    }
    const keys = [...writes.map((r) => r.key!), formKey, warmUp];
    const [{ n: after }] = await db`select count(*)::int as n from public.survey_responses r join public.surveys s on s.id = r.survey_id where s.slug = ${SLUG}`;
    const stored = await db`select key from private.idempotency_keys where scope = ${`survey_response/${SLUG}`} and key in ${db(keys)}`;

    console.log(
      `outage of ${(OUTAGE_MS / 1000).toFixed(1)} s: ${during.length} requests sent while away, by status ${JSON.stringify(byStatus(during))}; ` +
        `all ${replies.length} stream answers by status ${JSON.stringify(byStatus(replies))}; slowest answer ${Math.round(slowest)} ms; ` +
        `first write stored ${firstBack ? ((firstBack.sentAt + firstBack.ms - restartedAt) / 1000).toFixed(1) : '∞'} s after the restart; ` +
        `${keys.length} keys sent, ${unacknowledged.length} retried, ${after - before} responses stored`,
    );

    // Nothing lost, nothing doubled: one response per key, the warm-up answer included.
    expect(stored.length).toBe(keys.length);
    expect(after - before).toBe(keys.length);
    // Never a hang nor a 500; while the database was away, 503 unavailable with Retry-After.
    expect(replies.filter((r) => r.status === 0 || r.status >= 500 && r.status !== 503).map((r) => `${r.status} ${r.text.slice(0, 200)}`)).toEqual([]);
    expect(slowest).toBeLessThan(BOUND_MS);
    expect(during.filter((r) => r.status === 503).length).toBeGreaterThan(during.length / 2);
    for (const r of replies.filter((r) => r.status === 503)) {
      expect(r.retryAfter).toBeTruthy();
      if (r.kind !== 'page') expect(r.code).toBe('unavailable');
      else expect(r.text).toContain('no está disponible');
    }
    expect(during.filter((r) => r.kind === 'page').every((r) => r.status === 503)).toBe(true);
    expect(during.filter((r) => r.kind === 'staff').every((r) => r.status === 503)).toBe(true);

    expect(form.status).toBe(503);
    expect(form.text).toContain(MESSAGES.unavailable);
    if (typed) expect(form.text).toContain('Texto que no se debe perder');
    expect(question.status).toBe(503);
    expect(question.text).toContain(MESSAGES.unavailable);
    expect(question.text).toContain('¿Qué pasó con la pregunta que escribí?');
    expect(page.status).toBe(503);
    expect(page.text).toContain('no está disponible');
  }, 120_000);

  it('stops a statement that runs past the timeout on the server, and reports it as unavailable, not as a fault', async () => {
    await db`create function public.outage_test_sleep(p_seconds float8) returns jsonb language sql as $$ select pg_sleep(p_seconds); select '{}'::jsonb $$`;
    await db`grant execute on function public.outage_test_sleep(float8) to anon`;
    const store = createPostgresStore(cluster.url, { max: 1 });
    try {
      const started = performance.now();
      const error = await store.rpc('outage_test_sleep', { p_seconds: 10 }).catch((e: unknown) => e);
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect((error as Error & { cause: { code: string } }).cause.code).toBe('57014');
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
      // The connection the timeout interrupted goes on serving.
      expect(await store.rpc('outage_test_sleep', { p_seconds: 0 })).toEqual({});
    } finally {
      await store.close();
    }
  }, 30_000);
});
