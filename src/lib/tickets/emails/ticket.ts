import * as z from 'zod';
import { escapeHtml } from '../../email/html.ts';
import type { RenderedEmail } from '../../email/message.ts';
import { eventCalendar } from '../event-calendar.ts';
import { formatDateTime, seats } from '../format.ts';
import { cancelPath, eventPath, ticketPath } from '../links.ts';
import { ticketQrSvg } from '../ticket-qr.ts';
import { absolute, fullName, quantity, secret, ticketEvent, ticketHtml } from './message.ts';

/** Payload written by private.issue_ticket (…000210_tickets_public.sql). */
export const ticketPayload = z.strictObject({
  code: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  cancelSecret: secret,
  quantity,
  fullName,
  event: ticketEvent,
});
export type TicketPayload = z.infer<typeof ticketPayload>;

/** The ticket: code, QR (inline SVG carrying the code alone), event details, the .ics file and the cancel link. */
export async function render(payload: unknown): Promise<RenderedEmail> {
  const { code, cancelSecret, quantity, fullName, event } = ticketPayload.parse(payload);
  const when = formatDateTime(event.startsAt);
  const where = [event.venue, event.address].filter(Boolean).join(', ');
  const ticketUrl = absolute(ticketPath(code, cancelSecret));
  const cancelUrl = absolute(cancelPath(code, cancelSecret));
  const qr = await ticketQrSvg(code);
  const subject = `Su boleta para ${event.title}: ${code}`;
  const text = [
    `Hola, ${fullName}:`,
    '',
    `Su inscripción quedó registrada: ${seats(quantity)} para ${event.title}.`,
    '',
    `Código de la boleta: ${code}`,
    `Fecha y hora: ${when}`,
    `Lugar: ${where}`,
    '',
    'Presente el código QR de su boleta en la entrada, desde el celular o impreso, con su documento.',
    `Vea su boleta con el código QR: ${ticketUrl}`,
    '',
    `¿No podrá ir? Cancele sus boletas para que otra persona las use: ${cancelUrl}`,
  ].join('\n');
  const html = ticketHtml(subject, [
    `<p>Hola, ${escapeHtml(fullName)}:</p>`,
    `<p>Su inscripción quedó registrada: <strong>${seats(quantity)}</strong> para <strong>${escapeHtml(event.title)}</strong>.</p>`,
    `<div role="img" aria-label="Código QR de la boleta ${escapeHtml(code)}" style="width:12rem;height:12rem">${qr}</div>`,
    `<p>Código de la boleta: <strong style="font-size:20px;letter-spacing:0.08em">${escapeHtml(code)}</strong></p>`,
    `<p>Fecha y hora: ${escapeHtml(when)}<br>Lugar: ${escapeHtml(where)}</p>`,
    `<p>Presente el código QR en la entrada, desde el celular o impreso, con su documento. `,
    `<a href="${escapeHtml(ticketUrl)}">Ver su boleta en línea</a>.</p>`,
    `<p>¿No podrá ir? <a href="${escapeHtml(cancelUrl)}">Cancelar boletas</a> para que otra persona las use.</p>`,
  ].join(''));
  const calendar = eventCalendar({ ...event, description: '' }, absolute(eventPath(event.slug)));
  return { subject, text, html, attachments: [{ filename: `${event.slug}.ics`, content: calendar, contentType: 'text/calendar' }] };
}
