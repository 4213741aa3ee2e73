import * as z from 'zod';
import { escapeHtml } from '../../email/html.ts';
import type { RenderedEmail } from '../../email/message.ts';
import { formatDateTime, seats } from '../format.ts';
import { offerPath } from '../links.ts';
import { absolute, emailEvent, fullName, instant, quantity, secret, ticketHtml } from './message.ts';

/** Payload written by private.offer_seats (…000220_tickets_waitlist.sql). */
export const waitlistOfferPayload = z.strictObject({ token: secret, fullName, quantity, expiresAt: instant, event: emailEvent });
export type WaitlistOfferPayload = z.infer<typeof waitlistOfferPayload>;

/** A released seat for the first in line: the claim link and until when it holds. */
export function render(payload: unknown): RenderedEmail {
  const { token, fullName, quantity, expiresAt, event } = waitlistOfferPayload.parse(payload);
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
  const html = ticketHtml(subject, [
    `<p>Hola, ${escapeHtml(fullName)}:</p>`,
    `<p>Le llegó el turno en la lista de espera de <strong>${escapeHtml(event.title)}</strong> (${escapeHtml(formatDateTime(event.startsAt))}, ${escapeHtml(event.venue)}).</p>`,
    `<p>Reservamos <strong>${seats(quantity)}</strong> a su nombre hasta el <strong>${escapeHtml(until)}</strong>.</p>`,
    `<p><a href="${escapeHtml(url)}">Reclamar mis boletas</a></p>`,
    `<p>Si no las reclama a tiempo, pasan a la siguiente persona de la lista.</p>`,
  ].join(''));
  return { subject, text, html };
}
