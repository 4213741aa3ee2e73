import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { newClientIp, newKey, postForm, postJson, request } from '../support/http.ts';
import { countResponses, createSurvey, VALID_ANSWERS } from '../support/surveys.ts';

const responses = (slug: string) => `/api/surveys/${slug}/responses`;
const valid = { answers: VALID_ANSWERS, consent: true };

function expectContractError(reply: { status: number; body: any }, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.body.error.code).toBe(code);
  expect(typeof reply.body.error.message).toBe('string');
  expect(reply.body.error.message.length).toBeGreaterThan(10);
}

describe('GET /api/surveys/:slug', () => {
  it('returns the seeded survey 1.1 with its questions and consent text', async () => {
    const reply = await request('/api/surveys/oferta-de-servicios');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ slug: 'oferta-de-servicios', planActivity: '1.1', status: 'open' });
    expect(reply.body.questions.length).toBeGreaterThanOrEqual(6);
    expect(reply.body.consent.version).toBeTruthy();
  });

  it('answers 404 with the contract body for an unknown slug or a draft', async () => {
    expectContractError(await request('/api/surveys/no-existe'), 404, 'not_found');
    expectContractError(await request(`/api/surveys/${await createSurvey({ status: 'draft' })}`), 404, 'not_found');
  });
});

describe('POST /api/surveys/:slug/responses', () => {
  it('records the response, one row per answer, and a consent record', async () => {
    const slug = await createSurvey();
    const reply = await postJson(responses(slug), valid);
    expect(reply.status).toBe(201);
    expect(reply.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const answers = await sql`select count(*)::int as n from public.survey_answers where response_id = ${reply.body.id}`;
    expect(answers[0].n).toBe(6); // two options chosen in `temas`
    const [consent] = await sql`
      select c.text_version, c.purpose, c.given_at from private.consents c
      join public.survey_responses r on r.consent_id = c.id where r.id = ${reply.body.id}`;
    expect(consent.text_version).toBe('encuestas-v1');
    expect(consent.purpose).toBeTruthy();
  });

  it('accepts an option staff added a moment ago, though the server validated with an earlier copy', async () => {
    const slug = await createSurvey();
    expect((await postJson(responses(slug), valid)).status).toBe(201);
    await sql`
      insert into public.survey_question_options (question_id, value, label, position)
      select q.id, 'talleres', 'Talleres', 9 from public.survey_questions q
      join public.surveys s on s.id = q.survey_id where s.slug = ${slug} and q.key = 'servicio'`;
    const reply = await postJson(responses(slug), { ...valid, answers: { ...VALID_ANSWERS, servicio: 'talleres' } });
    expect(reply.status).toBe(201);
    expect(await countResponses(slug)).toBe(2);
  });

  it('replays the first result for the same Idempotency-Key and body, even at the same moment', async () => {
    const slug = await createSurvey();
    const key = newKey();
    const ip = newClientIp();
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => postJson(responses(slug), valid, { headers: { 'Idempotency-Key': key }, ip })),
    );
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(await countResponses(slug)).toBe(1);
  });

  it('answers 409 duplicate for the same key with another body, writing nothing', async () => {
    const slug = await createSurvey();
    const key = newKey();
    expect((await postJson(responses(slug), valid, { headers: { 'Idempotency-Key': key } })).status).toBe(201);
    const other = { ...valid, answers: { ...VALID_ANSWERS, calificacion: 1 } };
    expectContractError(await postJson(responses(slug), other, { headers: { 'Idempotency-Key': key } }), 409, 'duplicate');
    expect(await countResponses(slug)).toBe(1);
  });

  it('answers 422 with a Spanish message per field and writes nothing', async () => {
    const slug = await createSurvey();
    const reply = await postJson(responses(slug), { answers: { servicio: 'otro', calificacion: 9 }, consent: false, color: 'azul' });
    expectContractError(reply, 422, 'validation_failed');
    expect(reply.body.error.fields).toEqual({
      'answers.servicio': 'Elija una de las opciones.',
      'answers.calificacion': 'Elija un valor entre 1 y 5.',
      consent: 'Debe autorizar el tratamiento de sus datos para enviar sus respuestas.',
      color: 'Este campo no está permitido.',
    });
    expect(await countResponses(slug)).toBe(0);
  });

  it('rejects a filled honeypot with 422 and no hint', async () => {
    const slug = await createSurvey();
    const reply = await postJson(responses(slug), { ...valid, website: 'http://spam' });
    expectContractError(reply, 422, 'validation_failed');
    expect(reply.body.error.fields).toBeUndefined();
    expect(await countResponses(slug)).toBe(0);
  });

  it('answers 409 closed for a closed survey and for one past its closing date or not yet open', async () => {
    const closed = await createSurvey({ status: 'closed' });
    expectContractError(await postJson(responses(closed), valid), 409, 'closed');
    const past = await createSurvey({ opensAt: new Date(Date.now() - 86_400_000 * 2), closesAt: new Date(Date.now() - 86_400_000) });
    expectContractError(await postJson(responses(past), valid), 409, 'closed');
    const future = await createSurvey({ opensAt: new Date(Date.now() + 86_400_000) });
    expectContractError(await postJson(responses(future), valid), 409, 'closed');
    expect((await countResponses(closed)) + (await countResponses(past)) + (await countResponses(future))).toBe(0);
  });

  it('answers 404, 405, 413, 415 and 400 per the contract', async () => {
    expectContractError(await postJson(responses('no-existe'), valid), 404, 'not_found');
    const wrongMethod = await request(responses('oferta-de-servicios'), { method: 'PUT' });
    expectContractError(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expectContractError(await postJson(responses('oferta-de-servicios'), { answers: {}, consent: true, pad: 'x'.repeat(70_000) }), 413, 'payload_too_large');
    expectContractError(await request(responses('oferta-de-servicios'), { method: 'POST', body: 'hola', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
    expectContractError(await postJson(responses('oferta-de-servicios'), '{"answers":'), 400, 'bad_request');
  });

  it('limits each client to 30 responses per 10 minutes with 429 and Retry-After', async () => {
    // Windows are fixed 10-minute blocks: start well inside one so the 31 posts share it.
    const intoWindow = (Date.now() / 1000) % 600;
    if (intoWindow > 590) await new Promise((r) => setTimeout(r, (601 - intoWindow) * 1000));
    const slug = await createSurvey();
    const ip = newClientIp();
    for (let i = 0; i < 30; i++) expect((await postJson(responses(slug), valid, { ip })).status).toBe(201);
    const limited = await postJson(responses(slug), valid, { ip });
    expectContractError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await postJson(responses(slug), valid)).status).toBe(201);
    expect(await countResponses(slug)).toBe(31);
  });

  it('takes a no-JS form post and answers 303 to the thank-you page, or back to the form', async () => {
    const slug = await createSurvey();
    const fields: [string, string][] = [
      ['answers.servicio', 'asesoria'],
      ['answers.temas', 'precio'],
      ['answers.temas', 'horario'],
      ['answers.calificacion', '5'],
      ['answers.recomendacion', ''],
      ['answers.comentario', ''],
      ['consent', 'true'],
      ['website', ''],
      ['idempotencyKey', newKey()],
    ];
    const ok = await postForm(responses(slug), fields);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/encuestas/${slug}/gracias`);
    const again = await postForm(responses(slug), fields);
    expect(again.status).toBe(303);
    expect(await countResponses(slug)).toBe(1);
    const bad = await postForm(responses(slug), [['answers.servicio', 'asesoria']]);
    expect(bad.status).toBe(303);
    expect(bad.headers.get('location')).toBe(`/encuestas/${slug}?error=validation_failed`);
  });
});
