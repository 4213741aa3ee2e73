import { gzipSync } from 'node:zlib';
import type { Sql, TransactionSql } from 'postgres';
import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { postJson } from '../support/http.ts';
import { SUBMISSIONS, createResultsSurvey, createSeedLikeSurvey, submitAll } from './fixture.ts';
import { compareCsvWithResults } from './reimport.ts';
import { scriptsBesidesBeacon } from '../support/beacon.ts';

/** The kept counts of a survey, summed over their counter slots, as rows to compare. */
async function keptCounts(slug: string, db: Sql | TransactionSql = sql) {
  const answers = await db`
    select c.question_id, c.item_key, c.value, c.channel, c.network, sum(c.answers)::int as answers, sum(c.texts)::int as texts
    from private.survey_answer_counts c join public.survey_questions q on q.id = c.question_id join public.surveys s on s.id = q.survey_id
    where s.slug = ${slug} group by 1, 2, 3, 4, 5 having sum(c.answers) <> 0 order by 1, 2, 3, 4, 5`;
  const respondents = await db`
    select c.question_id, c.channel, c.network, sum(c.respondents)::int as respondents
    from private.survey_question_respondents c join public.survey_questions q on q.id = c.question_id join public.surveys s on s.id = q.survey_id
    where s.slug = ${slug} group by 1, 2, 3 having sum(c.respondents) <> 0 order by 1, 2, 3`;
  const responses = await db`
    select c.channel, c.network, sum(c.responses)::int as responses from private.survey_response_counts c join public.surveys s on s.id = c.survey_id
    where s.slug = ${slug} group by 1, 2 having sum(c.responses) <> 0 order by 1, 2`;
  return { answers, respondents, responses };
}

/** What one grouped pass over every answer gives (private.rebuild_answer_counts), without keeping it. */
async function recounted(slug: string) {
  let result: Awaited<ReturnType<typeof keptCounts>> | undefined;
  await sql
    .begin(async (tx) => {
      await tx`select private.rebuild_answer_counts((select id from public.surveys where slug = ${slug}))`;
      result = await keptCounts(slug, tx);
      throw new Error('rollback');
    })
    .catch((error) => {
      if (error.message !== 'rollback') throw error;
    });
  return result!;
}

describe('kept counts', () => {
  it('equal a full recount after submissions, a deleted response and a changed source', async () => {
    const slug = await createResultsSurvey('conteos');
    const ids = await submitAll(slug);
    expect(await keptCounts(slug)).toEqual(await recounted(slug));

    // A citizen asks to delete their data (Ley 1581): the response and its answers go, and so do their counts.
    await sql`delete from public.survey_responses where id = ${ids[4]}`;
    await sql`update public.survey_responses set source = 'tiktok', channel = 'social' where id = ${ids[0]}`;
    await sql`delete from public.survey_answers where response_id = ${ids[1]} and option_value = 'precio'`;
    expect(await keptCounts(slug)).toEqual(await recounted(slug));

    await postJson(`/api/admin/surveys/${slug}/results/publish`, { published: true }, { headers: await bearer('admin') });
    const { body } = await request(`/api/surveys/${slug}/results`);
    expect(body.totals.responses).toBe(5);
    expect(body.totals.byNetwork.map((n: any) => [n.network, n.count])).toEqual([['facebook', 1], ['instagram', 1], ['tiktok', 1], ['sin_red', 2]]);
    const temas = body.questions.find((q: any) => q.id === 'temas');
    expect(temas.answered).toBe(3); // response 2 lost its only option, response 5 is gone
    expect(temas.options.map((o: any) => [o.value, o.count])).toEqual([['precio', 1], ['horario', 1], ['trato', 2]]);
  });

  it('equal a full recount when many responses arrive at once, each connection adding to its own slot', async () => {
    const slug = await createResultsSurvey('conteos-a-la-vez');
    // Four rounds of the six submissions in parallel: the same options from many connections at once.
    await Promise.all(Array.from({ length: 4 }, () => Promise.all(SUBMISSIONS.map((s) => submitAll(slug, [s])))));
    const kept = await keptCounts(slug);
    expect(kept).toEqual(await recounted(slug));
    expect(kept.responses.reduce((sum, r) => sum + r.responses, 0)).toBe(24);
  });

  it('keep the tables private: anon may not read responses, reviews or counts, but may read followers', async () => {
    const asAnon = (query: string) =>
      sql.begin(async (tx) => {
        await tx`select set_config('role', 'anon', true)`;
        return tx.unsafe(query);
      });
    await expect(asAnon('select * from public.survey_text_reviews')).rejects.toThrow(/permission denied/);
    await expect(asAnon('select * from public.survey_responses')).rejects.toThrow(/permission denied/);
    await expect(asAnon('select * from private.survey_answer_counts')).rejects.toThrow(/permission denied/);
    await expect(asAnon("select public.staff_publish_results('oferta-de-servicios', true)")).rejects.toThrow(/permission denied/);
    await expect(asAnon("select public.staff_record_followers('x', current_date, 1)")).rejects.toThrow(/permission denied/);
    await expect(asAnon('select count(*) from public.social_followers')).resolves.toBeTruthy();
    await expect(asAnon("select public.get_survey_results('oferta-de-servicios')")).resolves.toBeTruthy();
  });
});

describe('a survey shaped like oferta-de-servicios, with responses on every channel and network', () => {
  it('re-imports from its CSV (streamed in pages) to the same counts, and its page stays within budget', async () => {
    // More than five pages of 1,000 rows, so the download really goes page after page.
    const slug = await createSeedLikeSurvey(5_100);
    const results = await request(`/api/surveys/${slug}/results`);
    expect(results.status).toBe(200);
    expect(results.body.totals.responses).toBe(5_100);
    expect(results.body.questions.some((q: any) => q.type === 'matrix')).toBe(true);
    const csv = await request(`/api/surveys/${slug}/open-data.csv`);
    expect(csv.status).toBe(200);
    expect(compareCsvWithResults(csv.text, results.body)).toEqual([]);
    expect(csv.text).not.toMatch(/Otra respuesta|Otro problema|Comentario \d/); // nothing reviewed, nothing published
    // Unknown sources are grouped, never shown as typed.
    expect(results.body.totals.byNetwork.map((n: any) => n.network)).toContain('otra');
    expect(JSON.stringify(results.body)).not.toContain('boletin');

    // DESIGN.md budget for read pages: no JavaScript, at most 50 KB gzip of HTML and CSS.
    const page = await request(`/resultados/${slug}`);
    expect(page.status).toBe(200);
    expect(scriptsBesidesBeacon(page.text)).toEqual([]);
    // The build inlines the CSS, so the page's HTML is all of it.
    expect(page.text).toMatch(/<style\b/);
    const bytes = gzipSync(page.text).length;
    console.log(`results page of a survey like oferta-de-servicios: ${(bytes / 1024).toFixed(1)} KB gzip (HTML + CSS)`);
    expect(bytes).toBeLessThanOrEqual(50 * 1024);
  }, 120_000);
});
