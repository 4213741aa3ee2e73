-- Monitoring reports as plan evidence (4.1 social networks, 4.2 website visits): publishing a period
-- points the activity's evidence link at the public report of that period. One link per activity,
-- updated on each publication, so the plan always shows the latest report.

create function public.staff_publish_monitoring_report(p_report text, p_from date, p_to date)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on plan_evidence; the role check is the gate,
-- and the plan_evidence audit trigger records the caller.
security definer
set search_path = ''
as $$
declare
  v_activity text := case p_report when 'sitio' then '4.2' when 'redes' then '4.1' end;
  v_base     text := '/informes/monitoreo/' || p_report;
  v_label    text;
  v_url      text;
  v_id       bigint;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para publicar informes de monitoreo.');
  end if;
  if v_activity is null then
    return private.failure('not_found', 'El informe no existe.');
  end if;
  if p_from is null or p_to is null or p_from > p_to or p_to > (now() at time zone 'America/Bogota')::date then
    return private.failure('validation_failed', 'Revise el periodo.', jsonb_build_object('desde', 'Elija un periodo que empiece antes de terminar y no termine en el futuro.'));
  end if;
  if not exists (select from public.plan_activities a where a.code = v_activity) then
    return private.failure('not_found', 'La actividad del plan no existe.');
  end if;

  v_label := format('Informe de monitoreo %s, del %s al %s',
                    case p_report when 'sitio' then 'de las visitas del sitio web' else 'de las redes sociales' end,
                    to_char(p_from, 'YYYY-MM-DD'), to_char(p_to, 'YYYY-MM-DD'));
  v_url := format('%s?desde=%s&hasta=%s', v_base, to_char(p_from, 'YYYY-MM-DD'), to_char(p_to, 'YYYY-MM-DD'));

  update public.plan_evidence e
  set label = v_label, url = v_url, added_at = now()
  where e.activity_code = v_activity and (e.url = v_base or e.url like v_base || '?%')
  returning e.id into v_id;
  if v_id is null then
    insert into public.plan_evidence (activity_code, label, url)
    values (v_activity, v_label, v_url)
    returning id into v_id;
  end if;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', v_id, 'activityCode', v_activity, 'label', v_label, 'url', v_url));
end;
$$;
comment on function public.staff_publish_monitoring_report(text, date, date) is 'Staff (admin, communications): publishes the sitio (4.2) or redes (4.1) monitoring report of a period as the activity''s evidence link.';
revoke execute on function public.staff_publish_monitoring_report(text, date, date) from public, anon, authenticated;
grant execute on function public.staff_publish_monitoring_report(text, date, date) to authenticated;
