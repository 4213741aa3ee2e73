import * as z from 'zod';
import { AGENCY_NAME } from '../../../consts.ts';
import { htmlDocument } from '../../email/html.ts';
import { siteUrl } from '../../social/share-links.ts';

/** A site path as the absolute link an e-mail needs (SITE_URL in production). */
export const absolute = (path: string) => `${siteUrl()}${path}`;

const FOOTER = `${AGENCY_NAME} · Participa. Recibe este correo porque hizo una solicitud en la boletería en línea.`;

/** The HTML of a ticket e-mail, with the footer that says why the citizen gets it. */
export const ticketHtml = (title: string, body: string) => htmlDocument(title, body, FOOTER);

// The payloads' parts as the SQL functions write them (jsonb_build_object: every key present, timestamps
// as ISO 8601 with an offset); the outbox keeps JSON, so each template checks its payload before use.
export const instant = z.iso.datetime({ offset: true });
export const fullName = z.string().min(1);
export const quantity = z.number().int().min(1);
/** A 64-hex secret or claim token (private.new_secret). */
export const secret = z.string().regex(/^[0-9a-f]{64}$/);

/** Event facts shared by the ticket and waiting-list e-mails. */
export const emailEvent = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(1),
  venue: z.string().min(1),
  startsAt: instant,
});

/** The ticket's event also says where exactly and until when (for the calendar file). */
export const ticketEvent = emailEvent.extend({ address: z.string().nullable(), endsAt: instant.nullable() });
