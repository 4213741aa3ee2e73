-- Accountability, the consolidated report of a year's exercise (plan activity 3.3): schedule fulfilment,
-- each hearing's attendance, questions and evaluation, the evaluation meeting and the evidence. One read
-- model feeds the page, its CSV and its JSON, so the three always show the same numbers. Improvement
-- actions come from public.list_improvement_actions('accountability', '<year>').

create function private.hearing_question_figures(p_hearing_id bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  -- A question is answered when it was settled (answer, merge into an answered question, or an
  -- out-of-scope reason), and on time when that happened by its due date, in Bogotá days.
  select jsonb_build_object(
    'received',       count(*),
    'answered',       count(*) filter (where q.answered_at is not null),
    'answeredOnTime', count(*) filter (where (q.answered_at at time zone 'America/Bogota')::date <= q.due_on),
    'pending',        count(*) filter (where q.answered_at is null),
    'overdue',        count(*) filter (where q.answered_at is null and q.due_on < private.bogota_today()),
    'live',           count(*) filter (where q.answer_mode = 'live'),
    'written',        count(*) filter (where q.answer_mode = 'written'),
    'merged',         count(*) filter (where q.status = 'merged'),
    'outOfScope',     count(*) filter (where q.status = 'out_of_scope')
  )
  from public.hearing_questions q
  where q.hearing_id = p_hearing_id;
$$;
comment on function private.hearing_question_figures(bigint) is 'Counts of a hearing''s questions: received, answered, answered on time, pending, overdue, live, written, merged, out of scope.';
revoke execute on function private.hearing_question_figures(bigint) from public;

create function private.hearing_evaluation_figures(p_survey_slug text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with survey as (
    select s.id from public.surveys s where s.slug = p_survey_slug
  ), answers as (
    select q.key, a.option_value, a.number_value
    from survey s
    join public.survey_responses r on r.survey_id = s.id
    join public.survey_answers a on a.response_id = r.id
    join public.survey_questions q on q.id = a.question_id
  )
  select jsonb_build_object(
    'survey',     p_survey_slug,
    'responses',  (select count(*) from survey s join public.survey_responses r on r.survey_id = s.id),
    'clarity',    (select round(avg(number_value), 2) from answers where key = 'claridad'),
    'usefulness', (select round(avg(number_value), 2) from answers where key = 'utilidad'),
    'questionAnswered', jsonb_build_object(
      'si',          (select count(*) from answers where key = 'pregunta_respondida' and option_value = 'si'),
      'parcial',     (select count(*) from answers where key = 'pregunta_respondida' and option_value = 'parcial'),
      'no',          (select count(*) from answers where key = 'pregunta_respondida' and option_value = 'no'),
      'no_pregunte', (select count(*) from answers where key = 'pregunta_respondida' and option_value = 'no_pregunte'))
  );
$$;
comment on function private.hearing_evaluation_figures(text) is 'Results of a hearing''s evaluation survey: responses, average clarity and usefulness (1–5), and whether askers got an answer.';
revoke execute on function private.hearing_evaluation_figures(text) from public;

create function public.get_accountability_report(p_year integer)
returns jsonb
language sql
stable
-- security definer: counts over questions and survey answers anon cannot read; only aggregates leave.
security definer
set search_path = ''
as $$
  with activities as (
    select a.* from public.accountability_activities a where a.year = p_year
  ), hearings as (
    select h.*, private.hearing_question_figures(h.id) as questions,
           private.hearing_evaluation_figures(h.evaluation_survey) as evaluation
    from public.hearings h where h.year = p_year
  )
  select case when not exists (select from activities) and not exists (select from hearings) then null else
  jsonb_build_object(
    'year', p_year,
    'schedule', (select jsonb_build_object(
        'total',      count(*),
        'done',       count(*) filter (where status = 'done'),
        'doneOnTime', count(*) filter (where status = 'done' and done_on <= ends_on),
        'inProgress', count(*) filter (where status = 'in_progress'),
        'planned',    count(*) filter (where status = 'planned'),
        'cancelled',  count(*) filter (where status = 'cancelled'),
        'late',       count(*) filter (where status in ('planned', 'in_progress') and ends_on < private.bogota_today()))
      from activities),
    'activities', coalesce((select jsonb_agg(private.activity_json(a) order by a.starts_on, a.position, a.id)
                            from public.accountability_activities a where a.year = p_year), '[]'::jsonb),
    'hearings', coalesce((select jsonb_agg(jsonb_build_object(
        'slug',              h.slug,
        'title',             h.title,
        'startsAt',          private.iso_time(h.starts_at),
        'streamUrl',         h.stream_url,
        'onlineViewers',     h.online_viewers,
        'inPersonAttendees', h.in_person_attendees,
        'questions',         h.questions,
        'evaluation',        h.evaluation) order by h.starts_at, h.id)
      from hearings h), '[]'::jsonb),
    'totals', (select jsonb_build_object(
        'hearings',            count(*),
        'onlineViewers',       coalesce(sum(h.online_viewers), 0),
        'inPersonAttendees',   coalesce(sum(h.in_person_attendees), 0),
        'questionsReceived',   coalesce(sum((h.questions ->> 'received')::integer), 0),
        'questionsAnswered',   coalesce(sum((h.questions ->> 'answered')::integer), 0),
        'answeredOnTime',      coalesce(sum((h.questions ->> 'answeredOnTime')::integer), 0),
        'questionsOverdue',    coalesce(sum((h.questions ->> 'overdue')::integer), 0),
        'evaluationResponses', coalesce(sum((h.evaluation ->> 'responses')::integer), 0))
      from hearings h),
    'evaluation', (select jsonb_build_object('heldOn', e.held_on, 'participants', e.participants, 'results', e.results)
                   from public.accountability_evaluations e where e.year = p_year)
  ) end;
$$;
comment on function public.get_accountability_report(integer) is 'The consolidated accountability report of a year: schedule fulfilment and activities with evidence, each hearing''s attendance, question counts and evaluation results, totals and the evaluation meeting; null for a year without an exercise.';
revoke execute on function public.get_accountability_report(integer) from public, anon, authenticated;
grant execute on function public.get_accountability_report(integer) to anon, authenticated;
