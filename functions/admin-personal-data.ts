import type { Config } from '@netlify/functions';
import { staffEndpoint, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { DATA_OFFICERS, exportPersonalData, forgetPersonalData } from '../src/lib/personal-data/requests.ts';

const back = () => '/staff/datos-personales';

export const routes = {
  'POST /api/admin/personal-data/export': staffWrite(DATA_OFFICERS, back, 'consulta', (data, _params, caller) => exportPersonalData(data, caller)),
  'POST /api/admin/personal-data/forget': staffWrite(DATA_OFFICERS, back, 'supresion', (data, _params, caller) => forgetPersonalData(data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = { path: ['/api/admin/personal-data/export', '/api/admin/personal-data/forget'] };
