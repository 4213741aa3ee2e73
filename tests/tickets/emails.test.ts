import { describe, expect, it } from 'vitest';
import { render as renderTicket, type TicketPayload } from '../../src/lib/tickets/emails/ticket.ts';
import { render as renderJoined, type WaitlistJoinedPayload } from '../../src/lib/tickets/emails/waitlist-joined.ts';
import { render as renderOffer, type WaitlistOfferPayload } from '../../src/lib/tickets/emails/waitlist-offer.ts';
import type { Result } from '../../src/lib/result.ts';
import { sql, store } from '../support/db.ts';
import { createEvent, registrationArgs } from './fixture.ts';

/** The payload exactly as the SQL function queued it. */
async function queued<T>(template: string, recipient: string): Promise<T> {
  const [row] = await sql`select payload from private.email_outbox where template = ${template} and recipient = ${recipient} order by id desc limit 1`;
  return row.payload as T;
}

describe('ticket e-mails, rendered from the payloads the SQL functions queue', () => {
  it('the ticket carries the code, the QR as inline SVG, the event, the .ics and the cancel link', async () => {
    const event = await createEvent({ capacity: 5 });
    const args = registrationArgs(event.slug, { p_quantity: 2, p_full_name: 'Ana <b>Pérez</b>' });
    const issued = await store.rpc<Result<{ code: string; cancelSecret: string }>>('register_for_event', args);
    if (!issued.ok) throw new Error(issued.error.code);
    const mail = await renderTicket(await queued<TicketPayload>('ticket', String(args.p_email)));
    expect(mail.subject).toContain(issued.value.code);
    expect(mail.text).toContain(`/servicios/boleteria/boleta/${issued.value.code}/cancelar?clave=${issued.value.cancelSecret}`);
    expect(mail.html).toMatch(/<svg[^>]*viewBox/);
    expect(mail.html).toContain('Ana &lt;b&gt;Pérez&lt;/b&gt;');
    expect(mail.html).toContain('Evento de prueba');
    expect(mail.attachments).toEqual([expect.objectContaining({ filename: `${event.slug}.ics`, contentType: 'text/calendar' })]);
    expect(mail.attachments?.[0].content).toContain('BEGIN:VEVENT');
  });

  it('the waiting-list e-mails confirm the place and carry the claim link', async () => {
    const event = await createEvent({ capacity: 1 });
    const first = await store.rpc<Result<{ code: string; cancelSecret: string }>>('register_for_event', registrationArgs(event.slug));
    if (!first.ok) throw new Error(first.error.code);
    const email = `espera.${event.slug}@example.co`;
    await store.rpc('join_waitlist', { p_slug: event.slug, p_full_name: 'Julia Espera', p_email: email, p_quantity: 1, p_consent: true, p_client: email });
    expect(renderJoined(await queued<WaitlistJoinedPayload>('waitlist-joined', email)).text).toContain('Su puesto en la fila: 1.');
    await store.rpc('cancel_registration', { p_code: first.value.code, p_secret: first.value.cancelSecret });
    const payload = await queued<WaitlistOfferPayload>('waitlist-offer', email);
    const mail = renderOffer(payload);
    expect(mail.text).toContain(`/servicios/boleteria/oferta/${payload.token}`);
    expect(mail.html).toContain('Reclamar mis boletas');
  });
});
