-- Survey results, public reads: the results (migration 0615) and the lists that anyone may read once
-- staff publish them.

create function private.survey_results_header(p_survey public.surveys)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'slug',         p_survey.slug,
    'title',        p_survey.title,
    'description',  p_survey.description,
    'planActivity', p_survey.plan_activity_code,
    'status',       case
                      when p_survey.status = 'draft' then 'draft'
                      when p_survey.status = 'closed' or p_survey.closes_at <= now() then 'closed'
                      when p_survey.opens_at > now() then 'scheduled'
                      else 'open'
                    end,
    'publishedAt',  to_char(p_survey.results_published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'generatedAt',  to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  );
$$;
comment on function private.survey_results_header(public.surveys) is 'What the results say about their survey: slug, title, plan activity, status (draft only in staff previews) and publication date.';
revoke execute on function private.survey_results_header(public.surveys) from public;

-- PUBLIC READS

create function public.get_survey_results(p_slug text)
returns jsonb
language sql
stable
-- security definer: anon may not read responses or answers; this function only ever returns
-- aggregates, free texts a staff member marked publishable, and only once results are published.
security definer
set search_path = ''
as $$
  select private.survey_results_header(s) || private.survey_results(s.id)
  from public.surveys s
  where s.slug = p_slug
    and s.status <> 'draft'
    and s.results_published_at is not null;
$$;
comment on function public.get_survey_results(text) is 'Published results of a survey (GET /api/surveys/:slug/results, /resultados/<slug>); null when missing, draft or unpublished.';
revoke execute on function public.get_survey_results(text) from public, anon, authenticated;
grant execute on function public.get_survey_results(text) to anon, authenticated;

create function public.list_published_results()
returns jsonb
language sql
stable
-- security definer: the response count comes from survey_responses, which anon cannot read.
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(
    jsonb_build_object(
      'slug',          s.slug,
      'title',         s.title,
      'description',   s.description,
      'planActivity',  s.plan_activity_code,
      'activityTitle', a.title,
      'publishedAt',   to_char(s.results_published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'responses',     coalesce((select sum(c.responses) from private.survey_response_counts c where c.survey_id = s.id), 0)
    )
    order by s.results_published_at desc, s.id desc
  ), '[]'::jsonb)
  from public.surveys s
  left join public.plan_activities a on a.code = s.plan_activity_code
  where s.status <> 'draft'
    and s.results_published_at is not null;
$$;
comment on function public.list_published_results() is 'Every survey with published results, newest publication first, with its plan activity and response count.';
revoke execute on function public.list_published_results() from public, anon, authenticated;
grant execute on function public.list_published_results() to anon, authenticated;

create function public.list_social_followers()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(
    jsonb_build_object('network', f.network, 'measuredOn', f.measured_on, 'followers', f.followers)
    order by f.measured_on desc, f.network
  ), '[]'::jsonb)
  from public.social_followers f;
$$;
comment on function public.list_social_followers() is 'Follower counts per network and date, newest first (public: they are published figures).';
revoke execute on function public.list_social_followers() from public, anon, authenticated;
grant execute on function public.list_social_followers() to anon, authenticated;
