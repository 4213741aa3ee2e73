import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { publicPost } from '../src/lib/http/public-post.ts';
import { submitResponse } from '../src/lib/surveys/submit-response.ts';

export default endpoint({
  POST: (request, context: Context) => {
    const { slug } = context.params;
    return publicPost(request, context, 'survey_response', (data, meta) => submitResponse(slug, data, meta), {
      success: () => `/encuestas/${slug}/gracias`,
      failure: (error) => `/encuestas/${slug}?error=${error.code}`,
    });
  },
});

export const config: Config = { path: '/api/surveys/:slug/responses' };
