-- Advisory bookings, figures: the published evidence of plan activity 2.3 ("registro de asesorías de
-- emprendimiento"). Aggregates only, never a name, document or e-mail; /informes/asesorias reads them.

create function public.get_advisory_figures()
returns jsonb
language sql
stable
-- security definer: the figures count bookings and records, which no API role may read; only
-- aggregates leave the function.
security definer
set search_path = ''
as $$
  -- Definitions (also on the page):
  --   bookings          bookings made in the month of their session (cancelled ones included)
  --   cancelled         of those, cancelled by the citizen
  --   attended/no-show  sessions whose advisor recorded that attendance
  --   attendance rate   attended / (attended + no-show), sessions with a record only
  with b as (
    select to_char(b.starts_at at time zone 'America/Bogota', 'YYYY-MM') as month, b.status, b.area, b.stage, r.attendance
    from public.advisory_bookings b
    left join public.advisory_records r on r.booking_id = b.id
  ), months as (
    select month,
           count(*) as bookings,
           count(*) filter (where status = 'cancelled') as cancelled,
           count(*) filter (where attendance = 'attended') as attended,
           count(*) filter (where attendance = 'no_show') as no_show
    from b group by month
  )
  select jsonb_build_object(
    'months', coalesce((select jsonb_agg(jsonb_build_object(
        'month', m.month, 'bookings', m.bookings, 'cancelled', m.cancelled, 'attended', m.attended, 'noShow', m.no_show,
        'attendancePct', round(100.0 * m.attended / nullif(m.attended + m.no_show, 0), 1)) order by m.month)
      from months m), '[]'::jsonb),
    'totals', (select jsonb_build_object(
        'bookings', count(*), 'cancelled', count(*) filter (where status = 'cancelled'),
        'attended', count(*) filter (where attendance = 'attended'), 'noShow', count(*) filter (where attendance = 'no_show'),
        'attendancePct', round(100.0 * count(*) filter (where attendance = 'attended')
                                 / nullif(count(*) filter (where attendance is not null), 0), 1))
      from b),
    'topics', coalesce((select jsonb_agg(jsonb_build_object('key', t.key, 'label', t.label,
        'bookings', (select count(*) from b where b.area = t.key and b.status = 'booked')) order by t.position)
      from public.advisory_topics t), '[]'::jsonb),
    'stages', (select jsonb_build_object(
        'idea',             count(*) filter (where stage = 'idea'),
        'starting',         count(*) filter (where stage = 'starting'),
        'operating_lt_1y',  count(*) filter (where stage = 'operating_lt_1y'),
        'operating_gte_1y', count(*) filter (where stage = 'operating_gte_1y'))
      from b where b.status = 'booked')
  );
$$;
comment on function public.get_advisory_figures() is 'Usage figures of the advisory service per month (bookings, cancellations, attendance rate), by topic and by business stage. No personal data.';
revoke execute on function public.get_advisory_figures() from public, anon, authenticated;
grant execute on function public.get_advisory_figures() to anon, authenticated;
