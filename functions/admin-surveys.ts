import type { Config } from '@netlify/functions';
import { readBody } from '../src/lib/http/body.ts';
import { errorResponse, json } from '../src/lib/http/respond.ts';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { duplicateSurvey } from '../src/lib/surveys/staff/duplicate-survey.ts';
import { getSurveyForStaff } from '../src/lib/surveys/staff/get-survey.ts';
import { listSurveysForStaff } from '../src/lib/surveys/staff/list-surveys.ts';
import { saveSurvey } from '../src/lib/surveys/staff/save-survey.ts';
import { setSurveyStatus } from '../src/lib/surveys/staff/set-survey-status.ts';

const BUILDERS = ['communications'] as const;

// ?volver=lista: the list page's open/close/duplicate buttons come back to the list; otherwise to the editor.
const back = (request: Request, { slug }: Record<string, string>) =>
  new URL(request.url).searchParams.get('volver') === 'lista' ? '/staff/encuestas' : `/staff/encuestas/${encodeURIComponent(slug)}`;

// Survey builder API. The builder pages post their own forms; these serve API clients and the list page.
export const routes = {
  'GET /api/admin/surveys': staffRead(BUILDERS, (_params, caller) => listSurveysForStaff(caller)),
  // Create or replace a whole definition (JSON): 201 when it is new, 200 when it replaced one.
  'POST /api/admin/surveys': {
    roles: BUILDERS,
    run: async (request, _params, caller) => {
      const body = await readBody(request);
      if (!body.ok) return errorResponse(body.error);
      const result = await saveSurvey(body.value.data, caller);
      return result.ok ? json(result.value, result.value.created ? 201 : 200) : errorResponse(result.error);
    },
  },
  'GET /api/admin/surveys/:slug': staffRead(BUILDERS, ({ slug }, caller) => getSurveyForStaff(slug, caller)),
  'POST /api/admin/surveys/:slug/status': staffWrite(BUILDERS, back, 'estado', (data, { slug }, caller) => setSurveyStatus(slug, data, caller)),
  'POST /api/admin/surveys/:slug/duplicate': staffWrite(BUILDERS, back, 'duplicada', (data, { slug }, caller) => duplicateSurvey(slug, data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: ['/api/admin/surveys', '/api/admin/surveys/:slug', '/api/admin/surveys/:slug/status', '/api/admin/surveys/:slug/duplicate'],
};
