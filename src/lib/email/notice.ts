import * as z from 'zod';
import type { RenderedEmail } from './message.ts';

/** A plain notice (staff announcements, tests of the sender): a subject and paragraphs of text. */
export const noticePayload = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(20_000),
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function render(payload: unknown): RenderedEmail {
  const { subject, text } = noticePayload.parse(payload);
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  const html = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${paragraphs.join('')}</body></html>`;
  return { subject, text, html };
}
