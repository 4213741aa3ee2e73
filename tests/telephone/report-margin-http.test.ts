import { beforeAll, describe, expect, it } from 'vitest';
import { request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { complete, csvOf, importCsv, interviewer, next, paths, phoneSurvey } from './helpers.ts';

/*
 * Thirty completed calls, the fewest for which the report publishes the NPS margin of error:
 *   15 × (CSAT 5, NPS 10), 9 × (4, 8), 6 × (2, 3) → 15 promoters, 9 passives, 6 detractors
 *   NPS    = (15 − 6) / 30 × 100 = 30.0          CSAT = 24 / 30 = 80.0 %
 *   margin = 1.96 × √((0.5 + 0.2 − 0.3²) / 30) × 100 = 1.96 × √0.020333 × 100 = 27.9
 * Two interviewers share the calls (the rate limit allows 30 surveys per interviewer in 10 minutes).
 */
const SCORES = [...Array(15).fill([5, 10]), ...Array(9).fill([4, 8]), ...Array(6).fill([2, 3])] as [number, number][];
let slug: string;

beforeAll(async () => {
  slug = await phoneSurvey();
  const csv = csvOf(SCORES.map((_, i) => ({ name: `Persona ${i + 1}`, service: 'Boletería' })));
  expect((await importCsv(slug, csv)).status).toBe(200);
  const team = [await interviewer(), await interviewer()];
  for (const [i, [calificacion, recomendacion]] of SCORES.entries()) {
    const me = team[i % 2];
    const contact = await next(slug, me);
    const reply = await complete(contact.id, { calificacion, recomendacion }, me);
    expect(reply.status, reply.text).toBe(200);
  }
}, 120_000);

describe('the telephone report with 30 NPS answers', () => {
  it('computes the margin in the API', async () => {
    const report = (await request(paths.report(slug), { headers: await bearer('communications') })).body;
    expect(report.totals.nps).toMatchObject({ n: 30, promoters: 15, passives: 9, detractors: 6, score: 30, marginOfError: 27.9 });
    expect(report.totals.csat).toEqual({ n: 30, satisfied: 24, percent: 80 });
  });

  it('publishes the margin with its confidence and sample, in the summary and per service', async () => {
    const page = await request(`/informes/telefonico/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('± 27,9 puntos al 95 %, n = 30');
    expect(page.text).toMatch(/<td[^>]*>± 27,9<\/td>/);
    expect(page.text).not.toContain('Muestra insuficiente');
  });
});
