import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/lib/result.ts';
import { sql, store } from '../support/db.ts';
import { createEvent, registrationArgs, seatAccount } from './fixture.ts';

type Ticket = { code: string; quantity: number; cancelSecret: string };
const register = (args: Record<string, unknown>) => store.rpc<Result<Ticket>>('register_for_event', args);
const cancel = (args: Record<string, unknown>) => store.rpc<Result<{ code: string; cancelled: number; quantity: number }>>('cancel_registration', args);

async function registered(slug: string, overrides: Record<string, unknown> = {}): Promise<Ticket> {
  const result = await register(registrationArgs(slug, overrides));
  if (!result.ok) throw new Error(`registration failed: ${result.error.code}`);
  return result.value;
}

describe('registering for an event (SQL rules)', () => {
  it('issues a ticket with a readable code, takes the seats and queues the ticket e-mail with its consent', async () => {
    const event = await createEvent({ capacity: 5 });
    const ticket = await registered(event.slug, { p_quantity: 2, p_document_id: '1.020.304.050', p_email: ' Ana@Example.CO ' });
    expect(ticket.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(ticket.quantity).toBe(2);
    expect((await seatAccount(event.id)).remaining).toBe(3);
    const [row] = await sql`
      select r.document_id, r.email, r.cancel_secret_hash, c.text_version, c.subject_table
      from public.event_registrations r join private.consents c on c.id = r.consent_id where r.code = ${ticket.code}`;
    expect(row).toMatchObject({ document_id: '1020304050', email: 'ana@example.co', text_version: 'boleteria-v1', subject_table: 'event_registrations' });
    expect(row.cancel_secret_hash).not.toContain(ticket.cancelSecret);
    const [mail] = await sql`select recipient, payload from private.email_outbox where dedupe_key = ${`ticket:${ticket.code}`}`;
    expect(mail.recipient).toBe('ana@example.co');
    expect(mail.payload).toMatchObject({ code: ticket.code, cancelSecret: ticket.cancelSecret, quantity: 2, event: { slug: event.slug } });
  });

  it('refuses a second ticket for the same document, whatever its punctuation, and writes nothing', async () => {
    const event = await createEvent({ capacity: 5 });
    await registered(event.slug, { p_document_id: '71.234.567' });
    const again = await register(registrationArgs(event.slug, { p_document_id: '71234567' }));
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate', fields: { documentId: expect.any(String) } } });
    const account = await seatAccount(event.id);
    expect(account.remaining).toBe(4);
    const [{ count }] = await sql`select count(*)::int as count from public.event_registrations where event_id = ${event.id}`;
    expect(count).toBe(1);
  });

  it('replays the first result for the same Idempotency-Key and body, and refuses the key with another body', async () => {
    const event = await createEvent({ capacity: 5 });
    const args = registrationArgs(event.slug, { p_idempotency_key: `k-${event.slug}`, p_request_hash: 'body-1' });
    const [first, second] = await Promise.all([register(args), register(args)]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.value).toEqual(first.value);
    expect((await seatAccount(event.id)).remaining).toBe(4);
    const other = await register({ ...args, p_request_hash: 'body-2' });
    expect(other).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('answers closed before registration opens and after it closes', async () => {
    const early = await createEvent({ opensIn: 60 });
    expect(await register(registrationArgs(early.slug))).toMatchObject({ ok: false, error: { code: 'closed', message: expect.stringContaining('todavía no') } });
    const late = await createEvent({ opensIn: -120, closesIn: -1 });
    expect(await register(registrationArgs(late.slug))).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect((await seatAccount(early.id)).remaining).toBe(10);
  });

  it('answers sold_out with the seats left when fewer remain than asked', async () => {
    const event = await createEvent({ capacity: 3 });
    await registered(event.slug, { p_quantity: 2 });
    const result = await register(registrationArgs(event.slug, { p_quantity: 2 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'sold_out', remaining: 1 } });
  });

  it('checks every field and the per-person limit, with Spanish messages per field', async () => {
    const event = await createEvent({ maxPerRegistration: 2 });
    const result = await register(registrationArgs(event.slug, { p_full_name: 'A', p_document_type: 'XX', p_email: 'nope', p_quantity: 3, p_consent: false }));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    if (result.ok) return;
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['consent', 'documentType', 'email', 'fullName', 'quantity']);
    expect(result.error.fields?.quantity).toBe('Elija entre 1 y 2 boletas.');
  });

  it('answers not_found for an unknown or draft event', async () => {
    expect(await register(registrationArgs('no-existe'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const event = await createEvent();
    await sql`update public.events set status = 'draft' where id = ${event.id}`;
    expect(await register(registrationArgs(event.slug))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await store.rpc('get_event', { p_slug: event.slug })).toBeNull();
  });
});

describe('cancelling a ticket (SQL rules)', () => {
  it('gives back part of a ticket, then the rest, releasing the seats at once', async () => {
    const event = await createEvent({ capacity: 4 });
    const ticket = await registered(event.slug, { p_quantity: 2 });
    const part = await cancel({ p_code: ticket.code.toLowerCase(), p_secret: ticket.cancelSecret, p_quantity: 1 });
    expect(part).toEqual({ ok: true, value: { code: ticket.code, cancelled: 1, quantity: 1 } });
    expect((await seatAccount(event.id)).remaining).toBe(3);
    const rest = await cancel({ p_code: ticket.code, p_secret: ticket.cancelSecret });
    expect(rest).toEqual({ ok: true, value: { code: ticket.code, cancelled: 1, quantity: 0 } });
    expect((await seatAccount(event.id)).remaining).toBe(4);
    expect(await cancel({ p_code: ticket.code, p_secret: ticket.cancelSecret })).toMatchObject({ ok: false, error: { code: 'closed' } });
    // Fully cancelled, the document may register again.
    const [{ document_id }] = await sql`select document_id from public.event_registrations where code = ${ticket.code}`;
    expect((await register(registrationArgs(event.slug, { p_document_id: document_id }))).ok).toBe(true);
  });

  it('answers not_found for a wrong secret and changes nothing', async () => {
    const event = await createEvent({ capacity: 4 });
    const ticket = await registered(event.slug, { p_quantity: 2 });
    expect(await cancel({ p_code: ticket.code, p_secret: 'f'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await store.rpc('get_ticket', { p_code: ticket.code, p_secret: 'wrong' })).toBeNull();
    expect((await seatAccount(event.id)).remaining).toBe(2);
  });

  it('gives back one seat for a double-clicked «cancel one» carrying one Idempotency-Key', async () => {
    const event = await createEvent({ capacity: 4 });
    const ticket = await registered(event.slug, { p_quantity: 2 });
    const args = { p_code: ticket.code, p_secret: ticket.cancelSecret, p_quantity: 1, p_idempotency_key: `c-${ticket.code}`, p_request_hash: 'h' };
    const [a, b] = await Promise.all([cancel(args), cancel(args)]);
    expect(a).toMatchObject({ ok: true, value: { cancelled: 1, quantity: 1 } });
    expect(b).toMatchObject({ ok: true, value: { cancelled: 1, quantity: 1 } });
    expect((await seatAccount(event.id)).remaining).toBe(3);
  });

  it('shows the ticket to whoever holds code and secret', async () => {
    const event = await createEvent({ capacity: 4 });
    const ticket = await registered(event.slug, { p_quantity: 2, p_full_name: 'Ana  Pérez ' });
    expect(await store.rpc('get_ticket', { p_code: ticket.code, p_secret: ticket.cancelSecret })).toMatchObject({
      code: ticket.code, quantity: 2, status: 'active', fullName: 'Ana Pérez', event: { slug: event.slug, status: 'open' },
    });
  });
});
