import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { sql } from '../support/db.ts';

export type TestAdvisor = { id: string; email: string };

/** An advisor of its own per test (written straight into the table), with no rules and so no slots. */
export async function createAdvisor(options: { topics?: string[]; mode?: 'in_person' | 'online'; email?: string } = {}, db: postgres.Sql = sql): Promise<TestAdvisor> {
  const email = options.email ?? `asesor-${randomUUID().slice(0, 12)}@agencia.gov.co`;
  const online = options.mode === 'online';
  const [row] = await db`
    insert into public.advisors (name, email, topics, mode, venue, meeting_url)
    values ('Asesor de Prueba', ${email}, ${options.topics ?? ['plan_de_negocio']}, ${online ? 'online' : 'in_person'},
            ${online ? null : 'Sala de prueba'}, ${online ? 'https://meet.example.co/prueba' : null})
    returning id`;
  return { id: row.id, email };
}

/** Free slots of an advisor, 45 minutes each, the first `hoursAhead` from now, one per hour after it. */
export async function createSlots(advisorId: string, count: number, hoursAhead = 48, db: postgres.Sql = sql): Promise<string[]> {
  const rows = await db`
    insert into public.advisory_slots (advisor_id, starts_at, ends_at, source)
    select ${advisorId}, date_trunc('minute', now()) + make_interval(hours => ${hoursAhead} + g),
           date_trunc('minute', now()) + make_interval(hours => ${hoursAhead} + g, mins => 45), 'extra'
    from generate_series(0, ${count - 1}) g
    returning id`;
  return rows.map((r) => r.id as string);
}

let documentCounter = Math.floor(Math.random() * 1e7);

/** A booking body for the SQL function, with a fresh document number. */
export function bookingArgs(slotId: string, overrides: Record<string, unknown> = {}) {
  documentCounter += 1;
  return {
    p_slot_id: slotId,
    p_area: 'plan_de_negocio',
    p_full_name: 'Emprendedora de Prueba',
    p_document_type: 'CC',
    p_document_id: String(20_000_000 + documentCounter),
    p_email: `emprende${documentCounter}@example.co`,
    p_phone: '300 555 0000',
    p_business_name: null,
    p_stage: 'idea',
    p_need: 'Necesito armar el plan de negocio.',
    p_consent: true,
    p_client: `client-${documentCounter}`,
    p_idempotency_key: null,
    p_request_hash: null,
    ...overrides,
  };
}

/** The slot invariant in one snapshot: who holds each slot, and which slot each active booking holds. */
export async function holders(slotIds: string[]) {
  const rows = await sql`
    select s.id, s.booking_id, (select count(*)::int from public.advisory_bookings b where b.slot_id = s.id and b.status = 'booked') as active
    from public.advisory_slots s where s.id = any (${slotIds}::uuid[])`;
  return new Map(rows.map((r) => [r.id as string, { bookingId: r.booking_id as string | null, active: r.active as number }]));
}

/**
 * A cancelled booking row pointing at a slot, with its consent: something a control test can write into
 * advisory_slots.booking_id without the real booking function.
 */
export async function placeholderBooking(slotId: string): Promise<string> {
  const [row] = await sql`
    with consent as (
      insert into private.consents (subject_table, subject_id, text_version, purpose, channel)
      values ('advisory_bookings', gen_random_uuid(), 'asesorias-v1', 'prueba', 'web') returning id
    )
    insert into public.advisory_bookings
      (code, secret_hash, slot_id, advisor_id, area, starts_at, ends_at, status, cancelled_at, full_name, document_type, document_id,
       email, phone, stage, need, consent_id)
    select private.new_ticket_code(), repeat('0', 64), s.id, s.advisor_id, 'plan_de_negocio', s.starts_at, s.ends_at, 'cancelled', now(),
           'Control de Prueba', 'CC', '123456', 'control@example.co', '3005550000', 'idea', 'control', c.id
    from public.advisory_slots s, consent c where s.id = ${slotId}
    returning id`;
  return row.id;
}

export type PastPerson = { fullName: string; area: string; need: string; stage: string };

/**
 * A booking whose 45-minute session started one to three hours ago (random, so reruns never share a start),
 * written straight in: the public function refuses the past. Returns its code and Bogotá day.
 */
export async function pastBooking(advisorId: string, email: string, person: Partial<PastPerson> = {}): Promise<{ code: string; day: string }> {
  const p = { fullName: 'Pedro Ruiz', area: 'plan_de_negocio', need: 'Plan de negocio', stage: 'idea', ...person };
  const [slot] = await sql`
    insert into public.advisory_slots (advisor_id, starts_at, ends_at, source)
    select ${advisorId}, t, t + interval '45 minutes', 'extra'
    from (select date_trunc('minute', now()) - make_interval(mins => 61 + floor(random() * 120)::int) as t) start
    returning id, to_char(starts_at at time zone 'America/Bogota', 'YYYY-MM-DD') as day`;
  const [row] = await sql`
    with consent as (
      insert into private.consents (subject_table, subject_id, text_version, purpose, channel)
      values ('advisory_bookings', gen_random_uuid(), 'asesorias-v1', 'prueba', 'web') returning id
    ), booking as (
      insert into public.advisory_bookings (code, secret_hash, slot_id, advisor_id, area, starts_at, ends_at, full_name, document_type, document_id, email, phone, stage, need, consent_id)
      select private.new_ticket_code(), repeat('0', 64), s.id, s.advisor_id, ${p.area}, s.starts_at, s.ends_at, ${p.fullName}, 'CC', '7654321', ${email}, '3005550000', ${p.stage}, ${p.need}, c.id
      from public.advisory_slots s, consent c where s.id = ${slot.id}
      returning id, code
    )
    update public.advisory_slots s set booking_id = b.id from booking b where s.id = ${slot.id} returning b.code`;
  return { code: row.code, day: slot.day };
}
