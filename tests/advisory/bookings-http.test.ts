import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { newKey, postForm, postJson, request } from '../support/http.ts';
import { createAdvisor, createSlots, holders } from './fixture.ts';

let doc = 70_000_000 + Math.floor(Math.random() * 1e6);
const person = (slotId: string, overrides: Record<string, unknown> = {}) => {
  doc += 1;
  return {
    slotId, area: 'plan_de_negocio', fullName: 'Diana Ríos', documentId: String(doc), email: `diana${doc}@example.co`, phone: '300 555 0101',
    stage: 'starting', topic: 'Quiero ordenar los costos de mi panadería.', consent: true, ...overrides,
  };
};
const bogotaToday = async () => (await sql`select to_char((now() at time zone 'America/Bogota')::date, 'YYYY-MM-DD') as d`)[0].d as string;

describe('GET /api/advisory/slots', () => {
  it('lists a topic’s slots between two days with availability, and 422 for a bad query', async () => {
    const advisor = await createAdvisor({ topics: ['ventas_digitales'] });
    const [slot] = await createSlots(advisor.id, 1, 50);
    const from = await bogotaToday();
    const to = (await sql`select to_char(${from}::date + 7, 'YYYY-MM-DD') as d`)[0].d;
    const reply = await request(`/api/advisory/slots?topic=ventas_digitales&from=${from}&to=${to}`);
    expect(reply.status).toBe(200);
    expect(reply.body.find((s: { id: string }) => s.id === slot)).toEqual({
      id: slot, startsAt: expect.stringMatching(/Z$/), endsAt: expect.stringMatching(/Z$/), advisor: 'Asesor de Prueba', mode: 'in_person', available: true,
    });
    const bad = await request(`/api/advisory/slots?topic=ventas_digitales&from=${to}&to=${from}&x=1`);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['to', 'x']);
  });
});

describe('POST /api/advisory/bookings', () => {
  it('answers 201 {code}, then 409 slot_taken for the same slot and 409 duplicate for the same person', async () => {
    const advisor = await createAdvisor();
    const [slot, other] = await createSlots(advisor.id, 2);
    const body = person(slot);
    const first = await postJson('/api/advisory/bookings', body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/), secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const taken = await postJson('/api/advisory/bookings', person(slot));
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slot_taken');
    const duplicate = await postJson('/api/advisory/bookings', { ...body, slotId: other });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('duplicate');
    expect((await holders([other])).get(other)?.bookingId).toBeNull();
  });

  it('answers 422 for a slot inside the notice, and for bad fields with Spanish messages', async () => {
    const advisor = await createAdvisor();
    const [soon] = await createSlots(advisor.id, 1, 2);
    const early = await postJson('/api/advisory/bookings', person(soon));
    expect(early.status).toBe(422);
    expect(early.body.error.fields.slotId).toMatch(/24 horas/);
    const bad = await postJson('/api/advisory/bookings', { slotId: 'x', fullName: 'A', documentId: '1', email: 'no', phone: '1', stage: 'x', topic: '', consent: false, extra: 1 });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['consent', 'documentId', 'email', 'extra', 'fullName', 'phone', 'slotId', 'stage', 'topic']);
  });

  it('honours Idempotency-Key and answers a no-JS form with 303 to the booking page', async () => {
    const advisor = await createAdvisor();
    const [a, b] = await createSlots(advisor.id, 2);
    const key = newKey();
    const body = person(a);
    const [one, two] = await Promise.all([
      postJson('/api/advisory/bookings', body, { headers: { 'Idempotency-Key': key } }),
      postJson('/api/advisory/bookings', body, { headers: { 'Idempotency-Key': key } }),
    ]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body).toEqual(one.body);
    const form = await postForm('/api/advisory/bookings', Object.entries(person(b)).map(([k, v]) => [k, String(v)]));
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toMatch(/^\/servicios\/asesorias\/reserva\/[0-9A-Z]{4}-[0-9A-Z]{4}\?clave=[0-9a-f]{64}$/);
  });
});

describe('POST /api/advisory/bookings/:code/reschedule and /cancel', () => {
  it('moves a booking, then cancels it and the slot is offered again', async () => {
    const advisor = await createAdvisor({ topics: ['mercadeo'] });
    const [a, b] = await createSlots(advisor.id, 2, 60);
    const { body: booking } = await postJson('/api/advisory/bookings', person(a, { area: 'mercadeo' }));
    const moved = await postJson(`/api/advisory/bookings/${booking.code}/reschedule`, { secret: booking.secret, slotId: b });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ code: booking.code, startsAt: expect.any(String) });
    const wrong = await postJson(`/api/advisory/bookings/${booking.code}/cancel`, { secret: '0'.repeat(64) });
    expect(wrong.status).toBe(404);
    const cancelled = await postJson(`/api/advisory/bookings/${booking.code}/cancel`, { secret: booking.secret });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ code: booking.code, status: 'cancelled' });
    const again = await postJson(`/api/advisory/bookings/${booking.code}/cancel`, { secret: booking.secret });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('closed');
    const held = await holders([a, b]);
    expect([held.get(a)?.bookingId, held.get(b)?.bookingId]).toEqual([null, null]);
  });
});
