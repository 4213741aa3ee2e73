import * as z from 'zod';
import { AGENCY_NAME } from '../../../consts.ts';
import { escapeHtml, htmlDocument } from '../../email/html.ts';
import type { RenderedEmail } from '../../email/message.ts';
import { siteUrl } from '../../social/share-links.ts';
import { unsubscribePath } from '../links.ts';

const token = z.string().regex(/^[0-9a-f]{64}$/);

/** What every message to the mailing list carries (private.subscription_mail adds it). */
export const listPayload = z.object({ fullName: z.string().min(1).nullable(), unsubscribeToken: token });
export const confirmToken = token;

const FOOTER = `${AGENCY_NAME} · Participa. Recibe este correo porque pidió recibir las invitaciones a participar.`;

/**
 * A message to the list: greeting, paragraphs, one call to action, and the unsubscribe link that every
 * message to the list must carry (in the text and in the HTML).
 */
export function listMessage(
  subject: string,
  payload: z.output<typeof listPayload>,
  paragraphs: string[],
  action: { label: string; path: string },
): RenderedEmail {
  const base = siteUrl();
  const actionUrl = action.path.startsWith('/') ? `${base}${action.path}` : action.path;
  const leave = `${base}${unsubscribePath(payload.unsubscribeToken)}`;
  const greeting = payload.fullName ? `Hola, ${payload.fullName}:` : 'Hola:';
  return {
    subject,
    text: [greeting, '', ...paragraphs, '', `${action.label}: ${actionUrl}`, '', `Para no recibir más invitaciones: ${leave}`].join('\n'),
    html: htmlDocument(
      subject,
      `<p>${escapeHtml(greeting)}</p>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`
        + `<p><a href="${escapeHtml(actionUrl)}">${escapeHtml(action.label)}</a></p>`
        + `<p style="font-size:14px"><a href="${escapeHtml(leave)}">Cancelar la suscripción</a></p>`,
      FOOTER,
    ),
  };
}
