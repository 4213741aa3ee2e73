import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { sql, uniqueSlug } from '../support/db.ts';
import { postJson } from '../support/http.ts';
import { bearer } from '../support/staff.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCode = () => {
  const chars = [...randomBytes(8)].map((byte) => CROCKFORD[byte % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
};

/** An ISO time `days` from now. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A published event created through the staff API, as communications. */
export async function newEvent(fields: Record<string, unknown> = {}): Promise<string> {
  const slug = uniqueSlug('evento');
  const reply = await postJson(
    '/api/admin/events',
    { slug, title: 'Partido de prueba', startsAt: inDays(10), venue: 'Coliseo de prueba', capacity: 20, maxPerRegistration: 4, ...fields },
    { headers: await bearer('communications') },
  );
  expect(reply.status, reply.text).toBe(201);
  return slug;
}

type RegistrationFixture = { quantity?: number; cancelled?: number; checkedIn?: boolean; fullName?: string; documentId?: string; email?: string; phone?: string };

/**
 * A ticket written straight into the tables, keeping the seat invariant (remaining drops by the seats
 * it still holds): staff tests need tickets in every state without going through the citizen side.
 */
export async function addRegistration(slug: string, r: RegistrationFixture = {}): Promise<string> {
  const quantity = r.quantity ?? 1;
  const cancelled = r.cancelled ?? 0;
  const id = randomUUID();
  const code = randomCode();
  await sql.begin(async (tx) => {
    const [consent] = await tx`
      insert into private.consents (subject_table, subject_id, text_version, purpose, channel)
      values ('event_registrations', ${id}, 'boleteria-v1', 'Prueba', 'web') returning id`;
    const [event] = await tx`
      update public.events set remaining = remaining - ${quantity - cancelled} where slug = ${slug} returning id`;
    await tx`
      insert into public.event_registrations
        (id, event_id, code, cancel_secret_hash, quantity, cancelled_quantity, status, full_name, document_type, document_id, email, phone,
         consent_id, cancelled_at, checked_in_at, checked_in_by)
      values
        (${id}, ${event.id}, ${code}, ${'0'.repeat(64)}, ${quantity}, ${cancelled}, ${cancelled === quantity ? 'cancelled' : 'active'},
         ${r.fullName ?? 'Persona de prueba'}, 'CC', ${r.documentId ?? String(10_000_000 + Math.floor(Math.random() * 89_999_999))},
         ${r.email ?? `persona-${id.slice(0, 8)}@correo.co`}, ${r.phone ?? null}, ${consent.id}, ${cancelled > 0 ? new Date() : null},
         ${r.checkedIn ? new Date() : null}, ${r.checkedIn ? 'taquilla-fixture@agencia.gov.co' : null})`;
  });
  return code;
}

/** A waiting-list entry in the given state ('claimed' counts as a conversion). */
export async function addWaitlistEntry(slug: string, status: 'waiting' | 'offered' | 'claimed' | 'expired' | 'left'): Promise<void> {
  const id = randomUUID();
  await sql.begin(async (tx) => {
    const [consent] = await tx`
      insert into private.consents (subject_table, subject_id, text_version, purpose, channel)
      values ('event_waitlist_entries', ${id}, 'boleteria-v1', 'Prueba', 'web') returning id`;
    await tx`
      insert into public.event_waitlist_entries (id, event_id, full_name, email, status, consent_id)
      select ${id}, e.id, 'Persona en espera', ${`espera-${id.slice(0, 8)}@correo.co`}, ${status}, ${consent.id}
      from public.events e where e.slug = ${slug}`;
  });
}

export const checkInPath = (slug: string) => `/api/admin/events/${slug}/check-in`;
