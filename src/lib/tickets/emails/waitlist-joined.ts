import { formatDateTime, seats } from '../format.ts';
import { eventPath } from '../links.ts';
import { absolute, escapeHtml, htmlDocument, type EmailEvent, type RenderedEmail } from './message.ts';

/** Payload written by public.join_waitlist (…000220_tickets_waitlist.sql). */
export type WaitlistJoinedPayload = { fullName: string; quantity: number; position: number; event: EmailEvent };

/** Confirms a place in the waiting line, so the citizen knows to watch for the offer. */
export function render(payload: WaitlistJoinedPayload): RenderedEmail {
  const { fullName, quantity, position, event } = payload;
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
    html: htmlDocument(subject, `<p>Hola, ${escapeHtml(fullName)}:</p>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<p><a href="${escapeHtml(url)}">Ver el evento</a></p>`),
  };
}
