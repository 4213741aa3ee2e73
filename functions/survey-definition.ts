import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { errorResponse, json } from '../src/lib/http/respond.ts';
import { getSurvey } from '../src/lib/surveys/get-survey.ts';

export default endpoint({
  GET: async (_request, context: Context) => {
    const survey = await getSurvey(context.params.slug);
    return survey ? json(survey) : errorResponse({ code: 'not_found', message: 'No existe una encuesta con esa dirección.' });
  },
});

export const config: Config = { path: '/api/surveys/:slug' };
