import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { errorResponse, json } from '../src/lib/http/respond.ts';
import { getResults } from '../src/lib/results/get-results.ts';

export default endpoint({
  GET: async (_request, context: Context) => {
    const results = await getResults(context.params.slug);
    return results ? json(results) : errorResponse({ code: 'not_found', message: 'No hay resultados publicados de esa encuesta.' });
  },
});

export const config: Config = { path: '/api/surveys/:slug/results' };
