import type { Config, Context } from '@netlify/functions';
import { hearingPath, questionSentPath } from '../src/lib/accountability/links.ts';
import { submitQuestion } from '../src/lib/accountability/submit-question.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { publicPost } from '../src/lib/http/public-post.ts';

export default endpoint({
  POST: (request, context: Context) => {
    const { slug } = context.params;
    return publicPost(request, context, 'hearing_question', (data, meta) => submitQuestion(slug, data, meta), {
      success: (question) => questionSentPath(slug, question.number),
      failure: (error) => `${hearingPath(slug)}?error=${error.code}#pregunte`,
    });
  },
});

export const config: Config = { path: '/api/hearings/:slug/questions' };
