import * as z from 'zod';
import { escapeHtml, htmlDocument } from './html.ts';
import type { RenderedEmail } from './message.ts';

/** A plain notice (staff announcements, tests of the sender): a subject and paragraphs of text. */
export const noticePayload = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(20_000),
});

export function render(payload: unknown): RenderedEmail {
  const { subject, text } = noticePayload.parse(payload);
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  return { subject, text, html: htmlDocument(subject, paragraphs.join('')) };
}
