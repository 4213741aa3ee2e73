import type { Config } from '@netlify/functions';
import { staffEndpoint, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { publishResults } from '../src/lib/results/staff/publish.ts';
import { recordFollowers } from '../src/lib/results/staff/record-followers.ts';
import { reviewTextAnswer } from '../src/lib/results/staff/review-text.ts';

/** The staff pages' forms say where to come back: ?volver=<slug> for a survey's page, else the index. */
function backTo(request: Request): string {
  const slug = new URL(request.url).searchParams.get('volver');
  return slug && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? `/staff/resultados/${slug}` : '/staff/resultados';
}

const surveyPage = (_request: Request, { slug }: Record<string, string>) => `/staff/resultados/${encodeURIComponent(slug)}`;

export const routes = {
  'POST /api/admin/surveys/:slug/results/publish': staffWrite(['communications'], surveyPage, 'publicacion', (data, { slug }, caller) => publishResults(slug, data, caller)),
  'POST /api/admin/text-answers/:id/review': staffWrite(['communications'], backTo, 'revision', (data, { id }, caller) => reviewTextAnswer(id, data, caller)),
  'POST /api/admin/social/followers': staffWrite(['communications'], backTo, 'seguidores', (data, _params, caller) => recordFollowers(data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: ['/api/admin/surveys/:slug/results/publish', '/api/admin/text-answers/:id/review', '/api/admin/social/followers'],
};
