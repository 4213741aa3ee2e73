import type { Config } from '@netlify/functions';
import { readBody } from '../src/lib/http/body.ts';
import { MESSAGES } from '../src/lib/error-messages.ts';
import { withSecurityHeaders } from '../src/lib/http/headers.ts';
import { errorResponse, fromResult, seeOther } from '../src/lib/http/respond.ts';
import { staffEndpoint, staffRead, staffWrite, type StaffCaller, type StaffRoutes } from '../src/lib/http/staff.ts';
import { completeCall } from '../src/lib/telephone/complete-call.ts';
import { getContact } from '../src/lib/telephone/get-contact.ts';
import { importContacts } from '../src/lib/telephone/import-contacts.ts';
import { nextContact } from '../src/lib/telephone/next-contact.ts';
import { forgetPhoneNumber, purgeFinishedContacts } from '../src/lib/telephone/purge-contacts.ts';
import { getQueueStatus } from '../src/lib/telephone/queue-status.ts';
import { recordOutcome } from '../src/lib/telephone/record-outcome.ts';
import { reportCsv, reportCsvFilename } from '../src/lib/telephone/report-csv.ts';
import { getTelephoneReport } from '../src/lib/telephone/telephone-report.ts';

const INTERVIEWERS = ['interviewer'] as const;
const MANAGERS = ['communications'] as const;
const CAMPAIGN = ['interviewer', 'communications'] as const;

const campaign = (slug: string) => `/staff/telefonico/${encodeURIComponent(slug)}`;
const toCampaign = (_request: Request, { slug }: Record<string, string>) => campaign(slug);
const toIndex = () => '/staff/telefonico';

/** "Llamar al siguiente": JSON answers the contact; the staff page's button goes to the call page. */
async function claimNext(request: Request, { slug }: Record<string, string>, caller: StaffCaller): Promise<Response> {
  const body = await readBody(request);
  if (!body.ok) return errorResponse(body.error);
  const result = await nextContact(slug, body.value.data, caller);
  if (body.value.kind === 'json') return fromResult(result);
  if (!result.ok) return seeOther(`${campaign(slug)}?error=${encodeURIComponent(result.error.message ?? MESSAGES[result.error.code])}`);
  const contact = result.value.contact;
  return seeOther(contact ? `/staff/telefonico/llamada/${contact.id}` : `${campaign(slug)}?ok=sin-contactos`);
}

async function report(slug: string, csv: boolean): Promise<Response> {
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

// A literal segment wins over a slug ("contacts/12" is a contact, not the survey "contacts").
export const routes = {
  'GET /api/admin/telephone/contacts/:id': staffRead(INTERVIEWERS, ({ id }, caller) => getContact(id, caller)),
  'POST /api/admin/telephone/contacts/:id/outcome': staffWrite(INTERVIEWERS, toIndex, 'resultado', (data, { id }, caller) => recordOutcome(id, data, caller)),
  'POST /api/admin/telephone/contacts/:id/response': staffWrite(INTERVIEWERS, toIndex, 'completada', (data, { id }, caller) => completeCall(id, data, caller)),
  'POST /api/admin/telephone/forget': staffWrite(MANAGERS, toIndex, 'suprimido', (data, _params, caller) => forgetPhoneNumber(data, caller)),
  'GET /api/admin/telephone/:slug': staffRead(CAMPAIGN, ({ slug }, caller) => getQueueStatus(slug, caller)),
  'POST /api/admin/telephone/:slug/contacts': staffWrite(MANAGERS, toCampaign, 'importados', (data, { slug }, caller) => importContacts(slug, data, caller)),
  'POST /api/admin/telephone/:slug/next': { roles: INTERVIEWERS, run: (request, params, caller) => claimNext(request, params, caller) },
  'POST /api/admin/telephone/:slug/purge': staffWrite(MANAGERS, toCampaign, 'suprimidos', (data, { slug }, caller) => purgeFinishedContacts(slug, data, caller)),
  // The report is public evidence (/informes/telefonico); here it serves the campaign's staff.
  'GET /api/admin/telephone/:slug/report': { roles: CAMPAIGN, run: (_request, { slug }) => report(slug, false) },
  'GET /api/admin/telephone/:slug/report.csv': { roles: CAMPAIGN, run: (_request, { slug }) => report(slug, true) },
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/telephone/contacts/:id',
    '/api/admin/telephone/contacts/:id/outcome',
    '/api/admin/telephone/contacts/:id/response',
    '/api/admin/telephone/forget',
    '/api/admin/telephone/:slug',
    '/api/admin/telephone/:slug/contacts',
    '/api/admin/telephone/:slug/next',
    '/api/admin/telephone/:slug/purge',
    '/api/admin/telephone/:slug/report',
    '/api/admin/telephone/:slug/report.csv',
  ],
};
