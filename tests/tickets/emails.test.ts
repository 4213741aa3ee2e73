import { describe, expect, it } from 'vitest';
import { drain } from '../../src/lib/email/drain.ts';
import { localMailboxSender } from '../../src/lib/email/senders/local-mailbox.ts';
import type { Result } from '../../src/lib/result.ts';
import { sql, store } from '../support/db.ts';
import { createEvent, registrationArgs } from './fixture.ts';

// Each drain names its messages (`ids`), so tests running beside it never take theirs.

/** The id of the message the SQL function queued (newest for that template and recipient). */
async function queuedId(template: string, recipient: string): Promise<number> {
  const [row] = await sql`select id from private.email_outbox where template = ${template} and recipient = ${recipient} order by id desc limit 1`;
  return Number(row.id);
}

/** Sends one queued message through the registry into the local mailbox, and reads back what was stored. */
async function deliver(id: number) {
  expect(await drain({ sender: localMailboxSender, ids: [id] })).toMatchObject({ claimed: 1, sent: 1 });
  const [mail] = await sql`select subject, text_body, html_body, attachments from private.email_mailbox where outbox_id = ${id}`;
  return mail as { subject: string; text_body: string; html_body: string; attachments: { filename: string; contentType: string; content: string }[] };
}

/** An iCalendar UTC date-time (20261205T000000Z) of a timestamp. */
const icalUtc = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe('ticket e-mails, sent through the outbox registry into the local mailbox', () => {
  it('the ticket carries the code, the QR as inline SVG, the event, the .ics with its start and the cancel link', async () => {
    const event = await createEvent({ capacity: 5 });
    const args = registrationArgs(event.slug, { p_quantity: 2, p_full_name: 'Ana <b>Pérez</b>' });
    const issued = await store.rpc<Result<{ code: string; cancelSecret: string }>>('register_for_event', args);
    if (!issued.ok) throw new Error(issued.error.code);
    const { code, cancelSecret } = issued.value;

    const mail = await deliver(await queuedId('ticket', String(args.p_email)));
    expect(mail.subject).toBe(`Su boleta para Evento de prueba: ${code}`);
    const cancelPath = `/servicios/boleteria/boleta/${code}/cancelar?clave=${cancelSecret}`;
    expect(mail.text_body).toContain(`Código de la boleta: ${code}`);
    expect(mail.text_body).toContain(cancelPath);
    expect(mail.html_body).toMatch(new RegExp(`<div role="img" aria-label="Código QR de la boleta ${code}"[^>]*><svg[^>]*viewBox`));
    expect(mail.html_body).toContain(`href="http`);
    expect(mail.html_body).toContain(`${cancelPath}">Cancelar boletas</a>`);
    expect(mail.html_body).toContain('Ana &lt;b&gt;Pérez&lt;/b&gt;');
    expect(mail.html_body).toContain('Recibe este correo porque hizo una solicitud en la boletería en línea.');

    expect(mail.attachments).toEqual([{ filename: `${event.slug}.ics`, contentType: 'text/calendar', content: expect.any(String) }]);
    const ics = Buffer.from(mail.attachments[0].content, 'base64').toString('utf8');
    const [{ starts_at: startsAt }] = await sql`select starts_at from public.events where id = ${event.id}`;
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART:${icalUtc(startsAt)}`);
    expect(ics).toContain('SUMMARY:Evento de prueba');
  });

  it('the waiting-list e-mails confirm the place and carry the claim link', async () => {
    const event = await createEvent({ capacity: 1 });
    const first = await store.rpc<Result<{ code: string; cancelSecret: string }>>('register_for_event', registrationArgs(event.slug));
    if (!first.ok) throw new Error(first.error.code);
    const email = `espera.${event.slug}@example.co`;
    await store.rpc('join_waitlist', { p_slug: event.slug, p_full_name: 'Julia Espera', p_email: email, p_quantity: 1, p_consent: true, p_client: email });
    const joined = await deliver(await queuedId('waitlist-joined', email));
    expect(joined.text_body).toContain('Su puesto en la fila: 1.');

    await store.rpc('cancel_registration', { p_code: first.value.code, p_secret: first.value.cancelSecret });
    const offerId = await queuedId('waitlist-offer', email);
    const [{ token }] = await sql`select payload ->> 'token' as token from private.email_outbox where id = ${offerId}`;
    const offer = await deliver(offerId);
    expect(offer.text_body).toContain(`/servicios/boleteria/oferta/${token}`);
    expect(offer.html_body).toContain('Reclamar mis boletas</a>');
  });

  it('a ticket payload that is not what the SQL writes fails the message with the reason, and sends nothing', async () => {
    const recipient = `mal.${Date.now()}@example.co`;
    const [{ id }] = await sql`
      select private.enqueue_email('ticket', ${recipient}, ${sql.json({ code: 'ABCD-EFGH', quantity: 0, fullName: 'Sin Clave', event: { slug: 'x' } })}, null) as id`;
    expect(await drain({ sender: localMailboxSender, ids: [Number(id)] })).toMatchObject({ claimed: 1, sent: 0, failed: 1 });

    const [row] = await sql`select status, last_error from private.email_outbox where id = ${id}`;
    expect(row.status).toBe('failed');
    expect(row.last_error).toMatch(/^La plantilla ticket no pudo componer el mensaje: datos no válidos:/);
    expect(row.last_error).toContain('cancelSecret');
    expect(row.last_error).toContain('quantity');
    expect(await sql`select 1 from private.email_mailbox where outbox_id = ${id}`).toHaveLength(0);
  });
});
