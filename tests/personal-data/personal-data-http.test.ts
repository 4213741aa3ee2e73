import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/lib/result.ts';
import { sql, store } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { createEvent, registrationArgs } from '../tickets/fixture.ts';

type Ticket = { code: string; cancelSecret: string };
const EXPORT = '/api/admin/personal-data/export';
const FORGET = '/api/admin/personal-data/forget';
const newEmail = () => `titular-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}@example.co`;

/** A ticket registered as a citizen does; `past` then moves the event behind us, as time would. */
async function ticketFor(email: string, past = false): Promise<Ticket> {
  const event = await createEvent();
  const result = await store.rpc<Result<Ticket>>('register_for_event', registrationArgs(event.slug, { p_email: email, p_full_name: 'Ana Titular', p_phone: '3005550000' }));
  if (!result.ok) throw new Error(result.error.code);
  if (past) {
    await sql`update public.events set opens_at = now() - interval '3 days', closes_at = now() - interval '2 days', starts_at = now() - interval '1 day' where id = ${event.id}`;
  }
  return result.value;
}

describe('habeas data (Ley 1581): consulta and supresión across the services', () => {
  it('exports every record of an address with its consent, and refuses suppression while a ticket is still to come', async () => {
    const email = newEmail();
    const ticket = await ticketFor(email);
    const admin = await bearer('admin');

    const held = await postJson(EXPORT, { email: email.toUpperCase() }, { headers: admin });
    expect(held.status, held.text).toBe(200);
    expect(held.body.email).toBe(email);
    expect(held.body.ticketRegistrations).toEqual([
      expect.objectContaining({ code: ticket.code, fullName: 'Ana Titular', email, phone: '3005550000', consent: expect.objectContaining({ version: expect.any(String) }) }),
    ]);
    expect(held.body.advisoryBookings).toEqual([]);

    const refused = await postJson(FORGET, { email }, { headers: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('locked');
    const [row] = await sql`select full_name from public.event_registrations where code = ${ticket.code}`;
    expect(row.full_name).toBe('Ana Titular');
  });

  it('suppresses who the person was and keeps the facts once nothing is pending; the address then holds nothing', async () => {
    const email = newEmail();
    const ticket = await ticketFor(email);
    // The person cancels from the ticket's link, then asks for suppression.
    const cancelled = await store.rpc<Result<unknown>>('cancel_registration', { p_code: ticket.code, p_secret: ticket.cancelSecret });
    expect(cancelled.ok).toBe(true);
    const admin = await bearer('admin');

    const done = await postJson(FORGET, { email }, { headers: admin });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ ticketRegistrations: 1, advisoryBookings: 0 });
    const [row] = await sql`select full_name, document_id, email, phone, quantity from public.event_registrations where code = ${ticket.code}`;
    expect(row).toMatchObject({ full_name: 'Titular suprimido', phone: null, quantity: 1 });
    expect(row.email).toMatch(/@suprimido\.invalid$/);
    expect(row.document_id).toMatch(/^S[0-9A-F]{12}$/);
    const after = await postJson(EXPORT, { email }, { headers: admin });
    expect(after.body.ticketRegistrations).toEqual([]);
  });

  it('answers only admins, checks the address, and works from the staff page without JavaScript', async () => {
    const email = newEmail();
    expect((await postJson(EXPORT, { email }, { headers: await bearer('communications') })).status).toBe(403);
    const invalid = await postJson(FORGET, { email: 'no es un correo' }, { headers: await bearer('admin') });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields.email).toMatch(/correo/);

    await ticketFor(email, true);
    const admin = await bearer('admin');
    const page = await postForm('/staff/datos-personales', [['email', email]], { headers: admin });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Boletas (1)');
    expect(page.text).toContain('Ana Titular');
    const forgotten = await postForm(FORGET, [['email', email]], { headers: admin });
    expect(forgotten.status).toBe(303);
    expect(forgotten.headers.get('location')).toBe('/staff/datos-personales?ok=supresion');
    expect((await request('/staff/datos-personales', { headers: await bearer('communications') })).status).toBe(403);
  });

  it('exports the messages sent and the requests made; a supresión erases the address from what was sent, drops what is queued and keeps the requests the law obliges us to keep', async () => {
    const email = newEmail();
    await ticketFor(email, true);
    const [sent] = await sql`
      insert into private.email_outbox (template, recipient, status, sent_at) values ('ticket', ${email}, 'sent', now() - interval '1 day') returning id`;
    const [queued] = await sql`select id from private.email_outbox where recipient = ${email} and status = 'pending' limit 1`;
    const [asked] = await sql`
      insert into public.personal_data_requests (email, kind, message, status, token_expires_at, confirmed_at, due_on)
      values (${email}, 'consulta', 'Qué datos tienen de mí.', 'received', now() - interval '1 hour', now(), current_date + 10)
      returning number`;
    const admin = await bearer('admin');

    const held = await postJson(EXPORT, { email }, { headers: admin });
    expect(held.status, held.text).toBe(200);
    expect(held.body.emails).toEqual(expect.arrayContaining([expect.objectContaining({ template: 'ticket', status: 'sent', sentAt: expect.any(String) })]));
    expect(held.body.personalDataRequests).toEqual([expect.objectContaining({ number: Number(asked.number), kind: 'consulta', message: 'Qué datos tienen de mí.' })]);

    const done = await postJson(FORGET, { email }, { headers: admin });
    expect(done.status, done.text).toBe(200);
    expect(done.body.emails).toBeGreaterThanOrEqual(1);
    const [record] = await sql`select recipient, template, sent_at from private.email_outbox where id = ${sent.id}`;
    expect(record.recipient).toMatch(/@suprimido\.invalid$/);
    expect(record).toMatchObject({ template: 'ticket' });
    if (queued) expect(await sql`select 1 from private.email_outbox where id = ${queued.id}`).toHaveLength(0);
    const after = await postJson(EXPORT, { email }, { headers: admin });
    expect(after.body.emails).toEqual([]);
    expect(after.body.personalDataRequests).toHaveLength(1);
  });
});
