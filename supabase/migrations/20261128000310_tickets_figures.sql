-- Tickets, usage figures: the published evidence of plan activity 2.3 ("servicios en línea
-- habilitados"). Aggregates only, never a name, document or e-mail; the public page
-- /informes/boleteria and its CSV read them, and the plan links that page as evidence.

create function private.ticket_figures_json(
  p_capacity integer, p_registrations bigint, p_seats_registered bigint, p_seats_taken bigint, p_cancellations bigint,
  p_seats_cancelled bigint, p_active bigint, p_checked_in bigint, p_waitlist_joined bigint, p_waitlist_converted bigint)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  -- Rates with one decimal; null where there is nothing to divide by yet.
  select jsonb_build_object(
    'capacity',          p_capacity,
    'registrations',     p_registrations,
    'seatsRegistered',   p_seats_registered,
    'seatsTaken',        p_seats_taken,
    'occupancyPct',      round(100.0 * p_seats_taken / nullif(p_capacity, 0), 1),
    'cancellations',     p_cancellations,
    'seatsCancelled',    p_seats_cancelled,
    'cancellationPct',   round(100.0 * p_seats_cancelled / nullif(p_seats_registered, 0), 1),
    'checkedIn',         p_checked_in,
    'checkInPct',        round(100.0 * p_checked_in / nullif(p_active, 0), 1),
    'waitlistJoined',    p_waitlist_joined,
    'waitlistConverted', p_waitlist_converted,
    'conversionPct',     round(100.0 * p_waitlist_converted / nullif(p_waitlist_joined, 0), 1)
  );
$$;
comment on function private.ticket_figures_json(integer, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint) is
  'The usage figures of one event or of all of them, with their rates (one decimal, null without a denominator).';
revoke execute on function private.ticket_figures_json(integer, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint) from public;

create function public.get_ticket_figures()
returns jsonb
language sql
stable
-- security definer: the figures count registrations and waiting-list entries, which no API role may
-- read; only aggregates leave the function.
security definer
set search_path = ''
as $$
  -- Definitions (also on the page):
  --   registrations      tickets issued (cancelled ones included)
  --   seats taken        seats still held by registrations; occupancy = seats taken / capacity
  --   cancellations      registrations cancelled in full; cancellation rate = seats given back / seats registered
  --   check-in rate      registrations let in / registrations not cancelled
  --   conversions        waiting-list entries that became a registration / entries that joined
  with per_event as (
    select e.slug, e.title, e.starts_at, e.capacity,
           coalesce(r.registrations, 0)    as registrations,
           coalesce(r.seats_registered, 0) as seats_registered,
           coalesce(r.seats_taken, 0)      as seats_taken,
           coalesce(r.cancellations, 0)    as cancellations,
           coalesce(r.seats_cancelled, 0)  as seats_cancelled,
           coalesce(r.active, 0)           as active,
           coalesce(r.checked_in, 0)       as checked_in,
           coalesce(w.joined, 0)           as waitlist_joined,
           coalesce(w.converted, 0)        as waitlist_converted
    from public.events e
    left join lateral (
      select count(*)                                                 as registrations,
             sum(x.quantity)                                          as seats_registered,
             sum(x.quantity - x.cancelled_quantity)                   as seats_taken,
             count(*) filter (where x.status = 'cancelled')           as cancellations,
             sum(x.cancelled_quantity)                                as seats_cancelled,
             count(*) filter (where x.status = 'active')              as active,
             count(*) filter (where x.status = 'active' and x.checked_in_at is not null) as checked_in
      from public.event_registrations x
      where x.event_id = e.id
    ) r on true
    left join lateral (
      select count(*)                                 as joined,
             count(*) filter (where y.status = 'claimed') as converted
      from public.event_waitlist_entries y
      where y.event_id = e.id
    ) w on true
    where e.status <> 'draft'
  )
  select jsonb_build_object(
    'updatedAt', private.iso_time(now()),
    'events', coalesce(jsonb_agg(
      jsonb_build_object('slug', p.slug, 'title', p.title, 'startsAt', private.iso_time(p.starts_at))
      || private.ticket_figures_json(p.capacity, p.registrations, p.seats_registered, p.seats_taken, p.cancellations,
                                     p.seats_cancelled, p.active, p.checked_in, p.waitlist_joined, p.waitlist_converted)
      order by p.starts_at desc, p.slug), '[]'::jsonb),
    'totals', private.ticket_figures_json(
      coalesce(sum(p.capacity), 0)::integer, coalesce(sum(p.registrations), 0)::bigint, coalesce(sum(p.seats_registered), 0)::bigint,
      coalesce(sum(p.seats_taken), 0)::bigint, coalesce(sum(p.cancellations), 0)::bigint, coalesce(sum(p.seats_cancelled), 0)::bigint,
      coalesce(sum(p.active), 0)::bigint, coalesce(sum(p.checked_in), 0)::bigint, coalesce(sum(p.waitlist_joined), 0)::bigint,
      coalesce(sum(p.waitlist_converted), 0)::bigint)
  )
  from per_event p;
$$;
comment on function public.get_ticket_figures() is 'Public: usage figures of the online box office per published event and in total (registrations, occupancy, cancellations, check-in rate, waiting-list conversions). Evidence of plan activity 2.3.';
revoke execute on function public.get_ticket_figures() from public, anon, authenticated;
grant execute on function public.get_ticket_figures() to anon, authenticated;
