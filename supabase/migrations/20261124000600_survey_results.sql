-- Survey results and open data: aggregates per question computed in SQL (never row by row in the
-- app), publication by staff, moderation of free texts, follower counts per social network (reach)
-- and anonymised open data with its dictionary. Evidence for plan activities 1.1, 2.2 and 5.3.

-- PUBLICATION
alter table public.surveys add column results_published_at timestamptz;
comment on column public.surveys.results_published_at is 'When staff published the results (/resultados/<slug>, the results API and the open data); null: not public.';

-- Publishing is a staff write on surveys: audit it, unless the surveys migration already audits
-- the whole table (then a second trigger would log every change twice).
do $$
begin
  if not exists (
    select from pg_catalog.pg_trigger t
    join pg_catalog.pg_proc p on p.oid = t.tgfoid
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where t.tgrelid = 'public.surveys'::regclass
      and n.nspname = 'private' and p.proname = 'audit_row_change'
      and not t.tgisinternal
  ) then
    create trigger surveys_results_audit
    after update of results_published_at on public.surveys
    for each row execute function private.audit_row_change('id');
  end if;
end
$$;

-- FREE-TEXT REVIEWS
create table public.survey_text_reviews (
  answer_id     bigint      primary key references public.survey_answers (id) on delete cascade,
  publishable   boolean     not null,
  redacted_text text        check (char_length(redacted_text) between 1 and 2000),
  reviewed_by   text,
  reviewed_at   timestamptz not null default now()
);
comment on table public.survey_text_reviews is 'Staff review of a free-text answer (text questions and the words of "otro"): only publishable ones appear in results and open data (Ley 1581: respondents may write personal data).';
comment on column public.survey_text_reviews.publishable is 'True: the text (or its redacted version) may be published.';
comment on column public.survey_text_reviews.redacted_text is 'Text to publish instead of the original, with personal data removed; null: publish the original.';
comment on column public.survey_text_reviews.reviewed_by is 'Email (or JWT sub) of the staff member who reviewed it.';

-- RLS on and no policies: read and written only through the staff functions below.
alter table public.survey_text_reviews enable row level security;
revoke all on table public.survey_text_reviews from anon, authenticated;

create trigger survey_text_reviews_audit
after insert or update or delete on public.survey_text_reviews
for each row execute function private.audit_row_change('answer_id');

-- SOCIAL FOLLOWERS
create table public.social_followers (
  network     text    not null check (network in ('facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube')),
  measured_on date    not null,
  followers   integer not null check (followers >= 0),
  primary key (network, measured_on)
);
comment on table public.social_followers is 'Followers of the agency per social network and date, entered by staff; the latest one per network gives responses per 1,000 followers (plan 2.2, 4.1).';
comment on column public.social_followers.measured_on is 'Day the count was read on the network.';

alter table public.social_followers enable row level security;
revoke all on table public.social_followers from anon, authenticated;
grant select on table public.social_followers to anon, authenticated;

create policy "anon can read follower counts"
on public.social_followers for select
to anon
using (true);

create policy "authenticated can read follower counts"
on public.social_followers for select
to authenticated
using (true);

-- The primary key is (network, measured_on); the audit entry is keyed by network and carries the date.
create trigger social_followers_audit
after insert or update or delete on public.social_followers
for each row execute function private.audit_row_change('network');

-- INDEXES
-- The moderation list and the published texts find free texts by question.
create index survey_answers_texts_idx on public.survey_answers (question_id) where text_value is not null;

-- NETWORKS
create function private.network_of(p_source text)
returns text
language sql
immutable
set search_path = ''
as $$
  -- Sources are typed by whoever shares a link (utm_source): only the networks the agency uses are
  -- shown by name, so no invented word ever reaches a public page.
  select case
    when nullif(btrim(p_source), '') is null then 'sin_red'
    when lower(btrim(p_source)) in ('facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube') then lower(btrim(p_source))
    else 'otra'
  end;
$$;
comment on function private.network_of(text) is 'Network of a response source: facebook, instagram, x, tiktok, whatsapp, youtube, otra (any other source) or sin_red (none).';
revoke execute on function private.network_of(text) from public;

-- ANSWER COUNTS
-- Results must come back in well under a second for 100,000 responses (two million answer rows):
-- reading every answer and joining its response takes seconds on a small server. So the counts are
-- kept as answers arrive: statement-level triggers aggregate each inserted or deleted batch (one
-- grouped statement over the transition table, never row by row) into three small tables, and
-- the results are grouping sets over them. private.rebuild_answer_counts() recomputes them from
-- the answers in one pass (used to backfill and to check them).
create table private.survey_answer_counts (
  question_id bigint not null references public.survey_questions (id) on delete cascade,
  item_key    text   not null default '',
  value       text   not null default '',
  channel     text   not null,
  network     text   not null,
  answers     bigint not null default 0,
  texts       bigint not null default 0,
  primary key (question_id, item_key, value, channel, network)
);
comment on table private.survey_answer_counts is 'Answer rows per question, matrix item, value, channel and network, kept by triggers on survey_answers and survey_responses.';
comment on column private.survey_answer_counts.item_key is 'Matrix item; empty for other questions.';
comment on column private.survey_answer_counts.value is 'Option value; 1–5, 0–10 or the number as text; YYYY-MM for dates; empty for free text.';
comment on column private.survey_answer_counts.network is 'facebook … youtube from the response source, otra for another source, sin_red for none.';
comment on column private.survey_answer_counts.texts is 'How many of those rows carry free text (text questions and "otro").';

alter table private.survey_answer_counts enable row level security;

create table private.survey_question_respondents (
  question_id bigint not null references public.survey_questions (id) on delete cascade,
  channel     text   not null,
  network     text   not null,
  respondents bigint not null default 0,
  primary key (question_id, channel, network)
);
comment on table private.survey_question_respondents is 'Responses that answered each question, per channel and network (a multiple choice or matrix answer has several rows, one respondent).';

alter table private.survey_question_respondents enable row level security;

create function private.apply_answer_counts(p_rows public.survey_answers[], p_sign integer, p_respondents text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  -- Rows whose response is already gone were counted out when the response was deleted.
  -- Keys are upserted in a fixed order so concurrent submissions cannot deadlock.
  insert into private.survey_answer_counts as c (question_id, item_key, value, channel, network, answers, texts)
  select a.question_id,
         coalesce(a.item_key, ''),
         case q.type
           when 'date' then coalesce(left(a.text_value, 7), '')
           when 'short_text' then ''
           when 'long_text' then ''
           when 'scale_5' then coalesce(trim_scale(a.number_value)::text, '')
           when 'nps' then coalesce(trim_scale(a.number_value)::text, '')
           when 'number' then coalesce(trim_scale(a.number_value)::text, '')
           else coalesce(a.option_value, '')
         end as value,
         r.channel,
         private.network_of(r.source) as network,
         p_sign * count(*),
         p_sign * count(a.text_value) filter (where q.type in ('short_text', 'long_text') or a.option_value = 'otro')
  from unnest(p_rows) as a
  join public.survey_questions q on q.id = a.question_id
  join public.survey_responses r on r.id = a.response_id
  group by 1, 2, 3, 4, 5
  order by 1, 2, 3, 4, 5
  on conflict (question_id, item_key, value, channel, network) do update
    set answers = c.answers + excluded.answers,
        texts   = c.texts + excluded.texts;

  if p_respondents = 'none' then
    return;  -- an answer edited in place keeps its response and question
  end if;

  -- A response counts once per question: when its first row arrives ('first'), when its last row
  -- goes ('last'), or for every question it answered when the response itself comes or goes ('all').
  insert into private.survey_question_respondents as c (question_id, channel, network, respondents)
  with batch as (
    select a.response_id, a.question_id, count(*) as n
    from unnest(p_rows) as a
    group by a.response_id, a.question_id
  ),
  -- Rows the responses of the batch have now (after the insert or delete).
  present as (
    select x.response_id, x.question_id, count(*) as n
    from public.survey_answers x
    where p_respondents <> 'all'
      and x.response_id in (select b.response_id from batch b)
    group by x.response_id, x.question_id
  )
  select b.question_id,
         r.channel,
         private.network_of(r.source),
         p_sign * count(*)
  from batch b
  join public.survey_responses r on r.id = b.response_id
  left join present p on p.response_id = b.response_id and p.question_id = b.question_id
  where p_respondents = 'all'
     or coalesce(p.n, 0) = case p_respondents when 'first' then b.n else 0 end
  group by 1, 2, 3
  order by 1, 2, 3
  on conflict (question_id, channel, network) do update
    set respondents = c.respondents + excluded.respondents;
end;
$$;
comment on function private.apply_answer_counts(public.survey_answers[], integer, text) is 'Adds (+1) or removes (-1) a batch of answers from the counts; p_respondents says how respondents change: first, last, all or none.';
revoke execute on function private.apply_answer_counts(public.survey_answers[], integer, text) from public;

create function private.survey_answers_counts_trigger()
returns trigger
language plpgsql
-- security definer: the counts are private; whoever may write answers keeps them right.
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.apply_answer_counts(array(select o::public.survey_answers from old_rows o), -1, case tg_op when 'DELETE' then 'last' else 'none' end);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.apply_answer_counts(array(select n::public.survey_answers from new_rows n), 1, case tg_op when 'INSERT' then 'first' else 'none' end);
  end if;
  return null;
end;
$$;
comment on function private.survey_answers_counts_trigger() is 'Statement-level trigger on survey_answers: applies each batch of answers to the counts.';
revoke execute on function private.survey_answers_counts_trigger() from public;

create trigger survey_answers_counts_insert
after insert on public.survey_answers
referencing new table as new_rows
for each statement execute function private.survey_answers_counts_trigger();

create trigger survey_answers_counts_update
after update on public.survey_answers
referencing old table as old_rows new table as new_rows
for each statement execute function private.survey_answers_counts_trigger();

create trigger survey_answers_counts_delete
after delete on public.survey_answers
referencing old table as old_rows
for each statement execute function private.survey_answers_counts_trigger();

create function private.survey_responses_counts_trigger()
returns trigger
language plpgsql
-- security definer: see survey_answers_counts_trigger.
security definer
set search_path = ''
as $$
begin
  -- Before the row goes, while its answers and its channel are still there (the cascade that
  -- deletes the answers then finds no response and counts nothing twice).
  if tg_op = 'DELETE' then
    perform private.apply_answer_counts(array(select a from public.survey_answers a where a.response_id = old.id), -1, 'all');
    return old;
  end if;
  -- A response moved to another channel or source: its answers count again under the new ones.
  perform private.apply_answer_counts(array(select a from public.survey_answers a where a.response_id = new.id), 1, 'all');
  return new;
end;
$$;
comment on function private.survey_responses_counts_trigger() is 'Row trigger on survey_responses: removes a deleted response''s answers from the counts, and moves them when its channel or source changes.';
revoke execute on function private.survey_responses_counts_trigger() from public;

create function private.survey_responses_recount_trigger()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.apply_answer_counts(array(select a from public.survey_answers a where a.response_id = old.id), -1, 'all');
  return new;
end;
$$;
comment on function private.survey_responses_recount_trigger() is 'Before a response''s channel or source changes, removes its answers from the counts (survey_responses_counts_trigger adds them back after).';
revoke execute on function private.survey_responses_recount_trigger() from public;

create trigger survey_responses_counts_delete
before delete on public.survey_responses
for each row execute function private.survey_responses_counts_trigger();

create trigger survey_responses_counts_move_out
before update of channel, source on public.survey_responses
for each row when (old.channel is distinct from new.channel or old.source is distinct from new.source)
execute function private.survey_responses_recount_trigger();

create trigger survey_responses_counts_move_in
after update of channel, source on public.survey_responses
for each row when (old.channel is distinct from new.channel or old.source is distinct from new.source)
execute function private.survey_responses_counts_trigger();

create table private.survey_response_counts (
  survey_id bigint not null references public.surveys (id) on delete cascade,
  channel   text   not null,
  network   text   not null,
  responses bigint not null default 0,
  primary key (survey_id, channel, network)
);
comment on table private.survey_response_counts is 'Responses per survey, channel and network, kept by a statement-level trigger on survey_responses.';

alter table private.survey_response_counts enable row level security;

create function private.apply_response_counts(p_rows public.survey_responses[], p_sign integer)
returns void
language sql
set search_path = ''
as $$
  insert into private.survey_response_counts as c (survey_id, channel, network, responses)
  select r.survey_id,
         r.channel,
         private.network_of(r.source),
         p_sign * count(*)
  from unnest(p_rows) as r
  group by 1, 2, 3
  order by 1, 2, 3
  on conflict (survey_id, channel, network) do update
    set responses = c.responses + excluded.responses;
$$;
comment on function private.apply_response_counts(public.survey_responses[], integer) is 'Adds (+1) or removes (-1) a batch of responses from the responses per survey, channel and network.';
revoke execute on function private.apply_response_counts(public.survey_responses[], integer) from public;

create function private.survey_responses_totals_trigger()
returns trigger
language plpgsql
-- security definer: see survey_answers_counts_trigger.
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.apply_response_counts(array(select o::public.survey_responses from old_rows o), -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.apply_response_counts(array(select n::public.survey_responses from new_rows n), 1);
  end if;
  return null;
end;
$$;
comment on function private.survey_responses_totals_trigger() is 'Statement-level trigger on survey_responses: keeps the responses per survey, channel and network.';
revoke execute on function private.survey_responses_totals_trigger() from public;

create trigger survey_responses_totals_insert
after insert on public.survey_responses
referencing new table as new_rows
for each statement execute function private.survey_responses_totals_trigger();

create trigger survey_responses_totals_update
after update on public.survey_responses
referencing old table as old_rows new table as new_rows
for each statement execute function private.survey_responses_totals_trigger();

create trigger survey_responses_totals_delete
after delete on public.survey_responses
referencing old table as old_rows
for each statement execute function private.survey_responses_totals_trigger();

create function private.rebuild_answer_counts(p_survey_id bigint default null)
returns void
language sql
set search_path = ''
as $$
  delete from private.survey_answer_counts c
  using public.survey_questions q
  where q.id = c.question_id and (p_survey_id is null or q.survey_id = p_survey_id);

  delete from private.survey_question_respondents c
  using public.survey_questions q
  where q.id = c.question_id and (p_survey_id is null or q.survey_id = p_survey_id);

  delete from private.survey_response_counts c
  where p_survey_id is null or c.survey_id = p_survey_id;

  insert into private.survey_response_counts (survey_id, channel, network, responses)
  select r.survey_id,
         r.channel,
         private.network_of(r.source),
         count(*)
  from public.survey_responses r
  where p_survey_id is null or r.survey_id = p_survey_id
  group by 1, 2, 3;

  insert into private.survey_answer_counts (question_id, item_key, value, channel, network, answers, texts)
  select a.question_id,
         coalesce(a.item_key, ''),
         case q.type
           when 'date' then coalesce(left(a.text_value, 7), '')
           when 'short_text' then ''
           when 'long_text' then ''
           when 'scale_5' then coalesce(trim_scale(a.number_value)::text, '')
           when 'nps' then coalesce(trim_scale(a.number_value)::text, '')
           when 'number' then coalesce(trim_scale(a.number_value)::text, '')
           else coalesce(a.option_value, '')
         end,
         r.channel,
         r.network,
         count(*),
         count(a.text_value) filter (where q.type in ('short_text', 'long_text') or a.option_value = 'otro')
  from public.survey_answers a
  join public.survey_questions q on q.id = a.question_id
  join (
    select r.id, r.channel, private.network_of(r.source) as network
    from public.survey_responses r
    where p_survey_id is null or r.survey_id = p_survey_id
  ) r on r.id = a.response_id
  where p_survey_id is null or q.survey_id = p_survey_id
  group by 1, 2, 3, 4, 5;

  insert into private.survey_question_respondents (question_id, channel, network, respondents)
  select x.question_id,
         r.channel,
         private.network_of(r.source),
         count(*)
  from (
    select distinct a.response_id, a.question_id
    from public.survey_answers a
    join public.survey_questions q on q.id = a.question_id
    where p_survey_id is null or q.survey_id = p_survey_id
  ) x
  join public.survey_responses r on r.id = x.response_id
  group by 1, 2, 3;
$$;
comment on function private.rebuild_answer_counts(bigint) is 'Recomputes the response, answer and respondent counts of one survey (all when null) from the rows, in one grouped pass each.';
revoke execute on function private.rebuild_answer_counts(bigint) from public;

-- Answers given before this migration.
select private.rebuild_answer_counts(null);

-- HELPERS

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

create function private.survey_results(p_survey_id bigint)
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
  -- Responses per channel and network (sources typed by whoever shares a link are reduced to the
  -- known networks, otra or sin_red when counted).
  response_groups as materialized (
    select c.channel, c.network, c.responses as n
    from private.survey_response_counts c
    where c.survey_id = p_survey_id and c.responses <> 0
  ),
  -- Counts per question, matrix item and value: overall (g = 3), by channel (g = 1) and by
  -- network (g = 2), in one grouping-sets pass over the kept counts.
  counts as materialized (
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
    join questions q on q.id = c.question_id
    where c.answers <> 0
    group by grouping sets (
      (c.question_id, q.type, c.item_key, c.value),
      (c.question_id, q.type, c.item_key, c.value, c.channel),
      (c.question_id, q.type, c.item_key, c.value, c.network)
    )
  ),
  answered as materialized (
    select c.question_id, grouping(c.channel, c.network) as g, coalesce(c.channel, c.network) as grp, sum(c.respondents) as n
    from private.survey_question_respondents c
    join questions q on q.id = c.question_id
    where c.respondents <> 0
    group by grouping sets ((c.question_id), (c.question_id, c.channel), (c.question_id, c.network))
    union all
    -- Questions nobody answered yet still get their row (0).
    select q.id, 3, null, 0
    from questions q
    where not exists (select from private.survey_question_respondents c where c.question_id = q.id and c.respondents <> 0)
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
  -- Number questions: each value, or ten equal ranges when there are more than ten values.
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
  ),
  published as materialized (
    select a.question_id,
           jsonb_agg(coalesce(v.redacted_text, a.text_value) order by a.id) as texts,
           count(*) as n
    from public.survey_text_reviews v
    join public.survey_answers a on a.id = v.answer_id
    join questions q on q.id = a.question_id
    where v.publishable
      and a.text_value is not null
      and (q.type in ('short_text', 'long_text') or a.option_value = 'otro')
    group by a.question_id
  ),
  text_totals as materialized (
    select c.question_id, sum(c.texts) as n
    from counts c
    where c.g = 3
    group by c.question_id
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
                when q.type in ('scale_5', 'nps', 'number', 'date') then jsonb_build_object('distribution', coalesce(d.options, md.options, nd.options, '[]'::jsonb))
                when q.type = 'matrix' then jsonb_build_object('columns', coalesce(mx.columns, '[]'::jsonb), 'items', coalesce(mx.items, '[]'::jsonb))
                else '{}'::jsonb
              end
           || case when q.type in ('scale_5', 'nps', 'number') then jsonb_build_object(
                'mean',   nb.mean,
                'median', trim_scale(round(me.median, 2)),
                'min',    nb.low,
                'max',    nb.high
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
    left join distribution d on d.question_id = q.id and d.g = 3
    left join months md on md.question_id = q.id
    left join number_distribution nd on nd.question_id = q.id
    left join matrices mx on mx.question_id = q.id
    left join numbers nb on nb.question_id = q.id
    left join medians me on me.question_id = q.id
    left join published p on p.question_id = q.id
    left join text_totals tt on tt.question_id = q.id
    left join cross_tabs ct on ct.question_id = q.id
    left join nps s on s.question_id = q.id
  ),
  networks as (
    select n.network, n.position
    from unnest(array['facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube']) with ordinality as n(network, position)
  ),
  -- First and last come from the (survey_id, submitted_at) index: two lookups, no scan.
  totals as (
    select coalesce((select sum(g.n) from response_groups g), 0) as responses,
           (select min(r.submitted_at) from public.survey_responses r where r.survey_id = p_survey_id) as first_at,
           (select max(r.submitted_at) from public.survey_responses r where r.survey_id = p_survey_id) as last_at
  )
  select jsonb_build_object(
    'totals', jsonb_build_object(
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
                         order by coalesce(nw.position, case x.network when 'otra' then 7 else 8 end))
        from (select g.network, sum(g.n) as n from response_groups g group by g.network) x
        left join networks nw on nw.network = x.network
      ), '[]'::jsonb)
    ),
    'questions', coalesce((select jsonb_agg(qr.result order by qr.position, qr.id) from question_results qr), '[]'::jsonb),
    -- Reach (plan 2.2): responses that came through each network and, with the latest follower
    -- count staff entered, responses per 1,000 followers.
    'reach', (
      select jsonb_agg(jsonb_build_object(
               'network',    nw.network,
               'responses',  coalesce(x.n, 0),
               'followers',  f.followers,
               'measuredOn', f.measured_on,
               'per1000',    case when f.followers > 0 then round(1000.0 * coalesce(x.n, 0) / f.followers, 2) end
             ) order by nw.position)
      from networks nw
      left join (select g.network, sum(g.n) as n from response_groups g group by g.network) x on x.network = nw.network
      left join lateral (
        select sf.followers, sf.measured_on
        from public.social_followers sf
        where sf.network = nw.network
        order by sf.measured_on desc
        limit 1
      ) f on true
    )
  )
  from totals t;
$$;
comment on function private.survey_results(bigint) is 'Aggregated results of one survey: totals, per question, cross-tabs by channel and network, reach. Reads the kept counts with grouping sets.';
revoke execute on function private.survey_results(bigint) from public;

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

-- OPEN DATA

create function private.open_data_columns(p_survey_id bigint)
returns table (ord bigint, question_id bigint, type text, kind text, item_key text, name text, label text)
language sql
stable
set search_path = ''
as $$
  -- After respuesta, fecha, canal and fuente (1–4): one column per question, one per matrix item,
  -- and one for the words of "otro".
  select row_number() over (order by q.position, q.id, c.sub) + 4, q.id, q.type, c.kind, c.item_key, c.name, c.label
  from public.survey_questions q
  cross join lateral (
    select 0 as sub, 'value' as kind, null::text as item_key, q.key as name, q.label as label
    where q.type <> 'matrix'
    union all
    select i.position, 'item', i.key, q.key || '.' || i.key, q.label || ' — ' || i.label
    from public.survey_question_items i
    where q.type = 'matrix' and i.question_id = q.id
    union all
    select 1000000, 'other', null, q.key || '__otro', q.label || ' — Otro (texto)'
    where q.allow_other
  ) c
  where q.survey_id = p_survey_id;
$$;
comment on function private.open_data_columns(bigint) is 'Columns of a survey''s open data after the four fixed ones, in order: position, question, kind (value, item, other) and name.';
revoke execute on function private.open_data_columns(bigint) from public;

create function private.open_data_dictionary(p_survey_id bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_array(
      jsonb_build_object('column', 'respuesta', 'question', 'Número consecutivo de la respuesta', 'type', 'integer',
                         'values', '[]'::jsonb, 'description', 'Número asignado al publicar, en orden de llegada. No identifica a la persona.'),
      jsonb_build_object('column', 'fecha', 'question', 'Día de envío', 'type', 'date',
                         'values', '[]'::jsonb, 'description', 'Fecha AAAA-MM-DD, hora de Colombia. Se omite la hora.'),
      jsonb_build_object('column', 'canal', 'question', 'Canal de respuesta', 'type', 'code',
                         'values', jsonb_build_array(
                           jsonb_build_object('value', 'web', 'label', 'Sitio web'),
                           jsonb_build_object('value', 'social', 'label', 'Enlace compartido en redes sociales'),
                           jsonb_build_object('value', 'phone', 'label', 'Encuesta telefónica')),
                         'description', 'Por dónde llegó la respuesta.'),
      jsonb_build_object('column', 'fuente', 'question', 'Red social de origen', 'type', 'code',
                         'values', jsonb_build_array(
                           jsonb_build_object('value', 'facebook', 'label', 'Facebook'),
                           jsonb_build_object('value', 'instagram', 'label', 'Instagram'),
                           jsonb_build_object('value', 'x', 'label', 'X'),
                           jsonb_build_object('value', 'tiktok', 'label', 'TikTok'),
                           jsonb_build_object('value', 'whatsapp', 'label', 'WhatsApp'),
                           jsonb_build_object('value', 'youtube', 'label', 'YouTube'),
                           jsonb_build_object('value', 'otra', 'label', 'Otra fuente')),
                         'description', 'Red del enlace por el que se abrió la encuesta (utm_source); vacío si no vino de una red.')
    )
    || coalesce((
      select jsonb_agg(jsonb_build_object(
               'column',   c.name,
               'question', c.label,
               'type',     case when c.kind = 'other' then 'long_text' else c.type end,
               'values',   case
                             when c.kind = 'other' then '[]'::jsonb
                             when c.type in ('single_choice', 'multiple_choice', 'matrix') then coalesce((
                               select jsonb_agg(jsonb_build_object('value', o.value, 'label', o.label) order by o.position, o.value)
                               from public.survey_question_options o where o.question_id = c.question_id
                             ), '[]'::jsonb)
                             when c.type in ('scale_5', 'nps') then (
                               select jsonb_agg(jsonb_build_object('value', v::text, 'label', v::text) order by v)
                               from generate_series(case c.type when 'scale_5' then 1 else 0 end, case c.type when 'scale_5' then 5 else 10 end) v
                             )
                             else '[]'::jsonb
                           end,
               'description', case
                                when c.kind = 'other' then 'Texto escrito en la opción «Otro»; solo si el equipo lo revisó y aprobó su publicación (con datos personales suprimidos). Vacío si no.'
                                when c.type = 'single_choice' then 'Una opción (valor de la lista).'
                                when c.type = 'multiple_choice' then 'Una o varias opciones separadas por punto y coma (;).'
                                when c.type = 'matrix' then 'Opción elegida para esta fila de la matriz.'
                                when c.type = 'scale_5' then 'Entero de 1 a 5.'
                                when c.type = 'nps' then 'Entero de 0 (nada probable) a 10 (muy probable). Promotores: 9–10; pasivos: 7–8; detractores: 0–6.'
                                when c.type = 'number' then 'Número' || coalesce(' entre ' || trim_scale(q.min_value)::text || ' y ' || trim_scale(q.max_value)::text, '') || '.'
                                when c.type = 'date' then 'Fecha AAAA-MM-DD.'
                                else 'Texto libre; solo si el equipo lo revisó y aprobó su publicación (con datos personales suprimidos). Vacío si no.'
                              end
             ) order by c.ord)
      from private.open_data_columns(p_survey_id) c
      join public.survey_questions q on q.id = c.question_id
    ), '[]'::jsonb)
$$;
comment on function private.open_data_dictionary(bigint) is 'Data dictionary of a survey''s open data: each column with its question, type, allowed values and meaning.';
revoke execute on function private.open_data_dictionary(bigint) from public;

create function private.open_data_rows(p_survey_id bigint, p_offset integer, p_limit integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with
  columns as materialized (
    select c.ord, c.question_id, c.type, c.kind, coalesce(c.item_key, '') as item_match
    from private.open_data_columns(p_survey_id) c
  ),
  -- Responses in order of arrival; the sequence number replaces the response id.
  page as materialized (
    select x.id, p_offset + row_number() over (order by x.submitted_at, x.id) as seq,
           (x.submitted_at at time zone 'America/Bogota')::date as day,
           x.channel,
           nullif(private.network_of(x.source), 'sin_red') as network
    from (
      select r.id, r.submitted_at, r.channel, r.source
      from public.survey_responses r
      where r.survey_id = p_survey_id
      order by r.submitted_at, r.id
      offset p_offset
      limit p_limit
    ) x
  ),
  -- Each response's cells keyed by column position, gathered per response through the response
  -- index (a page is a few thousand small lookups, never a pass over every answer). Free text only
  -- when a staff member marked it publishable, and then its redacted version.
  rows as (
    select p.seq, p.day, p.channel, p.network, coalesce(cells.obj, '{}'::jsonb) as cells
    from page p
    cross join lateral (
      select jsonb_object_agg(x.ord, x.value) as obj
      from (
        select c.ord,
               case
                 when c.type = 'multiple_choice' and c.kind = 'value' then to_jsonb(string_agg(a.option_value, ';' order by a.position, a.option_value))
                 when c.kind = 'other' or c.type in ('short_text', 'long_text') then to_jsonb(max(a.published))
                 when c.type in ('scale_5', 'nps', 'number') then to_jsonb(max(trim_scale(a.number_value)))
                 when c.type = 'date' then to_jsonb(max(a.text_value))
                 else to_jsonb(max(a.option_value))
               end as value
        from (
          -- Lookups only where they matter: option order for multiple choice, reviews for texts.
          select x.question_id, x.item_key, x.option_value, x.number_value, x.text_value,
                 case when x.text_value is not null then (
                   select coalesce(v.redacted_text, x.text_value) from public.survey_text_reviews v where v.answer_id = x.id and v.publishable
                 ) end as published,
                 case when x.option_value is not null and x.item_key is null then (
                   select o.position from public.survey_question_options o where o.question_id = x.question_id and o.value = x.option_value
                 ) end as position
          from public.survey_answers x
          where x.response_id = p.id
        ) a
        join columns c
          on c.question_id = a.question_id
         and c.item_match = coalesce(a.item_key, '')
         and (c.kind <> 'other' or a.option_value = 'otro')
        group by c.ord, c.kind, c.type
      ) x
      where x.value is not null
    ) cells
  )
  -- Each row: [sequence, day, channel, network, {"<column position>": value, …}]; absent positions were
  -- not answered or not published. The caller lays them out in column order.
  select coalesce(jsonb_agg(jsonb_build_array(r.seq, r.day, r.channel, r.network, r.cells) order by r.seq), '[]'::jsonb)
  from rows r;
$$;
comment on function private.open_data_rows(bigint, integer, integer) is 'One page of a survey''s anonymised responses, in order of arrival, with sparse cells keyed by column position.';
revoke execute on function private.open_data_rows(bigint, integer, integer) from public;

create function public.get_open_data(p_slug text, p_offset integer default 0, p_limit integer default 5000)
returns jsonb
language sql
stable
-- security definer: anon may not read responses; this returns them anonymised (no response id,
-- no time of day, no interviewer, no unpublished text) and only once results are published.
security definer
set search_path = ''
as $$
  -- Pages keep each call short and the download streamed; 10,000 rows at most per call.
  select private.survey_results_header(s)
         || jsonb_build_object(
              'license',    'CC BY 4.0',
              'licenseUrl', 'https://creativecommons.org/licenses/by/4.0/deed.es',
              'total',      coalesce((select sum(c.responses) from private.survey_response_counts c where c.survey_id = s.id), 0),
              'offset',     greatest(coalesce(p_offset, 0), 0),
              'columns',    jsonb_build_array('respuesta', 'fecha', 'canal', 'fuente')
                            || coalesce((select jsonb_agg(c.name order by c.ord) from private.open_data_columns(s.id) c), '[]'::jsonb),
              'dictionary', private.open_data_dictionary(s.id),
              'rows',       private.open_data_rows(s.id, greatest(coalesce(p_offset, 0), 0), least(greatest(coalesce(p_limit, 5000), 1), 10000))
            )
  from public.surveys s
  where s.slug = p_slug
    and s.status <> 'draft'
    and s.results_published_at is not null;
$$;
comment on function public.get_open_data(text, integer, integer) is 'Open data of a survey with published results: columns, data dictionary and one page of anonymised rows (p_offset, p_limit ≤ 10,000); null when missing, draft or unpublished.';
revoke execute on function public.get_open_data(text, integer, integer) from public, anon, authenticated;
grant execute on function public.get_open_data(text, integer, integer) to anon, authenticated;

-- STAFF

create function public.staff_get_survey_results(p_slug text)
returns jsonb
language plpgsql
stable
-- security definer: staff preview the results before publishing; responses are not readable by
-- authenticated either. The role check below is the gate.
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para consultar los resultados sin publicar.');
  end if;

  select * into v_survey from public.surveys where slug = p_slug;
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;

  return jsonb_build_object('ok', true, 'value',
    private.survey_results_header(v_survey) || private.survey_results(v_survey.id));
end;
$$;
comment on function public.staff_get_survey_results(text) is 'Staff (admin, communications): results of a survey, published or not.';
revoke execute on function public.staff_get_survey_results(text) from public, anon, authenticated;
grant execute on function public.staff_get_survey_results(text) to authenticated;

create function public.staff_list_survey_results()
returns jsonb
language plpgsql
stable
-- security definer: response and pending-text counts come from tables authenticated cannot read.
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para gestionar los resultados de las encuestas.');
  end if;

  return jsonb_build_object('ok', true, 'value', coalesce((
    select jsonb_agg(
      jsonb_build_object(
        'slug',         s.slug,
        'title',        s.title,
        'planActivity', s.plan_activity_code,
        'status',       case
                          when s.status = 'draft' then 'draft'
                          when s.status = 'closed' or s.closes_at <= now() then 'closed'
                          when s.opens_at > now() then 'scheduled'
                          else 'open'
                        end,
        'publishedAt',  to_char(s.results_published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'responses',    coalesce((select sum(c.responses) from private.survey_response_counts c where c.survey_id = s.id), 0),
        'pendingTexts', (
          select count(*)
          from public.survey_answers a
          join public.survey_questions q on q.id = a.question_id
          left join public.survey_text_reviews v on v.answer_id = a.id
          where q.survey_id = s.id
            and a.text_value is not null
            and (q.type in ('short_text', 'long_text') or a.option_value = 'otro')
            and v.answer_id is null
        )
      )
      order by coalesce(s.opens_at, s.created_at) desc, s.id desc
    )
    from public.surveys s
  ), '[]'::jsonb));
end;
$$;
comment on function public.staff_list_survey_results() is 'Staff (admin, communications): every survey with its response count, publication state and free texts awaiting review.';
revoke execute on function public.staff_list_survey_results() from public, anon, authenticated;
grant execute on function public.staff_list_survey_results() to authenticated;

create function public.staff_publish_results(p_slug text, p_published boolean)
returns jsonb
language plpgsql
-- security definer: authenticated has no update privilege on surveys; the role check below is the
-- gate, and the audit trigger records the caller from the JWT claims.
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para publicar resultados.');
  end if;

  if p_published is null then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('published', 'Indique si publica o retira los resultados.'));
  end if;

  select * into v_survey from public.surveys where slug = p_slug for update;
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;

  if v_survey.status = 'draft' and p_published then
    return private.failure('validation_failed', 'Un borrador no tiene resultados que publicar.', jsonb_build_object('published', 'Publique primero la encuesta; un borrador no tiene resultados.'));
  end if;

  -- Publishing again keeps the first date; withdrawing clears it.
  update public.surveys
  set results_published_at = case when p_published then coalesce(results_published_at, now()) end
  where id = v_survey.id
  returning * into v_survey;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'slug',        v_survey.slug,
    'published',   v_survey.results_published_at is not null,
    'publishedAt', to_char(v_survey.results_published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  ));
end;
$$;
comment on function public.staff_publish_results(text, boolean) is 'Staff (admin, communications): publishes (true) or withdraws (false) the results of a survey.';
revoke execute on function public.staff_publish_results(text, boolean) from public, anon, authenticated;
grant execute on function public.staff_publish_results(text, boolean) to authenticated;

create function public.staff_list_text_answers(p_slug text)
returns jsonb
language plpgsql
stable
-- security definer: the texts themselves are readable by nobody else; the role check is the gate.
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para revisar las respuestas abiertas.');
  end if;

  select * into v_survey from public.surveys where slug = p_slug;
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;

  -- Awaiting review first, then the newest; the page shows a working set, not the whole archive.
  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'slug',  v_survey.slug,
    'title', v_survey.title,
    'answers', coalesce((
      select jsonb_agg(x.item order by x.reviewed, x.id desc)
      from (
        select a.id, v.answer_id is not null as reviewed,
               jsonb_build_object(
                 'id',            a.id,
                 'question',      q.key,
                 'questionLabel', q.label,
                 'kind',          case when a.option_value = 'otro' then 'other' else 'text' end,
                 'text',          a.text_value,
                 'submittedOn',   (r.submitted_at at time zone 'America/Bogota')::date,
                 'reviewed',      v.answer_id is not null,
                 'publishable',   coalesce(v.publishable, false),
                 'redactedText',  v.redacted_text,
                 'reviewedBy',    v.reviewed_by,
                 'reviewedAt',    to_char(v.reviewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
               ) as item
        from public.survey_answers a
        join public.survey_questions q on q.id = a.question_id
        join public.survey_responses r on r.id = a.response_id
        left join public.survey_text_reviews v on v.answer_id = a.id
        where q.survey_id = v_survey.id
          and a.text_value is not null
          and (q.type in ('short_text', 'long_text') or a.option_value = 'otro')
        order by (v.answer_id is not null), a.id desc
        limit 500
      ) x
    ), '[]'::jsonb)
  ));
end;
$$;
comment on function public.staff_list_text_answers(text) is 'Staff (admin, communications): free-text answers of a survey with their review state, awaiting review first (at most 500).';
revoke execute on function public.staff_list_text_answers(text) from public, anon, authenticated;
grant execute on function public.staff_list_text_answers(text) to authenticated;

create function public.staff_review_text_answer(p_answer_id bigint, p_publishable boolean, p_redacted_text text default null)
returns jsonb
language plpgsql
-- security definer: authenticated cannot write reviews directly; the role check below is the gate,
-- and the audit trigger records who decided what.
security definer
set search_path = ''
as $$
declare
  v_redacted text := nullif(btrim(p_redacted_text), '');
  v_review   public.survey_text_reviews;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para revisar las respuestas abiertas.');
  end if;

  if p_publishable is null then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('publishable', 'Indique si el texto se puede publicar.'));
  end if;
  if char_length(v_redacted) > 2000 then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('redactedText', 'Escriba como máximo 2.000 caracteres.'));
  end if;

  if not exists (
    select from public.survey_answers a
    join public.survey_questions q on q.id = a.question_id
    where a.id = p_answer_id
      and a.text_value is not null
      and (q.type in ('short_text', 'long_text') or a.option_value = 'otro')
  ) then
    return private.failure('not_found', 'La respuesta abierta no existe.');
  end if;

  insert into public.survey_text_reviews as t (answer_id, publishable, redacted_text, reviewed_by, reviewed_at)
  values (p_answer_id, p_publishable, v_redacted, coalesce(private.staff_actor() ->> 'email', private.staff_actor() ->> 'sub'), now())
  on conflict (answer_id) do update
    set publishable   = excluded.publishable,
        redacted_text = excluded.redacted_text,
        reviewed_by   = excluded.reviewed_by,
        reviewed_at   = excluded.reviewed_at
  returning * into v_review;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'answerId',     v_review.answer_id,
    'publishable',  v_review.publishable,
    'redactedText', v_review.redacted_text,
    'reviewedBy',   v_review.reviewed_by,
    'reviewedAt',   to_char(v_review.reviewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  ));
end;
$$;
comment on function public.staff_review_text_answer(bigint, boolean, text) is 'Staff (admin, communications): marks a free-text answer publishable or not, optionally with a redacted version to publish instead.';
revoke execute on function public.staff_review_text_answer(bigint, boolean, text) from public, anon, authenticated;
grant execute on function public.staff_review_text_answer(bigint, boolean, text) to authenticated;

create function public.staff_record_followers(p_network text, p_measured_on date, p_followers integer)
returns jsonb
language plpgsql
-- security definer: authenticated cannot write follower counts directly; the role check below is
-- the gate, and the audit trigger records the caller.
security definer
set search_path = ''
as $$
declare
  v_fields jsonb := '{}'::jsonb;
  v_row    public.social_followers;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para registrar seguidores.');
  end if;

  if p_network is null or p_network not in ('facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube') then
    v_fields := v_fields || jsonb_build_object('network', 'Elija una red: Facebook, Instagram, X, TikTok, WhatsApp o YouTube.');
  end if;
  if p_measured_on is null then
    v_fields := v_fields || jsonb_build_object('measuredOn', 'Escriba la fecha de la medición.');
  elsif p_measured_on > (now() at time zone 'America/Bogota')::date then
    v_fields := v_fields || jsonb_build_object('measuredOn', 'La fecha de la medición no puede ser futura.');
  end if;
  if p_followers is null or p_followers < 0 then
    v_fields := v_fields || jsonb_build_object('followers', 'Escriba un número de seguidores igual o mayor que 0.');
  end if;

  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  -- A second reading for the same day corrects the first.
  insert into public.social_followers as f (network, measured_on, followers)
  values (p_network, p_measured_on, p_followers)
  on conflict (network, measured_on) do update set followers = excluded.followers
  returning * into v_row;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'network',    v_row.network,
    'measuredOn', v_row.measured_on,
    'followers',  v_row.followers
  ));
end;
$$;
comment on function public.staff_record_followers(text, date, integer) is 'Staff (admin, communications): records the followers of a network on a date (a second reading that day replaces the first).';
revoke execute on function public.staff_record_followers(text, date, integer) from public, anon, authenticated;
grant execute on function public.staff_record_followers(text, date, integer) to authenticated;

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
