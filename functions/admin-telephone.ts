import type { Config } from '@netlify/functions';
import type { Caller } from '../src/lib/db/store.ts';
import { readBody } from '../src/lib/http/body.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { MESSAGES } from '../src/lib/http/errors.ts';
import { withSecurityHeaders } from '../src/lib/http/headers.ts';
import { errorResponse, fromResult, seeOther } from '../src/lib/http/respond.ts';
import { staffCaller, staffPost } from '../src/lib/http/staff.ts';
import type { Result } from '../src/lib/result.ts';
import { completeCall } from '../src/lib/telephone/complete-call.ts';
import { getContact } from '../src/lib/telephone/get-contact.ts';
import { importContacts } from '../src/lib/telephone/import-contacts.ts';
import { nextContact } from '../src/lib/telephone/next-contact.ts';
import { forgetPhoneNumber, purgeFinishedContacts } from '../src/lib/telephone/purge-contacts.ts';
import { getQueueStatus } from '../src/lib/telephone/queue-status.ts';
import { recordOutcome } from '../src/lib/telephone/record-outcome.ts';
import { reportCsv, reportCsvFilename } from '../src/lib/telephone/report-csv.ts';
import { getTelephoneReport } from '../src/lib/telephone/telephone-report.ts';

const PREFIX = '/api/admin/telephone/';
const campaign = (slug: string) => `/staff/telefonico/${encodeURIComponent(slug)}`;
const NOT_FOUND = { code: 'not_found' } as const;

async function staffRead<T>(request: Request, read: (caller: Caller) => Promise<Result<T>>): Promise<Response> {
  const caller = await staffCaller(request);
  return caller.ok ? fromResult(await read(caller.value)) : errorResponse(caller.error);
}

/** "Llamar al siguiente": JSON answers the contact; the staff page's button goes to the call page. */
async function claimNext(request: Request, slug: string): Promise<Response> {
  const caller = await staffCaller(request);
  if (!caller.ok) return errorResponse(caller.error);
  const body = await readBody(request);
  if (!body.ok) return errorResponse(body.error);
  const result = await nextContact(slug, body.value.data, caller.value);
  if (body.value.kind === 'json') return fromResult(result);
  if (!result.ok) return seeOther(`${campaign(slug)}?error=${encodeURIComponent(result.error.message ?? MESSAGES[result.error.code])}`);
  const contact = result.value.contact;
  return seeOther(contact ? `/staff/telefonico/llamada/${contact.id}` : `${campaign(slug)}?ok=sin-contactos`);
}

async function report(request: Request, slug: string, csv: boolean): Promise<Response> {
  const caller = await staffCaller(request);
  if (!caller.ok) return errorResponse(caller.error);
  const value = await getTelephoneReport(slug);
  if (!value) return errorResponse({ code: 'not_found', message: 'No existe una encuesta publicada con esa dirección.' });
  if (!csv) return fromResult({ ok: true, value });
  return withSecurityHeaders(
    new Response(reportCsv(value), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${reportCsvFilename(slug)}"`,
        'Cache-Control': 'no-store',
      },
    }),
  );
}

/** Path segments after /api/admin/telephone/, e.g. ["contacts", "12", "outcome"] or ["<slug>", "next"]. */
function segments(request: Request): string[] {
  try {
    return new URL(request.url).pathname.slice(PREFIX.length).split('/').map(decodeURIComponent);
  } catch {
    return [];
  }
}

type Route = { method: 'GET' | 'POST'; shape: string[]; run: (request: Request, p: string[]) => Promise<Response> };

// `:x` is any segment; other words must match. One table, so a known path with the wrong method is a 405.
const ROUTES: Route[] = [
  { method: 'GET', shape: ['contacts', ':id'], run: (r, [, id]) => staffRead(r, (caller) => getContact(id, caller)) },
  { method: 'POST', shape: ['contacts', ':id', 'outcome'], run: (r, [, id]) => staffPost(r, '/staff/telefonico', 'resultado', (d, c) => recordOutcome(id, d, c)) },
  { method: 'POST', shape: ['contacts', ':id', 'response'], run: (r, [, id]) => staffPost(r, '/staff/telefonico', 'completada', (d, c) => completeCall(id, d, c)) },
  { method: 'POST', shape: ['forget'], run: (r) => staffPost(r, '/staff/telefonico', 'suprimido', (d, c) => forgetPhoneNumber(d, c)) },
  { method: 'GET', shape: [':slug'], run: (r, [slug]) => staffRead(r, (caller) => getQueueStatus(slug, caller)) },
  { method: 'POST', shape: [':slug', 'contacts'], run: (r, [slug]) => staffPost(r, campaign(slug), 'importados', (d, c) => importContacts(slug, d, c)) },
  { method: 'POST', shape: [':slug', 'next'], run: (r, [slug]) => claimNext(r, slug) },
  { method: 'POST', shape: [':slug', 'purge'], run: (r, [slug]) => staffPost(r, campaign(slug), 'suprimidos', (d, c) => purgeFinishedContacts(slug, d, c)) },
  { method: 'GET', shape: [':slug', 'report'], run: (r, [slug]) => report(r, slug, false) },
  { method: 'GET', shape: [':slug', 'report.csv'], run: (r, [slug]) => report(r, slug, true) },
];

const fits = (shape: string[], p: string[]) =>
  shape.length === p.length && shape.every((part, i) => (part.startsWith(':') ? p[i] !== '' : part === p[i]));

async function dispatch(request: Request): Promise<Response> {
  const p = segments(request);
  // A literal route wins over a slug route ("contacts/12" is a contact, not the survey "contacts").
  const candidates = ROUTES.filter((route) => fits(route.shape, p));
  const literal = candidates.filter((route) => !route.shape[0].startsWith(':'));
  const matching = literal.length > 0 ? literal : candidates;
  if (matching.length === 0) return errorResponse(NOT_FOUND);
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const route = matching.find((m) => m.method === method);
  return route ? route.run(request, p) : errorResponse({ code: 'method_not_allowed' }, { Allow: matching.map((m) => m.method).join(', ') });
}

export default endpoint({ GET: dispatch, POST: dispatch });

export const config: Config = {
  path: ['/api/admin/telephone/:first', '/api/admin/telephone/:first/:second', '/api/admin/telephone/:first/:second/:third'],
};
