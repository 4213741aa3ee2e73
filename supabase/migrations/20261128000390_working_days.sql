-- Working days in Colombia: legal terms (answers to hearing questions, 15 working days) and advisors'
-- weekly availability skip weekends and public holidays. The holidays come from the maintained
-- `date-holidays` library, never a hand-typed list: migrate() loads the current and next year before the
-- seed, and the scheduled function holidays-sync keeps them loaded on Supabase.

create table private.public_holidays (
  day  date primary key,
  name text not null check (length(name) between 1 and 200)
);
comment on table private.public_holidays is 'Colombian public holidays (festivos), loaded from date-holidays by public.load_public_holidays.';
alter table private.public_holidays enable row level security;
-- No policies: read only through the functions below.

create function private.is_working_day(p_day date)
returns boolean
language sql
stable
set search_path = ''
as $$
  select extract(isodow from p_day) < 6
     and not exists (select 1 from private.public_holidays h where h.day = p_day);
$$;
comment on function private.is_working_day(date) is 'Monday to Friday and not a Colombian public holiday.';
revoke execute on function private.is_working_day(date) from public;

create function private.add_working_days(p_from date, p_days integer)
returns date
language sql
stable
set search_path = ''
as $$
  -- Legal terms count from the day after the one the request arrived (Ley 1437 de 2011, art. 14 and
  -- Código General del Proceso art. 118), so p_from itself never counts. 15 working days fit in at most
  -- 15 weeks even around Holy Week and year end; the bound keeps the scan finite.
  select d::date
    from generate_series(p_from + 1, p_from + 7 * greatest(p_days, 1) + 30, interval '1 day') as d
   where private.is_working_day(d::date)
   order by d
   offset greatest(p_days, 1) - 1
   limit 1;
$$;
comment on function private.add_working_days(date, integer) is 'The p_days-th working day after p_from (the day itself does not count).';
revoke execute on function private.add_working_days(date, integer) from public;

create function public.load_public_holidays(p_days jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  -- Two festivos can fall on one day (a moved Monday on another's date): one row, both names.
  insert into private.public_holidays (day, name)
  select (e ->> 'date')::date, string_agg(distinct e ->> 'name', ' / ')
    from jsonb_array_elements(p_days) as e
   group by 1
  on conflict (day) do update set name = excluded.name;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function public.load_public_holidays(jsonb) is 'Upserts [{"date": "YYYY-MM-DD", "name"}] into the holiday calendar; the server-side loader only.';
revoke execute on function public.load_public_holidays(jsonb) from public, anon, authenticated;
grant execute on function public.load_public_holidays(jsonb) to service_role;
