-- Telephone survey mode: the public telephone report, aggregates only (no name, number, note or
-- individual answer leaves it).

create function private.percent_or_null(p_part bigint, p_whole bigint)
returns numeric
language sql
immutable
set search_path = ''
as $$
  select case when p_whole > 0 then round(100.0 * p_part / p_whole, 1) end;
$$;
comment on function private.percent_or_null(bigint, bigint) is 'p_part / p_whole as a percentage with one decimal; null (shown as «—») when p_whole is 0, unlike private.percent which gives 0.';
revoke execute on function private.percent_or_null(bigint, bigint) from public;

create function private.telephone_figures(
  p_contacts bigint, p_attempts bigint, p_attempted bigint, p_contacted bigint, p_completed bigint,
  p_refused bigint, p_wrong bigint, p_unreachable bigint, p_in_queue bigint, p_withdrawn bigint,
  p_csat_n bigint, p_satisfied bigint, p_nps_n bigint, p_promoters bigint, p_detractors bigint
)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object(
    'contacts',       p_contacts,
    'attempts',       p_attempts,
    'attempted',      p_attempted,
    'contacted',      p_contacted,
    'contactRate',    private.percent_or_null(p_contacted, p_attempted),
    'completed',      p_completed,
    'completionRate', private.percent_or_null(p_completed, p_contacts),
    'refusals',       p_refused,
    'wrongNumbers',   p_wrong,
    'unreachable',    p_unreachable,
    'inQueue',        p_in_queue,
    'withdrawn',      p_withdrawn,
    'csat', jsonb_build_object(
      'n',         p_csat_n,
      'satisfied', p_satisfied,
      'percent',   private.percent_or_null(p_satisfied, p_csat_n)
    ),
    'nps', jsonb_build_object(
      'n',          p_nps_n,
      'promoters',  p_promoters,
      'passives',   p_nps_n - p_promoters - p_detractors,
      'detractors', p_detractors,
      'score',      case when p_nps_n > 0 then round(100.0 * (p_promoters - p_detractors) / p_nps_n, 1) end,
      -- Margin of error at 95 %: 1.96 × √((p_pro + p_det − (p_pro − p_det)²) / n) × 100, the
      -- standard error of a mean of scores +1 / 0 / −1.
      'marginOfError', case when p_nps_n > 0 then round((1.96 * sqrt(
          (p_promoters::numeric / p_nps_n + p_detractors::numeric / p_nps_n
            - power((p_promoters - p_detractors)::numeric / p_nps_n, 2)) / p_nps_n
        ) * 100)::numeric, 1) end
    )
  );
$$;
comment on function private.telephone_figures(bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint) is
  'The telephone report''s figures from its counts: contact rate = contacted / contacts with an attempt; completion rate = completed / contacts; CSAT = 4–5 / answers; NPS = %promoters − %detractors with its 95 % margin of error.';
revoke execute on function private.telephone_figures(bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint) from public;

create function public.get_telephone_report(p_survey_slug text)
returns jsonb
language plpgsql
stable
-- security definer: anon reads aggregates of tables it cannot read; no name, number, note or
-- individual answer leaves this function.
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
  v_csat   public.survey_questions;
  v_nps    public.survey_questions;
  v_totals jsonb;
  v_by     jsonb;
begin
  select * into v_survey from public.surveys where slug = p_survey_slug and status <> 'draft';
  if not found then
    return null;
  end if;

  -- CSAT is the survey's first 1–5 scale question and NPS its first 0–10 question.
  select * into v_csat from public.survey_questions
  where survey_id = v_survey.id and type = 'scale_5' order by position, id limit 1;
  select * into v_nps from public.survey_questions
  where survey_id = v_survey.id and type = 'nps' order by position, id limit 1;

  with c as (
    select
      c.service_used,
      c.status,
      (select count(*) from public.phone_call_attempts a where a.contact_id = c.id) as attempts,
      exists (
        select from public.phone_call_attempts a
        where a.contact_id = c.id and a.outcome in ('completed', 'refused', 'callback')
      ) as contacted,
      (select min(x.number_value) from public.survey_answers x where x.response_id = c.response_id and x.question_id = v_csat.id) as csat,
      (select min(x.number_value) from public.survey_answers x where x.response_id = c.response_id and x.question_id = v_nps.id) as nps
    from public.phone_contacts c
    where c.survey_id = v_survey.id
  ),
  g as (
    select
      grouping(c.service_used) = 1 as is_total,
      c.service_used,
      private.telephone_figures(
        count(*),
        coalesce(sum(c.attempts), 0)::bigint,
        count(*) filter (where c.attempts > 0),
        count(*) filter (where c.contacted),
        count(*) filter (where c.status = 'completed'),
        count(*) filter (where c.status = 'refused'),
        count(*) filter (where c.status = 'wrong_number'),
        count(*) filter (where c.status = 'unreachable'),
        count(*) filter (where c.status in ('pending', 'callback')),
        count(*) filter (where c.status = 'withdrawn'),
        count(c.csat),
        count(*) filter (where c.csat >= 4),
        count(c.nps),
        count(*) filter (where c.nps >= 9),
        count(*) filter (where c.nps <= 6)
      ) as figures,
      count(*) as contacts
    from c
    group by grouping sets ((), (c.service_used))
  )
  select
    (select g.figures from g where g.is_total),
    coalesce((
      select jsonb_agg(jsonb_build_object('service', g.service_used) || g.figures order by g.contacts desc, g.service_used)
      from g
      where not g.is_total
    ), '[]'::jsonb)
  into v_totals, v_by;

  return jsonb_build_object(
    'survey', jsonb_build_object(
      'slug',         v_survey.slug,
      'title',        v_survey.title,
      'planActivity', v_survey.plan_activity_code
    ),
    'generatedAt', private.iso_time(now()),
    'csatQuestion', case when v_csat.id is not null then jsonb_build_object('key', v_csat.key, 'label', v_csat.label) end,
    'npsQuestion',  case when v_nps.id is not null then jsonb_build_object('key', v_nps.key, 'label', v_nps.label) end,
    'totals', coalesce(v_totals, private.telephone_figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
    'outcomes', (
      select jsonb_build_object(
        'completed',   count(*) filter (where a.outcome = 'completed'),
        'noAnswer',    count(*) filter (where a.outcome = 'no_answer'),
        'busy',        count(*) filter (where a.outcome = 'busy'),
        'wrongNumber', count(*) filter (where a.outcome = 'wrong_number'),
        'refused',     count(*) filter (where a.outcome = 'refused'),
        'callback',    count(*) filter (where a.outcome = 'callback')
      )
      from public.phone_call_attempts a
      join public.phone_contacts c on c.id = a.contact_id
      where c.survey_id = v_survey.id
    ),
    'byService', v_by
  );
end;
$$;
comment on function public.get_telephone_report(text) is
  'Public telephone report of a published survey (plan activity 1.2): contacts, attempts, contact and completion rates, refusals, CSAT, NPS with its 95 % margin of error, totals and per service. Aggregates only; null for a missing or draft survey.';
revoke execute on function public.get_telephone_report(text) from public, anon, authenticated;
grant execute on function public.get_telephone_report(text) to anon, authenticated;
