import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/lib/result.ts';
import { sql, store } from '../support/db.ts';
import { createEvent, registrationArgs, seatAccount } from './fixture.ts';

type Ticket = { code: string; quantity: number; cancelSecret: string };

async function fillEvent(slug: string, seats: number): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  for (let i = 0; i < seats; i += 1) {
    const r = await store.rpc<Result<Ticket>>('register_for_event', registrationArgs(slug));
    if (!r.ok) throw new Error(r.error.code);
    tickets.push(r.value);
  }
  return tickets;
}

const join = (slug: string, email: string, quantity = 1) =>
  store.rpc<Result<{ position: number }>>('join_waitlist', {
    p_slug: slug, p_full_name: 'Persona en Espera', p_email: email, p_quantity: quantity, p_consent: true, p_client: email,
  });

/** The claim link's token, as the e-mail carries it (the tables keep only its hash). */
async function offerToken(email: string): Promise<string | undefined> {
  const rows = await sql`select payload ->> 'token' as token from private.email_outbox where template = 'waitlist-offer' and recipient = ${email} order by id desc limit 1`;
  return rows[0]?.token;
}

const claim = (token: string, documentId: string) =>
  store.rpc<Result<Ticket>>('claim_waitlist_offer', {
    p_token: token, p_document_type: 'CC', p_document_id: documentId, p_phone: null, p_consent: true, p_client: token.slice(0, 8),
  });

const cancelAll = (t: Ticket) => store.rpc<Result<unknown>>('cancel_registration', { p_code: t.code, p_secret: t.cancelSecret });

describe('waiting list (SQL rules)', () => {
  it('takes people in line only when no seats are left for them, once per e-mail', async () => {
    const event = await createEvent({ capacity: 2 });
    expect(await join(event.slug, 'pronto@example.co')).toMatchObject({ ok: false, error: { code: 'closed' } });
    await fillEvent(event.slug, 2);
    expect(await join(event.slug, 'primera@example.co')).toEqual({ ok: true, value: { position: 1, quantity: 1 } });
    expect(await join(event.slug, 'segunda@example.co')).toMatchObject({ ok: true, value: { position: 2 } });
    expect(await join(event.slug, 'PRIMERA@example.co')).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('offers a released seat to the first in line, who claims it as a ticket', async () => {
    const event = await createEvent({ capacity: 2 });
    const [first] = await fillEvent(event.slug, 2);
    await join(event.slug, 'uno@example.co');
    await join(event.slug, 'dos@example.co');
    expect((await cancelAll(first)).ok).toBe(true);

    // The seat is held for the first in line, not put back on sale.
    expect(await seatAccount(event.id)).toMatchObject({ remaining: 0, held: 1 });
    expect(await offerToken('dos@example.co')).toBeUndefined();
    const token = (await offerToken('uno@example.co'))!;
    expect(await store.rpc('get_waitlist_offer', { p_token: token })).toMatchObject({ status: 'held', quantity: 1, email: 'uno@example.co' });

    const ticket = await claim(token, '88001122');
    expect(ticket).toMatchObject({ ok: true, value: { quantity: 1 } });
    expect(await seatAccount(event.id)).toMatchObject({ remaining: 0, held: 0, taken: 2 });
    expect(await claim(token, '88001122')).toMatchObject({ ok: false, error: { code: 'closed' } });
    const [{ source }] = await sql`select source from public.event_registrations where code = ${ticket.ok ? ticket.value.code : ''}`;
    expect(source).toBe('waitlist');
  });

  it('passes an unclaimed offer to the next in line when it lapses', async () => {
    const event = await createEvent({ capacity: 1 });
    const [only] = await fillEvent(event.slug, 1);
    await join(event.slug, 'lenta@example.co');
    await join(event.slug, 'siguiente@example.co');
    await cancelAll(only);
    const lapsed = (await offerToken('lenta@example.co'))!;
    await sql`update public.event_waitlist_offers set offered_at = now() - interval '3 hours', expires_at = now() - interval '1 hour' where event_id = ${event.id} and status = 'held'`;

    expect(await store.rpc('expire_waitlist_offers')).toMatchObject({ ok: true });
    expect(await claim(lapsed, '99001122')).toMatchObject({ ok: false, error: { code: 'closed' } });
    const next = (await offerToken('siguiente@example.co'))!;
    expect(next).toBeDefined();
    expect(await seatAccount(event.id)).toMatchObject({ remaining: 0, held: 1 });
    expect((await claim(next, '99003344')).ok).toBe(true);
  });

  it('lapses an offer at claim time even before the sweep runs, and passes it on', async () => {
    const event = await createEvent({ capacity: 1 });
    const [only] = await fillEvent(event.slug, 1);
    await join(event.slug, 'tarde@example.co');
    await join(event.slug, 'luego@example.co');
    await cancelAll(only);
    const lapsed = (await offerToken('tarde@example.co'))!;
    await sql`update public.event_waitlist_offers set offered_at = now() - interval '3 hours', expires_at = now() - interval '1 second' where event_id = ${event.id} and status = 'held'`;
    expect(await claim(lapsed, '77001122')).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect(await offerToken('luego@example.co')).toBeDefined();
  });

  it('offers to the first in line whose request fits the seats released', async () => {
    const event = await createEvent({ capacity: 2, maxPerRegistration: 2 });
    const [a] = await fillEvent(event.slug, 2);
    await join(event.slug, 'pareja@example.co', 2);
    await join(event.slug, 'sola@example.co', 1);
    await cancelAll(a);
    expect(await offerToken('pareja@example.co')).toBeUndefined();
    expect(await offerToken('sola@example.co')).toBeDefined();
  });

  it('refuses a claim with a document that already holds a ticket, and keeps the offer open', async () => {
    const event = await createEvent({ capacity: 2 });
    const [kept, released] = await fillEvent(event.slug, 2);
    const [{ document_id: holder }] = await sql`select document_id from public.event_registrations where code = ${kept.code}`;
    await join(event.slug, 'espera@example.co');
    await cancelAll(released);
    const token = (await offerToken('espera@example.co'))!;
    expect(await claim(token, holder)).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(await store.rpc('get_waitlist_offer', { p_token: token })).toMatchObject({ status: 'held' });
    expect((await claim(token, '55667788')).ok).toBe(true);
  });
});
