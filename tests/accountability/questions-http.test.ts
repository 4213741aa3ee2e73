import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { newClientIp, newKey, postForm, postJson } from '../support/http.ts';
import { createHearing, question } from './fixture.ts';

const questions = (slug: string) => `/api/hearings/${slug}/questions`;
const stored = (hearingId: number) => sql`select number, body, full_name, email, status, due_on::text from public.hearing_questions where hearing_id = ${hearingId} order by number`;

describe('POST /api/hearings/:slug/questions', () => {
  it('answers 201 {id} and keeps the question numbered, with its consent and its due date', async () => {
    const hearing = await createHearing();
    const reply = await postJson(questions(hearing.slug), question({ fullName: '  Ana   María Ruiz ', email: 'Ana.Ruiz@Example.co' }));
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), number: 1, dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const [row] = await stored(hearing.id);
    expect(row).toMatchObject({ number: 1, full_name: 'Ana María Ruiz', email: 'ana.ruiz@example.co', status: 'received' });
    const [{ due }] = await sql`select private.question_due_on(now())::text as due`;
    expect(row.due_on).toBe(due);
    expect(reply.body.dueOn).toBe(due);
    const consents = await sql`select text_version from private.consents where subject_table = 'hearing_questions' and subject_id = ${reply.body.id}`;
    expect(consents).toEqual([{ text_version: 'audiencias-v1' }]);
  });

  it('takes the no-JavaScript form and answers 303 to the confirmation page', async () => {
    const hearing = await createHearing();
    const reply = await postForm(questions(hearing.slug), [
      ['question', '¿Qué resultados tuvo la encuesta de servicios?'],
      ['fullName', ''],
      ['email', 'sin.js@example.co'],
      ['consent', 'true'],
      ['website', ''],
      ['idempotencyKey', newKey()],
    ]);
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe(`/rendicion-de-cuentas/audiencias/${hearing.slug}/pregunta-enviada?numero=1`);
    expect((await stored(hearing.id)).map((r) => r.full_name)).toEqual([null]);
  });

  it('answers 422 with a Spanish message per field (unknown fields too), the honeypot without a hint, and writes nothing', async () => {
    const hearing = await createHearing();
    const bad = await postJson(questions(hearing.slug), { question: 'corta', fullName: 'A', email: 'no-es-correo', consent: false, extra: 1 });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['consent', 'email', 'extra', 'fullName', 'question']);
    expect(bad.body.error.fields.consent).toBe('Debe aceptar el tratamiento de datos personales para recibir la respuesta.');
    const bot = await postJson(questions(hearing.slug), question({ website: 'https://spam.example' }));
    expect(bot.status).toBe(422);
    expect(bot.body.error.fields).toBeUndefined();
    const noConsent = await postJson(questions(hearing.slug), question({ consent: undefined }));
    expect(noConsent.body.error.fields).toEqual({ consent: 'Debe aceptar el tratamiento de datos personales para recibir la respuesta.' });
    expect(await stored(hearing.id)).toEqual([]);
  });

  it('answers 404 for an unknown hearing and 409 closed outside the question window', async () => {
    expect((await postJson(questions('no-existe'), question())).status).toBe(404);
    const later = await createHearing({ opensInHours: 48, closesInHours: 96 });
    const early = await postJson(questions(later.slug), question());
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('closed');
    expect(early.body.error.message).toMatch(/recibe preguntas desde el/);
    const past = await createHearing({ opensInHours: -96, closesInHours: -1, startsInDays: -1 });
    const late = await postJson(questions(past.slug), question());
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/ya no recibe preguntas/);
  });

  it('honours Idempotency-Key: the same body once, even at the same moment; another body 409', async () => {
    const hearing = await createHearing();
    const body = question();
    const key = newKey();
    const [a, b] = await Promise.all([
      postJson(questions(hearing.slug), body, { headers: { 'idempotency-key': key } }),
      postJson(questions(hearing.slug), body, { headers: { 'idempotency-key': key } }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    const other = await postJson(questions(hearing.slug), question(), { headers: { 'idempotency-key': key } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('duplicate');
    expect(await stored(hearing.id)).toHaveLength(1);
  });

  it('numbers simultaneous questions without gaps or repeats', async () => {
    const hearing = await createHearing();
    const replies = await Promise.all(Array.from({ length: 8 }, () => postJson(questions(hearing.slug), question())));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(replies.map((r) => r.body.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('answers 429 with Retry-After once one client sends too many, and not to another client', async () => {
    const hearing = await createHearing();
    const ip = newClientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await postJson(questions(hearing.slug), question(), { ip })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    const limited = await postJson(questions(hearing.slug), question(), { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await postJson(questions(hearing.slug), question())).status).toBe(201);
  });
});
