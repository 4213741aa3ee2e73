-- The plan per vigencia, staff side (admin, communications): draft a year's plan from scratch or as a copy
-- of another year's, edit its phases, activities and Menú Participa mapping, and publish it as a whole with
-- its version and what changed. A published plan is not edited here any more: its statuses and evidence
-- move on through the existing staff_set_activity_status / staff_add_activity_evidence.
--
-- security definer throughout: authenticated has no write (or draft read) privilege on the plan tables;
-- each function's role check is the gate and the audit triggers record the caller.

-- A failure when p_year is not a draft staff may edit, null when it is.
create function private.plan_draft_problem(p_year integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case
    when not private.has_staff_role('communications') then
      private.failure('forbidden', 'Su rol no permite editar el plan. Pida el rol de comunicaciones.')
    when p.year is null then
      private.failure('not_found', 'No hay un plan para ese año.')
    when p.status = 'published' then
      private.failure('locked', format('El plan %s ya está publicado: ya no se edita, solo se actualiza el avance de sus actividades.', p.year))
  end
  from (select) dummy
  left join public.plans p on p.year = p_year;
$$;
comment on function private.plan_draft_problem(integer) is 'forbidden / not_found / locked for a staff edit of the plan of p_year, null when it is an editable draft.';
revoke execute on function private.plan_draft_problem(integer) from public;

create function public.staff_list_plans()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'Su rol no permite ver los planes. Pida el rol de comunicaciones.');
  end if;
  return jsonb_build_object('ok', true, 'value', coalesce((
    select jsonb_agg(private.plan_summary_json(p)
                     || jsonb_build_object('activities', (select count(*) from public.plan_activities a where a.year = p.year))
                     order by p.year desc)
    from public.plans p), '[]'::jsonb));
end;
$$;
comment on function public.staff_list_plans() is 'Staff (admin, communications): every year''s plan, drafts included, newest first.';
revoke execute on function public.staff_list_plans() from public, anon, authenticated;
grant execute on function public.staff_list_plans() to authenticated;

create function public.staff_get_plan(p_year integer)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_plan public.plans;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'Su rol no permite ver los planes. Pida el rol de comunicaciones.');
  end if;
  select * into v_plan from public.plans where year = p_year;
  if not found then
    return private.failure('not_found', 'No hay un plan para ese año.');
  end if;
  return jsonb_build_object('ok', true, 'value', private.plan_summary_json(v_plan) || jsonb_build_object(
    'phases',   private.plan_phases_json(v_plan.year, true),
    'versions', private.plan_versions_json(v_plan.year),
    'sections', (select jsonb_agg(jsonb_build_object('code', s.code, 'title', s.title) order by s.code) from public.participa_sections s)));
end;
$$;
comment on function public.staff_get_plan(integer) is 'Staff (admin, communications): a year''s plan, draft or published, with each activity''s Menú Participa sections.';
revoke execute on function public.staff_get_plan(integer) from public, anon, authenticated;
grant execute on function public.staff_get_plan(integer) to authenticated;

create function public.staff_create_plan(p_year integer, p_copy_from integer)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_plan public.plans;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'Su rol no permite crear planes. Pida el rol de comunicaciones.');
  end if;
  if p_year is null or p_year not between 2000 and 2100 then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('year', 'Escriba el año de la vigencia, entre 2000 y 2100.'));
  end if;
  if p_copy_from is not null and not exists (select from public.plans where year = p_copy_from) then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('copyFrom', 'Elija un plan que exista para copiarlo.'));
  end if;

  insert into public.plans (year) values (p_year)
  on conflict (year) do nothing
  returning * into v_plan;
  if not found then
    return private.failure('duplicate', format('Ya existe el plan %s.', p_year), jsonb_build_object('year', format('Ya existe el plan %s: ábralo para editarlo.', p_year)));
  end if;

  -- A copy starts the new year afresh: same phases, activities and sections, no progress and no evidence.
  if p_copy_from is not null then
    insert into public.plan_phases (year, code, name)
    select p_year, code, name from public.plan_phases where year = p_copy_from;
    insert into public.plan_activities (year, code, phase_code, position, title, objective, product, responsible_area,
                                        starts_on, ends_on, action_label, action_href)
    select p_year, code, phase_code, position, title, objective, product, responsible_area,
           starts_on + make_interval(years => p_year - p_copy_from), ends_on + make_interval(years => p_year - p_copy_from),
           action_label, action_href
    from public.plan_activities where year = p_copy_from;
    insert into public.participa_section_activities (section_code, plan_year, activity_code)
    select section_code, p_year, activity_code from public.participa_section_activities where plan_year = p_copy_from;
  end if;

  return jsonb_build_object('ok', true, 'value', private.plan_summary_json(v_plan));
end;
$$;
comment on function public.staff_create_plan(integer, integer) is 'Staff (admin, communications): a draft plan for a year, empty or copied from another year (dates moved to the new year, statuses pending, no evidence).';
revoke execute on function public.staff_create_plan(integer, integer) from public, anon, authenticated;
grant execute on function public.staff_create_plan(integer, integer) to authenticated;

create function public.staff_save_plan_phase(p_year integer, p_code integer, p_name text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_problem jsonb := private.plan_draft_problem(p_year);
  v_fields  jsonb := '{}'::jsonb;
begin
  if v_problem is not null then
    return v_problem;
  end if;
  if p_code is null or p_code not between 1 and 99 then
    v_fields := v_fields || jsonb_build_object('code', 'Escriba el número de la fase, de 1 a 99.');
  end if;
  if char_length(btrim(coalesce(p_name, ''))) not between 1 and 200 then
    v_fields := v_fields || jsonb_build_object('name', 'Escriba el nombre de la fase (hasta 200 caracteres).');
  end if;
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;
  insert into public.plan_phases (year, code, name) values (p_year, p_code, btrim(p_name))
  on conflict (year, code) do update set name = excluded.name;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('code', p_code, 'name', btrim(p_name)));
end;
$$;
comment on function public.staff_save_plan_phase(integer, integer, text) is 'Staff (admin, communications): adds a phase to a draft plan, or renames it.';
revoke execute on function public.staff_save_plan_phase(integer, integer, text) from public, anon, authenticated;
grant execute on function public.staff_save_plan_phase(integer, integer, text) to authenticated;

-- p_code null creates the activity named by p_activity.code; otherwise updates activity p_code (its code stays:
-- what hangs off an activity points at its code).
create function public.staff_save_plan_activity(p_year integer, p_code text, p_activity jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_problem  jsonb := private.plan_draft_problem(p_year);
  v_code     text := coalesce(p_code, btrim(p_activity ->> 'code'));
  v_phase    integer := (p_activity ->> 'phase')::integer;
  v_starts   date := nullif(p_activity ->> 'startsOn', '')::date;
  v_ends     date := nullif(p_activity ->> 'endsOn', '')::date;
  v_sections integer[] := array(select jsonb_array_elements_text(coalesce(p_activity -> 'sections', '[]'::jsonb))::integer);
  v_fields   jsonb := '{}'::jsonb;
  v_position integer;
begin
  if v_problem is not null then
    return v_problem;
  end if;
  if p_code is not null and not exists (select from public.plan_activities where year = p_year and code = p_code) then
    return private.failure('not_found', 'La actividad no existe en ese plan.');
  end if;
  if p_code is null then
    if coalesce(v_code, '') !~ '^[0-9]{1,2}\.[0-9]{1,2}$' then
      v_fields := v_fields || jsonb_build_object('code', 'Escriba el código como 1.1: número de fase, punto y número de la actividad.');
    elsif exists (select from public.plan_activities where year = p_year and code = v_code) then
      v_fields := v_fields || jsonb_build_object('code', format('Ya hay una actividad %s en el plan %s.', v_code, p_year));
    end if;
  end if;
  if not exists (select from public.plan_phases where year = p_year and code = v_phase) then
    v_fields := v_fields || jsonb_build_object('phase', 'Elija una fase del plan.');
  end if;
  if char_length(btrim(coalesce(p_activity ->> 'title', ''))) not between 3 and 300 then
    v_fields := v_fields || jsonb_build_object('title', 'Escriba el nombre de la actividad (de 3 a 300 caracteres).');
  end if;
  if char_length(btrim(coalesce(p_activity ->> 'objective', ''))) not between 3 and 2000 then
    v_fields := v_fields || jsonb_build_object('objective', 'Escriba el objetivo (de 3 a 2.000 caracteres).');
  end if;
  if char_length(btrim(coalesce(p_activity ->> 'product', ''))) not between 3 and 2000 then
    v_fields := v_fields || jsonb_build_object('product', 'Escriba la meta o el producto (de 3 a 2.000 caracteres).');
  end if;
  if char_length(coalesce(p_activity ->> 'responsibleArea', '')) > 200 then
    v_fields := v_fields || jsonb_build_object('responsibleArea', 'El área responsable admite hasta 200 caracteres.');
  end if;
  if v_ends < v_starts then
    v_fields := v_fields || jsonb_build_object('endsOn', 'La fecha de fin no puede ser anterior a la de inicio.');
  end if;
  if exists (select from unnest(v_sections) s where s not in (select code from public.participa_sections)) then
    v_fields := v_fields || jsonb_build_object('sections', 'Elija secciones del Menú Participa que existan.');
  end if;
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  if p_code is null then
    select coalesce(max(position), 0) + 1 into v_position from public.plan_activities where year = p_year and phase_code = v_phase;
    insert into public.plan_activities (year, code, phase_code, position, title, objective, product, responsible_area, starts_on, ends_on)
    values (p_year, v_code, v_phase, v_position, btrim(p_activity ->> 'title'), btrim(p_activity ->> 'objective'),
            btrim(p_activity ->> 'product'), nullif(btrim(p_activity ->> 'responsibleArea'), ''), v_starts, v_ends);
  else
    update public.plan_activities
    set phase_code = v_phase,
        position = case when phase_code = v_phase then position
                        else (select coalesce(max(o.position), 0) + 1 from public.plan_activities o where o.year = p_year and o.phase_code = v_phase) end,
        title = btrim(p_activity ->> 'title'), objective = btrim(p_activity ->> 'objective'), product = btrim(p_activity ->> 'product'),
        responsible_area = nullif(btrim(p_activity ->> 'responsibleArea'), ''), starts_on = v_starts, ends_on = v_ends, updated_at = now()
    where year = p_year and code = v_code;
  end if;

  delete from public.participa_section_activities
  where plan_year = p_year and activity_code = v_code and section_code <> all (v_sections);
  insert into public.participa_section_activities (section_code, plan_year, activity_code)
  select distinct s, p_year, v_code from unnest(v_sections) s
  on conflict do nothing;

  return jsonb_build_object('ok', true, 'value', (
    select a from jsonb_array_elements(private.plan_phases_json(p_year, true)) ph, jsonb_array_elements(ph -> 'activities') a
    where a ->> 'code' = v_code));
end;
$$;
comment on function public.staff_save_plan_activity(integer, text, jsonb) is 'Staff (admin, communications): creates (p_code null) or updates an activity of a draft plan, with its Menú Participa sections; every field is checked and named.';
revoke execute on function public.staff_save_plan_activity(integer, text, jsonb) from public, anon, authenticated;
grant execute on function public.staff_save_plan_activity(integer, text, jsonb) to authenticated;

create function public.staff_delete_plan_activity(p_year integer, p_code text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_problem jsonb := private.plan_draft_problem(p_year);
begin
  if v_problem is not null then
    return v_problem;
  end if;
  delete from public.plan_activities where year = p_year and code = p_code;
  if not found then
    return private.failure('not_found', 'La actividad no existe en ese plan.');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('year', p_year, 'code', p_code));
exception when foreign_key_violation then
  return private.failure('locked', format('La actividad %s ya tiene encuestas, convocatorias o ejercicios asociados: no se puede quitar.', p_code));
end;
$$;
comment on function public.staff_delete_plan_activity(integer, text) is 'Staff (admin, communications): removes an activity (and its section mapping) from a draft plan.';
revoke execute on function public.staff_delete_plan_activity(integer, text) from public, anon, authenticated;
grant execute on function public.staff_delete_plan_activity(integer, text) to authenticated;

-- Publishing is all or nothing: the whole year's plan becomes public with its version and what changed,
-- and is the plan in force from p_effective_from (default 1 January of its year) in Bogotá.
create function public.staff_publish_plan(p_year integer, p_version text, p_changes text, p_effective_from date)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_problem jsonb := private.plan_draft_problem(p_year);
  v_fields  jsonb := '{}'::jsonb;
  v_plan    public.plans;
begin
  if v_problem is not null then
    return v_problem;
  end if;
  if char_length(btrim(coalesce(p_version, ''))) not between 1 and 20 then
    v_fields := v_fields || jsonb_build_object('version', format('Escriba el número de la versión, por ejemplo %s-1 (hasta 20 caracteres).', p_year));
  elsif exists (select from public.plan_versions where version = btrim(p_version)) then
    v_fields := v_fields || jsonb_build_object('version', 'Esa versión ya está publicada. Use otro número.');
  end if;
  if char_length(btrim(coalesce(p_changes, ''))) not between 3 and 2000 then
    v_fields := v_fields || jsonb_build_object('changes', 'Cuente qué cambió en esta versión (de 3 a 2.000 caracteres).');
  end if;
  if p_effective_from is not null and extract(year from p_effective_from) not between p_year - 1 and p_year then
    v_fields := v_fields || jsonb_build_object('effectiveFrom', format('La fecha de entrada en vigor debe ser de %s o de %s.', p_year - 1, p_year));
  end if;
  if not exists (select from public.plan_activities where year = p_year) then
    v_fields := v_fields || jsonb_build_object('activities', 'El plan no tiene actividades: agregue al menos una antes de publicarlo.');
  end if;
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  update public.plans
  set status = 'published', version = btrim(p_version), published_at = now(), updated_at = now(),
      effective_from = coalesce(p_effective_from, make_date(p_year, 1, 1))
  where year = p_year
  returning * into v_plan;
  insert into public.plan_versions (plan_year, version, published_on, changes)
  values (p_year, btrim(p_version), (now() at time zone 'America/Bogota')::date, btrim(p_changes));

  return jsonb_build_object('ok', true, 'value', private.plan_summary_json(v_plan));
end;
$$;
comment on function public.staff_publish_plan(integer, text, text, date) is 'Staff (admin, communications): publishes a draft plan whole, with its version and what changed; in force from p_effective_from (default 1 January of its year).';
revoke execute on function public.staff_publish_plan(integer, text, text, date) from public, anon, authenticated;
grant execute on function public.staff_publish_plan(integer, text, text, date) to authenticated;
