import type { Config } from '@netlify/functions';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { addActivityEvidence } from '../src/lib/plan/staff/add-evidence.ts';
import { createPlan } from '../src/lib/plan/staff/create-plan.ts';
import { publishPlan } from '../src/lib/plan/staff/publish-plan.ts';
import { publishPlanVersion } from '../src/lib/plan/staff/publish-version.ts';
import { getStaffPlan, listPlans } from '../src/lib/plan/staff/read-plans.ts';
import { removeActivity } from '../src/lib/plan/staff/remove-activity.ts';
import { savePhase } from '../src/lib/plan/staff/save-phase.ts';
import { addActivity, updateActivity } from '../src/lib/plan/staff/save-activity.ts';
import { setActivityStatus } from '../src/lib/plan/staff/set-status.ts';

const back = () => '/staff';
const plans = () => '/staff/plan';
const planOf = (_request: Request, { year }: Record<string, string>) => `/staff/plan/${year}`;
const editors = ['communications'] as const;

export const routes = {
  'POST /api/admin/plan/activities/:code/status': staffWrite(editors, back, 'estado', (data, { code }, caller) => setActivityStatus(code, data, caller)),
  'POST /api/admin/plan/activities/:code/evidence': staffWrite(editors, back, 'evidencia', (data, { code }, caller) => addActivityEvidence(code, data, caller)),
  'POST /api/admin/plan/versions': staffWrite(editors, back, 'version', (data, _params, caller) => publishPlanVersion(data, caller), 201),
  'GET /api/admin/plan/years': staffRead(editors, (_params, caller) => listPlans(caller)),
  'POST /api/admin/plan/years': staffWrite(editors, plans, 'plan', (data, _params, caller) => createPlan(data, caller), 201),
  'GET /api/admin/plan/years/:year': staffRead(editors, ({ year }, caller) => getStaffPlan(year, caller)),
  'POST /api/admin/plan/years/:year/phases': staffWrite(editors, planOf, 'fase', (data, { year }, caller) => savePhase(year, data, caller)),
  'POST /api/admin/plan/years/:year/activities': staffWrite(editors, planOf, 'actividad', (data, { year }, caller) => addActivity(year, data, caller), 201),
  'POST /api/admin/plan/years/:year/activities/:code': staffWrite(editors, planOf, 'actividad', (data, { year, code }, caller) => updateActivity(year, code, data, caller)),
  'POST /api/admin/plan/years/:year/activities/:code/delete': staffWrite(editors, planOf, 'quitada', (_data, { year, code }, caller) => removeActivity(year, code, caller)),
  'POST /api/admin/plan/years/:year/publish': staffWrite(editors, planOf, 'publicado', (data, { year }, caller) => publishPlan(year, data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/plan/activities/:code/status',
    '/api/admin/plan/activities/:code/evidence',
    '/api/admin/plan/versions',
    '/api/admin/plan/years',
    '/api/admin/plan/years/:year',
    '/api/admin/plan/years/:year/phases',
    '/api/admin/plan/years/:year/activities',
    '/api/admin/plan/years/:year/activities/:code',
    '/api/admin/plan/years/:year/activities/:code/delete',
    '/api/admin/plan/years/:year/publish',
  ],
};
