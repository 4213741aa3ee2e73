import { sql, uniqueSlug } from '../support/db.ts';
import { copySurvey } from '../support/copy-survey.ts';
import { newClientIp, postJson } from '../support/http.ts';

/**
 * A survey with every question type the results handle: single choice with «Otro», multiple choice,
 * 1–5 scale, NPS, matrix, number, date and free text. Created with SQL (the builder's API is not ours).
 */
export async function createResultsSurvey(prefix = 'resultados'): Promise<string> {
  const slug = uniqueSlug(prefix);
  const [{ id }] = await sql`
    insert into public.surveys (slug, plan_activity_code, title, description, status, consent_version)
    values (${slug}, '1.1', 'Encuesta de resultados de prueba', 'Para pruebas de resultados', 'open', 'encuestas-v1')
    returning id`;
  const questions: [string, string, boolean, string | null][] = [
    ['medio', 'single_choice', true, 'Conocimiento'],
    ['temas', 'multiple_choice', false, 'Conocimiento'],
    ['calificacion', 'scale_5', false, 'Experiencia'],
    ['recomendacion', 'nps', false, 'Experiencia'],
    ['servicios', 'matrix', false, 'Experiencia'],
    ['edad', 'number', false, null],
    ['visita', 'date', false, null],
    ['comentario', 'long_text', false, null],
  ];
  for (const [position, [key, type, allowOther, section]] of questions.entries()) {
    await sql`
      insert into public.survey_questions (survey_id, key, position, section, type, label, required, allow_other)
      values (${id}, ${key}, ${position + 1}, ${section}, ${type}, ${`Pregunta ${key}`}, false, ${allowOther})`;
  }
  await sql`
    insert into public.survey_question_options (question_id, value, label, position)
    select q.id, o.value, o.label, o.position
    from public.survey_questions q
    join (values ('medio', 'redes', 'Redes sociales', 1), ('medio', 'web', 'Sitio web', 2), ('medio', 'otro', 'Otro', 3),
                 ('temas', 'precio', 'Precio', 1), ('temas', 'horario', 'Horario', 2), ('temas', 'trato', 'Trato', 3),
                 ('servicios', 'no_conoce', 'No lo conoce', 1), ('servicios', 'conoce', 'Lo conoce', 2), ('servicios', 'usado', 'Lo ha usado', 3))
      as o(key, value, label, position) on o.key = q.key
    where q.survey_id = ${id}`;
  await sql`
    insert into public.survey_question_items (question_id, key, label, position)
    select q.id, i.key, i.label, i.position
    from public.survey_questions q
    cross join (values ('boleteria', 'Boletería', 1), ('asesoria', 'Asesoría', 2)) as i(key, label, position)
    where q.survey_id = ${id} and q.key = 'servicios'`;
  return slug;
}

type Submission = { channel?: 'web' | 'social'; source?: string; answers: Record<string, unknown> };

/**
 * Six responses whose results were computed by hand (see results-http.test.ts), sent through the public
 * API as a citizen would: channel and network come with each body.
 */
export const SUBMISSIONS: Submission[] = [
  {
    answers: {
      medio: 'redes', temas: ['precio', 'trato'], calificacion: 5, recomendacion: 10,
      servicios: { boleteria: 'usado', asesoria: 'conoce' }, edad: 30, visita: '2026-10-05',
      comentario: 'Muy buen servicio, escríbanme a ana.perez@example.com',
    },
  },
  {
    channel: 'social', source: 'facebook',
    answers: {
      medio: 'otro', medio__otro: 'Me contó mi vecina Ana Pérez', temas: ['precio'], calificacion: 4, recomendacion: 9,
      servicios: { boleteria: 'conoce' }, edad: 40, visita: '2026-11-01',
    },
  },
  { channel: 'social', source: 'instagram', answers: { medio: 'web', calificacion: 2, recomendacion: 3, edad: 25, comentario: 'Faltan horarios' } },
  { answers: { medio: 'redes', temas: ['horario'], calificacion: 3, recomendacion: 7, servicios: { boleteria: 'no_conoce', asesoria: 'no_conoce' } } },
  {
    channel: 'social', source: 'facebook',
    answers: {
      medio: 'redes', temas: ['precio', 'horario', 'trato'], calificacion: 5, recomendacion: 8,
      servicios: { boleteria: 'usado', asesoria: 'usado' }, edad: 52, visita: '2026-11-20', comentario: '=HIPERVINCULO("x") Excelente',
    },
  },
  { answers: { medio: 'web', temas: ['trato'], calificacion: 1, recomendacion: 9, servicios: { boleteria: 'conoce' }, edad: 19, visita: '2026-10-30' } },
];

export async function submitAll(slug: string, submissions = SUBMISSIONS): Promise<string[]> {
  const ids: string[] = [];
  for (const s of submissions) {
    const body = { answers: s.answers, consent: true, ...(s.channel ? { channel: s.channel } : {}), ...(s.source ? { source: s.source } : {}) };
    const reply = await postJson(`/api/surveys/${slug}/responses`, body, { ip: newClientIp() });
    if (reply.status !== 201) throw new Error(`submission refused: ${reply.status} ${reply.text}`);
    ids.push(reply.body.id);
  }
  return ids;
}

/** Free-text answers of a survey as stored (id, question key, text), oldest first. */
export async function textAnswers(slug: string): Promise<{ id: string; key: string; text: string }[]> {
  return sql`
    select a.id::text as id, q.key, a.text_value as text
    from public.survey_answers a
    join public.survey_questions q on q.id = a.question_id
    join public.surveys s on s.id = q.survey_id
    where s.slug = ${slug} and a.text_value is not null and (q.type in ('short_text', 'long_text') or a.option_value = 'otro')
    order by a.id`;
}

/**
 * A copy of the seed survey `oferta-de-servicios` (every section, matrix and «Otro») with responses on
 * every channel and network, inserted set-based: the heaviest results page the seed can produce.
 */
export async function createSeedLikeSurvey(responses = 120): Promise<string> {
  const slug = uniqueSlug('oferta-copia');
  await sql.begin(async (tx) => {
    const id = await copySurvey(tx, 'oferta-de-servicios', slug, 'copia de prueba');
    await tx`create temporary table seed_like on commit drop as
      select gen_random_uuid() as id, gen_random_uuid() as consent_id, g as n,
             case when g % 10 = 0 then 'phone' when g % 2 = 0 then 'social' else 'web' end as channel
      from generate_series(1, ${responses}) as g`;
    await tx`insert into private.consents (id, subject_table, subject_id, text_version, purpose, channel)
      select r.consent_id, 'survey_responses', r.id, 'encuestas-v1', 'Pruebas', r.channel from seed_like r`;
    await tx`insert into public.survey_responses (id, survey_id, channel, source, consent_id, submitted_at)
      select r.id, ${id}, r.channel,
             case when r.channel = 'social' then (array['facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube', 'boletin'])[1 + r.n % 7] end,
             r.consent_id, now() - (r.n * interval '3 hours')
      from seed_like r`;
    await tx`insert into public.survey_answers (response_id, question_id, option_value, text_value)
      select r.id, q.id, o.value, case when o.value = 'otro' then 'Otra respuesta ' || r.n end
      from seed_like r
      join public.survey_questions q on q.survey_id = ${id} and q.type = 'single_choice'
      cross join lateral (select o.value from public.survey_question_options o where o.question_id = q.id order by md5(r.n || o.value) limit 1) o`;
    await tx`insert into public.survey_answers (response_id, question_id, option_value, text_value)
      select r.id, q.id, o.value, case when o.value = 'otro' then 'Otro problema ' || r.n end
      from seed_like r
      join public.survey_questions q on q.survey_id = ${id} and q.type = 'multiple_choice'
      join public.survey_question_options o on o.question_id = q.id
      where md5(r.n || o.value) < '5'`;
    await tx`insert into public.survey_answers (response_id, question_id, number_value)
      select r.id, q.id, case q.type when 'scale_5' then 1 + r.n % 5 when 'nps' then r.n % 11 else 18 + r.n % 60 end
      from seed_like r
      join public.survey_questions q on q.survey_id = ${id} and q.type in ('scale_5', 'nps', 'number')`;
    await tx`insert into public.survey_answers (response_id, question_id, item_key, option_value)
      select r.id, q.id, i.key, o.value
      from seed_like r
      join public.survey_questions q on q.survey_id = ${id} and q.type = 'matrix'
      join public.survey_question_items i on i.question_id = q.id
      cross join lateral (select o.value from public.survey_question_options o where o.question_id = q.id order by md5(r.n || i.key || o.value) limit 1) o`;
    await tx`insert into public.survey_answers (response_id, question_id, text_value)
      select r.id, q.id, case when q.type = 'date' then to_char(date '2026-01-01' + r.n, 'YYYY-MM-DD') else 'Comentario ' || r.n end
      from seed_like r
      join public.survey_questions q on q.survey_id = ${id} and q.type in ('date', 'short_text', 'long_text')
      where q.type = 'date' or r.n % 3 = 0`;
  });
  return slug;
}
