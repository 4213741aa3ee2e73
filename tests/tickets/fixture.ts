import type postgres from 'postgres';
import { sql, uniqueSlug } from '../support/db.ts';

export type EventOptions = {
  capacity?: number;
  maxPerRegistration?: number;
  /** Offsets from now in minutes. */
  opensIn?: number;
  closesIn?: number;
  startsIn?: number;
  offerHoldMinutes?: number;
};

export type TestEvent = { id: number; slug: string; capacity: number };

/** An event written straight into the table (the staff functions are another module's). */
export async function createEvent(options: EventOptions = {}, db: postgres.Sql = sql): Promise<TestEvent> {
  const capacity = options.capacity ?? 10;
  const slug = uniqueSlug('evento');
  const [row] = await db`
    insert into public.events (slug, title, venue, starts_at, capacity, remaining, max_per_registration, opens_at, closes_at, offer_hold_minutes)
    values (
      ${slug}, 'Evento de prueba', 'Coliseo de prueba',
      now() + make_interval(mins => ${options.startsIn ?? 7 * 24 * 60}),
      ${capacity}, ${capacity}, ${options.maxPerRegistration ?? 4},
      now() + make_interval(mins => ${options.opensIn ?? -60}),
      now() + make_interval(mins => ${options.closesIn ?? 6 * 24 * 60}),
      ${options.offerHoldMinutes ?? 120}
    )
    returning id`;
  return { id: Number(row.id), slug, capacity };
}

let documentCounter = Math.floor(Math.random() * 1e6);

/** A registration body for the SQL function, with a fresh document number. */
export function registrationArgs(slug: string, overrides: Record<string, unknown> = {}) {
  documentCounter += 1;
  return {
    p_slug: slug,
    p_full_name: 'Persona de Prueba',
    p_document_type: 'CC',
    p_document_id: String(10_000_000 + documentCounter),
    p_email: `persona${documentCounter}@example.co`,
    p_phone: null,
    p_quantity: 1,
    p_consent: true,
    p_client: `client-${documentCounter}`,
    p_idempotency_key: null,
    p_request_hash: null,
    ...overrides,
  };
}

/** Seats accounted for: the invariant of the tables migration, read in one snapshot. */
export async function seatAccount(eventId: number) {
  const [row] = await sql`
    select e.capacity, e.remaining,
      (select coalesce(sum(quantity - cancelled_quantity), 0) from public.event_registrations where event_id = e.id)::int as taken,
      (select coalesce(sum(quantity), 0) from public.event_waitlist_offers where event_id = e.id and status = 'held')::int as held
    from public.events e where e.id = ${eventId}`;
  return row as { capacity: number; remaining: number; taken: number; held: number };
}
