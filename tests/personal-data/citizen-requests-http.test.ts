import { describe, expect, it } from 'vitest';
import { SERVICE } from '../../src/lib/db/store.ts';
import { renderEmail, TEMPLATES } from '../../src/lib/email/templates.ts';
import { sql, store } from '../support/db.ts';
import { newClientIp, postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { bogotaToday, expectedDueOn, linkToken, newHolder, outbox, questionFrom, ticketFor } from './fixture.ts';

const ASK = '/api/personal-data/requests';
const CONFIRM = '/api/personal-data/requests/confirm';
const QUEUE = '/api/admin/personal-data/requests';

/** Asks and confirms as the person would; returns the confirmed request and its id. */
async function confirmed(email: string, kind: string, message?: string) {
  expect((await postJson(ASK, { email, kind })).status).toBe(202);
  const token = await linkToken(email);
  const reply = await postJson(CONFIRM, { token, kind, ...(message ? { message } : {}) });
  expect(reply.status, reply.text).toBe(200);
  const [row] = await sql`select id from public.personal_data_requests where number = ${reply.body.number}`;
  return { token, body: reply.body, id: row.id as string };
}

describe('habeas data without an account: the request', () => {
  it('answers the same whether or not anything is held, and e-mails the link either way', async () => {
    const known = newHolder();
    await ticketFor(known);
    const unknown = newHolder();

    const a = await postJson(ASK, { email: known, kind: 'consulta' });
    const b = await postJson(ASK, { email: unknown, kind: 'consulta' });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual({ status: 'link_sent' });
    expect(b.text).toBe(a.text);

    const formA = await postForm(ASK, [['email', known], ['kind', 'supresion'], ['message', '']]);
    const formB = await postForm(ASK, [['email', unknown], ['kind', 'supresion'], ['message', '']]);
    expect(formA.status).toBe(303);
    expect(formA.headers.get('location')).toBe('/datos-personales/solicitud-enviada');
    expect(formB.headers.get('location')).toBe(formA.headers.get('location'));

    expect(await outbox(known, 'personal-data-link')).toHaveLength(2);
    expect(await outbox(unknown, 'personal-data-link')).toHaveLength(2);
  });

  it('checks the address and the kind, and refuses the honeypot without a hint', async () => {
    const bad = await postJson(ASK, { email: 'no es un correo', kind: 'borrar' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'kind']);
    const form = await postForm(ASK, [['email', 'x'], ['kind', 'consulta']]);
    expect(form.headers.get('location')).toBe('/datos-personales/solicitar?error=validation_failed&campos=email');
    const page = await request(form.headers.get('location')!);
    expect(page.status).toBe(422);
    expect(page.text).toContain('Escriba un correo electrónico válido');
    const nul = await postJson(ASK, { email: newHolder(), kind: 'consulta', message: 'Hola\u0000' });
    expect(nul.status).toBe(422);
    expect(Object.keys(nul.body.error.fields)).toEqual(['message']);
    const bot = await postJson(ASK, { email: newHolder(), kind: 'consulta', website: 'http://spam' });
    expect(bot.status).toBe(422);
    expect(bot.body.error.fields).toBeUndefined();
  });

  it('limits each client (429) and each address (no further link, same answer)', async () => {
    const ip = newClientIp();
    const replies = [];
    for (let i = 0; i < 6; i += 1) replies.push(await postJson(ASK, { email: newHolder(), kind: 'consulta' }, { ip }));
    expect(replies.slice(0, 5).map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    expect(replies[5].status).toBe(429);
    expect(replies[5].body.error.code).toBe('rate_limited');
    expect(Number(replies[5].headers.get('retry-after'))).toBeGreaterThan(0);

    const email = newHolder();
    const sameAddress = [];
    for (let i = 0; i < 5; i += 1) sameAddress.push(await postJson(ASK, { email, kind: 'consulta' }));
    expect(sameAddress.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(sameAddress.map((r) => r.text)).size).toBe(1);
    expect(await outbox(email, 'personal-data-link')).toHaveLength(3);
  });
});

describe('habeas data without an account: the e-mailed link', () => {
  it('shows what is held with its consents, confirms once, and keeps only a hash of the token', async () => {
    const email = newHolder();
    const ticket = await ticketFor(email);
    expect((await postJson(ASK, { email, kind: 'consulta' })).status).toBe(202);
    const token = await linkToken(email);
    expect(await sql`select 1 from public.personal_data_requests where token_hash = ${token}`).toHaveLength(0);

    const page = await request(`/datos-personales/solicitud?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    expect(page.text).toContain(ticket.code);
    expect(page.text).toContain('boleteria-v');
    expect((await request(`/datos-personales/solicitud?token=${token}`)).status).toBe(200); // opening uses nothing

    const first = await postJson(CONFIRM, { token, kind: 'consulta' });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ kind: 'consulta', status: 'received' });
    expect(first.body.email).toBeUndefined();
    const again = await postJson(CONFIRM, { token, kind: 'supresion' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('closed');
    const after = await request(`/datos-personales/solicitud?token=${token}`);
    expect(after.text).toContain(`${first.body.number}`);
    expect(after.text).not.toContain(ticket.code);
    expect(await outbox(email, 'personal-data-received')).toHaveLength(1);
  });

  it('expires after 24 hours, and an unconfirmed request is then forgotten', async () => {
    const email = newHolder();
    expect((await postJson(ASK, { email, kind: 'consulta' })).status).toBe(202);
    const token = await linkToken(email);
    const [row] = await sql`select extract(epoch from token_expires_at - requested_at)::integer as valid from public.personal_data_requests where email = ${email}`;
    expect(row.valid).toBe(24 * 3600);
    await sql`update public.personal_data_requests set token_expires_at = now() - interval '1 second' where email = ${email}`;

    expect((await request(`/datos-personales/solicitud?token=${token}`)).status).toBe(404);
    const late = await postJson(CONFIRM, { token, kind: 'consulta' });
    expect(late.status).toBe(404);
    const form = await postForm(CONFIRM, [['token', token], ['kind', 'consulta']]);
    expect(form.headers.get('location')).toBe(`/datos-personales/solicitud?token=${token}&error=not_found&campos=`);

    await store.rpc('complete_personal_data_requests', {}, SERVICE);
    expect(await sql`select 1 from public.personal_data_requests where email = ${email}`).toHaveLength(0);
  });

  it('asks what to correct before a corrección is confirmed', async () => {
    const email = newHolder();
    expect((await postJson(ASK, { email, kind: 'correccion' })).status).toBe(202);
    const token = await linkToken(email);
    const missing = await postJson(CONFIRM, { token, kind: 'correccion' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields.message).toMatch(/corregir/);
    const done = await postJson(CONFIRM, { token, kind: 'correccion', message: 'Mi teléfono ahora es 3001234567.' });
    expect(done.status).toBe(200);
  });
});

describe('habeas data without an account: supresión in parts', () => {
  it('erases the question now, keeps the ticket until after its event with the reason, and the scheduled run completes it', async () => {
    const email = newHolder();
    const ticket = await ticketFor(email);
    await questionFrom(email);

    const { body, id } = await confirmed(email, 'supresion');
    expect(body.status).toBe('in_progress');
    expect(body.suppression.suppressed).toMatchObject({ hearingQuestions: 1, ticketRegistrations: 0 });
    expect(body.suppression.waiting).toEqual([expect.objectContaining({ dataset: 'ticketRegistrations', reason: expect.stringContaining('después del evento') })]);
    expect(body.suppressionCompletedAt).toBeNull();
    expect(await sql`select 1 from public.hearing_questions where email = ${email}`).toHaveLength(0);
    const [kept] = await sql`select full_name from public.event_registrations where code = ${ticket.code}`;
    expect(kept.full_name).toBe('Ana Titular');
    expect((await outbox(email, 'personal-data-received'))[0].payload.waiting).toHaveLength(1);

    // Nothing changes while the event is still to come …
    await store.rpc('complete_personal_data_requests', {}, SERVICE);
    expect((await sql`select suppression_completed_at from public.personal_data_requests where id = ${id}`)[0].suppression_completed_at).toBeNull();
    // … and once it has passed, the next run suppresses the ticket.
    await sql`update public.events set opens_at = now() - interval '3 days', closes_at = now() - interval '2 days', starts_at = now() - interval '1 day' where id = ${ticket.eventId}`;
    await store.rpc('complete_personal_data_requests', {}, SERVICE);
    const [done] = await sql`select suppression, suppression_completed_at from public.personal_data_requests where id = ${id}`;
    expect(done.suppression_completed_at).not.toBeNull();
    expect(done.suppression).toMatchObject({ suppressed: { ticketRegistrations: 1, hearingQuestions: 1 }, waiting: [] });
    const [gone] = await sql`select full_name, email from public.event_registrations where code = ${ticket.code}`;
    expect(gone.full_name).toBe('Titular suprimido');
    expect(gone.email).toMatch(/@suprimido\.invalid$/);
  });
});

describe('habeas data without an account: the officer', () => {
  it('sees the request due 10 or 15 working days after the Bogotá day of confirmation, holidays skipped', async () => {
    const today = bogotaToday();
    const consulta = await confirmed(newHolder(), 'consulta');
    expect(consulta.body.dueOn).toBe(await expectedDueOn(today, 10));
    const reclamo = await confirmed(newHolder(), 'correccion', 'Mi nombre se escribe con tilde: Ángela.');
    expect(reclamo.body.dueOn).toBe(await expectedDueOn(today, 15));

    const admin = await bearer('admin');
    const queue = await request(QUEUE, { headers: admin });
    expect(queue.status).toBe(200);
    expect(queue.body).toContainEqual(expect.objectContaining({ id: reclamo.id, dueOn: reclamo.body.dueOn, overdue: false, status: 'received' }));
    expect((await request(QUEUE, { headers: await bearer('communications') })).status).toBe(403);

    await sql`update public.personal_data_requests set due_on = current_date - 3 where id = ${consulta.id}`;
    const late = await request(QUEUE, { headers: admin });
    expect(late.body.find((r: { id: string }) => r.id === consulta.id)).toMatchObject({ overdue: true });
    const page = await request('/staff/datos-personales/solicitudes', { headers: admin });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Solicitud ${consulta.body.number}: Conocer mis datos (consulta)`);
    expect(page.text).toMatch(new RegExp(`Solicitud ${consulta.body.number}:[^<]*<strong> — Vencida`));
  });

  it('extends once with a reason (+5 working days consulta), e-mailing the reason, and every step is audited', async () => {
    const email = newHolder();
    const { id, body } = await confirmed(email, 'consulta');
    const admin = await bearer('admin', 'oficial@agencia.gov.co');

    const short = await postJson(`${QUEUE}/${id}/extend`, { reason: 'corto' }, { headers: admin });
    expect(short.status).toBe(422);
    const extended = await postJson(`${QUEUE}/${id}/extend`, { reason: 'Debemos consultar el archivo de la sede regional.' }, { headers: admin });
    expect(extended.status, extended.text).toBe(200);
    expect(extended.body).toMatchObject({ status: 'extended', dueOn: await expectedDueOn(body.dueOn, 5) });
    const [mail] = await outbox(email, 'personal-data-extension');
    expect(mail.payload).toMatchObject({ reason: 'Debemos consultar el archivo de la sede regional.', dueOn: extended.body.dueOn });
    const rendered = await renderEmail(TEMPLATES, 'personal-data-extension', mail.payload);
    expect(rendered.ok && rendered.rendered.subject).toBe(`Solicitud ${body.number}: prórroga del plazo de respuesta`);
    const surrogate = await postJson(`${QUEUE}/${id}/answer`, { answer: 'Respuesta con medio carácter \udc00 suelto.' }, { headers: admin });
    expect(surrogate.status).toBe(422);
    expect(Object.keys(surrogate.body.error.fields)).toEqual(['answer']);
    const twice = await postJson(`${QUEUE}/${id}/extend`, { reason: 'Otra vez necesitamos más tiempo.' }, { headers: admin });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('closed');

    const audit = await sql`select action, actor_email, after from private.audit_log where table_name = 'personal_data_requests' and row_id = ${id} order by id`;
    expect(audit.map((a) => [a.action, a.actor_email, a.after?.status])).toEqual([
      ['insert', null, 'unconfirmed'],
      ['update', null, 'received'],
      ['update', 'oficial@agencia.gov.co', 'extended'],
    ]);
    expect(audit[0].after.email).toBe('[dato personal]');
  });

  it('answers through the outbox, closes the request, and audits who answered', async () => {
    const email = newHolder();
    const { id } = await confirmed(email, 'supresion');
    const admin = await bearer('admin', 'oficial@agencia.gov.co');
    expect((await postJson(`${QUEUE}/00000000-0000-4000-8000-000000000000/answer`, { answer: 'Respuesta a nadie en particular.' }, { headers: admin })).status).toBe(404);
    expect((await postJson(`${QUEUE}/no-es-un-id/answer`, { answer: 'Respuesta a nadie en particular.' }, { headers: admin })).status).toBe(404);

    const answered = await postForm(`${QUEUE}/${id}/answer`, [['answer', 'Suprimimos sus datos de todos nuestros servicios.']], { headers: admin });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe('/staff/datos-personales/solicitudes?ok=respuesta');
    const [row] = await sql`select status, answered_by from public.personal_data_requests where id = ${id}`;
    expect(row).toEqual({ status: 'answered', answered_by: 'oficial@agencia.gov.co' });
    const [mail] = await outbox(email, 'personal-data-answer');
    const rendered = await renderEmail(TEMPLATES, 'personal-data-answer', mail.payload);
    expect(rendered.ok && rendered.rendered.text).toContain('Suprimimos sus datos de todos nuestros servicios.');
    expect((await postJson(`${QUEUE}/${id}/answer`, { answer: 'Una segunda respuesta.' }, { headers: admin })).status).toBe(409);
    const [audit] = await sql`select actor_email, after ->> 'answer' as answer from private.audit_log where table_name = 'personal_data_requests' and row_id = ${id} and after ->> 'status' = 'answered'`;
    expect(audit).toEqual({ actor_email: 'oficial@agencia.gov.co', answer: '[dato personal]' });
  });
});
