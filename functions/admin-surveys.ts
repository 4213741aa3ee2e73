import type { Config, Context } from '@netlify/functions';
import { readBody } from '../src/lib/http/body.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { errorResponse, fromResult, json } from '../src/lib/http/respond.ts';
import { staffCaller, staffPost } from '../src/lib/http/staff.ts';
import { duplicateSurvey } from '../src/lib/surveys/staff/duplicate-survey.ts';
import { getSurveyForStaff } from '../src/lib/surveys/staff/get-survey.ts';
import { listSurveysForStaff } from '../src/lib/surveys/staff/list-surveys.ts';
import { saveSurvey } from '../src/lib/surveys/staff/save-survey.ts';
import { setSurveyStatus } from '../src/lib/surveys/staff/set-survey-status.ts';

// Survey builder API. The builder pages post their own forms; these serve API clients and the
// list page's open/close/duplicate buttons (form posts answer 303 back with ?ok= or ?error=).
export default endpoint({
  GET: async (request, context: Context) => {
    const caller = await staffCaller(request);
    if (!caller.ok) return errorResponse(caller.error);
    const { slug, action } = context.params ?? {};
    if (action) return errorResponse({ code: 'method_not_allowed' }, { Allow: 'POST' });
    if (slug) return fromResult(await getSurveyForStaff(slug, caller.value));
    return fromResult(await listSurveysForStaff(caller.value));
  },
  POST: async (request, context: Context) => {
    const { slug, action } = context.params ?? {};
    // ?volver=lista: the list page's buttons come back to the list; otherwise to the survey's editor.
    const back = new URL(request.url).searchParams.get('volver') === 'lista' || !slug ? '/staff/encuestas' : `/staff/encuestas/${encodeURIComponent(slug)}`;
    if (slug && action === 'status') return staffPost(request, back, 'estado', (data, caller) => setSurveyStatus(slug, data, caller));
    if (slug && action === 'duplicate') return staffPost(request, back, 'duplicada', (data, caller) => duplicateSurvey(slug, data, caller));
    if (slug) return errorResponse({ code: 'not_found' });
    // Create or replace a whole definition (JSON): 201 when it is new, 200 when it replaced one.
    const caller = await staffCaller(request);
    if (!caller.ok) return errorResponse(caller.error);
    const body = await readBody(request);
    if (!body.ok) return errorResponse(body.error);
    const result = await saveSurvey(body.value.data, caller.value);
    return result.ok ? json(result.value, result.value.created ? 201 : 200) : errorResponse(result.error);
  },
});

export const config: Config = { path: ['/api/admin/surveys', '/api/admin/surveys/:slug', '/api/admin/surveys/:slug/:action'] };
