-- HEALTH
-- GET /api/health asks the database as the public role, so a broken grant shows up as unhealthy.
create or replace function public.health()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object('db', 'ok', 'at', now());
$$;

comment on function public.health() is 'Liveness probe for GET /api/health; reads nothing.';

revoke execute on function public.health() from public;
grant execute on function public.health() to anon, authenticated;
