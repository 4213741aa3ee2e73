-- Plan versions (plan 5.1): staff publish a new version of the participation plan with what changed, so the
-- published plan keeps its history without anyone editing the database.

create function public.staff_publish_plan_version(p_version text, p_changes text)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on plan_versions; the role check is the gate and
-- the audit trigger records the caller.
security definer
set search_path = ''
as $$
declare
  v_version public.plan_versions;
  v_fields  jsonb := '{}'::jsonb;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'Su rol no permite publicar versiones del plan. Pida el rol de comunicaciones.');
  end if;
  if char_length(btrim(coalesce(p_version, ''))) not between 1 and 20 then
    v_fields := v_fields || jsonb_build_object('version', 'Escriba el número de la versión, por ejemplo 3 o 2026-3 (hasta 20 caracteres).');
  end if;
  if char_length(btrim(coalesce(p_changes, ''))) not between 3 and 2000 then
    v_fields := v_fields || jsonb_build_object('changes', 'Cuente qué cambió en esta versión (de 3 a 2.000 caracteres).');
  end if;
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  insert into public.plan_versions (version, published_on, changes)
  values (btrim(p_version), (now() at time zone 'America/Bogota')::date, btrim(p_changes))
  on conflict (version) do nothing
  returning * into v_version;
  if not found then
    return private.failure('duplicate', 'Esa versión del plan ya está publicada. Use otro número.',
      jsonb_build_object('version', 'Esa versión ya está publicada. Use otro número.'));
  end if;
  return jsonb_build_object('ok', true, 'value',
    jsonb_build_object('version', v_version.version, 'publishedOn', v_version.published_on, 'changes', v_version.changes));
end;
$$;
comment on function public.staff_publish_plan_version(text, text) is 'Staff (admin, communications): publishes a new version of the participation plan, dated today in Bogotá, with what changed.';
revoke execute on function public.staff_publish_plan_version(text, text) from public, anon, authenticated;
grant execute on function public.staff_publish_plan_version(text, text) to authenticated;
