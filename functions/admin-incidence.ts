import type { Config } from '@netlify/functions';
import { PUBLISHERS } from '../src/lib/communications/staff/roles.ts';
import { addCommitment, addEvidence, addMilestone, listIncidence, saveIncidence } from '../src/lib/communications/staff/incidence.ts';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';

const BACK = () => '/staff/comunicaciones/incidencia';

export const routes = {
  'GET /api/admin/incidence': staffRead(PUBLISHERS, (_params, caller) => listIncidence(caller)),
  'POST /api/admin/incidence': staffWrite(PUBLISHERS, BACK, 'guardada', (data, _params, caller) => saveIncidence(data, caller)),
  'POST /api/admin/incidence/:kind/:slug/commitments': staffWrite(PUBLISHERS, BACK, 'compromiso', (data, params, caller) => addCommitment(params, data, caller), 201),
  'POST /api/admin/incidence/:kind/:slug/evidence': staffWrite(PUBLISHERS, BACK, 'evidencia', (data, params, caller) => addEvidence(params, data, caller), 201),
  'POST /api/admin/incidence/commitments/:id/milestones': staffWrite(PUBLISHERS, BACK, 'avance', (data, { id }, caller) => addMilestone(id, data, caller), 201),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/incidence',
    '/api/admin/incidence/:kind/:slug/commitments',
    '/api/admin/incidence/:kind/:slug/evidence',
    '/api/admin/incidence/commitments/:id/milestones',
  ],
};
