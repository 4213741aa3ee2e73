-- Telephone survey mode: the call list, managed by communications staff. Import it (all or
-- nothing), purge it when the campaign ends, and forget one number at the holder's request
-- (Ley 1581 de 2012: supresión). Every change is audited without the personal data.

create function public.staff_import_phone_contacts(p_survey_slug text, p_rows jsonb)
returns jsonb
language plpgsql
-- security definer: authenticated has no privileges on phone_contacts; the role check below is
-- the gate and the audit trigger records who imported.
security definer
set search_path = ''
as $$
declare
  v_survey   public.surveys;
  v_today    date := (now() at time zone 'America/Bogota')::date;
  v_fields   jsonb := '{}'::jsonb;
  v_valid    jsonb := '[]'::jsonb;
  v_seen     jsonb := '{}'::jsonb;
  v_row      jsonb;
  v_index    integer := 0;
  v_line     integer;
  v_prefix   text;
  v_label    text;
  v_errors   integer;
  v_name     text;
  v_phone    text;
  v_service  text;
  v_basis    text;
  v_date     date;
  v_imported integer;
  v_skipped  jsonb;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para importar la lista de llamadas.');
  end if;

  select * into v_survey from public.surveys where slug = p_survey_slug;
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;

  if p_rows is null or jsonb_typeof(p_rows) <> 'array' or jsonb_array_length(p_rows) = 0 then
    return private.failure('validation_failed', 'La lista no tiene contactos.',
      jsonb_build_object('rows', 'Incluya al menos una fila de contacto debajo del encabezado.'));
  end if;
  if jsonb_array_length(p_rows) > 2000 then
    return private.failure('validation_failed', 'La lista es demasiado larga.',
      jsonb_build_object('rows', 'Importe como máximo 2.000 contactos por vez.'));
  end if;

  -- Every row is checked before anything is written: one bad row and nothing is imported.
  for v_row in select value from jsonb_array_elements(p_rows) loop
    v_index := v_index + 1;
    v_line := case when (v_row ->> 'line') ~ '^[0-9]{1,7}$' then (v_row ->> 'line')::integer else v_index + 1 end;
    v_prefix := 'rows.' || v_line || '.';
    v_label := 'Fila ' || v_line || ', ';
    v_errors := 0;

    if jsonb_typeof(v_row) <> 'object' then
      v_fields := v_fields || jsonb_build_object('rows.' || v_line, 'Fila ' || v_line || ': no tiene el formato de un contacto.');
      continue;
    end if;

    v_name := nullif(regexp_replace(btrim(coalesce(v_row ->> 'fullName', '')), '\s+', ' ', 'g'), '');
    if v_name is null then
      v_fields := v_fields || jsonb_build_object(v_prefix || 'fullName', v_label || 'nombre: escriba el nombre de la persona.');
      v_errors := v_errors + 1;
    elsif char_length(v_name) not between 2 and 120 then
      v_fields := v_fields || jsonb_build_object(v_prefix || 'fullName', v_label || 'nombre: use entre 2 y 120 caracteres.');
      v_errors := v_errors + 1;
    end if;

    v_phone := private.normalize_co_phone(v_row ->> 'phone');
    if v_phone is null then
      v_fields := v_fields || jsonb_build_object(v_prefix || 'phone',
        v_label || 'telefono: escriba un celular de 10 dígitos (3xx xxx xxxx) o un fijo con indicativo (60x xxx xxxx).');
      v_errors := v_errors + 1;
    elsif v_seen ? v_phone then
      v_fields := v_fields || jsonb_build_object(v_prefix || 'phone',
        v_label || 'telefono: este número ya está en la fila ' || (v_seen ->> v_phone) || ' del archivo.');
      v_errors := v_errors + 1;
    else
      v_seen := v_seen || jsonb_build_object(v_phone, v_line);
    end if;

    v_service := nullif(regexp_replace(btrim(coalesce(v_row ->> 'serviceUsed', '')), '\s+', ' ', 'g'), '');
    if v_service is null or char_length(v_service) > 120 then
      v_fields := v_fields || jsonb_build_object(v_prefix || 'serviceUsed', v_label || 'servicio: escriba el servicio que usó la persona (máximo 120 caracteres).');
      v_errors := v_errors + 1;
    end if;

    v_basis := lower(btrim(coalesce(v_row ->> 'consentBasis', '')));
    if v_basis not in ('autorizacion_previa', 'solicitud_del_titular', 'funcion_legal') then
      v_fields := v_fields || jsonb_build_object(v_prefix || 'consentBasis',
        v_label || 'base_consentimiento: use autorizacion_previa, solicitud_del_titular o funcion_legal.');
      v_errors := v_errors + 1;
    end if;

    v_date := private.try_iso_date(btrim(coalesce(v_row ->> 'consentedOn', '')));
    if v_date is null then
      v_fields := v_fields || jsonb_build_object(v_prefix || 'consentedOn', v_label || 'fecha_consentimiento: escriba una fecha real como 2026-03-15 o 15/03/2026.');
      v_errors := v_errors + 1;
    elsif v_date > v_today then
      v_fields := v_fields || jsonb_build_object(v_prefix || 'consentedOn', v_label || 'fecha_consentimiento: no puede ser una fecha futura.');
      v_errors := v_errors + 1;
    elsif v_date < date '2000-01-01' then
      v_fields := v_fields || jsonb_build_object(v_prefix || 'consentedOn', v_label || 'fecha_consentimiento: revise el año.');
      v_errors := v_errors + 1;
    end if;

    if v_errors = 0 then
      v_valid := v_valid || jsonb_build_array(jsonb_build_object(
        'line', v_line, 'full_name', v_name, 'phone', v_phone, 'service_used', v_service,
        'consent_basis', v_basis, 'consented_on', v_date
      ));
    end if;
  end loop;

  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise las filas marcadas: no se importó ningún contacto.', v_fields);
  end if;

  -- A number already on this survey's list is skipped (re-importing an updated file is normal);
  -- the answer names those lines. The unique key settles concurrent imports of the same number.
  with input as (
    select *
    from jsonb_to_recordset(v_valid) as r(line integer, full_name text, phone text, service_used text, consent_basis text, consented_on date)
  ),
  inserted as (
    insert into public.phone_contacts (survey_id, source_line, full_name, phone, service_used, consent_basis, consented_on, next_call_at, imported_by)
    select v_survey.id, i.line, i.full_name, i.phone, i.service_used, i.consent_basis, i.consented_on, now(), nullif(auth.jwt() ->> 'sub', '')
    from input i
    order by i.line
    on conflict (survey_id, phone) do nothing
    returning source_line
  )
  select count(ins.source_line)::integer,
         coalesce(jsonb_agg(i.line order by i.line) filter (where ins.source_line is null), '[]'::jsonb)
  into v_imported, v_skipped
  from input i
  left join inserted ins on ins.source_line = i.line;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'imported',     v_imported,
    'skippedLines', v_skipped,
    'total',        (select count(*) from public.phone_contacts where survey_id = v_survey.id)
  ));
end;
$$;
comment on function public.staff_import_phone_contacts(text, jsonb) is
  'Staff (communications, admin): imports the call list of a survey. All or nothing: any invalid row → validation_failed with fields "rows.<CSV line>.<field>" and nothing written. Numbers already listed for the survey are skipped (skippedLines); a number twice in the same file is an error.';
revoke execute on function public.staff_import_phone_contacts(text, jsonb) from public, anon, authenticated;
grant execute on function public.staff_import_phone_contacts(text, jsonb) to authenticated;

create function public.staff_purge_phone_contacts(p_survey_slug text)
returns jsonb
language plpgsql
-- security definer: as the import; the audit trigger records who purged, without the data.
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
  v_purged integer;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para suprimir datos de la lista de llamadas.');
  end if;

  select * into v_survey from public.surveys where slug = p_survey_slug;
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;

  -- Ley 1581 (finalidad y temporalidad): once a contact will not be called again, its name,
  -- number and notes have served their purpose. Outcomes stay for the report.
  with purged as (
    update public.phone_contacts
    set full_name = null, phone = null, purged_at = now()
    where survey_id = v_survey.id
      and status not in ('pending', 'callback')
      and purged_at is null
    returning id
  ),
  cleared as (
    update public.phone_call_attempts a
    set notes = null
    from purged p
    where a.contact_id = p.id and a.notes is not null
  )
  select count(*)::integer into v_purged from purged;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object('purged', v_purged));
end;
$$;
comment on function public.staff_purge_phone_contacts(text) is 'Staff (communications, admin): deletes name, phone and notes of the survey''s contacts that will not be called again; outcomes are kept.';
revoke execute on function public.staff_purge_phone_contacts(text) from public, anon, authenticated;
grant execute on function public.staff_purge_phone_contacts(text) to authenticated;

create function public.staff_forget_phone_number(p_phone text)
returns jsonb
language plpgsql
-- security definer: as the import; the audit trigger records who purged, without the data.
security definer
set search_path = ''
as $$
declare
  v_phone  text := private.normalize_co_phone(p_phone);
  v_purged integer;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para suprimir datos de la lista de llamadas.');
  end if;
  if v_phone is null then
    return private.failure('validation_failed', 'Revise el número.', jsonb_build_object(
      'phone', 'Escriba un celular de 10 dígitos (3xx xxx xxxx) o un fijo con indicativo (60x xxx xxxx).'));
  end if;

  -- The holder's request to delete their data (Ley 1581 art. 8 e): every list, every survey.
  -- A contact still in the queue leaves it and is never called.
  with purged as (
    update public.phone_contacts
    set full_name = null, phone = null, purged_at = now(),
        status = case when status in ('pending', 'callback') then 'withdrawn' else status end,
        next_call_at = null,
        locked_by = null, locked_by_email = null, locked_at = null, locked_until = null
    where phone = v_phone
    returning id
  ),
  cleared as (
    update public.phone_call_attempts a
    set notes = null
    from purged p
    where a.contact_id = p.id and a.notes is not null
  )
  select count(*)::integer into v_purged from purged;

  if v_purged = 0 then
    return private.failure('not_found', 'Ese número no está en ninguna lista de llamadas.');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('purged', v_purged));
end;
$$;
comment on function public.staff_forget_phone_number(text) is 'Staff (communications, admin): at the holder''s request, deletes name, number and notes of that number in every call list; pending contacts become withdrawn.';
revoke execute on function public.staff_forget_phone_number(text) from public, anon, authenticated;
grant execute on function public.staff_forget_phone_number(text) to authenticated;
