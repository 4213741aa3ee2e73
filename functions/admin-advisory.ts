import type { Config } from '@netlify/functions';
import { addDayOff, createAdvisor, createSlot, listAdvisors, setRules } from '../src/lib/advisory/staff/advisors.ts';
import { readAgenda, readBooking, recordSession } from '../src/lib/advisory/staff/agenda.ts';
import { ADVISORS, ADVISORY_ADMINS } from '../src/lib/advisory/staff/roles.ts';
import { fromResult } from '../src/lib/http/respond.ts';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';

const ADVISORS_PAGE = '/staff/asesorias/asesores';
const booking = (code: string) => `/staff/asesorias/reserva/${encodeURIComponent(code)}`;

export const routes = {
  'GET /api/admin/advisory/advisors': staffRead(ADVISORS, (_params, caller) => listAdvisors(caller)),
  'POST /api/admin/advisory/advisors': staffWrite(ADVISORY_ADMINS, () => ADVISORS_PAGE, 'creado', (data, _params, caller) => createAdvisor(data, caller), 201),
  'POST /api/admin/advisory/advisors/:id/rules': staffWrite(ADVISORY_ADMINS, () => ADVISORS_PAGE, 'reglas', (data, { id }, caller) => setRules(id, data, caller)),
  'POST /api/admin/advisory/advisors/:id/days-off': staffWrite(ADVISORY_ADMINS, () => ADVISORS_PAGE, 'dia-libre', (data, { id }, caller) => addDayOff(id, data, caller), 201),
  'POST /api/admin/advisory/slots': staffWrite(ADVISORY_ADMINS, () => ADVISORS_PAGE, 'horario', (data, _params, caller) => createSlot(data, caller), 201),
  // ?from=YYYY-MM-DD&to=YYYY-MM-DD[&advisorId=…]: an advisor's own agenda, every agenda for admins.
  'GET /api/admin/advisory/agenda': {
    roles: ADVISORS,
    run: async (request, _params, caller) => fromResult(await readAgenda(Object.fromEntries(new URL(request.url).searchParams), caller)),
  },
  'GET /api/admin/advisory/bookings/:code': staffRead(ADVISORS, ({ code }, caller) => readBooking(code, caller)),
  'POST /api/admin/advisory/bookings/:code/record': staffWrite(ADVISORS, (_request, { code }) => booking(code), 'registrada', (data, { code }, caller) => recordSession(code, data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/advisory/advisors',
    '/api/admin/advisory/advisors/:id/rules',
    '/api/admin/advisory/advisors/:id/days-off',
    '/api/admin/advisory/slots',
    '/api/admin/advisory/agenda',
    '/api/admin/advisory/bookings/:code',
    '/api/admin/advisory/bookings/:code/record',
  ],
};
