import type { Config } from '@netlify/functions';
import { staffEndpoint, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { addActivityEvidence } from '../src/lib/plan/staff/add-evidence.ts';
import { publishPlanVersion } from '../src/lib/plan/staff/publish-version.ts';
import { setActivityStatus } from '../src/lib/plan/staff/set-status.ts';

const back = () => '/staff';

export const routes = {
  'POST /api/admin/plan/activities/:code/status': staffWrite(['communications'], back, 'estado', (data, { code }, caller) => setActivityStatus(code, data, caller)),
  'POST /api/admin/plan/activities/:code/evidence': staffWrite(['communications'], back, 'evidencia', (data, { code }, caller) => addActivityEvidence(code, data, caller)),
  'POST /api/admin/plan/versions': staffWrite(['communications'], back, 'version', (data, _params, caller) => publishPlanVersion(data, caller), 201),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = { path: ['/api/admin/plan/activities/:code/status', '/api/admin/plan/activities/:code/evidence', '/api/admin/plan/versions'] };
