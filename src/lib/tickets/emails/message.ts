import { AGENCY_NAME } from '../../../consts.ts';
import { siteUrl } from '../../social/share-links.ts';

/** The shape every template of the outbox registry (src/lib/email/templates.ts) returns. */
export type EmailAttachment = { filename: string; content: string; contentType: string };
export type RenderedEmail = { subject: string; text: string; html: string; attachments?: EmailAttachment[] };

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** A site path as the absolute link an e-mail needs (SITE_URL in production). */
export const absolute = (path: string) => `${siteUrl()}${path}`;

/** Wraps the body of a message in the minimal, accessible HTML every client renders the same. */
export function htmlDocument(title: string, body: string): string {
  return `<!doctype html><html lang="es-CO"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`
    + `<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36rem;margin:0 auto;padding:1rem">`
    + `${body}<hr><p style="font-size:14px;color:#555">${escapeHtml(AGENCY_NAME)} · Participa. Recibe este correo porque hizo una solicitud en la boletería en línea.</p>`
    + `</body></html>`;
}

/** Event facts shared by the ticket and waiting-list e-mails. */
export type EmailEvent = { slug: string; title: string; venue: string; address?: string | null; startsAt: string; endsAt?: string | null };
