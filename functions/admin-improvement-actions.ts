import type { Config } from '@netlify/functions';
import { staffAccountabilityPath, staffImprovementEvidencePath } from '../src/lib/accountability/links.ts';
import { staffEndpoint, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { addImprovementEvidence, createImprovementAction, updateImprovementAction } from '../src/lib/improvement/actions.ts';
import { IMPROVEMENT_EDITORS } from '../src/lib/improvement/schemas.ts';

// The staff forms that manage actions are on the accountability page, their evidence on its own page; the
// self-diagnosis turns its proposed actions into improvement actions through its own function.
const back = () => staffAccountabilityPath();

export const routes = {
  'POST /api/admin/improvement-actions': staffWrite(IMPROVEMENT_EDITORS, back, 'accion', (data, _params, caller) => createImprovementAction(data, caller), 201),
  'POST /api/admin/improvement-actions/:id': staffWrite(IMPROVEMENT_EDITORS, back, 'avance', (data, { id }, caller) => updateImprovementAction(id, data, caller)),
  'POST /api/admin/improvement-actions/:id/evidence': staffWrite(IMPROVEMENT_EDITORS, staffImprovementEvidencePath, 'evidencia', (data, { id }, caller) => addImprovementEvidence(id, data, caller), 201),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = { path: ['/api/admin/improvement-actions', '/api/admin/improvement-actions/:id', '/api/admin/improvement-actions/:id/evidence'] };
