import type { Config } from '@netlify/functions';
import { staffAccountabilityPath } from '../src/lib/accountability/links.ts';
import { addEvidence } from '../src/lib/accountability/staff/add-evidence.ts';
import { exportAskerData, forgetAsker } from '../src/lib/accountability/staff/personal-data.ts';
import { recordEvaluation } from '../src/lib/accountability/staff/record-evaluation.ts';
import { ACCOUNTABILITY_STAFF } from '../src/lib/accountability/staff/roles.ts';
import { createActivity, updateActivity } from '../src/lib/accountability/staff/save-activity.ts';
import { staffEndpoint, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';

const back = () => staffAccountabilityPath();

export const routes = {
  'POST /api/admin/accountability/activities': staffWrite(ACCOUNTABILITY_STAFF, back, 'actividad', (data, _params, caller) => createActivity(data, caller), 201),
  'POST /api/admin/accountability/activities/:id': staffWrite(ACCOUNTABILITY_STAFF, back, 'actividad', (data, { id }, caller) => updateActivity(id, data, caller)),
  'POST /api/admin/accountability/activities/:id/evidence': staffWrite(ACCOUNTABILITY_STAFF, back, 'evidencia', (data, { id }, caller) => addEvidence(id, data, caller), 201),
  'POST /api/admin/accountability/evaluations/:year': staffWrite(ACCOUNTABILITY_STAFF, back, 'evaluacion', (data, { year }, caller) => recordEvaluation(year, data, caller)),
  // The address travels in the body (POST), so it never lands in a URL or an access log.
  'POST /api/admin/accountability/personal-data/export': staffWrite(ACCOUNTABILITY_STAFF, back, 'consulta', (data, _params, caller) => exportAskerData(data, caller)),
  'POST /api/admin/accountability/personal-data/forget': staffWrite(ACCOUNTABILITY_STAFF, back, 'supresion', (data, _params, caller) => forgetAsker(data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/accountability/activities',
    '/api/admin/accountability/activities/:id',
    '/api/admin/accountability/activities/:id/evidence',
    '/api/admin/accountability/evaluations/:year',
    '/api/admin/accountability/personal-data/export',
    '/api/admin/accountability/personal-data/forget',
  ],
};
