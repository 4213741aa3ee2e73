-- Communications, staff side: communications staff write invitations, incidence and training
-- sessions. Every function checks the role (the app checks first, for the order of the answers) and
-- every write is audited by the tables' triggers (…000600_communications_tables.sql). The app
-- validates each body with the same zod schema as the forms; the table constraints are the gate, and
-- a value that passes the app but not a constraint answers validation_failed, never a 500.

create function private.communications_denied()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case when not private.has_staff_role('communications')
    then private.failure('forbidden', 'Su rol no permite publicar contenidos de participación. Pida el rol de comunicaciones.') end;
$$;
comment on function private.communications_denied() is 'The forbidden failure unless the caller has the communications role (or admin); null when allowed.';
revoke execute on function private.communications_denied() from public;

-- INVITATIONS

create function private.staff_invitation_json(p_invitation public.invitations)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.invitation_json(p_invitation) || jsonb_build_object(
    'status',     case
                    when p_invitation.status in ('draft', 'withdrawn') then p_invitation.status
                    when p_invitation.expires_at <= now() then 'expired'
                    when p_invitation.publish_at > now() then 'scheduled'
                    else 'shown'
                  end,
    'notifiedAt', private.iso_time(p_invitation.notified_at));
$$;
comment on function private.staff_invitation_json(public.invitations) is 'An invitation for the staff pages: the public fields plus where it stands (draft, scheduled, shown, expired, withdrawn).';
revoke execute on function private.staff_invitation_json(public.invitations) from public;

create function public.staff_list_invitations()
returns jsonb
language plpgsql
stable
-- security definer: the table's policy shows the public only what is being shown.
security definer
set search_path = ''
as $$
begin
  if private.communications_denied() is not null then
    return private.communications_denied();
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'invitations', coalesce((select jsonb_agg(private.staff_invitation_json(i) order by i.publish_at desc, i.id desc)
                             from public.invitations i), '[]'::jsonb),
    'subscribers', (select count(*) from public.invitation_subscribers where status = 'confirmed')));
end;
$$;
comment on function public.staff_list_invitations() is 'Every invitation with its state, and how many confirmed subscribers the list has.';
revoke execute on function public.staff_list_invitations() from public, anon, authenticated;
grant execute on function public.staff_list_invitations() to authenticated;

create function public.staff_save_invitation(p_slug text, p_invitation jsonb, p_create boolean)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on invitations; the role check is the gate.
security definer
set search_path = ''
as $$
declare
  v_row public.invitations;
  v_url text := nullif(btrim(p_invitation ->> 'imageUrl'), '');
begin
  if private.communications_denied() is not null then
    return private.communications_denied();
  end if;
  if p_create then
    insert into public.invitations (slug, title, body, image_url, image_alt, target_kind, target_label, target_url, activity_code,
                                    starts_at, ends_at, publish_at, expires_at, status)
    values (p_slug, btrim(p_invitation ->> 'title'), btrim(p_invitation ->> 'body'), v_url,
            case when v_url is not null then nullif(btrim(p_invitation ->> 'imageAlt'), '') end,
            p_invitation ->> 'targetKind', btrim(p_invitation ->> 'targetLabel'), btrim(p_invitation ->> 'targetUrl'),
            nullif(p_invitation ->> 'activityCode', ''), (p_invitation ->> 'startsAt')::timestamptz, (p_invitation ->> 'endsAt')::timestamptz,
            coalesce((p_invitation ->> 'publishAt')::timestamptz, now()), (p_invitation ->> 'expiresAt')::timestamptz,
            coalesce(p_invitation ->> 'status', 'published'))
    on conflict (slug) do nothing
    returning * into v_row;
    if not found then
      return private.failure('duplicate', 'Ya existe una invitación con esa dirección. Elija otra.',
        jsonb_build_object('slug', 'Ya existe una invitación con esta dirección. Elija otra.'));
    end if;
  else
    update public.invitations
    set title = btrim(p_invitation ->> 'title'), body = btrim(p_invitation ->> 'body'), image_url = v_url,
        image_alt = case when v_url is not null then nullif(btrim(p_invitation ->> 'imageAlt'), '') end,
        target_kind = p_invitation ->> 'targetKind', target_label = btrim(p_invitation ->> 'targetLabel'),
        target_url = btrim(p_invitation ->> 'targetUrl'), activity_code = nullif(p_invitation ->> 'activityCode', ''),
        starts_at = (p_invitation ->> 'startsAt')::timestamptz, ends_at = (p_invitation ->> 'endsAt')::timestamptz,
        publish_at = coalesce((p_invitation ->> 'publishAt')::timestamptz, publish_at),
        expires_at = (p_invitation ->> 'expiresAt')::timestamptz,
        status = coalesce(p_invitation ->> 'status', status), updated_at = now()
    where slug = p_slug
    returning * into v_row;
    if not found then
      return private.failure('not_found', 'No existe una invitación con esa dirección.');
    end if;
  end if;
  return jsonb_build_object('ok', true, 'value', private.staff_invitation_json(v_row));
exception
  when invalid_datetime_format or datetime_field_overflow or invalid_text_representation or check_violation or not_null_violation then
    return private.failure('validation_failed', 'Revise los datos de la invitación: hay un campo vacío, una fecha o una dirección que no es válida.');
  when foreign_key_violation then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('activityCode', 'Elija una actividad del plan de la lista.'));
end;
$$;
comment on function public.staff_save_invitation(text, jsonb, boolean) is 'Creates (p_create) or edits an invitation: text, picture with alt text, what it invites to, publish time and expiry.';
revoke execute on function public.staff_save_invitation(text, jsonb, boolean) from public, anon, authenticated;
grant execute on function public.staff_save_invitation(text, jsonb, boolean) to authenticated;

-- INCIDENCE

create function public.staff_list_incidence()
returns jsonb
language plpgsql
stable
-- security definer: unpublished entries are hidden from everyone else by the tables' policies.
security definer
set search_path = ''
as $$
begin
  if private.communications_denied() is not null then
    return private.communications_denied();
  end if;
  return jsonb_build_object('ok', true, 'value', coalesce((
    select jsonb_agg(private.incidence_json(e) order by e.activity_code nulls last, e.kind, e.title) from public.incidence_exercises e), '[]'::jsonb));
end;
$$;
comment on function public.staff_list_incidence() is 'Every exercise''s incidence, unpublished ones included.';
revoke execute on function public.staff_list_incidence() from public, anon, authenticated;
grant execute on function public.staff_list_incidence() to authenticated;

create function public.staff_save_incidence(p_kind text, p_slug text, p_exercise jsonb)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on the incidence tables.
security definer
set search_path = ''
as $$
declare
  v_row public.incidence_exercises;
begin
  if private.communications_denied() is not null then
    return private.communications_denied();
  end if;
  insert into public.incidence_exercises as e (kind, slug, title, url, results_url, activity_code, you_said, we_did, published)
  values (p_kind, p_slug, btrim(p_exercise ->> 'title'), btrim(p_exercise ->> 'url'), nullif(btrim(p_exercise ->> 'resultsUrl'), ''),
          nullif(p_exercise ->> 'activityCode', ''), btrim(p_exercise ->> 'youSaid'), btrim(p_exercise ->> 'weDid'),
          coalesce((p_exercise ->> 'published')::boolean, true))
  on conflict (kind, slug) do update
    set title = excluded.title, url = excluded.url, results_url = excluded.results_url, activity_code = excluded.activity_code,
        you_said = excluded.you_said, we_did = excluded.we_did, published = excluded.published, updated_at = now()
  returning * into v_row;
  return jsonb_build_object('ok', true, 'value', private.incidence_json(v_row));
exception
  when invalid_text_representation or check_violation or not_null_violation then
    return private.failure('validation_failed', 'Revise los datos del ejercicio: hay un campo vacío o una dirección que no es válida.');
  when foreign_key_violation then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('activityCode', 'Elija una actividad del plan de la lista.'));
end;
$$;
comment on function public.staff_save_incidence(text, text, jsonb) is 'Creates or replaces the «Ustedes dijeron / Hicimos» of one exercise, named by kind and slug.';
revoke execute on function public.staff_save_incidence(text, text, jsonb) from public, anon, authenticated;
grant execute on function public.staff_save_incidence(text, text, jsonb) to authenticated;

create function public.staff_add_commitment(p_kind text, p_slug text, p_commitment jsonb)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on the incidence tables.
security definer
set search_path = ''
as $$
declare
  v_exercise public.incidence_exercises;
  v_id       bigint;
begin
  if private.communications_denied() is not null then
    return private.communications_denied();
  end if;
  select * into v_exercise from public.incidence_exercises where kind = p_kind and slug = p_slug;
  if not found then
    return private.failure('not_found', 'No existe ese ejercicio de participación. Publique primero lo que dijeron y lo que hicimos.');
  end if;
  insert into public.incidence_commitments (exercise_id, title, description, status, due_on)
  values (v_exercise.id, btrim(p_commitment ->> 'title'), coalesce(btrim(p_commitment ->> 'description'), ''),
          coalesce(p_commitment ->> 'status', 'planned'), (p_commitment ->> 'dueOn')::date)
  returning id into v_id;
  update public.incidence_exercises set updated_at = now() where id = v_exercise.id returning * into v_exercise;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', v_id, 'exercise', private.incidence_json(v_exercise)));
exception
  when invalid_datetime_format or datetime_field_overflow or check_violation or not_null_violation then
    return private.failure('validation_failed', 'Revise los datos del compromiso: el título, el estado o la fecha no son válidos.');
end;
$$;
comment on function public.staff_add_commitment(text, text, jsonb) is 'Adds a commitment (title, description, status, due date) to an exercise''s incidence.';
revoke execute on function public.staff_add_commitment(text, text, jsonb) from public, anon, authenticated;
grant execute on function public.staff_add_commitment(text, text, jsonb) to authenticated;

create function public.staff_add_milestone(p_commitment_id bigint, p_milestone jsonb)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on the incidence tables.
security definer
set search_path = ''
as $$
declare
  v_commitment public.incidence_commitments;
  v_exercise   public.incidence_exercises;
begin
  if private.communications_denied() is not null then
    return private.communications_denied();
  end if;
  insert into public.incidence_milestones (commitment_id, happened_on, description, status)
  values (p_commitment_id, (p_milestone ->> 'happenedOn')::date, btrim(p_milestone ->> 'description'), p_milestone ->> 'status');
  -- The commitment shows the status of its latest milestone (by date), so its history and its badge agree.
  update public.incidence_commitments c
  set status = (select m.status from public.incidence_milestones m where m.commitment_id = c.id order by m.happened_on desc, m.id desc limit 1),
      updated_at = now()
  where c.id = p_commitment_id
  returning * into v_commitment;
  select * into strict v_exercise from public.incidence_exercises where id = v_commitment.exercise_id;
  return jsonb_build_object('ok', true, 'value', private.incidence_json(v_exercise));
exception
  when foreign_key_violation then
    return private.failure('not_found', 'No existe ese compromiso.');
  when invalid_datetime_format or datetime_field_overflow or check_violation or not_null_violation then
    return private.failure('validation_failed', 'Revise los datos del avance: la fecha, la descripción o el estado no son válidos.');
end;
$$;
comment on function public.staff_add_milestone(bigint, jsonb) is 'Records a dated milestone of a commitment; the commitment takes the status of its latest milestone.';
revoke execute on function public.staff_add_milestone(bigint, jsonb) from public, anon, authenticated;
grant execute on function public.staff_add_milestone(bigint, jsonb) to authenticated;

create function public.staff_add_incidence_evidence(p_kind text, p_slug text, p_evidence jsonb)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on the incidence tables.
security definer
set search_path = ''
as $$
declare
  v_exercise public.incidence_exercises;
begin
  if private.communications_denied() is not null then
    return private.communications_denied();
  end if;
  select * into v_exercise from public.incidence_exercises where kind = p_kind and slug = p_slug;
  if not found then
    return private.failure('not_found', 'No existe ese ejercicio de participación.');
  end if;
  insert into public.incidence_evidence (exercise_id, kind, label, url, alt)
  values (v_exercise.id, p_evidence ->> 'kind', btrim(p_evidence ->> 'label'), btrim(p_evidence ->> 'url'),
          case when p_evidence ->> 'kind' = 'photo' then nullif(btrim(p_evidence ->> 'alt'), '') end);
  return jsonb_build_object('ok', true, 'value', private.incidence_json(v_exercise));
exception
  when check_violation or not_null_violation then
    return private.failure('validation_failed', 'Revise la evidencia: una foto necesita su texto alternativo y la dirección debe ser https:// o una ruta del sitio.');
end;
$$;
comment on function public.staff_add_incidence_evidence(text, text, jsonb) is 'Adds a link, document or photo (with its alt text) as evidence of an exercise''s incidence.';
revoke execute on function public.staff_add_incidence_evidence(text, text, jsonb) from public, anon, authenticated;
grant execute on function public.staff_add_incidence_evidence(text, text, jsonb) to authenticated;

-- TRAINING SESSIONS

create function public.staff_save_training(p_slug text, p_session jsonb, p_create boolean)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on training sessions.
security definer
set search_path = ''
as $$
declare
  v_row public.training_sessions;
begin
  if private.communications_denied() is not null then
    return private.communications_denied();
  end if;
  if p_create then
    insert into public.training_sessions (slug, topic, audience, starts_at, place, attendance, materials_url, event_slug)
    values (p_slug, btrim(p_session ->> 'topic'), btrim(p_session ->> 'audience'), (p_session ->> 'startsAt')::timestamptz,
            btrim(p_session ->> 'place'), (p_session ->> 'attendance')::integer, nullif(btrim(p_session ->> 'materialsUrl'), ''),
            nullif(p_session ->> 'eventSlug', ''))
    on conflict (slug) do nothing
    returning * into v_row;
    if not found then
      return private.failure('duplicate', 'Ya existe una sesión con esa dirección. Elija otra.',
        jsonb_build_object('slug', 'Ya existe una sesión con esta dirección. Elija otra.'));
    end if;
  else
    update public.training_sessions
    set topic = btrim(p_session ->> 'topic'), audience = btrim(p_session ->> 'audience'), starts_at = (p_session ->> 'startsAt')::timestamptz,
        place = btrim(p_session ->> 'place'), attendance = (p_session ->> 'attendance')::integer,
        materials_url = nullif(btrim(p_session ->> 'materialsUrl'), ''), event_slug = nullif(p_session ->> 'eventSlug', ''), updated_at = now()
    where slug = p_slug
    returning * into v_row;
    if not found then
      return private.failure('not_found', 'No existe una sesión de capacitación con esa dirección.');
    end if;
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('slug', v_row.slug, 'topic', v_row.topic));
exception
  when invalid_datetime_format or datetime_field_overflow or invalid_text_representation or numeric_value_out_of_range
    or check_violation or not_null_violation then
    return private.failure('validation_failed', 'Revise los datos de la sesión: hay un campo vacío, una fecha o un número que no es válido.');
  when foreign_key_violation then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('eventSlug', 'No existe un evento con esa dirección en la boletería.'));
end;
$$;
comment on function public.staff_save_training(text, jsonb, boolean) is 'Creates (p_create) or edits a training session: topic, audience, date, place, attendance, materials and the sign-up event.';
revoke execute on function public.staff_save_training(text, jsonb, boolean) from public, anon, authenticated;
grant execute on function public.staff_save_training(text, jsonb, boolean) to authenticated;
