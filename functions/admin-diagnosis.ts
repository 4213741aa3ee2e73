import type { Config } from '@netlify/functions';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { publishDiagnosis, saveAnswers, startDiagnosis } from '../src/lib/diagnosis/staff/assess.ts';
import { addRequirement, retireRequirement } from '../src/lib/diagnosis/staff/manage-requirements.ts';
import { turnIntoImprovementAction } from '../src/lib/diagnosis/staff/propose-improvement.ts';
import { getDiagnosis, getDiagnosisOverview } from '../src/lib/diagnosis/staff/read-diagnosis.ts';
import { DIAGNOSIS_ROLES } from '../src/lib/diagnosis/staff/roles.ts';

const home = () => '/staff/diagnostico';
const year = (_request: Request, params: Record<string, string>) => `/staff/diagnostico/${encodeURIComponent(params.year)}`;

export const routes = {
  'GET /api/admin/diagnosis': staffRead(DIAGNOSIS_ROLES, (_params, caller) => getDiagnosisOverview(caller)),
  'POST /api/admin/diagnosis': staffWrite(DIAGNOSIS_ROLES, home, 'iniciado', (data, _params, caller) => startDiagnosis(data, caller), 201),
  'GET /api/admin/diagnosis/:year': staffRead(DIAGNOSIS_ROLES, ({ year }, caller) => getDiagnosis(year, caller)),
  'POST /api/admin/diagnosis/:year/answers': staffWrite(DIAGNOSIS_ROLES, year, 'guardado', (data, { year }, caller) => saveAnswers(year, data, caller)),
  'POST /api/admin/diagnosis/:year/publish': staffWrite(DIAGNOSIS_ROLES, year, 'publicado', (_data, { year }, caller) => publishDiagnosis(year, caller)),
  'POST /api/admin/diagnosis/:year/improvement-actions': staffWrite(
    DIAGNOSIS_ROLES, year, 'accion', (data, { year }, caller) => turnIntoImprovementAction(year, data, caller), 201,
  ),
  'POST /api/admin/diagnosis-requirements': staffWrite(DIAGNOSIS_ROLES, home, 'requisito', (data, _params, caller) => addRequirement(data, caller), 201),
  'POST /api/admin/diagnosis-requirements/:code/retire': staffWrite(DIAGNOSIS_ROLES, home, 'retirado', (_data, { code }, caller) => retireRequirement(code, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/diagnosis',
    '/api/admin/diagnosis/:year',
    '/api/admin/diagnosis/:year/answers',
    '/api/admin/diagnosis/:year/publish',
    '/api/admin/diagnosis/:year/improvement-actions',
    '/api/admin/diagnosis-requirements',
    '/api/admin/diagnosis-requirements/:code/retire',
  ],
};
