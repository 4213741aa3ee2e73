-- Telephone survey mode: the interviewer's queue. Take the next due contact (a 20-minute lease),
-- see it, record the outcome of the call or complete the survey on the citizen's behalf, and the
-- counts of the call list by state.

create function public.staff_next_phone_contact(p_survey_slug text)
returns jsonb
language plpgsql
-- security definer: the contact's personal data is not readable by authenticated; the role check
-- is the gate, and only the claimed contact is returned.
security definer
set search_path = ''
as $$
declare
  v_sub     text := nullif(auth.jwt() ->> 'sub', '');
  v_email   text := nullif(auth.jwt() ->> 'email', '');
  v_survey  public.surveys;
  v_contact public.phone_contacts;
begin
  if not private.has_staff_role('interviewer') or v_sub is null then
    return private.failure('forbidden', 'Solo el equipo de encuestadores puede tomar contactos de la lista.');
  end if;

  select * into v_survey from public.surveys where slug = p_survey_slug and status <> 'draft';
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;
  if v_survey.status = 'closed' or v_survey.closes_at <= now() or v_survey.opens_at > now() then
    return private.failure('closed', 'La encuesta no está abierta: no se pueden hacer llamadas.');
  end if;

  -- One claim at a time per interviewer: a double click cannot take two people.
  perform pg_advisory_xact_lock(hashtextextended('phone_queue:' || v_sub, 0));

  -- An interviewer holding an unexpired lease gets the same contact back (reload, back button).
  select * into v_contact
  from public.phone_contacts
  where survey_id = v_survey.id
    and locked_by = v_sub
    and locked_until > now()
    and status in ('pending', 'callback')
  order by locked_at desc
  limit 1;

  if not found then
    -- Due callbacks first, by the agreed time; then the rest in import order. SKIP LOCKED: two
    -- interviewers asking at the same moment take different contacts, never the same one.
    update public.phone_contacts c
    set locked_by       = v_sub,
        locked_by_email = v_email,
        locked_at       = now(),
        locked_until    = now() + interval '20 minutes'
    where c.id = (
      select q.id
      from public.phone_contacts q
      where q.survey_id = v_survey.id
        and q.status in ('pending', 'callback')
        and q.next_call_at <= now()
        and (q.locked_until is null or q.locked_until <= now())
      order by case q.status when 'callback' then 0 else 1 end,
               case when q.status = 'callback' then q.next_call_at end,
               q.id
      limit 1
      for update skip locked
    )
    returning * into v_contact;
  end if;

  if v_contact.id is null then
    return jsonb_build_object('ok', true, 'value', jsonb_build_object(
      'contact', null,
      'message', 'No hay más contactos por llamar en este momento.',
      'nextCallAt', (
        select private.iso_time(min(next_call_at))
        from public.phone_contacts
        where survey_id = v_survey.id and status in ('pending', 'callback')
      )
    ));
  end if;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object('contact', private.phone_contact_json(v_contact)));
end;
$$;
comment on function public.staff_next_phone_contact(text) is
  'Staff (interviewer): claims the next due contact of the survey for 20 minutes (due callbacks first by time, then import order), or returns the one the caller already holds; {"contact": null} when none is due.';
revoke execute on function public.staff_next_phone_contact(text) from public, anon, authenticated;
grant execute on function public.staff_next_phone_contact(text) to authenticated;

create function public.staff_get_phone_contact(p_contact_id bigint)
returns jsonb
language plpgsql
stable
-- security definer: personal data is shown only to the interviewer holding the contact's lease.
security definer
set search_path = ''
as $$
declare
  v_sub     text := nullif(auth.jwt() ->> 'sub', '');
  v_contact public.phone_contacts;
  v_error   jsonb;
begin
  if not private.has_staff_role('interviewer') or v_sub is null then
    return private.failure('forbidden', 'Solo el equipo de encuestadores puede ver los contactos de la lista.');
  end if;

  select * into v_contact from public.phone_contacts where id = p_contact_id;
  v_error := private.phone_lease_error(v_contact, v_sub);
  if v_error is not null then
    return v_error;
  end if;

  return jsonb_build_object('ok', true, 'value', private.phone_contact_json(v_contact));
end;
$$;
comment on function public.staff_get_phone_contact(bigint) is 'Staff (interviewer): the contact the caller is calling, with its history; forbidden for anyone but the lease holder.';
revoke execute on function public.staff_get_phone_contact(bigint) from public, anon, authenticated;
grant execute on function public.staff_get_phone_contact(bigint) to authenticated;

create function public.staff_record_call_outcome(
  p_contact_id  bigint,
  p_outcome     text,
  p_callback_at timestamptz default null,
  p_notes       text default null,
  p_response_id uuid default null
)
returns jsonb
language plpgsql
-- security definer: authenticated cannot write the call tables; the role and lease checks are
-- the gate, and the audit trigger records the interviewer.
security definer
set search_path = ''
as $$
declare
  v_sub     text := nullif(auth.jwt() ->> 'sub', '');
  v_notes   text := nullif(btrim(p_notes), '');
  v_fields  jsonb := '{}'::jsonb;
  v_contact public.phone_contacts;
  v_error   jsonb;
begin
  if not private.has_staff_role('interviewer') or v_sub is null then
    return private.failure('forbidden', 'Solo el equipo de encuestadores puede registrar llamadas.');
  end if;

  if p_outcome is null or p_outcome not in ('completed', 'no_answer', 'busy', 'wrong_number', 'refused', 'callback') then
    v_fields := v_fields || jsonb_build_object('outcome', 'Elija el resultado de la llamada.');
  elsif p_outcome = 'callback' and p_callback_at is null then
    v_fields := v_fields || jsonb_build_object('callbackAt', 'Indique la fecha y la hora acordadas para volver a llamar.');
  elsif p_outcome = 'callback' and p_callback_at <= now() then
    v_fields := v_fields || jsonb_build_object('callbackAt', 'La hora para volver a llamar debe ser futura.');
  elsif p_outcome = 'callback' and p_callback_at > now() + interval '90 days' then
    v_fields := v_fields || jsonb_build_object('callbackAt', 'Acuerde una nueva llamada dentro de los próximos 90 días.');
  elsif p_outcome = 'completed' and p_response_id is null then
    v_fields := v_fields || jsonb_build_object('responseId', 'Una llamada completada necesita la respuesta de la encuesta registrada en ella.');
  end if;
  if char_length(v_notes) > 500 then
    v_fields := v_fields || jsonb_build_object('notes', 'Las notas admiten máximo 500 caracteres.');
  end if;
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos de la llamada.', v_fields);
  end if;

  select * into v_contact from public.phone_contacts where id = p_contact_id for update;
  v_error := private.phone_lease_error(v_contact, v_sub);
  if v_error is not null then
    return v_error;
  end if;

  -- "Completed" must point at a telephone response this interviewer typed in for this survey,
  -- and not one already counted for another contact.
  if p_outcome = 'completed' and not exists (
    select from public.survey_responses r
    where r.id = p_response_id
      and r.survey_id = v_contact.survey_id
      and r.channel = 'phone'
      and r.entered_by = v_sub
      and not exists (select from public.phone_contacts o where o.response_id = r.id)
  ) then
    return private.failure('validation_failed', 'Revise los datos de la llamada.', jsonb_build_object(
      'responseId', 'Esa respuesta no es una encuesta telefónica registrada por usted en esta encuesta, o ya está asociada a otro contacto.'
    ));
  end if;

  v_contact := private.settle_phone_attempt(v_contact, p_outcome, p_callback_at, v_notes, p_response_id);

  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'contactId',  v_contact.id,
    'survey',     (select slug from public.surveys where id = v_contact.survey_id),
    'outcome',    p_outcome,
    'status',     v_contact.status,
    'attempts',   v_contact.attempts,
    'nextCallAt', private.iso_time(v_contact.next_call_at)
  ));
end;
$$;
comment on function public.staff_record_call_outcome(bigint, text, timestamptz, text, uuid) is
  'Staff (interviewer holding the lease): records one call attempt and releases the contact. callback needs a future callback_at; completed needs the phone response this interviewer entered.';
revoke execute on function public.staff_record_call_outcome(bigint, text, timestamptz, text, uuid) from public, anon, authenticated;
grant execute on function public.staff_record_call_outcome(bigint, text, timestamptz, text, uuid) to authenticated;

create function public.staff_complete_phone_call(
  p_contact_id      bigint,
  p_answers         jsonb,
  p_consent_version text,
  p_notes           text default null,
  p_client          text default null
)
returns jsonb
language plpgsql
-- security definer: as staff_record_call_outcome; the response itself goes through
-- public.submit_survey_response, which validates the answers and checks the interviewer role.
security definer
set search_path = ''
as $$
declare
  v_sub     text := nullif(auth.jwt() ->> 'sub', '');
  v_notes   text := nullif(btrim(p_notes), '');
  v_contact public.phone_contacts;
  v_slug    text;
  v_error   jsonb;
  v_result  jsonb;
begin
  if not private.has_staff_role('interviewer') or v_sub is null then
    return private.failure('forbidden', 'Solo el equipo de encuestadores puede registrar encuestas telefónicas.');
  end if;
  if char_length(v_notes) > 500 then
    return private.failure('validation_failed', 'Revise los datos de la llamada.',
      jsonb_build_object('notes', 'Las notas admiten máximo 500 caracteres.'));
  end if;

  -- The row lock and the lease make this at-most-once per call, with no idempotency key: a second
  -- submission waits here, then finds the call settled and the lease released (closed).
  select * into v_contact from public.phone_contacts where id = p_contact_id for update;
  v_error := private.phone_lease_error(v_contact, v_sub);
  if v_error is not null then
    return v_error;
  end if;

  select slug into v_slug from public.surveys where id = v_contact.survey_id;
  -- Rate limit per interviewer, not per office address: a call centre shares one IP.
  v_result := public.submit_survey_response(
    v_slug, p_answers, p_consent_version, 'phone', null,
    coalesce(p_client, 'interviewer:' || v_sub), null, null
  );
  if not coalesce((v_result ->> 'ok')::boolean, false) then
    return v_result;
  end if;

  v_contact := private.settle_phone_attempt(v_contact, 'completed', null, v_notes, (v_result -> 'value' ->> 'id')::uuid);

  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'contactId', v_contact.id, 'survey', v_slug, 'responseId', v_contact.response_id, 'status', v_contact.status
  ));
end;
$$;
comment on function public.staff_complete_phone_call(bigint, jsonb, text, text, text) is
  'Staff (interviewer holding the lease): records the survey answered on the citizen''s behalf (channel phone, entered_by the interviewer) and the completed outcome, in one transaction.';
revoke execute on function public.staff_complete_phone_call(bigint, jsonb, text, text, text) from public, anon, authenticated;
grant execute on function public.staff_complete_phone_call(bigint, jsonb, text, text, text) to authenticated;

create function public.staff_telephone_queue(p_survey_slug text)
returns jsonb
language plpgsql
stable
-- security definer: counts over a table authenticated cannot read; no personal data leaves.
security definer
set search_path = ''
as $$
declare
  v_sub    text := nullif(auth.jwt() ->> 'sub', '');
  v_survey public.surveys;
begin
  if not (private.has_staff_role('interviewer') or private.has_staff_role('communications')) then
    return private.failure('forbidden', 'Su rol no permite ver la lista de llamadas.');
  end if;

  select * into v_survey from public.surveys where slug = p_survey_slug;
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;

  return jsonb_build_object('ok', true, 'value', (
    select jsonb_build_object(
      'survey', jsonb_build_object('slug', v_survey.slug, 'title', v_survey.title),
      'counts', jsonb_build_object(
        'total',       count(*),
        'due',         count(*) filter (where c.status in ('pending', 'callback') and c.next_call_at <= now()
                                          and (c.locked_until is null or c.locked_until <= now())),
        'inCall',      count(*) filter (where c.status in ('pending', 'callback') and c.locked_until > now()),
        'waiting',     count(*) filter (where c.status in ('pending', 'callback') and c.next_call_at > now()
                                          and (c.locked_until is null or c.locked_until <= now())),
        'pending',     count(*) filter (where c.status = 'pending'),
        'callback',    count(*) filter (where c.status = 'callback'),
        'completed',   count(*) filter (where c.status = 'completed'),
        'refused',     count(*) filter (where c.status = 'refused'),
        'wrongNumber', count(*) filter (where c.status = 'wrong_number'),
        'unreachable', count(*) filter (where c.status = 'unreachable'),
        'withdrawn',   count(*) filter (where c.status = 'withdrawn'),
        'purgeable',   count(*) filter (where c.status not in ('pending', 'callback') and c.purged_at is null),
        'purged',      count(*) filter (where c.purged_at is not null)
      ),
      'nextCallAt', private.iso_time(min(c.next_call_at) filter (where c.status in ('pending', 'callback') and c.next_call_at > now())),
      'myCall', (
        select m.id
        from public.phone_contacts m
        where m.survey_id = v_survey.id and m.locked_by = v_sub and m.status in ('pending', 'callback')
        order by m.locked_at desc
        limit 1
      )
    )
    from public.phone_contacts c
    where c.survey_id = v_survey.id
  ));
end;
$$;
comment on function public.staff_telephone_queue(text) is 'Staff (interviewer, communications): counts of the survey''s call list by state, and the contact the caller is calling (myCall).';
revoke execute on function public.staff_telephone_queue(text) from public, anon, authenticated;
grant execute on function public.staff_telephone_queue(text) to authenticated;
