import { Buffer } from 'node:buffer';
import type { Config } from '@netlify/functions';
import { listFailedEmails, retryEmail } from '../src/lib/email/failed.ts';
import { getMail, type StoredMail } from '../src/lib/email/mailbox.ts';
import { withSecurityHeaders } from '../src/lib/http/headers.ts';
import { errorResponse } from '../src/lib/http/respond.ts';
import { staffEndpoint, staffRead, staffWrite, type StaffCaller, type StaffRoutes } from '../src/lib/http/staff.ts';

// The message's own HTML runs in a sandbox (no scripts, no same origin, nothing fetched but inline images)
// and may be framed only by our /staff/correo page; attachments are always downloaded, never rendered here.
const SANDBOX = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

function mailPart(part: (mail: StoredMail, params: Record<string, string>) => Response | null) {
  return async (_request: Request, params: Record<string, string>, caller: StaffCaller) => {
    const found = await getMail(params.id, caller);
    if (!found.ok) return errorResponse(found.error);
    const response = part(found.value, params) ?? errorResponse({ code: 'not_found' });
    return withSecurityHeaders(response);
  };
}

const html = mailPart((mail) =>
  mail.html === null
    ? null
    : new Response(mail.html, {
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': SANDBOX, 'X-Frame-Options': 'SAMEORIGIN', 'Cache-Control': 'no-store' },
      }),
);

const attachment = mailPart((mail, { index }) => {
  const file = /^\d{1,3}$/.test(index) ? mail.attachments[Number(index)] : undefined;
  if (!file) return null;
  const type = /^[\w.+-]+\/[\w.+-]+$/.test(file.contentType) ? file.contentType : 'application/octet-stream';
  return new Response(Buffer.from(file.content, 'base64'), {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'Content-Security-Policy': SANDBOX,
      'Cache-Control': 'no-store',
    },
  });
});

export const routes = {
  'GET /api/admin/mail/:id/html': { roles: ['communications'], run: html },
  'GET /api/admin/mail/:id/attachments/:index': { roles: ['communications'], run: attachment },
  // Failed for good: only admins see whose messages did not arrive, and queue them again.
  'GET /api/admin/mail/failed': staffRead(['admin'], (_params, caller) => listFailedEmails(caller)),
  'POST /api/admin/mail/failed/:id/retry': staffWrite(['admin'], () => '/staff/correo/fallidos', 'reintentado', (_data, { id }, caller) => retryEmail(id, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: ['/api/admin/mail/:id/html', '/api/admin/mail/:id/attachments/:index', '/api/admin/mail/failed', '/api/admin/mail/failed/:id/retry'],
};
