import { formatDateTime, seats } from '../format.ts';
import { offerPath } from '../links.ts';
import { absolute, escapeHtml, htmlDocument, type EmailEvent, type RenderedEmail } from './message.ts';

/** Payload written by private.offer_seats (…000220_tickets_waitlist.sql). */
export type WaitlistOfferPayload = { token: string; fullName: string; quantity: number; expiresAt: string; event: EmailEvent };

/** A released seat for the first in line: the claim link and until when it holds. */
export function render(payload: WaitlistOfferPayload): RenderedEmail {
  const { token, fullName, quantity, expiresAt, event } = payload;
  const url = absolute(offerPath(token));
  const until = formatDateTime(expiresAt);
  const subject = `Se liberaron boletas para usted: ${event.title}`;
  const text = [
    `Hola, ${fullName}:`,
    '',
    `Le llegó el turno en la lista de espera de ${event.title} (${formatDateTime(event.startsAt)}, ${event.venue}).`,
    `Reservamos ${seats(quantity)} a su nombre hasta el ${until}.`,
    '',
    `Reclámelas aquí: ${url}`,
    '',
    'Si no las reclama a tiempo, pasan a la siguiente persona de la lista.',
  ].join('\n');
  const html = htmlDocument(subject, [
    `<p>Hola, ${escapeHtml(fullName)}:</p>`,
    `<p>Le llegó el turno en la lista de espera de <strong>${escapeHtml(event.title)}</strong> (${escapeHtml(formatDateTime(event.startsAt))}, ${escapeHtml(event.venue)}).</p>`,
    `<p>Reservamos <strong>${seats(quantity)}</strong> a su nombre hasta el <strong>${escapeHtml(until)}</strong>.</p>`,
    `<p><a href="${escapeHtml(url)}">Reclamar mis boletas</a></p>`,
    `<p>Si no las reclama a tiempo, pasan a la siguiente persona de la lista.</p>`,
  ].join(''));
  return { subject, text, html };
}
