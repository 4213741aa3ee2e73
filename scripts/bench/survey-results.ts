// Survey results at scale: a survey shaped like `oferta-de-servicios` (every question type, matrix and
// "otro" included) with 100,000 responses seeded set-based, then the public aggregate timed as the app
// calls it. DESIGN.md budget: results computed in SQL in < 1 s.
import postgres from 'postgres';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import { copySurvey } from '../../tests/support/copy-survey.ts';
import type { BenchContext } from './types.ts';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const RUNS = 5;
const SLUG = `bench-resultados-${Date.now().toString(36)}`;

/** Copies the seed survey's questions and adds the types it may lack (matrix, number, date, "otro"). */
async function createSurvey(sql: postgres.Sql): Promise<number> {
  const id = await copySurvey(sql, 'oferta-de-servicios', SLUG, 'banco de pruebas');
  await sql`
    insert into public.survey_questions (survey_id, key, position, type, label, required, min_value, max_value, allow_other)
    values (${id}, 'bench_matriz', 100, 'matrix', '¿Qué tanto conoce cada servicio?', false, null, null, false),
           (${id}, 'bench_edad', 101, 'number', '¿Cuántos años tiene?', false, 14, 99, false),
           (${id}, 'bench_fecha', 102, 'date', '¿Cuándo nos visitó por última vez?', false, null, null, false),
           (${id}, 'bench_canal', 103, 'single_choice', '¿Por qué canal prefiere que le informemos?', false, null, null, true)`;
  await sql`
    insert into public.survey_question_options (question_id, value, label, position)
    select q.id, o.value, o.label, o.position
    from public.survey_questions q
    join (values ('bench_matriz', 'no_conoce', 'No lo conoce', 1), ('bench_matriz', 'conoce', 'Lo conoce', 2), ('bench_matriz', 'usado', 'Lo ha usado', 3),
                 ('bench_canal', 'correo', 'Correo electrónico', 1), ('bench_canal', 'whatsapp', 'WhatsApp', 2), ('bench_canal', 'redes', 'Redes sociales', 3),
                 ('bench_canal', 'otro', 'Otro', 4)) as o(key, value, label, position) on o.key = q.key
    where q.survey_id = ${id}`;
  await sql`
    insert into public.survey_question_items (question_id, key, label, position)
    select q.id, i.key, i.label, i.position
    from public.survey_questions q
    cross join (values ('boleteria', 'Boletería en línea', 1), ('asesoria', 'Asesoría a emprendedores', 2), ('capacitaciones', 'Capacitaciones', 3),
                       ('convocatorias', 'Convocatorias', 4), ('eventos', 'Eventos', 5), ('atencion', 'Atención al ciudadano', 6)) as i(key, label, position)
    where q.survey_id = ${id} and q.key = 'bench_matriz'`;
  return id;
}

/** 100,000 responses and their answers, each table filled by one insert … select over generate_series. */
async function seedResponses(sql: postgres.Sql, surveyId: number): Promise<number> {
  await sql.begin(async (tx) => {
    await tx`select setseed(0.42)`;
    await tx`create temporary table bench_responses on commit drop as
      select gen_random_uuid() as id, gen_random_uuid() as consent_id, g as n,
             case when g % 20 = 0 then 'phone' when g % 100 < 35 then 'social' else 'web' end as channel,
             timestamptz '2026-09-01 08:00-05' + (g * interval '1 minute') as submitted_at
      from generate_series(1, ${RESPONSES}) as g`;
    await tx`insert into private.consents (id, subject_table, subject_id, text_version, purpose, channel, given_at)
      select r.consent_id, 'survey_responses', r.id, 'encuestas-v1', 'Banco de pruebas', r.channel, r.submitted_at from bench_responses r`;
    await tx`insert into public.survey_responses (id, survey_id, channel, source, submitted_at, consent_id)
      select r.id, ${surveyId}, r.channel,
             case when r.channel = 'social' then (array['facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube'])[1 + r.n % 6] end,
             r.submitted_at, r.consent_id
      from bench_responses r`;
    // Choice questions: single → one option; multiple → each option with probability 0.3 (at least the first).
    await tx`insert into public.survey_answers (response_id, question_id, option_value, text_value)
      select r.id, q.id, o.value, case when o.value = 'otro' then 'Texto libre de prueba ' || r.n end
      from bench_responses r
      join public.survey_questions q on q.survey_id = ${surveyId} and q.type = 'single_choice'
      cross join lateral (
        select o.value from public.survey_question_options o
        where o.question_id = q.id
        order by md5(r.n::text || o.value || q.key) limit 1
      ) o`;
    await tx`insert into public.survey_answers (response_id, question_id, option_value)
      select r.id, q.id, o.value
      from bench_responses r
      join public.survey_questions q on q.survey_id = ${surveyId} and q.type = 'multiple_choice'
      join public.survey_question_options o on o.question_id = q.id
      where o.position = 1 or random() < 0.3`;
    await tx`insert into public.survey_answers (response_id, question_id, number_value)
      select r.id, q.id,
             case q.type when 'scale_5' then 1 + floor(random() * 5) when 'nps' then floor(random() * 11) else 14 + floor(random() * 70) end
      from bench_responses r
      join public.survey_questions q on q.survey_id = ${surveyId} and q.type in ('scale_5', 'nps', 'number')`;
    await tx`insert into public.survey_answers (response_id, question_id, item_key, option_value)
      select r.id, q.id, i.key, o.value
      from bench_responses r
      join public.survey_questions q on q.survey_id = ${surveyId} and q.type = 'matrix'
      join public.survey_question_items i on i.question_id = q.id
      cross join lateral (
        select o.value from public.survey_question_options o
        where o.question_id = q.id
        order by md5(r.n::text || o.value || i.key) limit 1
      ) o`;
    await tx`insert into public.survey_answers (response_id, question_id, text_value)
      select r.id, q.id,
             case when q.type = 'date' then to_char(date '2026-01-01' + (r.n % 300), 'YYYY-MM-DD') else 'Comentario de prueba número ' || r.n end
      from bench_responses r
      join public.survey_questions q on q.survey_id = ${surveyId} and q.type in ('date', 'short_text', 'long_text')
      where q.type = 'date' or r.n % 5 = 0`;
  });
  await sql`vacuum analyze public.survey_responses`;
  await sql`vacuum analyze public.survey_answers`;
  const [{ n }] = await sql`select count(*)::int as n from public.survey_answers a join public.survey_questions q on q.id = a.question_id where q.survey_id = ${surveyId}`;
  return n;
}

/** Removes the bench survey without replaying 100,000 row triggers (superuser: triggers and cascades off). */
async function cleanUp(sql: postgres.Sql, surveyId: number): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    const questions = tx`select id from public.survey_questions where survey_id = ${surveyId}`;
    await tx`delete from private.survey_answer_counts where question_id in (${questions})`;
    await tx`delete from private.survey_question_respondents where question_id in (${questions})`;
    await tx`delete from public.survey_answers where question_id in (${questions})`;
    const consents = await tx`delete from public.survey_responses where survey_id = ${surveyId} returning consent_id`;
    await tx`delete from private.consents where id = any(${consents.map((c) => c.consent_id)}::uuid[])`;
    await tx`delete from public.survey_question_options where question_id in (${questions})`;
    await tx`delete from public.survey_question_items where question_id in (${questions})`;
    await tx`delete from public.survey_questions where survey_id = ${surveyId}`;
    await tx`delete from public.surveys where id = ${surveyId}`;
  });
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function time(runs: number, call: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  return times;
}

export async function benchSurveyResults({ databaseUrl, log }: BenchContext): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const store = createPostgresStore(databaseUrl, { max: 1 });
  let surveyId: number | undefined;
  try {
    const seeding = performance.now();
    surveyId = await createSurvey(sql);
    const answers = await seedResponses(sql, surveyId);
    log(`seeded responses=${RESPONSES} answers=${answers} in ${Math.round(performance.now() - seeding)} ms`);

    let result: any;
    const results = await time(RUNS, async () => {
      result = await store.rpc('get_survey_results', { p_slug: SLUG });
    });
    if (result?.totals?.responses !== RESPONSES) throw new Error(`expected ${RESPONSES} responses, got ${result?.totals?.responses}`);
    const label = RESPONSES === 100_000 ? '100k' : String(RESPONSES);
    log(`results_${label}_ms min=${Math.min(...results).toFixed(0)} median=${median(results).toFixed(0)} runs=${RUNS} questions=${result.questions.length}`);

    const id = surveyId;
    const rebuild = await time(1, () => sql`select private.rebuild_answer_counts(${id})`);
    log(`recount_${label}_ms ${rebuild[0].toFixed(0)} (the same counts recomputed from every answer in one grouped pass)`);

    // The open-data download as the function streams it: pages of 5,000 rows.
    let rows = 0;
    let columns = 0;
    const openData = await time(1, async () => {
      rows = 0;
      for (let offset = 0; ; offset += 5000) {
        const page: any = await store.rpc('get_open_data', { p_slug: SLUG, p_offset: offset, p_limit: 5000 });
        columns = page.columns.length;
        rows += page.rows.length;
        if (page.rows.length < 5000) break;
      }
    });
    log(`open_data_${label}_ms ${openData[0].toFixed(0)} rows=${rows} columns=${columns} pages_of=5000`);
  } finally {
    // BENCH_KEEP=1 leaves the survey in place to look at it (e.g. explain analyze) afterwards.
    if (surveyId !== undefined && process.env.BENCH_KEEP !== '1') await cleanUp(sql, surveyId);
    await store.close();
    await sql.end({ timeout: 5 });
  }
}
