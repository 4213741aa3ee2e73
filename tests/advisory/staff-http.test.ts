import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { createAdvisor, createSlots, pastBooking } from './fixture.ts';

const SLOT_FIELDS = { sessionMinutes: 45, bufferMinutes: 15 };
const bogotaDay = async (offset: number) => (await sql`select to_char((now() at time zone 'America/Bogota')::date + ${offset}::int, 'YYYY-MM-DD') as d`)[0].d as string;

describe('staff advisory endpoints', () => {
  it('an admin registers an advisor whose weekly rules become bookable slots (201), and 409 for the same e-mail', async () => {
    const email = `nuevo-${Date.now()}@agencia.gov.co`;
    const body = { name: 'Marta Salazar', email, topics: ['formalizacion'], mode: 'online', meetingUrl: 'https://meet.example.co/marta', rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, starts: '09:00', ends: '10:00', ...SLOT_FIELDS })) };
    const created = await postJson('/api/admin/advisory/advisors', body, { headers: await bearer('admin') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), email, topics: ['formalizacion'], mode: 'online' });
    const [{ slots }] = await sql`select count(*)::int as slots from public.advisory_slots where advisor_id = ${created.body.id}`;
    expect(slots).toBeGreaterThanOrEqual(15);
    expect((await postJson('/api/admin/advisory/advisors', body, { headers: await bearer('admin') })).status).toBe(409);
    expect((await postJson('/api/admin/advisory/advisors', body, { headers: await bearer('advisor') })).status).toBe(403);
  });

  it('an admin adds one extra slot (201 {id}); an overlapping one is 409', async () => {
    const advisor = await createAdvisor();
    const day = await bogotaDay(3);
    const slot = { advisorId: advisor.id, startsAt: `${day}T16:00`, endsAt: `${day}T16:45` };
    const created = await postJson('/api/admin/advisory/slots', slot, { headers: await bearer('admin') });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String) });
    const overlap = await postJson('/api/admin/advisory/slots', { ...slot, startsAt: `${day}T16:30`, endsAt: `${day}T17:00` }, { headers: await bearer('admin') });
    expect(overlap.status).toBe(409);
  });

  it('an advisor sees only their own agenda; an admin sees every advisor', async () => {
    const mine = await createAdvisor();
    const theirs = await createAdvisor();
    await createSlots(mine.id, 1, 30);
    await createSlots(theirs.id, 1, 30);
    const from = await bogotaDay(0);
    const to = await bogotaDay(3);
    const own = await request(`/api/admin/advisory/agenda?from=${from}&to=${to}`, { headers: await bearer('advisor', mine.email) });
    expect(own.status).toBe(200);
    const advisors = new Set(own.body.slots.map((s: { advisorId: string }) => s.advisorId));
    expect([...advisors]).toEqual([mine.id]);
    const all = await request(`/api/admin/advisory/agenda?from=${from}&to=${to}`, { headers: await bearer('admin') });
    const allAdvisors = new Set(all.body.slots.map((s: { advisorId: string }) => s.advisorId));
    expect(allAdvisors.has(mine.id) && allAdvisors.has(theirs.id)).toBe(true);
  });

  it('the booking’s advisor records attendance and advice; the survey invitation is queued once; another advisor gets 404', async () => {
    const advisor = await createAdvisor();
    const other = await createAdvisor();
    const email = `asistente-${Date.now()}@example.co`;
    const { code } = await pastBooking(advisor.id, email);
    const record = { attendance: 'attended', topicsCovered: ['plan_de_negocio', 'financiacion'], nextSteps: 'Costear el producto y volver en un mes.', referral: 'Banca de las oportunidades' };
    const stranger = await postJson(`/api/admin/advisory/bookings/${code}/record`, record, { headers: await bearer('advisor', other.email) });
    expect(stranger.status).toBe(404);
    const saved = await postJson(`/api/admin/advisory/bookings/${code}/record`, record, { headers: await bearer('advisor', advisor.email) });
    expect(saved.status).toBe(200);
    expect(saved.body.record).toMatchObject({ attendance: 'attended', topicsCovered: ['financiacion', 'plan_de_negocio'], referral: 'Banca de las oportunidades' });
    await postJson(`/api/admin/advisory/bookings/${code}/record`, record, { headers: await bearer('advisor', advisor.email) });
    const mails = await sql`select payload ->> 'surveySlug' as slug from private.email_outbox where template = 'advisory-survey' and recipient = ${email}`;
    expect(mails.map((m) => m.slug)).toEqual(['satisfaccion-asesorias']);
    const incomplete = await postJson(`/api/admin/advisory/bookings/${code}/record`, { attendance: 'attended' }, { headers: await bearer('advisor', advisor.email) });
    expect(incomplete.status).toBe(422);
    expect(Object.keys(incomplete.body.error.fields).sort()).toEqual(['nextSteps', 'topicsCovered']);
  });

  it('the published figures count bookings, attendance, topics and stages without personal data', async () => {
    const reply = await request('/informes/asesorias');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('Tasa de asistencia');
    expect(reply.text).not.toContain('@example.co');
  });
});
