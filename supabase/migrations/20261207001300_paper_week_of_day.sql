-- A challenge's `weekOf` is a calendar day, not an instant: cast to timestamptz it became midnight UTC, which
-- is the evening before in Colombia, so a challenge set for a Monday fell in the week before (and a staff
-- member could not claim this week's challenge created on a Monday). The overload for a day takes its own
-- week; calls with now() keep the instant's Colombian week.
create function private.bogota_week(p_day date)
returns date
language sql
immutable
set search_path = ''
as $$
  select (p_day - (extract(isodow from p_day)::integer - 1));
$$;
comment on function private.bogota_week(date) is 'Monday of the week of a calendar day: challenges run Monday to Sunday.';
revoke execute on function private.bogota_week(date) from public;
