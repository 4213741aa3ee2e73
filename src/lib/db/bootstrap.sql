-- Local bootstrap: what Supabase already provides, for plain PostgreSQL 15+ and PGlite.
-- Runs before the migrations on local databases only, never on Supabase. Idempotent: it
-- creates only what is missing, so it is safe on every start.

-- ROLES
-- The three roles PostgREST switches to. The app connects as a superuser and switches with
-- `set_config('role', …, true)` per call, so nobody needs to be granted these roles.
do $$
begin
  if not exists (select from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

-- DEFAULT PRIVILEGES
-- A new Supabase project lets the API roles do everything with what the migrating role creates in
-- public (supabase/postgres, initial schema). Set once, as there, on a database no migration has
-- touched yet: the migrations meet the grants they meet on Supabase, and the migration that takes
-- these defaults back (20261207000500_least_privilege.sql) is not undone on the next start.
do $$
begin
  if to_regclass('supabase_migrations.schema_migrations') is null then
    alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
    alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
    alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
  end if;
end
$$;

grant usage on schema public to anon, authenticated, service_role;

-- AUTH
-- Supabase's claim readers. The adapter sets `request.jwt.claims` per transaction; outside a
-- request the setting is missing or '' (after a `set local` ended), which reads as '{}'.
do $$
begin
  if not exists (select from pg_catalog.pg_namespace where nspname = 'auth') then
    create schema auth;
  end if;

  if not exists (
    select from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'jwt'
  ) then
    create function auth.jwt()
    returns jsonb
    language sql
    stable
    set search_path = ''
    as $fn$
      select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
    $fn$;
  end if;

  if not exists (
    select from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'uid'
  ) then
    create function auth.uid()
    returns uuid
    language sql
    stable
    set search_path = ''
    as $fn$
      select nullif(auth.jwt() ->> 'sub', '')::uuid
    $fn$;
  end if;

  if not exists (
    select from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'role'
  ) then
    create function auth.role()
    returns text
    language sql
    stable
    set search_path = ''
    as $fn$
      select nullif(auth.jwt() ->> 'role', '')
    $fn$;
  end if;
end
$$;

grant usage on schema auth to anon, authenticated, service_role;
grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;
