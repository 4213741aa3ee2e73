-- Rate limits as a sliding window. The fixed windows of the core migration let a client spend its
-- limit at the end of one window and again at the start of the next: twice the limit in a few
-- seconds. Now each (bucket, client) keeps the times of its hits of the last window_seconds (a
-- sliding log, at most max_hits of them), so no span of window_seconds ever holds more than max_hits.
-- Same private.hit_rate_limit(bucket, client), so every write function that calls it gets the change.

comment on table private.rate_limit_rules is 'Sliding-window limits per bucket: at most max_hits per client in any span of window_seconds.';

-- The fixed-window counts cannot be turned into hit times; dropping them forgives at most one window.
drop table private.rate_limit_hits;

-- RATE LIMIT HITS
create table private.rate_limit_hits (
  bucket     text          not null references private.rate_limit_rules (bucket) on delete cascade,
  client     text          not null,
  hits       timestamptz[] not null,
  expires_at timestamptz   not null,
  primary key (bucket, client)
);
comment on table private.rate_limit_hits is 'Times of the hits each client made in each bucket during the last window. A row whose expires_at has passed holds no live hit and is deleted by later hits.';
comment on column private.rate_limit_hits.client is 'Opaque client identifier chosen by the caller (a salted hash of the IP address, never the address itself).';
comment on column private.rate_limit_hits.hits is 'Times of the counted hits (refused ones are not counted); hits older than the window are dropped on the next hit.';
comment on column private.rate_limit_hits.expires_at is 'When the newest hit leaves the window: from then on the row counts for nothing.';

create index rate_limit_hits_expires_at on private.rate_limit_hits (expires_at);

alter table private.rate_limit_hits enable row level security;

create function private.hit_rate_limit_at(p_bucket text, p_client text, p_now timestamptz)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_rule   private.rate_limit_rules;
  v_window interval;
  v_client text := coalesce(p_client, 'unknown');
  v_live   timestamptz[];
begin
  select * into strict v_rule from private.rate_limit_rules where bucket = p_bucket;
  v_window := make_interval(secs => v_rule.window_seconds);

  -- A client already over the limit is refused from its committed hits, without waiting for the row
  -- lock its own writes in flight hold until they commit (a flood would hold a connection per refusal).
  -- Hits leave the window only with time, so the locked row would refuse it too.
  select array(select t from unnest(h.hits) t where t > p_now - v_window order by t)
  into v_live
  from private.rate_limit_hits h
  where h.bucket = p_bucket and h.client = v_client;

  if coalesce(cardinality(v_live), 0) < v_rule.max_hits then
    -- One conditional upsert: the row lock serializes a client's concurrent hits, so none can slip
    -- past max_hits (no read-then-write). A refused hit is not counted.
    insert into private.rate_limit_hits as h (bucket, client, hits, expires_at)
    values (p_bucket, v_client, array[p_now], p_now + v_window)
    on conflict (bucket, client) do update
      set hits = array(select t from unnest(h.hits) t where t > p_now - v_window order by t) || p_now,
          expires_at = greatest(h.expires_at, p_now + v_window)
      where (select count(*) from unnest(h.hits) t where t > p_now - v_window) < v_rule.max_hits;

    if found then
      -- A few rows nobody has hit for a whole window, oldest first; skip locked, so no hit waits on another's cleaning.
      delete from private.rate_limit_hits d
      using (
        select bucket, client from private.rate_limit_hits
        where expires_at < p_now order by expires_at limit 20
        for update skip locked
      ) dead
      where d.bucket = dead.bucket and d.client = dead.client;
      return 0;
    end if;

    -- Refused under the lock the upsert took: the hits as they are now.
    select array(select t from unnest(h.hits) t where t > p_now - v_window order by t)
    into v_live
    from private.rate_limit_hits h
    where h.bucket = p_bucket and h.client = v_client;
  end if;

  -- A hit is allowed again once enough live hits have left the window to bring them under max_hits
  -- (a lowered max_hits may leave more than it).
  return greatest(1, ceil(extract(epoch from
    v_live[cardinality(v_live) - v_rule.max_hits + 1] + v_window - p_now
  ))::integer);
end;
$$;
comment on function private.hit_rate_limit_at(text, text, timestamptz) is 'hit_rate_limit with the clock given (tests move it across windows): 0 when the hit is allowed and counted, else the seconds until one would be (for Retry-After).';
revoke execute on function private.hit_rate_limit_at(text, text, timestamptz) from public;

create or replace function private.hit_rate_limit(p_bucket text, p_client text)
returns integer
language sql
set search_path = ''
as $$
  select private.hit_rate_limit_at(p_bucket, p_client, now());
$$;
comment on function private.hit_rate_limit(text, text) is 'Counts one hit against the sliding window of the bucket; returns 0 when allowed, else the seconds until a hit would be allowed (for Retry-After).';
revoke execute on function private.hit_rate_limit(text, text) from public;
