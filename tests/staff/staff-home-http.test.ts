import { describe, expect, it } from 'vitest';
import { signStaffToken } from '../../src/lib/auth/tokens.ts';
import { createHearing, question } from '../accountability/fixture.ts';
import { sql, store } from '../support/db.ts';
import { postJson, request } from '../support/http.ts';
import { bearer, TEST_SECRET } from '../support/staff.ts';
import { csvOf, importCsv, phoneSurvey } from '../telephone/helpers.ts';
import { addRegistration, newEvent } from '../tickets-staff/fixtures.ts';
import { advisorBookedTomorrow, failedEmail, laterTodayInBogota } from './fixtures.ts';

type Section = { key: string; items: Record<string, unknown>[] };
const home = async (headers: Record<string, string>) => {
  const reply = await request('/api/admin/home', { headers });
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { today: string; sections: Section[] };
};
const section = (body: { sections: Section[] }, key: string) => body.sections.find((s) => s.key === key)?.items ?? null;
const keys = (body: { sections: Section[] }) => body.sections.map((s) => s.key);

describe('the staff home: what needs each role now', () => {
  it('shows an interviewer only the call queues, with the contacts due now', async () => {
    const slug = await phoneSurvey();
    expect((await importCsv(slug, csvOf([{ name: 'Ana Prueba' }, { name: 'Luis Prueba' }]))).status).toBe(200);
    const body = await home(await bearer('interviewer', 'encuestas-inicio@agencia.gov.co'));
    expect(keys(body)).toEqual(['phone_queue']);
    expect(section(body, 'phone_queue')).toContainEqual({ slug, title: 'Encuesta de prueba', due: 2, waiting: 0 });
  });

  it('shows the box office today’s events with seats and check-ins, and not other days', async () => {
    const today = await newEvent({ startsAt: laterTodayInBogota(), title: 'Partido de hoy' });
    const later = await newEvent({ title: 'Partido de la otra semana' });
    await addRegistration(today, { quantity: 3, checkedIn: true });
    await addRegistration(today, { quantity: 2 });
    const body = await home(await bearer('box_office'));
    expect(keys(body)).toEqual(['events_today']);
    const events = section(body, 'events_today')!;
    expect(events).toContainEqual(expect.objectContaining({ slug: today, title: 'Partido de hoy', seats: 5, checkedIn: 3 }));
    expect(events.map((e) => e.slug)).not.toContain(later);
  });

  it('shows an advisor their own bookings of today and tomorrow, and an admin everyone’s', async () => {
    const mine = await advisorBookedTomorrow();
    const other = await advisorBookedTomorrow();
    const advisor = await home(await bearer('advisor', mine.email));
    expect(keys(advisor)).toEqual(['advisory_bookings']);
    const codes = section(advisor, 'advisory_bookings')!.map((b) => b.code);
    expect(codes).toContain(mine.code);
    expect(codes).not.toContain(other.code);

    const admin = await home(await bearer('admin'));
    expect(section(admin, 'advisory_bookings')!.map((b) => b.code)).toEqual(expect.arrayContaining([mine.code, other.code]));
  });

  it('shows communications the hearing questions past their 15-working-day term and the plan’s unfinished business', async () => {
    const hearing = await createHearing();
    const sent = await postJson(`/api/hearings/${hearing.slug}/questions`, question());
    expect(sent.status, sent.text).toBe(201);
    await sql`update public.hearing_questions set due_on = current_date - 2 where hearing_id = ${hearing.id}`;
    const body = await home(await bearer('communications'));
    expect(keys(body)).toEqual(['hearing_questions', 'text_reviews', 'results_to_publish', 'improvement_overdue', 'plan_overdue']);
    expect(section(body, 'hearing_questions')).toContainEqual(expect.objectContaining({ slug: hearing.slug, overdue: 1, due: 0 }));
  });

  it('gives an admin every section, failed e-mails included; a signed-in person without a staff role is refused', async () => {
    const failed = { id: await failedEmail({ code: 'X' }, 'fallo-inicio@example.co') };
    const body = await home(await bearer('admin'));
    expect(keys(body)).toEqual([
      'phone_queue', 'events_today', 'advisory_bookings', 'hearing_questions', 'text_reviews', 'results_to_publish',
      'improvement_overdue', 'plan_overdue', 'failed_email',
    ]);
    expect(section(body, 'failed_email')).toContainEqual(expect.objectContaining({ id: Number(failed.id), template: 'ticket' }));

    // A token without a staff role is no staff session (401); the SQL function refuses such a caller too.
    const nobody = await signStaffToken({ email: 'sin-rol@agencia.gov.co', roles: [] }, TEST_SECRET);
    expect((await request('/api/admin/home', { headers: { Authorization: `Bearer ${nobody}` } })).status).toBe(401);
    const noRole = { kind: 'staff', token: '', claims: { sub: 'sin-rol', app_metadata: { roles: [] } } } as const;
    expect(await store.rpc('staff_home', {}, noRole)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('e-mails that failed for good', () => {
  it('an admin lists them and queues one again; the retry is audited and done once', async () => {
    const id = await failedEmail();
    const admin = await bearer('admin', 'admin-correo@agencia.gov.co');
    const list = await request('/api/admin/mail/failed', { headers: admin });
    expect(list.status).toBe(200);
    expect(list.body).toContainEqual(
      expect.objectContaining({ id, template: 'ticket', recipient: 'reintento@example.co', attempts: 8, lastError: 'El servidor rechazó el destinatario', retryable: true }),
    );

    const retried = await postJson(`/api/admin/mail/failed/${id}/retry`, {}, { headers: admin });
    expect(retried.status, retried.text).toBe(200);
    expect(retried.body).toEqual({ id, status: 'pending' });
    const [row] = await sql`select status, attempts, next_attempt_at <= now() as due from private.email_outbox where id = ${id}`;
    expect(row).toEqual({ status: 'pending', attempts: 0, due: true });
    const [audit] = await sql`
      select actor_email, action, before ->> 'status' as before, after ->> 'status' as after, after ->> 'recipient' as recipient
      from private.audit_log where table_name = 'email_outbox' and row_id = ${String(id)}`;
    expect(audit).toMatchObject({ actor_email: 'admin-correo@agencia.gov.co', action: 'update', before: 'failed', after: 'pending' });
    expect(audit.recipient).not.toBe('reintento@example.co');

    const again = await postJson(`/api/admin/mail/failed/${id}/retry`, {}, { headers: admin });
    expect(again.status).toBe(404);
  });

  it('from the form it goes back to the screen; a message without content cannot be retried; only admins may', async () => {
    const id = await failedEmail();
    const form = await request(`/api/admin/mail/failed/${id}/retry`, {
      method: 'POST',
      headers: { ...(await bearer('admin')), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/staff/correo/fallidos?ok=reintentado');

    const emptied = await failedEmail({});
    const closed = await postJson(`/api/admin/mail/failed/${emptied}/retry`, {}, { headers: await bearer('admin') });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('closed');

    const comms = await postJson(`/api/admin/mail/failed/${emptied}/retry`, {}, { headers: await bearer('communications') });
    expect(comms.status).toBe(403);
    expect((await request('/api/admin/mail/failed', { headers: await bearer('communications') })).status).toBe(403);
  });
});

describe('editing what staff created', () => {
  it('an admin corrects a paper challenge; points already earned keep their value; the change is audited', async () => {
    const { newChallenge } = await import('../paper/fixtures.ts');
    const challenge = await newChallenge(10);
    const admin = await bearer('admin', 'admin-retos@agencia.gov.co');
    const edit = { title: `Reto corregido ${challenge.id}`, description: 'Imprima a doble cara toda la semana.', actionLabel: 'Imprimí a doble cara', points: 20 };
    const saved = await postJson(`/api/admin/paper/challenges/${challenge.id}`, edit, { headers: admin });
    expect(saved.status, saved.text).toBe(200);
    const [row] = await sql`select title, description, action_label, points from public.paper_challenges where id = ${challenge.id}`;
    expect(row).toEqual({ title: edit.title, description: edit.description, action_label: edit.actionLabel, points: 20 });
    const [audit] = await sql`select actor_email from private.audit_log where table_name = 'paper_challenges' and row_id = ${String(challenge.id)} and action = 'update'`;
    expect(audit.actor_email).toBe('admin-retos@agencia.gov.co');

    const invalid = await postJson(`/api/admin/paper/challenges/${challenge.id}`, { ...edit, points: 500 }, { headers: admin });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields)).toEqual(['points']);
    const missing = await postJson('/api/admin/paper/challenges/999999999', edit, { headers: admin });
    expect(missing.status).toBe(404);
    const player = await postJson(`/api/admin/paper/challenges/${challenge.id}`, edit, { headers: await bearer('communications') });
    expect(player.status).toBe(403);
  });

  it('two challenges of a week cannot end with the same title', async () => {
    const { newChallenge } = await import('../paper/fixtures.ts');
    const first = await newChallenge();
    const second = await newChallenge();
    const [{ title }] = await sql`select title from public.paper_challenges where id = ${first.id}`;
    const clash = await postJson(
      `/api/admin/paper/challenges/${second.id}`,
      { title, description: 'Otra descripción del reto.', actionLabel: 'Lo hice', points: 5 },
      { headers: await bearer('admin') },
    );
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('duplicate');
  });

  it('the training edit form changes any field of a session, and refuses a bad one beside it', async () => {
    const slug = `edicion-${Date.now().toString(36)}`;
    const comms = await bearer('communications');
    const fields = { topic: 'Control social', audience: 'Veedurías', startsAt: '2026-12-09T15:00', place: 'Sala virtual' };
    expect((await postJson('/api/admin/training', { slug, ...fields }, { headers: comms })).status).toBe(201);
    const moved = await postJson(`/api/admin/training/${slug}`, { ...fields, startsAt: '2026-12-10T09:30', place: 'Auditorio principal' }, { headers: comms });
    expect(moved.status, moved.text).toBe(200);
    const page = await request('/staff/comunicaciones/capacitaciones', { headers: comms });
    expect(page.text).toContain(`action="/api/admin/training/${slug}" aria-label="Editar Control social"`);
    expect(page.text).toContain('value="2026-12-10T09:30"');
    const bad = await postJson(`/api/admin/training/${slug}`, { ...fields, place: '' }, { headers: comms });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(['place']);
  });
});
