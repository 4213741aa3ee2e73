import type { Config } from '@netlify/functions';
import { listTrainingSessions } from '../src/lib/communications/read.ts';
import { PUBLISHERS } from '../src/lib/communications/staff/roles.ts';
import { createTraining, updateTraining } from '../src/lib/communications/staff/training.ts';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { ok } from '../src/lib/result.ts';

const BACK = () => '/staff/comunicaciones/capacitaciones';

export const routes = {
  'GET /api/admin/training': staffRead(PUBLISHERS, async () => ok(await listTrainingSessions())),
  'POST /api/admin/training': staffWrite(PUBLISHERS, BACK, 'creada', (data, _params, caller) => createTraining(data, caller), 201),
  'POST /api/admin/training/:slug': staffWrite(PUBLISHERS, BACK, 'guardada', (data, { slug }, caller) => updateTraining(slug, data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = { path: ['/api/admin/training', '/api/admin/training/:slug'] };
