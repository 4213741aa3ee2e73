import type postgres from 'postgres';

/**
 * A published, open copy of a seeded survey — questions, options and matrix items — under a new slug,
 * for tests and benchmarks that need a realistic survey of their own. Returns the new survey's id.
 */
export async function copySurvey(sql: postgres.Sql | postgres.TransactionSql, from: string, slug: string, titleSuffix: string): Promise<number> {
  const [{ id }] = await sql`
    insert into public.surveys (slug, plan_activity_code, title, description, status, consent_version, results_published_at)
    select ${slug}, s.plan_activity_code, s.title || ${` (${titleSuffix})`}, s.description, 'open', s.consent_version, now()
    from public.surveys s where s.slug = ${from}
    returning id`;
  await sql`
    insert into public.survey_questions (survey_id, key, position, section, type, label, help, required, min_value, max_value, allow_other)
    select ${id}, q.key, q.position, q.section, q.type, q.label, q.help, q.required, q.min_value, q.max_value, q.allow_other
    from public.survey_questions q join public.surveys s on s.id = q.survey_id
    where s.slug = ${from}`;
  await sql`
    insert into public.survey_question_options (question_id, value, label, position)
    select nq.id, o.value, o.label, o.position
    from public.survey_questions nq
    join public.survey_questions oq on oq.key = nq.key
    join public.surveys os on os.id = oq.survey_id and os.slug = ${from}
    join public.survey_question_options o on o.question_id = oq.id
    where nq.survey_id = ${id}`;
  await sql`
    insert into public.survey_question_items (question_id, key, label, position)
    select nq.id, i.key, i.label, i.position
    from public.survey_questions nq
    join public.survey_questions oq on oq.key = nq.key
    join public.surveys os on os.id = oq.survey_id and os.slug = ${from}
    join public.survey_question_items i on i.question_id = oq.id
    where nq.survey_id = ${id}`;
  return id;
}
