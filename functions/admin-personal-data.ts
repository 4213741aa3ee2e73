import type { Config } from '@netlify/functions';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { STAFF_REQUESTS_PATH } from '../src/lib/personal-data/links.ts';
import { answerDataRequest, extendDataRequest, listDataRequests } from '../src/lib/personal-data/request-queue.ts';
import { DATA_OFFICERS, exportPersonalData, forgetPersonalData } from '../src/lib/personal-data/requests.ts';

const back = () => '/staff/datos-personales';
const queue = () => STAFF_REQUESTS_PATH;

export const routes = {
  'POST /api/admin/personal-data/export': staffWrite(DATA_OFFICERS, back, 'consulta', (data, _params, caller) => exportPersonalData(data, caller)),
  'POST /api/admin/personal-data/forget': staffWrite(DATA_OFFICERS, back, 'supresion', (data, _params, caller) => forgetPersonalData(data, caller)),
  'GET /api/admin/personal-data/requests': staffRead(DATA_OFFICERS, (_params, caller) => listDataRequests(caller)),
  'POST /api/admin/personal-data/requests/:id/extend': staffWrite(DATA_OFFICERS, queue, 'prorroga', (data, { id }, caller) => extendDataRequest(id, data, caller)),
  'POST /api/admin/personal-data/requests/:id/answer': staffWrite(DATA_OFFICERS, queue, 'respuesta', (data, { id }, caller) => answerDataRequest(id, data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/personal-data/export',
    '/api/admin/personal-data/forget',
    '/api/admin/personal-data/requests',
    '/api/admin/personal-data/requests/:id/extend',
    '/api/admin/personal-data/requests/:id/answer',
  ],
};
