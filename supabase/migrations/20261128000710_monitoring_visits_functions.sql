-- Website visits (plan 4.2), functions: collecting a view, the daily rollup with the purge of raw
-- views and salts, and the report read by the staff and public pages.

-- GROUPS
-- One row per day and value of each dimension the report shows, counted from the raw views of the
-- days not rolled up yet. Sources follow Plausible: the campaign's utm_source names the source, else
-- the referring host, else the visit was direct.
create function private.visit_groups(p_from date, p_to date)
returns table (day date, dimension text, value text, views integer, visitors integer)
language sql
stable
set search_path = ''
as $$
  select v.day, d.dimension, d.value, count(*)::integer, count(distinct v.visitor)::integer
  from public.page_views v
  cross join lateral (values
    ('total',    ''),
    ('page',     v.path),
    ('source',   coalesce(v.utm_source, v.referrer_host, 'directo')),
    ('campaign', case when v.utm_campaign is not null then concat_ws('|', v.utm_campaign, coalesce(v.utm_source, ''), coalesce(v.utm_medium, '')) end),
    ('device',   v.device),
    ('browser',  v.browser),
    ('country',  coalesce(v.country, ''))
  ) as d (dimension, value)
  where v.day between p_from and p_to
    and d.value is not null
    and not exists (select from public.visit_rollup_days r where r.day = v.day)
  group by v.day, d.dimension, d.value;
$$;
comment on function private.visit_groups(date, date) is 'Views and unique visitors per day and dimension value, from the raw views of days not yet rolled up.';
revoke execute on function private.visit_groups(date, date) from public;

-- ROLLUP AND PURGE
create function private.roll_up_visits()
returns integer
language plpgsql
set search_path = ''
as $$
declare
  -- A view is dated when it is collected: five minutes after midnight no transaction can still be
  -- writing one for the day before.
  v_before date := ((now() - interval '5 minutes') at time zone 'America/Bogota')::date;
  v_from   date;
  v_days   integer;
begin
  -- One roller at a time: the first view of a day and the nightly job may both get here.
  perform pg_advisory_xact_lock(hashtext('private.roll_up_visits'));

  select min(v.day) into v_from
  from public.page_views v
  where v.day < v_before
    and not exists (select from public.visit_rollup_days r where r.day = v.day);

  if v_from is not null then
    insert into public.visit_daily (day, dimension, value, views, visitors)
    select g.day, g.dimension, g.value, g.views, g.visitors
    from private.visit_groups(v_from, v_before - 1) g;

    insert into public.visit_rollup_days (day)
    select distinct v.day
    from public.page_views v
    where v.day between v_from and v_before - 1
      and not exists (select from public.visit_rollup_days r where r.day = v.day);
  end if;
  get diagnostics v_days = row_count;

  -- Raw views are kept 31 days after their rollup (to recount a day if a rollup ever needs fixing),
  -- then only the daily figures remain.
  delete from public.page_views v
  using public.visit_rollup_days r
  where r.day = v.day
    and v.day < v_before - 31;

  -- A finished day's salt goes: its hashes can no longer be linked to anyone.
  delete from private.visit_salts s where s.day < (now() at time zone 'America/Bogota')::date;

  return coalesce(v_days, 0);
end;
$$;
comment on function private.roll_up_visits() is 'Rolls the finished days'' views up into visit_daily, purges raw views 31 days after their rollup and deletes past salts; returns the days rolled up.';
revoke execute on function private.roll_up_visits() from public;

create function public.roll_up_visits()
returns jsonb
language sql
-- security definer: the nightly job runs as service_role, which has no privileges on the tables.
security definer
set search_path = ''
as $$
  select jsonb_build_object('ok', true, 'value', jsonb_build_object('days', private.roll_up_visits()));
$$;
comment on function public.roll_up_visits() is 'Nightly job (service role): daily rollup of the visits and purge of raw views and salts.';
revoke execute on function public.roll_up_visits() from public, anon, authenticated;
grant execute on function public.roll_up_visits() to service_role;

-- COLLECT
-- Generous for people (a whole office behind one address reads many pages), tight enough that one client
-- cannot inflate the figures.
insert into private.rate_limit_rules (bucket, max_hits, window_seconds) values ('page_view', 600, 600);

create function public.collect_page_view(
  p_path          text,
  p_referrer_host text,
  p_utm_source    text,
  p_utm_medium    text,
  p_utm_campaign  text,
  p_device        text,
  p_browser       text,
  p_country       text,
  p_region        text,
  p_client        text,
  p_idempotency_key text default null,
  p_request_hash    text default null,
  p_rate_client     text default null
)
returns jsonb
language plpgsql
-- security definer: anon may not touch page_views nor the salts; this function is the only way in,
-- and it stores the salted hash of p_client, never p_client itself.
security definer
set search_path = ''
as $$
declare
  v_day    date := (now() at time zone 'America/Bogota')::date;
  v_salt   text;
  v_replay jsonb;
  v_retry_after integer;
begin
  -- The rate limit keys on the salted address hash of the other public writes, not on p_client.
  v_retry_after := private.hit_rate_limit('page_view', p_rate_client);
  if v_retry_after > 0 then
    return private.rate_limited(v_retry_after);
  end if;

  -- The contract's Idempotency-Key: a replayed view is the same view, counted once.
  if p_idempotency_key is not null then
    v_replay := private.idempotency_begin('page_view', p_idempotency_key, p_request_hash);
    if v_replay is not null then
      return v_replay;
    end if;
  end if;

  select s.salt into v_salt from private.visit_salts s where s.day = v_day;
  if v_salt is null then
    insert into private.visit_salts (day, salt)
    values (v_day, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
    on conflict (day) do nothing
    returning salt into v_salt;
    if v_salt is null then
      select s.salt into v_salt from private.visit_salts s where s.day = v_day;
    else
      -- The first view of a day closes the days before: no scheduler is needed for the figures.
      perform private.roll_up_visits();
    end if;
  end if;

  insert into public.page_views (day, path, referrer_host, utm_source, utm_medium, utm_campaign, device, browser, country, region, visitor)
  values (v_day, p_path, p_referrer_host, p_utm_source, p_utm_medium, p_utm_campaign, p_device, p_browser, p_country, p_region,
          left(encode(sha256(convert_to(v_salt || p_client, 'UTF8')), 'hex'), 16));

  return private.idempotency_settle('page_view', p_idempotency_key, jsonb_build_object('ok', true, 'value', jsonb_build_object('accepted', true)));
end;
$$;
comment on function public.collect_page_view(text, text, text, text, text, text, text, text, text, text, text, text, text) is 'Public (visits beacon): stores one page view with the day''s salted visitor hash; p_client is an opaque hash of the client and is not stored.';
revoke execute on function public.collect_page_view(text, text, text, text, text, text, text, text, text, text, text, text, text) from public, anon, authenticated;
grant execute on function public.collect_page_view(text, text, text, text, text, text, text, text, text, text, text, text, text) to anon, authenticated;

-- REPORT
create function private.top_values(p_groups jsonb, p_limit integer)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select coalesce(jsonb_agg(t.item order by (t.item ->> 'views')::integer desc, t.item ->> 'value'), '[]'::jsonb)
  from (
    select e.item
    from jsonb_array_elements(p_groups) e (item)
    order by (e.item ->> 'views')::integer desc, e.item ->> 'value'
    limit p_limit
  ) t;
$$;
comment on function private.top_values(jsonb, integer) is 'The p_limit values with most views of a dimension, most first.';
revoke execute on function private.top_values(jsonb, integer) from public;

create function public.site_visits_report(p_from date, p_to date, p_grain text)
returns jsonb
language sql
stable
-- security definer: the report publishes sums only; the tables behind it stay closed to anon.
security definer
set search_path = ''
as $$
  with
  groups as materialized (
    select d.day, d.dimension, d.value, d.views, d.visitors
    from public.visit_daily d
    where d.day between p_from and p_to
    union all
    select g.day, g.dimension, g.value, g.views, g.visitors
    from private.visit_groups(p_from, p_to) g
  ),
  periods as (
    select p::date as start
    from generate_series(date_trunc(p_grain, p_from::timestamp), p_to::timestamp, ('1 ' || p_grain)::interval) p
  ),
  series as (
    select p.start, coalesce(sum(g.views), 0)::integer as views, coalesce(sum(g.visitors), 0)::integer as visitors
    from periods p
    left join groups g on g.dimension = 'total' and date_trunc(p_grain, g.day::timestamp)::date = p.start
    group by p.start
  ),
  dims as (
    select g.dimension, jsonb_agg(jsonb_build_object('value', g.value, 'views', g.views, 'visitors', g.visitors)) as items
    from (
      select g.dimension, g.value, sum(g.views)::integer as views, sum(g.visitors)::integer as visitors
      from groups g
      where g.dimension <> 'total'
      group by g.dimension, g.value
    ) g
    group by g.dimension
  )
  select jsonb_build_object(
    'from',      p_from,
    'to',        p_to,
    'grain',     p_grain,
    'views',     (select coalesce(sum(g.views), 0)::integer from groups g where g.dimension = 'total'),
    'visitors',  (select coalesce(sum(g.visitors), 0)::integer from groups g where g.dimension = 'total'),
    'series',    (select coalesce(jsonb_agg(jsonb_build_object('start', s.start, 'views', s.views, 'visitors', s.visitors) order by s.start), '[]'::jsonb) from series s),
    'pages',     private.top_values((select d.items from dims d where d.dimension = 'page'), 15),
    'sources',   private.top_values((select d.items from dims d where d.dimension = 'source'), 15),
    'campaigns', private.top_values((select d.items from dims d where d.dimension = 'campaign'), 15),
    'devices',   private.top_values((select d.items from dims d where d.dimension = 'device'), 10),
    'browsers',  private.top_values((select d.items from dims d where d.dimension = 'browser'), 10),
    'countries', private.top_values((select d.items from dims d where d.dimension = 'country'), 15)
  )
  where p_grain in ('day', 'week', 'month') and p_from <= p_to;
$$;
comment on function public.site_visits_report(date, date, text) is 'Public: views and unique daily visitors of a period, per day, week or month, with top pages, sources, campaigns, devices, browsers and countries.';
revoke execute on function public.site_visits_report(date, date, text) from public, anon, authenticated;
grant execute on function public.site_visits_report(date, date, text) to anon, authenticated;
