import { beforeAll, describe, expect, it } from 'vitest';
import { postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { createResultsSurvey, SUBMISSIONS, submitAll } from './fixture.ts';

const REACH_HEADING = 'Alcance en redes sociales';
const page = async (slug: string) => {
  const reply = await request(`/resultados/${slug}`);
  expect(reply.status).toBe(200);
  return reply.text;
};

// The agency's follower counts are on record (the seed's monitoring history), so reach could always be
// computed; the page shows it only for a survey that was shared on a social network.
describe('the reach table of a results page', () => {
  let slug: string;

  beforeAll(async () => {
    slug = await createResultsSurvey('alcance');
    await submitAll(slug, SUBMISSIONS.filter((s) => !s.channel));
    const published = await postJson(`/api/admin/surveys/${slug}/results/publish`, { published: true }, { headers: await bearer('communications') });
    expect(published.status).toBe(200);
  });

  it('is left out while no answer came through a network’s link', async () => {
    const text = await page(slug);
    expect(text).toContain('3 respuestas');
    expect(text).not.toContain(REACH_HEADING);
    expect(text).not.toContain('Alcance por red social');
  });

  it('appears once the survey is answered from a link shared on a network', async () => {
    await submitAll(slug, [{ channel: 'social', source: 'whatsapp', answers: { medio: 'redes' } }]);
    const text = await page(slug);
    expect(text).toContain(REACH_HEADING);
    expect(text).toMatch(/<caption>Alcance por red social<\/caption>[\s\S]*WhatsApp<\/th>\s*<td class="num">1<\/td>/);
  });
});
