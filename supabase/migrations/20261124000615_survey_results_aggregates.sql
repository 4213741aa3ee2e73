-- Survey results, aggregates: the results of one survey computed from the kept counts (migration
-- 0610) in a few steps: the count readers, totals, per-question results and reach.

create function private.percent(p_part numeric, p_whole numeric)
returns numeric
language sql
immutable
set search_path = ''
as $$
  select case when p_whole > 0 then round(100.0 * p_part / p_whole, 1) else 0 end;
$$;
comment on function private.percent(numeric, numeric) is 'p_part as a percentage of p_whole, one decimal; 0 when the whole is 0.';
revoke execute on function private.percent(numeric, numeric) from public;

-- Counts per question, matrix item and value: overall (g = 3), by channel (g = 1) and by network
-- (g = 2), in one grouping-sets pass over the kept counts (summing their slots).
create function private.survey_count_groups(p_survey_id bigint)
returns table (question_id bigint, item_key text, value text, num numeric, channel text, network text, g integer, n numeric, texts numeric)
language sql
stable
set search_path = ''
as $$
    select c.question_id,
           nullif(c.item_key, '') as item_key,
           nullif(c.value, '') as value,
           case when q.type in ('scale_5', 'nps', 'number') then nullif(c.value, '')::numeric end as num,
           c.channel,
           c.network,
           grouping(c.channel, c.network) as g,
           sum(c.answers) as n,
           sum(c.texts) as texts
    from private.survey_answer_counts c
    join public.survey_questions q on q.id = c.question_id and q.survey_id = p_survey_id
    group by grouping sets (
      (c.question_id, q.type, c.item_key, c.value),
      (c.question_id, q.type, c.item_key, c.value, c.channel),
      (c.question_id, q.type, c.item_key, c.value, c.network)
    )
    having sum(c.answers) <> 0;
$$;
comment on function private.survey_count_groups(bigint) is 'Answer rows of a survey per question, item and value, overall and by channel and network (g = 3, 1, 2), from the kept counts.';
revoke execute on function private.survey_count_groups(bigint) from public;

-- Respondents per question and group: kept for multiple choice and matrix questions; any other answer
-- is one row per respondent, so its answer counts say it. Questions nobody answered get their 0.
create function private.survey_answered_groups(p_survey_id bigint)
returns table (question_id bigint, g integer, grp text, n numeric)
language sql
stable
set search_path = ''
as $$
  with answered as materialized (
    select x.question_id, grouping(x.channel, x.network) as g, coalesce(x.channel, x.network) as grp, sum(x.n) as n
    from (
      select c.question_id, c.channel, c.network, c.respondents as n
      from private.survey_question_respondents c
      join public.survey_questions q on q.id = c.question_id and q.survey_id = p_survey_id and q.type in ('multiple_choice', 'matrix')
      union all
      select c.question_id, c.channel, c.network, c.answers
      from private.survey_answer_counts c
      join public.survey_questions q on q.id = c.question_id and q.survey_id = p_survey_id and q.type not in ('multiple_choice', 'matrix')
    ) x
    group by grouping sets ((x.question_id), (x.question_id, x.channel), (x.question_id, x.network))
    having sum(x.n) <> 0
  )
  select * from answered
  union all
  select q.id, 3, null, 0
  from public.survey_questions q
  where q.survey_id = p_survey_id
    and not exists (select from answered a where a.question_id = q.id and a.g = 3);
$$;
comment on function private.survey_answered_groups(bigint) is 'Respondents of each question of a survey, overall and by channel and network (g = 3, 1, 2); 0 overall for questions nobody answered.';
revoke execute on function private.survey_answered_groups(bigint) from public;

-- Responses per channel and network (sources typed by whoever shares a link are reduced to the known
-- networks, otra or sin_red when counted), summed over the counter slots.
create function private.survey_response_groups(p_survey_id bigint)
returns table (channel text, network text, n numeric)
language sql
stable
set search_path = ''
as $$
  select c.channel, c.network, sum(c.responses)
  from private.survey_response_counts c
  where c.survey_id = p_survey_id
  group by c.channel, c.network
  having sum(c.responses) <> 0;
$$;
comment on function private.survey_response_groups(bigint) is 'Responses of a survey per channel and network, from the kept counts.';
revoke execute on function private.survey_response_groups(bigint) from public;

-- The social networks the agency uses, in the order results list them.
create function private.social_networks()
returns table (network text, ord bigint)
language sql
immutable
set search_path = ''
as $$
  select n.network, n.ord
  from unnest(array['facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube']) with ordinality as n(network, ord);
$$;
comment on function private.social_networks() is 'facebook, instagram, x, tiktok, whatsapp and youtube with their position in results.';
revoke execute on function private.social_networks() from public;

-- First and last come from the (survey_id, submitted_at) index: two lookups, no scan.
create function private.survey_totals(p_survey_id bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with
  response_groups as materialized (
    select * from private.survey_response_groups(p_survey_id)
  ),
  totals as (
    select coalesce((select sum(g.n) from response_groups g), 0) as responses,
           (select min(r.submitted_at) from public.survey_responses r where r.survey_id = p_survey_id) as first_at,
           (select max(r.submitted_at) from public.survey_responses r where r.survey_id = p_survey_id) as last_at
  )
  select jsonb_build_object(
    'responses', t.responses,
    'firstAt',   to_char(t.first_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'lastAt',    to_char(t.last_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'byChannel', (
      select jsonb_agg(jsonb_build_object('channel', ch.channel, 'count', coalesce(x.n, 0), 'percent', private.percent(coalesce(x.n, 0), t.responses))
                       order by ch.position)
      from unnest(array['web', 'social', 'phone']) with ordinality as ch(channel, position)
      left join (select g.channel, sum(g.n) as n from response_groups g group by g.channel) x on x.channel = ch.channel
    ),
    'byNetwork', coalesce((
      select jsonb_agg(jsonb_build_object('network', x.network, 'count', x.n, 'percent', private.percent(x.n, t.responses))
                       order by coalesce(nw.ord, case x.network when 'otra' then 7 else 8 end))
      from (select g.network, sum(g.n) as n from response_groups g group by g.network) x
      left join private.social_networks() nw on nw.network = x.network
    ), '[]'::jsonb)
  )
  from totals t;
$$;
comment on function private.survey_totals(bigint) is 'Totals of a survey''s results: responses, first and last, by channel and by network.';
revoke execute on function private.survey_totals(bigint) from public;

-- Reach (plan 2.2): responses that came through each network and, with the latest follower count
-- staff entered, responses per 1,000 followers.
create function private.survey_reach(p_survey_id bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_agg(jsonb_build_object(
           'network',    nw.network,
           'responses',  coalesce(x.n, 0),
           'followers',  f.followers,
           'measuredOn', f.measured_on,
           'per1000',    case when f.followers > 0 then round(1000.0 * coalesce(x.n, 0) / f.followers, 2) end
         ) order by nw.ord)
  from private.social_networks() nw
  left join (select g.network, sum(g.n) as n from private.survey_response_groups(p_survey_id) g group by g.network) x on x.network = nw.network
  left join lateral (
    select sf.followers, sf.measured_on
    from public.social_followers sf
    where sf.network = nw.network
    order by sf.measured_on desc
    limit 1
  ) f on true;
$$;
comment on function private.survey_reach(bigint) is 'Responses per social network and per 1,000 followers of the agency on it.';
revoke execute on function private.survey_reach(bigint) from public;

-- Scale, NPS and number questions: mean, median, lowest and highest; for number questions also the
-- distribution, each value or ten equal ranges when there are more than ten values.
create function private.survey_number_results(p_survey_id bigint)
returns table (question_id bigint, mean numeric, median numeric, low numeric, high numeric, distribution jsonb)
language sql
stable
set search_path = ''
as $$
  with
  questions as (
    select q.id, q.type from public.survey_questions q where q.survey_id = p_survey_id and q.type in ('scale_5', 'nps', 'number')
  ),
  counts as materialized (
    select c.* from private.survey_count_groups(p_survey_id) c join questions q on q.id = c.question_id
  ),
  answered as materialized (
    select a.* from private.survey_answered_groups(p_survey_id) a join questions q on q.id = a.question_id
  ),
  numbers as materialized (
    select c.question_id, round(sum(c.num * c.n) / sum(c.n), 2) as mean, min(c.num) as low, max(c.num) as high,
           count(*) as distinct_values, bool_and(c.num = trunc(c.num)) as integers
    from counts c
    where c.g = 3 and c.num is not null
    group by c.question_id
  ),
  medians as materialized (
    select k.question_id,
           (min(k.num) filter (where k.cum >= floor((k.total + 1) / 2)) + min(k.num) filter (where k.cum >= floor(k.total / 2) + 1)) / 2 as median
    from (
      select c.question_id, c.num,
             sum(c.n) over (partition by c.question_id order by c.num) as cum,
             sum(c.n) over (partition by c.question_id) as total
      from counts c
      where c.g = 3 and c.num is not null
    ) k
    group by k.question_id
  ),
  number_distribution as materialized (
    select x.question_id,
           jsonb_agg(jsonb_build_object(
             'value',   x.name,
             'label',   x.name,
             'count',   x.n,
             'percent', private.percent(x.n, a.n)
           ) order by x.low) as options
    from (
      select c.question_id, b.low,
             case when b.low = b.high then trim_scale(b.low)::text else trim_scale(b.low)::text || '–' || trim_scale(b.high)::text end as name,
             sum(c.n) as n
      from counts c
      join questions q on q.id = c.question_id and q.type = 'number'
      join numbers nb on nb.question_id = c.question_id
      cross join lateral (
        select case when nb.integers then greatest(ceil((nb.high - nb.low + 1) / 10.0), 1) else (nb.high - nb.low) / 10 end as width
      ) w
      cross join lateral (
        select case when nb.distinct_values <= 10 or w.width = 0 then c.num
                    else nb.low + least(floor((c.num - nb.low) / w.width), 9) * w.width end as low
      ) l
      cross join lateral (
        select l.low,
               case when nb.distinct_values <= 10 or w.width = 0 then c.num
                    when nb.integers then l.low + w.width - 1
                    else round(l.low + w.width, 2) end as high
      ) b
      where c.g = 3 and c.num is not null
      group by c.question_id, b.low, b.high
    ) x
    join answered a on a.question_id = x.question_id and a.g = 3
    group by x.question_id
  )
  select nb.question_id, nb.mean, me.median, nb.low, nb.high, nd.options
  from numbers nb
  left join medians me on me.question_id = nb.question_id
  left join number_distribution nd on nd.question_id = nb.question_id;
$$;
comment on function private.survey_number_results(bigint) is 'Mean, median, min, max and (number questions) distribution of each numeric question of a survey.';
revoke execute on function private.survey_number_results(bigint) from public;

-- Matrix questions: per item, the count and percentage of each column.
create function private.survey_matrix_results(p_survey_id bigint)
returns table (question_id bigint, columns jsonb, items jsonb)
language sql
stable
set search_path = ''
as $$
  with
  questions as (
    select q.id, q.type from public.survey_questions q where q.survey_id = p_survey_id and q.type = 'matrix'
  ),
  counts as materialized (
    select c.* from private.survey_count_groups(p_survey_id) c join questions q on q.id = c.question_id
  ),
  matrix_items as materialized (
    select i.question_id, i.key, i.label, i.position, coalesce(t.n, 0) as answered,
           jsonb_agg(jsonb_build_object(
             'value',   o.value,
             'label',   o.label,
             'count',   coalesce(c.n, 0),
             'percent', private.percent(coalesce(c.n, 0), t.n)
           ) order by o.position, o.value) as options
    from public.survey_question_items i
    join questions q on q.id = i.question_id and q.type = 'matrix'
    join public.survey_question_options o on o.question_id = i.question_id
    left join counts c on c.question_id = i.question_id and c.g = 3 and c.item_key = i.key and c.value = o.value
    left join (
      select c.question_id, c.item_key, sum(c.n) as n from counts c where c.g = 3 group by c.question_id, c.item_key
    ) t on t.question_id = i.question_id and t.item_key = i.key
    group by i.question_id, i.key, i.label, i.position, t.n
  ),
  matrices as materialized (
    select m.question_id,
           (select jsonb_agg(jsonb_build_object('value', o.value, 'label', o.label) order by o.position, o.value)
            from public.survey_question_options o where o.question_id = m.question_id) as columns,
           jsonb_agg(jsonb_build_object('key', m.key, 'label', m.label, 'answered', m.answered, 'options', m.options)
                     order by m.position, m.key) as items
    from matrix_items m
    group by m.question_id
  )
  select * from matrices;
$$;
comment on function private.survey_matrix_results(bigint) is 'Columns and per-item results of each matrix question of a survey.';
revoke execute on function private.survey_matrix_results(bigint) from public;

-- Free texts (text questions and the words of «Otro») a staff member marked publishable, redacted
-- where they asked for it.
create function private.survey_published_texts(p_survey_id bigint)
returns table (question_id bigint, texts jsonb, n bigint)
language sql
stable
set search_path = ''
as $$
  select a.question_id,
         jsonb_agg(coalesce(v.redacted_text, a.text_value) order by a.id) as texts,
         count(*) as n
  from public.survey_text_reviews v
  join public.survey_answers a on a.id = v.answer_id
  join public.survey_questions q on q.id = a.question_id and q.survey_id = p_survey_id
  where v.publishable
    and a.text_value is not null
    and (q.type in ('short_text', 'long_text') or a.option_value = 'otro')
  group by a.question_id;
$$;
comment on function private.survey_published_texts(bigint) is 'Publishable free texts of each question of a survey, in order of arrival, and how many.';
revoke execute on function private.survey_published_texts(bigint) from public;

-- Counts per value of each question (not matrices) and group, with its percentage of the group's
-- respondents: overall (g = 3, with labels) and by channel (g = 1) and network (g = 2).
create function private.survey_distributions(p_survey_id bigint)
returns table (question_id bigint, g integer, grp text, answered numeric, options jsonb)
language sql
stable
set search_path = ''
as $$
  with
  questions as (
    select q.id, q.type, q.allow_other
    from public.survey_questions q
    where q.survey_id = p_survey_id
  ),
  counts as materialized (
    select * from private.survey_count_groups(p_survey_id)
  ),
  answered as materialized (
    select * from private.survey_answered_groups(p_survey_id)
  ),
  -- The values a question can take, in order: its options, 1–5 or 0–10, and for "otro" the option
  -- the form adds even if it has no row of its own.
  domains as materialized (
    select q.id as question_id, o.value, o.label, o.position
    from questions q
    join public.survey_question_options o on o.question_id = q.id
    where q.type in ('single_choice', 'multiple_choice', 'matrix')
    union all
    select q.id, 'otro', 'Otro', 1000000
    from questions q
    where q.allow_other
      and not exists (select from public.survey_question_options o where o.question_id = q.id and o.value = 'otro')
    union all
    select q.id, v::text, v::text, v
    from questions q
    cross join lateral generate_series(case q.type when 'scale_5' then 1 else 0 end, case q.type when 'scale_5' then 5 else 10 end) as v
    where q.type in ('scale_5', 'nps')
  ),
  -- Counts per value of one question and group, with its percentage of the group's respondents.
  distribution as materialized (
    select d.question_id, a.g, a.grp, a.n as answered,
           -- Cross-tab groups repeat the values without their labels (the overall list has them).
           jsonb_agg(jsonb_build_object(
             'value',   d.value,
             'count',   coalesce(c.n, 0),
             'percent', private.percent(coalesce(c.n, 0), a.n)
           ) || case when a.g = 3 then jsonb_build_object('label', d.label) else '{}'::jsonb end
           order by d.position, d.value) as options
    from domains d
    join questions q on q.id = d.question_id and q.type <> 'matrix'
    join answered a on a.question_id = d.question_id
    left join counts c
      on c.question_id = d.question_id and c.value = d.value and c.item_key is null and c.g = a.g
     and (a.g = 3 or coalesce(c.channel, c.network) = a.grp)
    group by d.question_id, a.g, a.grp, a.n
  )
  select * from distribution;
$$;
comment on function private.survey_distributions(bigint) is 'Distribution of the values of each question of a survey (matrices aside), overall and by channel and network.';
revoke execute on function private.survey_distributions(bigint) from public;

-- Cross-tabs of choice and scale questions by channel and by network, with the mean (scale) and NPS
-- score of each group.
create function private.survey_cross_tabs(p_survey_id bigint)
returns table (question_id bigint, by_channel jsonb, by_network jsonb)
language sql
stable
set search_path = ''
as $$
  with
  questions as (
    select q.id, q.type, q.allow_other
    from public.survey_questions q
    where q.survey_id = p_survey_id
  ),
  counts as materialized (
    select * from private.survey_count_groups(p_survey_id) c where c.g in (1, 2)
  ),
  distribution as materialized (
    select * from private.survey_distributions(p_survey_id) d where d.g in (1, 2)
  ),
  -- Mean (scale) and NPS score of each channel or network group.
  group_stats as materialized (
    select c.question_id, c.g, coalesce(c.channel, c.network) as grp,
           round(sum(c.num * c.n) / nullif(sum(c.n), 0), 2) as mean,
           round(100.0 * (coalesce(sum(c.n) filter (where c.num >= 9), 0) - coalesce(sum(c.n) filter (where c.num <= 6), 0))
                 / nullif(sum(c.n), 0)) as score
    from counts c
    where c.g in (1, 2) and c.num is not null
    group by c.question_id, c.g, coalesce(c.channel, c.network)
  ),
  cross_tabs as materialized (
    select d.question_id,
           jsonb_agg(x.item order by x.position) filter (where d.g = 1) as by_channel,
           jsonb_agg(x.item order by x.position) filter (where d.g = 2) as by_network
    from distribution d
    join questions q on q.id = d.question_id and q.type in ('single_choice', 'multiple_choice', 'scale_5', 'nps')
    left join group_stats gs on gs.question_id = d.question_id and gs.g = d.g and gs.grp = d.grp
    cross join lateral (
      select d.grp,
             case d.grp when 'web' then 1 when 'social' then 2 when 'phone' then 3
                        when 'facebook' then 1 when 'instagram' then 2 when 'x' then 3 when 'tiktok' then 4
                        when 'whatsapp' then 5 when 'youtube' then 6 when 'otra' then 7 else 8 end as position,
             jsonb_build_object('group', d.grp, 'answered', d.answered, 'options', d.options)
               || case q.type
                    when 'scale_5' then jsonb_build_object('mean', gs.mean)
                    when 'nps' then jsonb_build_object('score', gs.score)
                    else '{}'::jsonb
                  end as item
    ) x
    where d.g in (1, 2)
    group by d.question_id
  )
  select * from cross_tabs;
$$;
comment on function private.survey_cross_tabs(bigint) is 'Results of each choice and scale question of a survey by channel and by network.';
revoke execute on function private.survey_cross_tabs(bigint) from public;

-- Per question: distribution of its values, mean and median of numbers, NPS, months of dates,
-- matrices, published free texts, and cross-tabs by channel and network.
create function private.survey_question_results(p_survey_id bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with
  questions as (
    select q.id, q.key, q.type, q.label, q.section, q.position, q.allow_other
    from public.survey_questions q
    where q.survey_id = p_survey_id
  ),
  counts as materialized (
    select * from private.survey_count_groups(p_survey_id)
  ),
  answered as materialized (
    select * from private.survey_answered_groups(p_survey_id)
  ),
  text_totals as materialized (
    select c.question_id, sum(c.texts) as n
    from counts c
    where c.g = 3
    group by c.question_id
  ),
  nps as materialized (
    select c.question_id,
           coalesce(sum(c.n) filter (where c.num >= 9), 0) as promoters,
           coalesce(sum(c.n) filter (where c.num between 7 and 8), 0) as passives,
           coalesce(sum(c.n) filter (where c.num <= 6), 0) as detractors
    from counts c
    join questions q on q.id = c.question_id and q.type = 'nps'
    where c.g = 3
    group by c.question_id
  ),
  months as materialized (
    select c.question_id,
           jsonb_agg(jsonb_build_object('value', c.value, 'label', c.value, 'count', c.n, 'percent', private.percent(c.n, a.n))
                     order by c.value) as options
    from counts c
    join questions q on q.id = c.question_id and q.type = 'date'
    join answered a on a.question_id = c.question_id and a.g = 3
    where c.g = 3
    group by c.question_id
  ),
  question_results as (
    select q.position, q.id,
           jsonb_build_object(
             'id',       q.key,
             'type',     q.type,
             'label',    q.label,
             'section',  q.section,
             'answered', a.n
           )
           || case
                when q.type in ('single_choice', 'multiple_choice') then jsonb_build_object('options', d.options)
                when q.type in ('scale_5', 'nps', 'number', 'date') then jsonb_build_object('distribution', coalesce(d.options, md.options, nr.distribution, '[]'::jsonb))
                when q.type = 'matrix' then jsonb_build_object('columns', coalesce(mx.columns, '[]'::jsonb), 'items', coalesce(mx.items, '[]'::jsonb))
                else '{}'::jsonb
              end
           || case when q.type in ('scale_5', 'nps', 'number') then jsonb_build_object(
                'mean',   nr.mean,
                'median', trim_scale(round(nr.median, 2)),
                'min',    nr.low,
                'max',    nr.high
              ) else '{}'::jsonb end
           || case when q.type = 'nps' then jsonb_build_object('nps', jsonb_build_object(
                'promoters',         coalesce(s.promoters, 0),
                'passives',          coalesce(s.passives, 0),
                'detractors',        coalesce(s.detractors, 0),
                'promotersPercent',  private.percent(coalesce(s.promoters, 0), a.n),
                'passivesPercent',   private.percent(coalesce(s.passives, 0), a.n),
                'detractorsPercent', private.percent(coalesce(s.detractors, 0), a.n),
                'score',             case when a.n > 0 then round(100.0 * (s.promoters - s.detractors) / a.n) else 0 end
              )) else '{}'::jsonb end
           || case when q.type in ('short_text', 'long_text') or q.allow_other then jsonb_build_object('texts', jsonb_build_object(
                'published',   coalesce(p.texts, '[]'::jsonb),
                'unpublished', coalesce(tt.n, 0) - coalesce(p.n, 0)
              )) else '{}'::jsonb end
           || case when ct.question_id is not null then jsonb_build_object(
                'byChannel', coalesce(ct.by_channel, '[]'::jsonb),
                'byNetwork', coalesce(ct.by_network, '[]'::jsonb)
              ) else '{}'::jsonb end as result
    from questions q
    join answered a on a.question_id = q.id and a.g = 3
    left join private.survey_distributions(p_survey_id) d on d.question_id = q.id and d.g = 3
    left join months md on md.question_id = q.id
    left join private.survey_matrix_results(p_survey_id) mx on mx.question_id = q.id
    left join private.survey_number_results(p_survey_id) nr on nr.question_id = q.id
    left join private.survey_published_texts(p_survey_id) p on p.question_id = q.id
    left join text_totals tt on tt.question_id = q.id
    left join private.survey_cross_tabs(p_survey_id) ct on ct.question_id = q.id
    left join nps s on s.question_id = q.id
  )
  select coalesce((select jsonb_agg(qr.result order by qr.position, qr.id) from question_results qr), '[]'::jsonb);
$$;
comment on function private.survey_question_results(bigint) is 'Results of each question of a survey, in order, from its kept counts.';
revoke execute on function private.survey_question_results(bigint) from public;

create function private.survey_results(p_survey_id bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'totals',    private.survey_totals(p_survey_id),
    'questions', private.survey_question_results(p_survey_id),
    'reach',     private.survey_reach(p_survey_id)
  );
$$;
comment on function private.survey_results(bigint) is 'Aggregated results of one survey: totals, per question, cross-tabs by channel and network, reach. Reads the kept counts with grouping sets.';
revoke execute on function private.survey_results(bigint) from public;
