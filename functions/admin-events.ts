import type { Config } from '@netlify/functions';
import { csvResponse, errorResponse, fromResult } from '../src/lib/http/respond.ts';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import type { Result } from '../src/lib/result.ts';
import { checkIn } from '../src/lib/tickets/staff/check-in.ts';
import { getEvent, listEvents } from '../src/lib/tickets/staff/list-events.ts';
import { listRegistrations } from '../src/lib/tickets/staff/list-registrations.ts';
import { registrationsCsv, type CsvFile } from '../src/lib/tickets/staff/registrations-csv.ts';
import { DOORKEEPERS, EVENT_EDITORS, EVENT_READERS } from '../src/lib/tickets/staff/roles.ts';
import { createEvent, updateEvent } from '../src/lib/tickets/staff/save-event.ts';

const event = (slug: string) => `/staff/eventos/${encodeURIComponent(slug)}`;
const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

/** The door list as a download, or the contract's error. */
const csv = (result: Result<CsvFile>) => (result.ok ? csvResponse(result.value.filename, result.value.body) : errorResponse(result.error));

export const routes = {
  'GET /api/admin/events': staffRead(EVENT_READERS, (_params, caller) => listEvents(caller)),
  'POST /api/admin/events': staffWrite(EVENT_EDITORS, () => '/staff/eventos', 'creado', (data, _params, caller) => createEvent(data, caller), 201),
  'GET /api/admin/events/:slug': staffRead(EVENT_READERS, ({ slug }, caller) => getEvent(slug, caller)),
  'POST /api/admin/events/:slug': staffWrite(EVENT_EDITORS, (_request, { slug }) => event(slug), 'guardado', (data, { slug }, caller) => updateEvent(slug, data, caller)),
  'GET /api/admin/events/:slug/registrations': {
    roles: EVENT_READERS,
    run: async (request, { slug }, caller) => fromResult(await listRegistrations(slug, query(request), caller)),
  },
  'POST /api/admin/events/:slug/check-in': staffWrite(DOORKEEPERS, (_request, { slug }) => `${event(slug)}/ingreso`, 'ingreso', (data, { slug }, caller) => checkIn(slug, data, caller)),
  // ?event=<slug>&q=<search>: the door list as the event page shows it.
  'GET /api/admin/exports/registrations.csv': {
    roles: EVENT_READERS,
    run: async (request, _params, caller) => {
      const { event: slug = '', ...search } = query(request);
      return csv(await registrationsCsv(slug, search, caller));
    },
  },
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/events',
    '/api/admin/events/:slug',
    '/api/admin/events/:slug/registrations',
    '/api/admin/events/:slug/check-in',
    '/api/admin/exports/registrations.csv',
  ],
};
