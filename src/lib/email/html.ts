const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or anything printable) made safe for HTML text and quoted attributes. */
export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

/**
 * Wraps the body of a message in the minimal, accessible HTML every client renders the same. `footer` is
 * plain text under a rule: who writes and why the reader gets the message.
 */
export function htmlDocument(title: string, body: string, footer?: string): string {
  const foot = footer ? `<hr><p style="font-size:14px;color:#555">${escapeHtml(footer)}</p>` : '';
  return `<!doctype html><html lang="es-CO"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`
    + `<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36rem;margin:0 auto;padding:1rem">`
    + `${body}${foot}</body></html>`;
}
