-- Advisory bookings, staff side: admins register advisors, their weekly rules, days off and extra
-- slots; each advisor reads their own agenda (admins all of them) and records attendance and the
-- advice given. The scheduled job queues reminders and rolls the slots forward. Every staff write is
-- audited by the triggers of …000400_advisory_tables.sql; these functions are their only staff writers.

-- WHO IS ASKING

create function private.caller_advisor_id()
returns uuid
language sql
stable
set search_path = ''
as $$
  select a.id from public.advisors a where a.email = lower(nullif(auth.jwt() ->> 'email', ''));
$$;
comment on function private.caller_advisor_id() is 'The advisor the signed-in staff member is (same e-mail), or null.';
revoke execute on function private.caller_advisor_id() from public;

create function private.may_read_advisor(p_advisor_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  -- Admins see every agenda; an advisor only their own.
  select private.has_staff_role('admin')
      or (private.has_staff_role('advisor') and p_advisor_id = private.caller_advisor_id());
$$;
comment on function private.may_read_advisor(uuid) is 'True for admins, and for the advisor whose agenda it is.';
revoke execute on function private.may_read_advisor(uuid) from public;

-- SLOTS FROM WEEKLY RULES

create function private.generate_advisory_slots(p_advisor_id uuid default null)
returns integer
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_today date := (now() at time zone 'America/Bogota')::date;
  v_added integer := 0;
  v_count integer;
begin
  -- Every rule's sessions on each working day (private.is_working_day: Monday to Friday, not a Colombian
  -- public holiday) up to the horizon, skipping days off and anything overlapping an existing slot.
  -- Wall-clock times are Bogotá's: 8:00 stays 8:00 whatever the UTC date of the instant.
  insert into public.advisory_slots (advisor_id, starts_at, ends_at, source)
  select c.advisor_id, c.starts_at, c.ends_at, 'rule'
  from (
    select r.advisor_id,
           (d.day + r.starts + make_interval(mins => k * (r.session_minutes + r.buffer_minutes))) at time zone 'America/Bogota' as starts_at,
           (d.day + r.starts + make_interval(mins => k * (r.session_minutes + r.buffer_minutes) + r.session_minutes)) at time zone 'America/Bogota' as ends_at
    from public.advisor_weekly_rules r
    join public.advisors a on a.id = r.advisor_id and a.active
    cross join lateral (
      select g::date as day
      from generate_series(v_today, v_today + extract(day from private.advisory_horizon())::integer, interval '1 day') g
    ) d
    cross join lateral generate_series(0, (extract(epoch from r.ends - r.starts)::integer / 60 - r.session_minutes)
                                           / (r.session_minutes + r.buffer_minutes)) k
    where (p_advisor_id is null or r.advisor_id = p_advisor_id)
      and extract(isodow from d.day) = r.weekday
      and private.is_working_day(d.day)
      and not exists (select from public.advisor_days_off o where o.advisor_id = r.advisor_id and o.day = d.day)
  ) c
  where c.starts_at > now()
    and not exists (
      select from public.advisory_slots s
      where s.advisor_id = c.advisor_id and s.status = 'open'
        and s.starts_at < c.ends_at and c.starts_at < s.ends_at)
  on conflict (advisor_id, starts_at) do update set status = 'open', ends_at = excluded.ends_at
    where public.advisory_slots.status = 'withdrawn';
  get diagnostics v_count = row_count;
  v_added := v_added + v_count;
  return v_added;
end;
$$;
comment on function private.generate_advisory_slots(uuid) is 'Adds the slots the weekly rules give from today to the horizon on working days (no public holidays, no days off), for one advisor or all; returns how many.';
revoke execute on function private.generate_advisory_slots(uuid) from public;

-- ADVISORS

create function private.advisor_json(p_advisor public.advisors)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id',         p_advisor.id,
    'name',       p_advisor.name,
    'email',      p_advisor.email,
    'topics',     to_jsonb(p_advisor.topics),
    'mode',       p_advisor.mode,
    'venue',      p_advisor.venue,
    'meetingUrl', p_advisor.meeting_url,
    'active',     p_advisor.active,
    'rules', coalesce((
      select jsonb_agg(jsonb_build_object(
        'weekday', r.weekday, 'starts', to_char(r.starts, 'HH24:MI'), 'ends', to_char(r.ends, 'HH24:MI'),
        'sessionMinutes', r.session_minutes, 'bufferMinutes', r.buffer_minutes) order by r.weekday, r.starts)
      from public.advisor_weekly_rules r where r.advisor_id = p_advisor.id), '[]'::jsonb),
    'daysOff', coalesce((
      select jsonb_agg(jsonb_build_object('day', o.day, 'reason', o.reason) order by o.day)
      from public.advisor_days_off o where o.advisor_id = p_advisor.id and o.day >= (now() at time zone 'America/Bogota')::date), '[]'::jsonb)
  );
$$;
comment on function private.advisor_json(public.advisors) is 'An advisor as staff see them: contact, topics, mode, weekly rules and upcoming days off.';
revoke execute on function private.advisor_json(public.advisors) from public;

create function private.advisor_rules_failure(p_rules jsonb)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_rule jsonb;
  v_i    integer := 0;
begin
  if jsonb_typeof(coalesce(p_rules, '[]'::jsonb)) <> 'array' or jsonb_array_length(coalesce(p_rules, '[]'::jsonb)) > 30 then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('rules', 'Escriba hasta 30 reglas semanales.'));
  end if;
  for v_rule in select * from jsonb_array_elements(coalesce(p_rules, '[]'::jsonb)) loop
    if (v_rule ->> 'weekday') !~ '^[1-7]$'
       or (v_rule ->> 'starts') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' or (v_rule ->> 'ends') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
       or (v_rule ->> 'ends') <= (v_rule ->> 'starts')
       or coalesce((v_rule ->> 'sessionMinutes')::text, '45') !~ '^[0-9]{2,3}$'
       or coalesce((v_rule ->> 'sessionMinutes')::integer, 45) not between 15 and 240
       or coalesce((v_rule ->> 'bufferMinutes')::text, '15') !~ '^[0-9]{1,3}$'
       or coalesce((v_rule ->> 'bufferMinutes')::integer, 15) > 120 then
      return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object(format('rules.%s', v_i),
        'Cada regla necesita el día (1 lunes … 7 domingo), la hora de inicio y la de fin (HH:MM, fin después del inicio), sesiones de 15 a 240 minutos y un descanso de 0 a 120.'));
    end if;
    v_i := v_i + 1;
  end loop;
  return null;
end;
$$;
comment on function private.advisor_rules_failure(jsonb) is 'The validation failure of a list of weekly rules, or null.';
revoke execute on function private.advisor_rules_failure(jsonb) from public;

create function private.write_advisor_rules(p_advisor_id uuid, p_rules jsonb)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  delete from public.advisor_weekly_rules where advisor_id = p_advisor_id;
  insert into public.advisor_weekly_rules (advisor_id, weekday, starts, ends, session_minutes, buffer_minutes)
  select p_advisor_id, (r ->> 'weekday')::integer, (r ->> 'starts')::time, (r ->> 'ends')::time,
         coalesce((r ->> 'sessionMinutes')::integer, 45), coalesce((r ->> 'bufferMinutes')::integer, 15)
  from jsonb_array_elements(coalesce(p_rules, '[]'::jsonb)) r;
  -- Free future slots of the old rules go; booked ones stay booked (the advisor keeps that appointment).
  update public.advisory_slots set status = 'withdrawn'
  where advisor_id = p_advisor_id and source = 'rule' and status = 'open' and booking_id is null and starts_at > now();
  perform private.generate_advisory_slots(p_advisor_id);
end;
$$;
comment on function private.write_advisor_rules(uuid, jsonb) is 'Replaces an advisor''s weekly rules and their free future slots.';
revoke execute on function private.write_advisor_rules(uuid, jsonb) from public;

create function public.staff_create_advisor(p_advisor jsonb)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on advisors; the role check is the gate, the
-- audit triggers record the caller from the JWT claims.
security definer
set search_path = ''
as $$
declare
  v_fields  jsonb := '{}'::jsonb;
  v_name    text := private.normalise_text(p_advisor ->> 'name');
  v_email   text := lower(private.normalise_text(p_advisor ->> 'email'));
  v_mode    text := coalesce(p_advisor ->> 'mode', 'in_person');
  v_venue   text := private.normalise_text(p_advisor ->> 'venue');
  v_url     text := private.normalise_text(p_advisor ->> 'meetingUrl');
  v_topics  text[];
  v_failure jsonb;
  v_advisor public.advisors;
begin
  if not private.has_staff_role('admin') then
    return private.failure('forbidden', 'Solo un administrador registra asesores.');
  end if;
  select coalesce(array_agg(distinct t), '{}') into v_topics from jsonb_array_elements_text(coalesce(p_advisor -> 'topics', '[]'::jsonb)) t;
  if v_name is null or char_length(v_name) not between 3 and 120 then
    v_fields := v_fields || jsonb_build_object('name', 'Escriba el nombre del asesor (entre 3 y 120 caracteres).');
  end if;
  if v_email is null or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or char_length(v_email) > 254 then
    v_fields := v_fields || jsonb_build_object('email', 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.');
  end if;
  if cardinality(v_topics) = 0 or exists (select from unnest(v_topics) t where t not in (select key from public.advisory_topics)) then
    v_fields := v_fields || jsonb_build_object('topics', 'Elija uno o más temas de la lista.');
  end if;
  if v_mode not in ('in_person', 'online') then
    v_fields := v_fields || jsonb_build_object('mode', 'Elija la modalidad: presencial o virtual.');
  elsif v_mode = 'in_person' and (v_venue is null or char_length(v_venue) > 200) then
    v_fields := v_fields || jsonb_build_object('venue', 'Escriba el lugar de las asesorías presenciales (máximo 200 caracteres).');
  elsif v_mode = 'online' and (v_url is null or v_url !~ '^https://\S+$' or char_length(v_url) > 500) then
    v_fields := v_fields || jsonb_build_object('meetingUrl', 'Escriba el enlace de la reunión virtual (https://…).');
  end if;
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;
  v_failure := private.advisor_rules_failure(p_advisor -> 'rules');
  if v_failure is not null then
    return v_failure;
  end if;

  insert into public.advisors (name, email, topics, mode, venue, meeting_url)
  values (v_name, v_email, v_topics, v_mode, case when v_mode = 'in_person' then v_venue end, case when v_mode = 'online' then v_url end)
  on conflict (email) do nothing
  returning * into v_advisor;
  if v_advisor.id is null then
    return private.failure('duplicate', 'Ya hay un asesor con ese correo.', jsonb_build_object('email', 'Ya hay un asesor con este correo.'));
  end if;
  perform private.write_advisor_rules(v_advisor.id, p_advisor -> 'rules');
  return jsonb_build_object('ok', true, 'value', private.advisor_json(v_advisor));
end;
$$;
comment on function public.staff_create_advisor(jsonb) is 'Registers an advisor {name, email, topics, mode, venue | meetingUrl, rules?} (admins); the weekly rules generate their slots at once. Returns the advisor.';
revoke execute on function public.staff_create_advisor(jsonb) from public, anon, authenticated;
grant execute on function public.staff_create_advisor(jsonb) to authenticated;

create function public.staff_set_advisor_rules(p_advisor_id uuid, p_rules jsonb)
returns jsonb
language plpgsql
-- security definer: as staff_create_advisor.
security definer
set search_path = ''
as $$
declare
  v_failure jsonb;
  v_advisor public.advisors;
begin
  if not private.has_staff_role('admin') then
    return private.failure('forbidden', 'Solo un administrador cambia la disponibilidad de los asesores.');
  end if;
  select * into v_advisor from public.advisors where id = p_advisor_id for update;
  if not found then
    return private.failure('not_found', 'No existe ese asesor.');
  end if;
  v_failure := private.advisor_rules_failure(p_rules);
  if v_failure is not null then
    return v_failure;
  end if;
  perform private.write_advisor_rules(v_advisor.id, p_rules);
  return jsonb_build_object('ok', true, 'value', private.advisor_json(v_advisor));
end;
$$;
comment on function public.staff_set_advisor_rules(uuid, jsonb) is 'Replaces an advisor''s weekly rules (admins); free future slots follow the new rules, booked ones stay.';
revoke execute on function public.staff_set_advisor_rules(uuid, jsonb) from public, anon, authenticated;
grant execute on function public.staff_set_advisor_rules(uuid, jsonb) to authenticated;

create function public.staff_add_advisor_day_off(p_advisor_id uuid, p_day date, p_reason text default null)
returns jsonb
language plpgsql
-- security definer: as staff_create_advisor.
security definer
set search_path = ''
as $$
declare
  v_withdrawn integer;
  v_booked    integer;
begin
  if not private.has_staff_role('admin') then
    return private.failure('forbidden', 'Solo un administrador registra días sin asesorías.');
  elsif not exists (select from public.advisors where id = p_advisor_id) then
    return private.failure('not_found', 'No existe ese asesor.');
  elsif p_day is null or p_day < (now() at time zone 'America/Bogota')::date then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('day', 'Elija un día de hoy en adelante.'));
  end if;
  insert into public.advisor_days_off (advisor_id, day, reason) values (p_advisor_id, p_day, left(private.normalise_text(p_reason), 200))
  on conflict (advisor_id, day) do nothing;
  update public.advisory_slots set status = 'withdrawn'
  where advisor_id = p_advisor_id and status = 'open' and booking_id is null
    and starts_at >= private.bogota_day_start(p_day) and starts_at < private.bogota_day_start(p_day + 1);
  get diagnostics v_withdrawn = row_count;
  select count(*) into v_booked from public.advisory_slots
  where advisor_id = p_advisor_id and booking_id is not null
    and starts_at >= private.bogota_day_start(p_day) and starts_at < private.bogota_day_start(p_day + 1);
  -- Booked sessions that day are not cancelled behind the citizen's back: staff call them to move it.
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('day', p_day, 'withdrawn', v_withdrawn, 'stillBooked', v_booked));
end;
$$;
comment on function public.staff_add_advisor_day_off(uuid, date, text) is 'Marks a day off (admins): the free slots of that day are withdrawn; returns how many, and how many booked ones staff must move.';
revoke execute on function public.staff_add_advisor_day_off(uuid, date, text) from public, anon, authenticated;
grant execute on function public.staff_add_advisor_day_off(uuid, date, text) to authenticated;

create function public.staff_create_advisory_slot(p_advisor_id uuid, p_starts_at timestamptz, p_ends_at timestamptz)
returns jsonb
language plpgsql
-- security definer: as staff_create_advisor.
security definer
set search_path = ''
as $$
declare
  v_advisor public.advisors;
  v_id      uuid;
begin
  if not private.has_staff_role('admin') then
    return private.failure('forbidden', 'Solo un administrador agrega horarios de asesoría.');
  end if;
  -- The advisor row lock serialises slot changes of one advisor: the overlap check below then holds.
  select * into v_advisor from public.advisors where id = p_advisor_id for update;
  if not found then
    return private.failure('not_found', 'No existe ese asesor.');
  elsif p_starts_at is null or p_starts_at <= now() then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('startsAt', 'Elija una fecha y hora futuras.'));
  elsif p_ends_at is null or p_ends_at <= p_starts_at or p_ends_at > p_starts_at + interval '4 hours' then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('endsAt', 'La sesión debe terminar después de empezar, y durar máximo 4 horas.'));
  elsif exists (select from public.advisory_slots s where s.advisor_id = p_advisor_id and s.status = 'open'
                and s.starts_at < p_ends_at and p_starts_at < s.ends_at) then
    return private.failure('duplicate', 'El asesor ya tiene un horario que se cruza con ese.', jsonb_build_object('startsAt', 'Se cruza con otro horario del asesor.'));
  end if;
  insert into public.advisory_slots (advisor_id, starts_at, ends_at, source)
  values (p_advisor_id, p_starts_at, p_ends_at, 'extra')
  on conflict (advisor_id, starts_at) do update set status = 'open', ends_at = excluded.ends_at, source = 'extra'
  returning id into v_id;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', v_id));
end;
$$;
comment on function public.staff_create_advisory_slot(uuid, timestamptz, timestamptz) is 'Adds one extra slot to an advisor''s agenda (admins); refused when it overlaps another. Returns {id}.';
revoke execute on function public.staff_create_advisory_slot(uuid, timestamptz, timestamptz) from public, anon, authenticated;
grant execute on function public.staff_create_advisory_slot(uuid, timestamptz, timestamptz) to authenticated;

create function public.staff_list_advisors()
returns jsonb
language sql
stable
-- security definer: authenticated cannot read advisors; the filter below is the rule.
security definer
set search_path = ''
as $$
  select jsonb_build_object('ok', true, 'value', coalesce(jsonb_agg(private.advisor_json(a) order by a.name), '[]'::jsonb))
  from public.advisors a
  where private.may_read_advisor(a.id);
$$;
comment on function public.staff_list_advisors() is 'Advisors the caller may see: all for admins, themselves for an advisor.';
revoke execute on function public.staff_list_advisors() from public, anon, authenticated;
grant execute on function public.staff_list_advisors() to authenticated;

-- AGENDA

create function private.staff_booking_json(p_booking public.advisory_bookings)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.advisory_booking_json(p_booking) - 'changeable' || jsonb_build_object(
    'documentType', p_booking.document_type,
    'documentId',   p_booking.document_id,
    'phone',        p_booking.phone,
    'advisorId',    p_booking.advisor_id,
    'record', (select jsonb_build_object(
                 'attendance', r.attendance, 'topicsCovered', to_jsonb(r.topics_covered), 'nextSteps', r.next_steps,
                 'referral', r.referral, 'recordedBy', r.recorded_by, 'recordedAt', private.iso_time(r.recorded_at))
               from public.advisory_records r where r.booking_id = p_booking.id)
  );
$$;
comment on function private.staff_booking_json(public.advisory_bookings) is 'A booking as its advisor sees it: the intake answers, contact and the advice record.';
revoke execute on function private.staff_booking_json(public.advisory_bookings) from public;

create function public.staff_advisory_agenda(p_from date, p_to date, p_advisor_id uuid default null)
returns jsonb
language plpgsql
stable
-- security definer: bookings hold personal data; may_read_advisor is the rule (own agenda, or admin).
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('advisor') then
    return private.failure('forbidden', 'Su rol no permite ver agendas de asesoría.');
  elsif p_from is null or p_to is null or p_to - p_from not between 0 and 31 then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('to', 'Elija un rango de máximo 31 días.'));
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'from', p_from, 'to', p_to,
    'slots', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', s.id, 'startsAt', private.iso_time(s.starts_at), 'endsAt', private.iso_time(s.ends_at),
               'advisorId', a.id, 'advisor', a.name, 'source', s.source,
               'booking', (select private.staff_booking_json(b) from public.advisory_bookings b where b.id = s.booking_id))
             order by s.starts_at, a.name)
      from public.advisory_slots s
      join public.advisors a on a.id = s.advisor_id
      where s.status = 'open'
        and (p_advisor_id is null or a.id = p_advisor_id)
        and private.may_read_advisor(a.id)
        and s.starts_at >= private.bogota_day_start(p_from) and s.starts_at < private.bogota_day_start(p_to + 1)), '[]'::jsonb)));
end;
$$;
comment on function public.staff_advisory_agenda(date, date, uuid) is 'Slots between two Bogotá days with their bookings and records: own agenda for an advisor, all (or one advisor''s) for admins.';
revoke execute on function public.staff_advisory_agenda(date, date, uuid) from public, anon, authenticated;
grant execute on function public.staff_advisory_agenda(date, date, uuid) to authenticated;

create function public.staff_get_advisory_booking(p_code text)
returns jsonb
language sql
stable
-- security definer: as staff_advisory_agenda.
security definer
set search_path = ''
as $$
  select coalesce(
    (select jsonb_build_object('ok', true, 'value', private.staff_booking_json(b))
     from public.advisory_bookings b
     where b.code = upper(btrim(coalesce(p_code, ''))) and private.may_read_advisor(b.advisor_id)),
    private.failure('not_found', 'No existe esa reserva en su agenda.'));
$$;
comment on function public.staff_get_advisory_booking(text) is 'One booking of the caller''s agenda (any for admins) with its intake answers and record.';
revoke execute on function public.staff_get_advisory_booking(text) from public, anon, authenticated;
grant execute on function public.staff_get_advisory_booking(text) to authenticated;

-- THE ADVICE RECORD

create function public.staff_record_advisory_session(p_code text, p_record jsonb)
returns jsonb
language plpgsql
-- security definer: as staff_advisory_agenda; only the booking's advisor (or an admin) records it.
security definer
set search_path = ''
as $$
declare
  v_booking    public.advisory_bookings;
  v_attendance text := p_record ->> 'attendance';
  v_topics     text[];
  v_next       text := nullif(btrim(p_record ->> 'nextSteps'), '');
  v_referral   text := private.normalise_text(p_record ->> 'referral');
  v_fields     jsonb := '{}'::jsonb;
  v_first      boolean;
begin
  if not private.has_staff_role('advisor') then
    return private.failure('forbidden', 'Su rol no permite registrar asesorías.');
  end if;
  select * into v_booking from public.advisory_bookings
  where code = upper(btrim(coalesce(p_code, ''))) and private.may_read_advisor(advisor_id)
  for update;
  if not found then
    return private.failure('not_found', 'No existe esa reserva en su agenda.');
  elsif v_booking.status = 'cancelled' then
    return private.failure('closed', 'La reserva fue cancelada: no hay sesión que registrar.');
  elsif v_booking.starts_at > now() then
    return private.failure('closed', 'La asistencia se registra cuando empieza la sesión.');
  end if;

  select coalesce(array_agg(distinct t), '{}') into v_topics from jsonb_array_elements_text(coalesce(p_record -> 'topicsCovered', '[]'::jsonb)) t;
  if v_attendance is null or v_attendance not in ('attended', 'no_show') then
    v_fields := v_fields || jsonb_build_object('attendance', 'Indique si la persona asistió o no.');
  elsif v_attendance = 'attended' then
    if cardinality(v_topics) = 0 or exists (select from unnest(v_topics) t where t not in (select key from public.advisory_topics)) then
      v_fields := v_fields || jsonb_build_object('topicsCovered', 'Marque uno o más temas tratados.');
    end if;
    if v_next is null or char_length(v_next) > 2000 then
      v_fields := v_fields || jsonb_build_object('nextSteps', 'Escriba los próximos pasos acordados (máximo 2.000 caracteres).');
    end if;
    if char_length(v_referral) > 300 then
      v_fields := v_fields || jsonb_build_object('referral', 'La remisión admite máximo 300 caracteres.');
    end if;
  end if;
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  v_first := not exists (select from public.advisory_records where booking_id = v_booking.id);
  insert into public.advisory_records (booking_id, attendance, topics_covered, next_steps, referral, recorded_by)
  values (v_booking.id, v_attendance,
          case when v_attendance = 'attended' then v_topics else '{}' end,
          case when v_attendance = 'attended' then v_next end,
          case when v_attendance = 'attended' then v_referral end,
          coalesce(private.staff_actor() ->> 'email', private.staff_actor() ->> 'sub'))
  on conflict (booking_id) do update
    set attendance = excluded.attendance, topics_covered = excluded.topics_covered, next_steps = excluded.next_steps,
        referral = excluded.referral, recorded_by = excluded.recorded_by, recorded_at = now();

  -- The satisfaction survey goes to those who came, once (the dedupe key), after the session.
  if v_attendance = 'attended' then
    perform private.enqueue_email('advisory-survey', v_booking.email, jsonb_build_object(
      'fullName', v_booking.full_name, 'startsAt', private.iso_time(v_booking.starts_at),
      'advisor', (select a.name from public.advisors a where a.id = v_booking.advisor_id),
      'surveySlug', 'satisfaccion-asesorias'), 'advisory-survey:' || v_booking.code);
  end if;

  return jsonb_build_object('ok', true, 'value', private.staff_booking_json(v_booking) || jsonb_build_object('firstRecord', v_first));
end;
$$;
comment on function public.staff_record_advisory_session(text, jsonb) is 'Records attendance (attended / no_show) and, when attended, topics covered, next steps and referral; the first "attended" queues the satisfaction survey invitation.';
revoke execute on function public.staff_record_advisory_session(text, jsonb) from public, anon, authenticated;
grant execute on function public.staff_record_advisory_session(text, jsonb) to authenticated;

-- SCHEDULED JOB

create function public.advisory_daily_work()
returns jsonb
language plpgsql
-- security definer: the job runs as service_role, which has no rights on these tables.
security definer
set search_path = ''
as $$
declare
  v_reminded integer;
  v_added    integer;
begin
  -- Reminders for sessions in the next 24 hours, once per booking (a reschedule clears reminded_at).
  with due as (
    update public.advisory_bookings b set reminded_at = now()
    where b.status = 'booked' and b.reminded_at is null
      and b.starts_at > now() and b.starts_at <= now() + interval '24 hours'
    returning b.id
  )
  select count(private.enqueue_email('advisory-reminder', b.email, private.advisory_email_payload(b, null) - 'secret',
           'advisory-reminder:' || b.code || ':' || private.iso_time(b.starts_at)))
  into v_reminded
  from due d join public.advisory_bookings b on b.id = d.id;
  -- The horizon moves a day every day: new days get their slots.
  v_added := private.generate_advisory_slots();
  return jsonb_build_object('reminded', v_reminded, 'slotsAdded', v_added);
end;
$$;
comment on function public.advisory_daily_work() is 'The advisory job: queues the 24-hour reminders and adds the slots of days entering the horizon. Returns {reminded, slotsAdded}.';
revoke execute on function public.advisory_daily_work() from public, anon, authenticated;
grant execute on function public.advisory_daily_work() to service_role;
