import type { StoredFile } from '../files/upload.ts';
import { withSecurityHeaders } from './headers.ts';

/** RFC 6266 + RFC 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(inline: boolean, name: string): string {
  const fallback = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'evidencia';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * An evidence file as its own document: its real type, never sniffed, nothing it may load or run, and
 * cached for good (a file never changes under its id; a deleted one stops being linked).
 */
export function fileResponse(request: Request, file: StoredFile): Response {
  const headers: Record<string, string> = {
    'Content-Type': file.kind.type === 'text/csv' ? 'text/csv; charset=utf-8' : file.kind.type,
    'Content-Disposition': contentDisposition(file.kind.inline, file.name),
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: file.etag,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  };
  const fresh = request.headers.get('if-none-match') === file.etag;
  // Streamed as read, so a 20 MB file never sits whole in the function's memory; an unsent one is closed.
  if (fresh || request.method === 'HEAD') void file.body.cancel();
  if (fresh) return withSecurityHeaders(new Response(null, { status: 304, headers }));
  if (file.size !== null) headers['Content-Length'] = String(file.size);
  return withSecurityHeaders(new Response(request.method === 'HEAD' ? null : file.body, { headers }));
}
