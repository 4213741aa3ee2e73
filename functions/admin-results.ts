import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { staffPost } from '../src/lib/http/staff.ts';
import { publishResults } from '../src/lib/results/staff/publish.ts';
import { recordFollowers } from '../src/lib/results/staff/record-followers.ts';
import { reviewTextAnswer } from '../src/lib/results/staff/review-text.ts';

/** The staff pages' forms say where to come back: ?volver=<slug> for a survey's page, else the index. */
function backTo(request: Request): string {
  const slug = new URL(request.url).searchParams.get('volver');
  return slug && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? `/staff/resultados/${slug}` : '/staff/resultados';
}

export default endpoint({
  POST: async (request, context: Context) => {
    const { slug, id } = context.params;
    if (slug) {
      const back = `/staff/resultados/${encodeURIComponent(slug)}`;
      return staffPost(request, back, 'publicacion', (data, caller) => publishResults(slug, data, caller));
    }
    if (id) {
      return staffPost(request, backTo(request), 'revision', (data, caller) => reviewTextAnswer(id, data, caller));
    }
    return staffPost(request, backTo(request), 'seguidores', (data, caller) => recordFollowers(data, caller));
  },
});

export const config: Config = {
  path: ['/api/admin/surveys/:slug/results/publish', '/api/admin/text-answers/:id/review', '/api/admin/social/followers'],
};
