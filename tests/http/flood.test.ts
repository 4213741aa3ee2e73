import { describe, expect, it } from 'vitest';
import { clientHash } from '../../src/lib/fingerprints.ts';
import { sql } from '../support/db.ts';
import { newClientIp, newKey, postForm, postJson, type Reply } from '../support/http.ts';
import { countResponses, createSurvey, VALID_ANSWERS } from '../support/surveys.ts';

const IN_FLIGHT = 30;
const FLOOD = 240;
const CITIZENS = 20;

// One client at full speed against a public write, while other citizens keep using it. The flooder's
// address (TEST-NET-1) is never one that tests/support/http.ts hands out, and the survey is this test's own.
describe('one client floods POST /api/surveys/:slug/responses', () => {
  it('is limited to its share, with 429 + Retry-After, while the other citizens keep getting through', async () => {
    const slug = await createSurvey();
    const path = `/api/surveys/${slug}/responses`;
    const flooder = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    const [{ max_hits: limit, window_seconds: window }] = await sql`select max_hits, window_seconds from private.rate_limit_rules where bucket = 'survey_response'`;

    const flood: Reply[] = [];
    let sent = 0;
    const flooding = Array.from({ length: IN_FLIGHT }, async () => {
      while (sent < FLOOD) {
        sent++;
        flood.push(await postJson(path, { answers: VALID_ANSWERS, consent: true }, { ip: flooder, headers: { 'idempotency-key': newKey() } }));
      }
    });
    const citizens = Array.from({ length: CITIZENS }, () => postJson(path, { answers: VALID_ANSWERS, consent: true }, { ip: newClientIp() }));
    const [others] = await Promise.all([Promise.all(citizens), ...flooding]);

    expect(others.map((r) => r.status)).toEqual(Array(CITIZENS).fill(201));
    // Its writes take turns (two at a time), so on a slow machine a few may wait out their turn and be refused
    // before the SQL limit is reached: never more than the limit gets through.
    const allowed = flood.filter((r) => r.status === 201).length;
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThanOrEqual(limit);
    const refused = flood.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(FLOOD - allowed);
    for (const reply of refused) {
      expect(reply.status).toBe(429);
      expect(reply.body.error.code).toBe('rate_limited');
      expect(reply.body.error.message).toMatch(/\w{10}/);
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(reply.headers.get('retry-after'))).toBeLessThanOrEqual(window);
    }
    // The no-JS form of the same client goes back to the survey with the reason.
    const form = await postForm(path, [['consent', 'true']], { ip: flooder });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe(`/encuestas/${slug}?error=rate_limited`);

    expect(await countResponses(slug)).toBe(allowed + CITIZENS);
    // The database, the authority across instances, counted the allowed hits only.
    const [row] = await sql`select cardinality(hits) as hits from private.rate_limit_hits where bucket = 'survey_response' and client = ${clientHash(flooder)}`;
    expect(row.hits).toBe(allowed);
  });

  it("takes one client's writes in turns rather than refusing them: a burst under the limit all gets through", async () => {
    const slug = await createSurvey();
    const ip = newClientIp();
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => postJson(`/api/surveys/${slug}/responses`, { answers: VALID_ANSWERS, consent: true }, { ip, headers: { 'idempotency-key': newKey() } })),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(await countResponses(slug)).toBe(12);
  });
});
