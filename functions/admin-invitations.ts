import type { Config } from '@netlify/functions';
import { PUBLISHERS } from '../src/lib/communications/staff/roles.ts';
import { createInvitation, listInvitations, updateInvitation } from '../src/lib/communications/staff/invitations.ts';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';

const BACK = () => '/staff/comunicaciones';

export const routes = {
  'GET /api/admin/invitations': staffRead(PUBLISHERS, (_params, caller) => listInvitations(caller)),
  'POST /api/admin/invitations': staffWrite(PUBLISHERS, BACK, 'creada', (data, _params, caller) => createInvitation(data, caller), 201),
  'POST /api/admin/invitations/:slug': staffWrite(PUBLISHERS, BACK, 'guardada', (data, { slug }, caller) => updateInvitation(slug, data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = { path: ['/api/admin/invitations', '/api/admin/invitations/:slug'] };
