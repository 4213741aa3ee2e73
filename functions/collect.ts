import type { Config, Context } from '@netlify/functions';
import { readBody } from '../src/lib/http/body.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { errorResponse, json } from '../src/lib/http/respond.ts';
import { visitContext } from '../src/lib/http/visit-request.ts';
import { collectView } from '../src/lib/monitoring/collect-view.ts';

// The visits beacon (public/visitas.js): 202 whether the view was stored or, for a bot or an opted-out
// browser, dropped, so the answer tells nobody which. No cookie is read or set.
export default endpoint({
  POST: async (request, context: Context) => {
    const body = await readBody(request);
    if (!body.ok) return errorResponse(body.error);
    const visit = visitContext(request, context);
    if (!visit.ok) return errorResponse(visit.error);
    const result = await collectView(body.value.data, visit.value);
    return result.ok ? json({}, 202) : errorResponse(result.error);
  },
});

export const config: Config = { path: '/api/collect' };
