import * as z from 'zod';
import { escapeHtml } from '../../email/html.ts';
import type { RenderedEmail } from '../../email/message.ts';
import { formatDateTime, seats } from '../format.ts';
import { eventPath } from '../links.ts';
import { absolute, emailEvent, fullName, quantity, ticketHtml } from './message.ts';

/** Payload written by public.join_waitlist (…000220_tickets_waitlist.sql). */
export const waitlistJoinedPayload = z.strictObject({ fullName, quantity, position: z.number().int().min(1), event: emailEvent });
export type WaitlistJoinedPayload = z.infer<typeof waitlistJoinedPayload>;

/** Confirms a place in the waiting line, so the citizen knows to watch for the offer. */
export function render(payload: unknown): RenderedEmail {
  const { fullName, quantity, position, event } = waitlistJoinedPayload.parse(payload);
  const subject = `Está en la lista de espera: ${event.title}`;
  const lines = [
    `Quedó en la lista de espera de ${event.title} (${formatDateTime(event.startsAt)}, ${event.venue}) para ${seats(quantity)}.`,
    `Su puesto en la fila: ${position}.`,
    'Si alguien cancela, le escribiremos con un enlace para reclamar las boletas por tiempo limitado.',
  ];
  const url = absolute(eventPath(event.slug));
  return {
    subject,
    text: [`Hola, ${fullName}:`, '', ...lines, '', `Evento: ${url}`].join('\n'),
    html: ticketHtml(subject, `<p>Hola, ${escapeHtml(fullName)}:</p>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<p><a href="${escapeHtml(url)}">Ver el evento</a></p>`),
  };
}
