import type { Config } from '@netlify/functions';
import { STAFF_ROLES } from '../src/lib/auth/claims.ts';
import { staffEndpoint, staffRead, type StaffRoutes } from '../src/lib/http/staff.ts';
import { readStaffHome } from '../src/lib/staff/home.ts';

// Every staff member has a home; what is in it depends on their roles (public.staff_home).
export const routes = {
  'GET /api/admin/home': staffRead(STAFF_ROLES, (_params, caller) => readStaffHome(caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = { path: '/api/admin/home' };
