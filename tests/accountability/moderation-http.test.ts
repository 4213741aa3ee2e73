import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { createHearing, question, questionId } from './fixture.ts';

const send = async (slug: string, overrides: Record<string, unknown> = {}) => {
  const reply = await postJson(`/api/hearings/${slug}/questions`, question(overrides));
  expect(reply.status).toBe(201);
  return reply.body as { id: string; number: number };
};
const staffPost = async (path: string, body: unknown, role: 'communications' | 'box_office' = 'communications') =>
  postJson(path, body, { headers: await bearer(role) });
const answerMails = (recipient: string) =>
  sql`select payload from private.email_outbox where template = 'hearing-answer' and recipient = ${recipient} order by id`;

describe('staff moderate and answer hearing questions', () => {
  it('answers live with the recording time, settles its merged duplicate, and e-mails both askers', async () => {
    const hearing = await createHearing();
    const first = await send(hearing.slug, { email: 'primera.persona@example.co', fullName: 'Primera Persona' });
    const dup = await send(hearing.slug, { email: 'segunda.persona@example.co' });
    const base = `/api/admin/hearings/${hearing.slug}/questions`;

    const merged = await staffPost(`${base}/${dup.id}/moderation`, { action: 'merge', into: first.number });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: 1, answeredAt: null });
    expect((await staffPost(`${base}/${dup.id}/answer`, { mode: 'written', answer: 'No debería guardarse.' })).body.error.code).toBe('closed');

    const noTime = await staffPost(`${base}/${first.id}/answer`, { mode: 'live', answer: 'Respuesta en vivo.' });
    expect(noTime.status).toBe(422);
    expect(Object.keys(noTime.body.error.fields)).toEqual(['recordingAt']);

    const answered = await staffPost(`${base}/${first.id}/answer`, { mode: 'live', answer: 'Se invirtieron 120 millones de pesos.', recordingAt: '42:10' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'published', answerMode: 'live', recordingAt: '00:42:10', onTime: true, answeredBy: 'communications@agencia.gov.co' });
    const again = await staffPost(`${base}/${first.id}/answer`, { mode: 'written', answer: 'Otra respuesta.' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate');

    const [mail] = await answerMails('primera.persona@example.co');
    expect(mail.payload).toMatchObject({ outcome: 'answered', answer: 'Se invirtieron 120 millones de pesos.', recordingAt: '00:42:10', fullName: 'Primera Persona' });
    const [dupMail] = await answerMails('segunda.persona@example.co');
    expect(dupMail.payload).toMatchObject({ outcome: 'merged', mergedInto: 1, answer: 'Se invirtieron 120 millones de pesos.' });

    const page = await request(`/rendicion-de-cuentas/audiencias/${hearing.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Se invirtieron 120 millones de pesos.');
    expect(page.text).toContain('minuto 42:10 de la grabación');
    expect(page.text).toContain('2 de 2 preguntas tienen respuesta');
    expect(page.text).not.toContain('primera.persona@example.co');
    expect(page.text).not.toContain('Primera Persona');
  });

  it('marks a question out of scope only with a reason, publishes the reason, never its text, and deletes nothing', async () => {
    const hearing = await createHearing();
    const sent = await send(hearing.slug, { question: 'Texto que no es del tema de la audiencia pública.', email: 'fuera.tema@example.co' });
    const path = `/api/admin/hearings/${hearing.slug}/questions/${sent.id}/moderation`;
    const noReason = await staffPost(path, { action: 'out_of_scope' });
    expect(noReason.status).toBe(422);
    expect(Object.keys(noReason.body.error.fields)).toEqual(['reason']);
    const marked = await staffPost(path, { action: 'out_of_scope', reason: 'Corresponde a la alcaldía: radíquela allí.' });
    expect(marked.body).toMatchObject({ status: 'out_of_scope', reason: 'Corresponde a la alcaldía: radíquela allí.' });
    expect((await staffPost(path, { action: 'publish' })).body.error.code).toBe('closed');
    expect((await answerMails('fuera.tema@example.co'))[0].payload).toMatchObject({ outcome: 'out_of_scope', reason: 'Corresponde a la alcaldía: radíquela allí.' });
    const page = await request(`/rendicion-de-cuentas/audiencias/${hearing.slug}`);
    expect(page.text).toContain('Corresponde a la alcaldía');
    expect(page.text).not.toContain('Texto que no es del tema');
    expect(await sql`select count(*)::int as n from public.hearing_questions where hearing_id = ${hearing.id}`).toEqual([{ n: 1 }]);
  });

  it('refuses a merge into itself or into another hearing\'s question, and unknown ids', async () => {
    const hearing = await createHearing();
    const other = await createHearing();
    const a = await send(hearing.slug);
    await send(other.slug);
    await send(other.slug);
    const path = `/api/admin/hearings/${hearing.slug}/questions/${a.id}/moderation`;
    expect((await staffPost(path, { action: 'merge', into: 1 })).status).toBe(422);
    expect((await staffPost(path, { action: 'merge', into: 2 })).status).toBe(422);
    expect((await staffPost(`/api/admin/hearings/${hearing.slug}/questions/no-es-uuid/answer`, { mode: 'written', answer: 'Hola mundo' })).status).toBe(404);
    expect((await staffPost(path, { action: 'borrar' })).status).toBe(422);
  });

  it('lets only communications (and admin) read senders or settle questions', async () => {
    const hearing = await createHearing();
    const sent = await send(hearing.slug, { email: 'privada@example.co' });
    const denied = await staffPost(`/api/admin/hearings/${hearing.slug}/questions/${sent.id}/moderation`, { action: 'publish' }, 'box_office');
    expect(denied.status).toBe(403);
    const read = await request(`/api/admin/hearings/${hearing.slug}`, { headers: await bearer('communications') });
    expect(read.status).toBe(200);
    expect(read.body.questions[0]).toMatchObject({ email: 'privada@example.co', status: 'received' });
    expect((await request(`/api/admin/hearings/${hearing.slug}`, { headers: await bearer('box_office') })).status).toBe(403);
    expect(await questionId(hearing.id, 1)).toBe(sent.id);
  });

  it('records attendance and refuses negative counts', async () => {
    const hearing = await createHearing();
    const bad = await staffPost(`/api/admin/hearings/${hearing.slug}/attendance`, { onlineViewers: -3 });
    expect(bad.status).toBe(422);
    const ok = await staffPost(`/api/admin/hearings/${hearing.slug}/attendance`, { onlineViewers: '312', inPersonAttendees: 45 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ onlineViewers: 312, inPersonAttendees: 45 });
  });
});

describe('personal data of the people who ask (Ley 1581)', () => {
  it('exports what the hearings hold about an address, then erases name and address, keeping the question public', async () => {
    const hearing = await createHearing();
    const email = `habeas.${Date.now()}@example.co`;
    const sent = await send(hearing.slug, { email, fullName: 'Marta Gil' });
    const exported = await staffPost('/api/admin/accountability/personal-data/export', { email: email.toUpperCase() });
    expect(exported.status).toBe(200);
    expect(exported.body.questions).toMatchObject([{ hearing: hearing.slug, number: 1, fullName: 'Marta Gil', email, consent: { version: 'audiencias-v1' } }]);
    expect((await staffPost('/api/admin/accountability/personal-data/forget', { email }, 'box_office')).status).toBe(403);
    const forgotten = await staffPost('/api/admin/accountability/personal-data/forget', { email });
    expect(forgotten.body).toEqual({ forgotten: 1 });
    expect(await sql`select email, full_name, forgotten_at is not null as forgotten from public.hearing_questions where id = ${sent.id}`).toEqual([{ email: null, full_name: null, forgotten: true }]);
    // Answering it later publishes the answer and e-mails nobody.
    const answered = await staffPost(`/api/admin/hearings/${hearing.slug}/questions/${sent.id}/answer`, { mode: 'written', answer: 'Respuesta publicada sin correo.' });
    expect(answered.status).toBe(200);
    expect(await sql`select 1 from private.email_outbox where dedupe_key = ${`hearing-answer:${sent.id}`}`).toHaveLength(0);
    const audit = await sql`select after ->> 'email' as email from private.audit_log where table_name = 'hearing_questions' and row_id = ${sent.id} order by id`;
    expect(audit.map((a) => a.email)).not.toContain(email);
  });
});
