-- Tickets, staff side: communications create and edit events; the box office reads the
-- registrations and lets tickets in at the door. Every write is audited by the triggers on the
-- tickets tables (…000200_tickets_tables.sql); these functions are their only staff writers.

-- READ MODEL: ONE EVENT AS STAFF SEE IT

create function private.staff_event_json(p_event public.events)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'slug',               p_event.slug,
    'title',              p_event.title,
    'description',        nullif(p_event.description, ''),
    'startsAt',           private.iso_time(p_event.starts_at),
    'venue',              p_event.venue,
    'capacity',           p_event.capacity,
    'remaining',          p_event.remaining,
    'maxPerRegistration', p_event.max_per_registration,
    'opensAt',            private.iso_time(p_event.opens_at),
    'closesAt',           private.iso_time(p_event.closes_at),
    'imageUrl',           p_event.image_url,
    'imageAlt',           p_event.image_alt,
    'status',             case
                            when p_event.status in ('draft', 'cancelled') then p_event.status
                            when now() >= p_event.starts_at then 'past'
                            when now() < p_event.opens_at then 'scheduled'
                            when now() >= p_event.closes_at then 'closed'
                            else 'open'
                          end,
    'counts', (
      select jsonb_build_object(
        'registrations',  count(*) filter (where r.status = 'active'),
        'seatsTaken',     coalesce(sum(r.quantity - r.cancelled_quantity) filter (where r.status = 'active'), 0),
        'checkedIn',      count(*) filter (where r.status = 'active' and r.checked_in_at is not null),
        'seatsCheckedIn', coalesce(sum(r.quantity - r.cancelled_quantity) filter (where r.status = 'active' and r.checked_in_at is not null), 0),
        'cancelled',      count(*) filter (where r.status = 'cancelled'),
        'waiting',        (select count(*) from public.event_waitlist_entries w
                           where w.event_id = p_event.id and w.status in ('waiting', 'offered'))
      )
      from public.event_registrations r
      where r.event_id = p_event.id
    )
  );
$$;
comment on function private.staff_event_json(public.events) is 'An event for the staff pages: its settings, where registration stands, and live counts (registered, checked in, cancelled, waiting).';
revoke execute on function private.staff_event_json(public.events) from public;

-- CREATE AND EDIT

create function private.event_fields_failure(p_event jsonb, p_opens_at timestamptz, p_closes_at timestamptz)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_fields   jsonb := '{}'::jsonb;
  v_title    text := btrim(p_event ->> 'title');
  v_venue    text := btrim(p_event ->> 'venue');
  v_capacity integer := (p_event ->> 'capacity')::integer;
  v_max      integer := (p_event ->> 'maxPerRegistration')::integer;
  v_url      text := nullif(btrim(p_event ->> 'imageUrl'), '');
begin
  if v_title is null or char_length(v_title) not between 3 and 160 then
    v_fields := v_fields || jsonb_build_object('title', 'Escriba un título de 3 a 160 caracteres.');
  end if;
  if v_venue is null or char_length(v_venue) not between 2 and 160 then
    v_fields := v_fields || jsonb_build_object('venue', 'Escriba el lugar, de 2 a 160 caracteres.');
  end if;
  if char_length(coalesce(p_event ->> 'description', '')) > 4000 then
    v_fields := v_fields || jsonb_build_object('description', 'La descripción admite máximo 4.000 caracteres.');
  end if;
  if (p_event ->> 'startsAt') is null then
    v_fields := v_fields || jsonb_build_object('startsAt', 'Indique la fecha y la hora del evento.');
  end if;
  if v_capacity is null or v_capacity not between 1 and 100000 then
    v_fields := v_fields || jsonb_build_object('capacity', 'El aforo debe ser un número entero entre 1 y 100.000.');
  end if;
  if v_max is null or v_max not between 1 and 20 then
    v_fields := v_fields || jsonb_build_object('maxPerRegistration', 'El límite por persona debe estar entre 1 y 20 boletas.');
  elsif v_max > v_capacity then
    v_fields := v_fields || jsonb_build_object('maxPerRegistration', 'El límite por persona no puede superar el aforo.');
  end if;
  if v_url is not null and (v_url !~ '^(https://|/)' or v_url ~ '^//' or v_url ~ '\s' or char_length(v_url) > 2000) then
    v_fields := v_fields || jsonb_build_object('imageUrl', 'La imagen debe ser una dirección https:// o una ruta de este sitio que empiece por /.');
  elsif v_url is not null and nullif(btrim(p_event ->> 'imageAlt'), '') is null then
    v_fields := v_fields || jsonb_build_object('imageAlt', 'Describa la imagen para quien no la ve (texto alternativo).');
  elsif char_length(coalesce(p_event ->> 'imageAlt', '')) > 300 then
    v_fields := v_fields || jsonb_build_object('imageAlt', 'El texto alternativo admite máximo 300 caracteres.');
  end if;
  if p_closes_at > (p_event ->> 'startsAt')::timestamptz then
    v_fields := v_fields || jsonb_build_object('closesAt', 'Las inscripciones deben cerrar antes de que empiece el evento, o a la misma hora.');
  elsif p_closes_at <= p_opens_at then
    v_fields := v_fields || jsonb_build_object('closesAt', 'Las inscripciones deben cerrar después de abrir: revise la apertura, el cierre y la fecha del evento.');
  end if;
  return case when v_fields = '{}'::jsonb then null
              else private.failure('validation_failed', 'Revise los datos marcados.', v_fields) end;
end;
$$;
comment on function private.event_fields_failure(jsonb, timestamptz, timestamptz) is 'The validation failure of an event''s settings, or null when they are valid (the app validates first; this is the gate).';
revoke execute on function private.event_fields_failure(jsonb, timestamptz, timestamptz) from public;

create function public.staff_save_event(p_slug text, p_event jsonb, p_create boolean)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on events; the role check below is the
-- gate, and the audit triggers record the caller from the JWT claims.
security definer
set search_path = ''
as $$
declare
  v_starts   timestamptz;
  v_opens    timestamptz;
  v_closes   timestamptz;
  v_capacity integer;
  v_current  public.events;
  v_event    public.events;
  v_failure  jsonb;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'Su rol no permite crear ni editar eventos. Pida el rol de comunicaciones.');
  end if;

  if not p_create then
    select * into v_current from public.events where slug = p_slug;
    if not found then
      return private.failure('not_found', 'No existe un evento con esa dirección.');
    end if;
  elsif p_slug is null or p_slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or char_length(p_slug) > 80 then
    return private.failure('validation_failed', 'Revise los datos marcados.',
      jsonb_build_object('slug', 'Use minúsculas sin tildes, números y guiones, por ejemplo concierto-diciembre.'));
  end if;

  v_starts := (p_event ->> 'startsAt')::timestamptz;
  -- No opening time: a new event opens at once, an edited one keeps its own. No closing time: it
  -- closes when the event starts (the contract's defaults).
  v_opens := coalesce((p_event ->> 'opensAt')::timestamptz, v_current.opens_at, now());
  v_closes := coalesce((p_event ->> 'closesAt')::timestamptz, v_starts);
  v_failure := private.event_fields_failure(p_event, v_opens, v_closes);
  if v_failure is not null then
    return v_failure;
  end if;
  v_capacity := (p_event ->> 'capacity')::integer;

  if p_create then
    insert into public.events
      (slug, title, description, venue, starts_at, capacity, remaining, max_per_registration, opens_at, closes_at, image_url, image_alt)
    values
      (p_slug, btrim(p_event ->> 'title'), coalesce(btrim(p_event ->> 'description'), ''), btrim(p_event ->> 'venue'), v_starts,
       v_capacity, v_capacity, (p_event ->> 'maxPerRegistration')::integer, v_opens, v_closes,
       nullif(btrim(p_event ->> 'imageUrl'), ''), nullif(btrim(p_event ->> 'imageAlt'), ''))
    on conflict (slug) do nothing
    returning * into v_event;
    if not found then
      return private.failure('duplicate', 'Ya existe un evento con esa dirección. Elija otra.',
        jsonb_build_object('slug', 'Ya existe un evento con esta dirección. Elija otra.'));
    end if;
  else
    -- The aforo moves `remaining` by the same difference in this one statement, and only while no
    -- fewer seats than those already taken (or held for the waiting list) would be left: a seat
    -- claimed at this very moment is either counted here or refused there, never both.
    update public.events e
    set title                = btrim(p_event ->> 'title'),
        description          = coalesce(btrim(p_event ->> 'description'), ''),
        venue                = btrim(p_event ->> 'venue'),
        starts_at            = v_starts,
        capacity             = v_capacity,
        remaining            = e.remaining + (v_capacity - e.capacity),
        max_per_registration = (p_event ->> 'maxPerRegistration')::integer,
        opens_at             = v_opens,
        closes_at            = v_closes,
        image_url            = nullif(btrim(p_event ->> 'imageUrl'), ''),
        image_alt            = nullif(btrim(p_event ->> 'imageAlt'), ''),
        updated_at           = now()
    where e.id = v_current.id
      and e.remaining + (v_capacity - e.capacity) >= 0
    returning * into v_event;
    if not found then
      select * into v_current from public.events where id = v_current.id;
      return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('capacity',
        format('El aforo no puede ser menor que los %s cupos ya tomados o reservados. Escriba %s o más.',
               v_current.capacity - v_current.remaining, v_current.capacity - v_current.remaining)));
    end if;
    -- New seats go to the waiting line first (in this transaction, as a cancellation's do), so
    -- people who waited are not overtaken by whoever registers next.
    if v_event.capacity > v_current.capacity then
      perform private.offer_seats(v_event.id);
      select * into v_event from public.events where id = v_event.id;
    end if;
  end if;

  return jsonb_build_object('ok', true, 'value', private.staff_event_json(v_event));
exception
  -- A date or number the app let through but Postgres cannot read, or a table rule: the contract's
  -- 422, never a 500 with SQL in it.
  when invalid_datetime_format or datetime_field_overflow or invalid_text_representation or numeric_value_out_of_range or check_violation then
    return private.failure('validation_failed', 'Revise los datos del evento: hay una fecha o un número que no es válido.');
end;
$$;
comment on function public.staff_save_event(text, jsonb, boolean) is 'Staff (admin, communications): creates (p_create) or edits the event p_slug. Capacity may grow (new seats offered to the waiting list first), and shrink only down to the seats taken.';
revoke execute on function public.staff_save_event(text, jsonb, boolean) from public, anon, authenticated;
grant execute on function public.staff_save_event(text, jsonb, boolean) to authenticated;

-- LISTS

create function public.staff_list_events()
returns jsonb
language plpgsql
stable
-- security definer: the counts read registrations and the waiting list, which staff reach only
-- through these functions; no personal data leaves.
security definer
set search_path = ''
as $$
begin
  if not (private.has_staff_role('box_office') or private.has_staff_role('communications')) then
    return private.failure('forbidden', 'Su rol no permite ver los eventos. Pida el rol de taquilla o de comunicaciones.');
  end if;
  -- Upcoming first (soonest on top), then past ones (latest on top).
  return jsonb_build_object('ok', true, 'value', coalesce((
    select jsonb_agg(private.staff_event_json(e)
                     order by (e.starts_at < now()), case when e.starts_at >= now() then e.starts_at end, e.starts_at desc)
    from public.events e
  ), '[]'::jsonb));
end;
$$;
comment on function public.staff_list_events() is 'Staff (admin, communications, box_office): every event with its live counts.';
revoke execute on function public.staff_list_events() from public, anon, authenticated;
grant execute on function public.staff_list_events() to authenticated;

create function public.staff_get_event(p_slug text)
returns jsonb
language plpgsql
stable
-- security definer: as staff_list_events.
security definer
set search_path = ''
as $$
declare
  v_event public.events;
begin
  if not (private.has_staff_role('box_office') or private.has_staff_role('communications')) then
    return private.failure('forbidden', 'Su rol no permite ver los eventos. Pida el rol de taquilla o de comunicaciones.');
  end if;
  select * into v_event from public.events where slug = p_slug;
  if not found then
    return private.failure('not_found', 'No existe un evento con esa dirección.');
  end if;
  return jsonb_build_object('ok', true, 'value', private.staff_event_json(v_event));
end;
$$;
comment on function public.staff_get_event(text) is 'Staff (admin, communications, box_office): one event with its live counts.';
revoke execute on function public.staff_get_event(text) from public, anon, authenticated;
grant execute on function public.staff_get_event(text) to authenticated;

create function public.staff_list_registrations(p_event_slug text, p_query text default null, p_limit integer default 50, p_offset integer default 0)
returns jsonb
language plpgsql
stable
-- security definer: registrations carry personal data and have no policies; the role check below
-- is the gate (the box office needs the door list, communications the attendance).
security definer
set search_path = ''
as $$
declare
  v_event_id bigint;
  v_query    text := nullif(btrim(p_query), '');
  -- What was typed, as a pattern with its own % and _ taken literally.
  v_like     text := '%' || replace(replace(replace(v_query, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  -- A code or a document as stored: capitals and digits only.
  v_bare     text := regexp_replace(upper(coalesce(v_query, '')), '[^0-9A-Z]', '', 'g');
begin
  if not (private.has_staff_role('box_office') or private.has_staff_role('communications')) then
    return private.failure('forbidden', 'Su rol no permite ver las inscripciones. Pida el rol de taquilla.');
  end if;
  select id into v_event_id from public.events where slug = p_event_slug;
  if not found then
    return private.failure('not_found', 'No existe un evento con esa dirección.');
  end if;

  return jsonb_build_object('ok', true, 'value', (
    with found as (
      select r.*, count(*) over () as total
      from public.event_registrations r
      where r.event_id = v_event_id
        and (v_query is null
             or r.full_name ilike v_like
             or r.email ilike v_like
             or (v_bare <> '' and (replace(r.code, '-', '') like v_bare || '%' or r.document_id like v_bare || '%')))
      order by lower(r.full_name), r.created_at
      limit p_limit offset greatest(p_offset, 0)
    )
    select jsonb_build_object(
      'total',    coalesce(max(f.total), 0),
      'page',     case when p_limit is null then 1 else greatest(p_offset, 0) / p_limit + 1 end,
      'pageSize', p_limit,
      'items',    coalesce(jsonb_agg(jsonb_build_object(
        'code',         f.code,
        'fullName',     f.full_name,
        'documentType', f.document_type,
        'documentId',   f.document_id,
        'email',        f.email,
        'phone',        f.phone,
        'quantity',     f.quantity - f.cancelled_quantity,
        'status',       case when f.status = 'cancelled' then 'cancelled'
                             when f.checked_in_at is not null then 'checked_in'
                             else 'active' end,
        'createdAt',    private.iso_time(f.created_at),
        'cancelledAt',  private.iso_time(f.cancelled_at),
        'checkedInAt',  private.iso_time(f.checked_in_at),
        'checkedInBy',  f.checked_in_by
      ) order by lower(f.full_name), f.created_at), '[]'::jsonb)
    )
    from found f
  ));
end;
$$;
comment on function public.staff_list_registrations(text, text, integer, integer) is 'Staff (admin, communications, box_office): a page of an event''s registrations, searched by code, name, document or e-mail; p_limit null returns them all (CSV export).';
revoke execute on function public.staff_list_registrations(text, text, integer, integer) from public, anon, authenticated;
grant execute on function public.staff_list_registrations(text, text, integer, integer) to authenticated;

-- CHECK-IN

create function public.staff_check_in(p_event_slug text, p_code text)
returns jsonb
language plpgsql
-- security definer: authenticated cannot update registrations; the role check below is the gate,
-- and the check-in audit trigger records who let the ticket in.
security definer
set search_path = ''
as $$
declare
  v_actor jsonb := private.staff_actor();
  v_by    text := coalesce(v_actor ->> 'email', v_actor ->> 'sub');
  v_row   record;
begin
  if not private.has_staff_role('box_office') then
    return private.failure('forbidden', 'Su rol no permite registrar ingresos. Pida el rol de taquilla.');
  end if;

  -- One conditional update: of two doors scanning the same ticket at once, exactly one finds it
  -- not yet used; the other waits for that row, sees it used and is refused below.
  update public.event_registrations r
  set checked_in_at = now(),
      checked_in_by = v_by
  from public.events e
  where r.code = p_code
    and r.event_id = e.id
    and e.slug = p_event_slug
    and r.status = 'active'
    and r.checked_in_at is null
  returning r.code, r.full_name, r.quantity - r.cancelled_quantity as seats, r.checked_in_at, r.checked_in_by into v_row;
  if found then
    return jsonb_build_object('ok', true, 'value', jsonb_build_object(
      'code',        v_row.code,
      'eventSlug',   p_event_slug,
      'fullName',    v_row.full_name,
      'quantity',    v_row.seats,
      'checkedInAt', private.iso_time(v_row.checked_in_at),
      'checkedInBy', v_row.checked_in_by
    ));
  end if;

  -- Refused: say why, so the person at the door can explain it.
  select r.status, r.checked_in_at, r.checked_in_by, r.cancelled_at, e.slug, e.title
  into v_row
  from public.event_registrations r
  join public.events e on e.id = r.event_id
  where r.code = p_code;
  if not found then
    return private.failure('not_found', format('No existe ninguna boleta con el código %s. Revise que esté bien escrito.', p_code));
  elsif v_row.slug <> p_event_slug then
    return private.failure('not_found', format('La boleta %s no es de este evento: es de «%s».', p_code, v_row.title));
  elsif v_row.status = 'cancelled' then
    return private.failure('closed', format('La boleta %s fue cancelada el %s y no da ingreso.', p_code,
      to_char(v_row.cancelled_at at time zone 'America/Bogota', 'DD/MM/YYYY "a las" HH24:MI')));
  end if;
  return private.failure('duplicate', format('La boleta %s ya se usó: ingresó el %s (hora de Colombia), registrada por %s.', p_code,
    to_char(v_row.checked_in_at at time zone 'America/Bogota', 'DD/MM/YYYY "a las" HH24:MI'), coalesce(v_row.checked_in_by, 'el sistema')));
end;
$$;
comment on function public.staff_check_in(text, text) is 'Staff (admin, box_office): lets a ticket of the event in, once; a second time says when and by whom it was used.';
revoke execute on function public.staff_check_in(text, text) from public, anon, authenticated;
grant execute on function public.staff_check_in(text, text) to authenticated;
