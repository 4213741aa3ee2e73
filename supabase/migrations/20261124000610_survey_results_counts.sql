-- Survey results, kept counts.
-- Results must come back in well under a second for 100,000 responses (two million answer rows):
-- reading every answer and joining its response takes seconds on a small server. So the counts are
-- kept as answers arrive: statement-level triggers aggregate each inserted or deleted batch (one
-- grouped statement over the transition table, never row by row) into three small tables, and
-- the results are grouping sets over them. private.rebuild_answer_counts() recomputes them from
-- the answers in one pass (used to backfill and to check them).
--
-- Every response adds to the same few rows (the same survey, the same popular options), and a row
-- updated by one transaction is locked until it commits: one counter row per key would make
-- concurrent responses queue one behind the other. So each key has up to 16 rows (slots), and a
-- writer adds to the slot of its own database connection; readers sum the slots.

create function private.count_slot()
returns smallint
language sql
stable
set search_path = ''
as $$
  select (pg_catalog.pg_backend_pid() % 16)::smallint;
$$;
comment on function private.count_slot() is 'The counter slot (0–15) this database connection adds to: concurrent writers rarely share one.';
revoke execute on function private.count_slot() from public;

-- What an answer row counts under: the option, the number (scale, NPS, number), the month of a date,
-- or nothing for free text (counted in texts).
create function private.answer_count_value(p_type text, p_option_value text, p_number_value numeric, p_text_value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_type = 'date' then coalesce(left(p_text_value, 7), '')
    when p_type in ('short_text', 'long_text') then ''
    when p_type in ('scale_5', 'nps', 'number') then coalesce(trim_scale(p_number_value)::text, '')
    else coalesce(p_option_value, '')
  end;
$$;
comment on function private.answer_count_value(text, text, numeric, text) is 'The value column of private.survey_answer_counts for an answer row of a question of type p_type.';
revoke execute on function private.answer_count_value(text, text, numeric, text) from public;

create table private.survey_answer_counts (
  question_id bigint not null references public.survey_questions (id) on delete cascade,
  item_key    text   not null default '',
  value       text   not null default '',
  channel     text   not null,
  network     text   not null,
  slot        smallint not null default 0,
  answers     bigint not null default 0,
  texts       bigint not null default 0,
  primary key (question_id, item_key, value, channel, network, slot)
);
comment on table private.survey_answer_counts is 'Answer rows per question, matrix item, value, channel and network, kept by triggers on survey_answers and survey_responses.';
comment on column private.survey_answer_counts.item_key is 'Matrix item; empty for other questions.';
comment on column private.survey_answer_counts.value is 'Option value; 1–5, 0–10 or the number as text; YYYY-MM for dates; empty for free text.';
comment on column private.survey_answer_counts.network is 'facebook … youtube from the response source, otra for another source, sin_red for none.';
comment on column private.survey_answer_counts.slot is 'Counter slot (private.count_slot): a key''s count is the sum over its slots.';
comment on column private.survey_answer_counts.texts is 'How many of those rows carry free text (text questions and "otro").';

alter table private.survey_answer_counts enable row level security;

create table private.survey_question_respondents (
  question_id bigint not null references public.survey_questions (id) on delete cascade,
  channel     text   not null,
  network     text   not null,
  slot        smallint not null default 0,
  respondents bigint not null default 0,
  primary key (question_id, channel, network, slot)
);
comment on table private.survey_question_respondents is 'Responses that answered each multiple choice and matrix question, per channel and network: their answers have several rows, one respondent. Other questions have one row per respondent, so their answer counts say it.';

alter table private.survey_question_respondents enable row level security;

create function private.apply_answer_counts(p_rows public.survey_answers[], p_sign integer, p_respondents text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  -- Rows whose response is already gone were counted out when the response was deleted.
  -- Keys are upserted in a fixed order so concurrent submissions cannot deadlock.
  insert into private.survey_answer_counts as c (question_id, item_key, value, channel, network, slot, answers, texts)
  select a.question_id,
         coalesce(a.item_key, ''),
         private.answer_count_value(q.type, a.option_value, a.number_value, a.text_value),
         r.channel,
         private.network_of(r.source),
         private.count_slot(),
         p_sign * count(*),
         p_sign * count(a.text_value) filter (where q.type in ('short_text', 'long_text') or a.option_value = 'otro')
  from unnest(p_rows) as a
  join public.survey_questions q on q.id = a.question_id
  join public.survey_responses r on r.id = a.response_id
  group by 1, 2, 3, 4, 5
  order by 1, 2, 3, 4, 5
  on conflict (question_id, item_key, value, channel, network, slot) do update
    set answers = c.answers + excluded.answers,
        texts   = c.texts + excluded.texts;

  if p_respondents = 'none' then
    return;  -- an answer edited in place keeps its response and question
  end if;

  -- A response counts once per question: when its first row arrives ('first'), when its last row
  -- goes ('last'), or for every question it answered when the response itself comes or goes ('all').
  insert into private.survey_question_respondents as c (question_id, channel, network, slot, respondents)
  with batch as (
    select a.response_id, a.question_id, count(*) as n
    from unnest(p_rows) as a
    join public.survey_questions q on q.id = a.question_id and q.type in ('multiple_choice', 'matrix')
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
         private.count_slot(),
         p_sign * count(*)
  from batch b
  join public.survey_responses r on r.id = b.response_id
  left join present p on p.response_id = b.response_id and p.question_id = b.question_id
  where p_respondents = 'all'
     or coalesce(p.n, 0) = case p_respondents when 'first' then b.n else 0 end
  group by 1, 2, 3
  order by 1, 2, 3
  on conflict (question_id, channel, network, slot) do update
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
  slot      smallint not null default 0,
  responses bigint not null default 0,
  primary key (survey_id, channel, network, slot)
);
comment on table private.survey_response_counts is 'Responses per survey, channel and network, kept by a statement-level trigger on survey_responses.';

alter table private.survey_response_counts enable row level security;

create function private.apply_response_counts(p_rows public.survey_responses[], p_sign integer)
returns void
language sql
set search_path = ''
as $$
  insert into private.survey_response_counts as c (survey_id, channel, network, slot, responses)
  select r.survey_id,
         r.channel,
         private.network_of(r.source),
         private.count_slot(),
         p_sign * count(*)
  from unnest(p_rows) as r
  group by 1, 2, 3
  order by 1, 2, 3
  on conflict (survey_id, channel, network, slot) do update
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
         private.answer_count_value(q.type, a.option_value, a.number_value, a.text_value),
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
    join public.survey_questions q on q.id = a.question_id and q.type in ('multiple_choice', 'matrix')
    where p_survey_id is null or q.survey_id = p_survey_id
  ) x
  join public.survey_responses r on r.id = x.response_id
  group by 1, 2, 3;
$$;
comment on function private.rebuild_answer_counts(bigint) is 'Recomputes the response, answer and respondent counts of one survey (all when null) from the rows, in one grouped pass each.';
revoke execute on function private.rebuild_answer_counts(bigint) from public;
