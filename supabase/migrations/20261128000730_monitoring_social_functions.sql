-- Social-network monitoring (plan 4.1), functions: one snapshot (staff_record_followers, moved
-- forward with posts, reach and engagement), a CSV import of many, the accounts, and the report.

-- CHECKS
create function private.social_snapshot_problems(p_network text, p_measured_on date, p_followers integer, p_posts integer, p_reach integer, p_engagement integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'network', case when p_network is null or p_network not in ('facebook', 'instagram', 'x', 'tiktok', 'youtube', 'linkedin', 'whatsapp')
      then 'Elija una red: Facebook, Instagram, X, TikTok, YouTube, LinkedIn o WhatsApp.' end,
    'measuredOn', case
      when p_measured_on is null then 'Escriba la fecha de la medición.'
      when p_measured_on > (now() at time zone 'America/Bogota')::date then 'La fecha de la medición no puede ser futura.'
    end,
    'followers', case when p_followers is null or p_followers < 0 then 'Escriba un número de seguidores igual o mayor que 0.' end,
    'posts', case when p_posts < 0 then 'Las publicaciones deben ser 0 o más.' end,
    'reach', case when p_reach < 0 then 'El alcance debe ser 0 o más.' end,
    'engagement', case when p_engagement < 0 then 'Las interacciones deben ser 0 o más.' end
  ));
$$;
comment on function private.social_snapshot_problems(text, date, integer, integer, integer, integer) is 'The contract''s fields map of what is wrong with a snapshot ({} when nothing).';
revoke execute on function private.social_snapshot_problems(text, date, integer, integer, integer, integer) from public;

create function private.social_snapshot_json(p_row public.social_followers)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  -- Figures not recorded are left out, so the 2.2 follower form reads the same answer as before.
  select jsonb_strip_nulls(jsonb_build_object(
    'network',    p_row.network,
    'measuredOn', p_row.measured_on,
    'followers',  p_row.followers,
    'posts',      p_row.posts,
    'reach',      p_row.reach,
    'engagement', p_row.engagement
  ));
$$;
comment on function private.social_snapshot_json(public.social_followers) is 'A snapshot as the API answers it: network, measuredOn, followers, and posts, reach and engagement when recorded.';
revoke execute on function private.social_snapshot_json(public.social_followers) from public;

-- ONE SNAPSHOT
drop function public.staff_record_followers(text, date, integer);

create function public.staff_record_followers(
  p_network     text,
  p_measured_on date,
  p_followers   integer,
  p_posts       integer default null,
  p_reach       integer default null,
  p_engagement  integer default null
)
returns jsonb
language plpgsql
-- security definer: authenticated cannot write snapshots directly; the role check below is the gate,
-- and the audit trigger records the caller.
security definer
set search_path = ''
as $$
declare
  v_fields jsonb;
  v_row    public.social_followers;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para registrar seguidores.');
  end if;

  v_fields := private.social_snapshot_problems(p_network, p_measured_on, p_followers, p_posts, p_reach, p_engagement);
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  -- A second reading for the same day corrects the first; figures it leaves out keep their value.
  insert into public.social_followers as f (network, measured_on, followers, posts, reach, engagement)
  values (p_network, p_measured_on, p_followers, p_posts, p_reach, p_engagement)
  on conflict (network, measured_on) do update
    set followers = excluded.followers, posts = coalesce(excluded.posts, f.posts), reach = coalesce(excluded.reach, f.reach),
        engagement = coalesce(excluded.engagement, f.engagement)
  returning * into v_row;

  return jsonb_build_object('ok', true, 'value', private.social_snapshot_json(v_row));
end;
$$;
comment on function public.staff_record_followers(text, date, integer, integer, integer, integer) is 'Staff (admin, communications): records a network''s snapshot on a date — followers, and optionally posts, reach and engagement (a second reading that day replaces the first).';
revoke execute on function public.staff_record_followers(text, date, integer, integer, integer, integer) from public, anon, authenticated;
grant execute on function public.staff_record_followers(text, date, integer, integer, integer, integer) to authenticated;

-- CSV IMPORT
create function public.staff_import_social_snapshots(p_rows jsonb)
returns jsonb
language plpgsql
-- security definer: as staff_record_followers; the whole file is one transaction, so one bad row
-- writes nothing.
security definer
set search_path = ''
as $$
declare
  v_fields   jsonb := '{}'::jsonb;
  v_problems jsonb;
  v_row      record;
  v_count    integer;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para importar cifras de redes sociales.');
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) = 0 then
    return private.failure('validation_failed', 'El archivo no tiene filas.', jsonb_build_object('csv', 'Agregue al menos una fila de cifras.'));
  end if;

  for v_row in
    select r.line, r.network, r.measured_on, r.followers, r.posts, r.reach, r.engagement
    from jsonb_to_recordset(p_rows) as r (line integer, network text, measured_on date, followers integer, posts integer, reach integer, engagement integer)
  loop
    v_problems := private.social_snapshot_problems(v_row.network, v_row.measured_on, v_row.followers, v_row.posts, v_row.reach, v_row.engagement);
    select v_fields || coalesce(jsonb_object_agg(format('rows.%s.%s', v_row.line, p.key), format('Fila %s: %s%s', v_row.line, lower(left(p.value #>> '{}', 1)), substr(p.value #>> '{}', 2))), '{}'::jsonb)
    into v_fields
    from jsonb_each(v_problems) p;
  end loop;

  select v_fields || coalesce(jsonb_object_agg(format('rows.%s.measuredOn', d.line), format('Fila %s: la red y la fecha ya están en la fila %s.', d.line, d.first)), '{}'::jsonb)
  into v_fields
  from (
    select r.line, first_value(r.line) over w as first, row_number() over w as n
    from jsonb_to_recordset(p_rows) as r (line integer, network text, measured_on date)
    window w as (partition by r.network, r.measured_on order by r.line)
  ) d
  where d.n > 1;

  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise las filas marcadas: no se importó ninguna cifra.', v_fields);
  end if;

  insert into public.social_followers as f (network, measured_on, followers, posts, reach, engagement)
  select r.network, r.measured_on, r.followers, r.posts, r.reach, r.engagement
  from jsonb_to_recordset(p_rows) as r (network text, measured_on date, followers integer, posts integer, reach integer, engagement integer)
  on conflict (network, measured_on) do update
    set followers = excluded.followers, posts = coalesce(excluded.posts, f.posts), reach = coalesce(excluded.reach, f.reach),
        engagement = coalesce(excluded.engagement, f.engagement);
  get diagnostics v_count = row_count;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object('imported', v_count));
end;
$$;
comment on function public.staff_import_social_snapshots(jsonb) is 'Staff (admin, communications): imports snapshots [{line, network, measured_on, followers, posts?, reach?, engagement?}] all or none; errors are keyed rows.<line>.<field>.';
revoke execute on function public.staff_import_social_snapshots(jsonb) from public, anon, authenticated;
grant execute on function public.staff_import_social_snapshots(jsonb) to authenticated;

-- ACCOUNTS
create function public.staff_save_social_account(p_network text, p_handle text, p_url text)
returns jsonb
language plpgsql
-- security definer: authenticated cannot write social_accounts; the role check is the gate.
security definer
set search_path = ''
as $$
declare
  v_handle text := nullif(btrim(p_handle), '');
  v_url    text := nullif(btrim(p_url), '');
  v_fields jsonb;
  v_row    public.social_accounts;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para editar las cuentas de redes sociales.');
  end if;
  v_fields := jsonb_strip_nulls(jsonb_build_object(
    'network', case when p_network is null or p_network not in ('facebook', 'instagram', 'x', 'tiktok', 'youtube', 'linkedin', 'whatsapp') then 'Elija una red de la lista.' end,
    'handle',  case when v_handle is null or char_length(v_handle) > 100 then 'Escriba el nombre de la cuenta (máximo 100 caracteres).' end,
    'url',     case when v_url is not null and (v_url !~ '^https://\S+$' or char_length(v_url) > 500) then 'El enlace debe empezar por https:// (máximo 500 caracteres).' end
  ));
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  insert into public.social_accounts as a (network, handle, url)
  values (p_network, v_handle, v_url)
  on conflict (network) do update set handle = excluded.handle, url = excluded.url, updated_at = now()
  returning * into v_row;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object('network', v_row.network, 'handle', v_row.handle, 'url', v_row.url));
end;
$$;
comment on function public.staff_save_social_account(text, text, text) is 'Staff (admin, communications): names the agency''s account on a network (and its link).';
revoke execute on function public.staff_save_social_account(text, text, text) from public, anon, authenticated;
grant execute on function public.staff_save_social_account(text, text, text) to authenticated;

-- REPORT
-- Per network and month: the last followers of the month against the last known before it (which
-- may be older than the period), and the posts, reach and engagement recorded in the month.
create function public.social_monitoring_report(p_from date, p_to date)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with
  months as (
    select f.network, date_trunc('month', f.measured_on)::date as month,
           (array_agg(f.followers order by f.measured_on desc))[1] as followers,
           max(f.measured_on) as measured_on,
           sum(f.posts)::integer as posts, sum(f.reach)::integer as reach, sum(f.engagement)::integer as engagement
    from public.social_followers f
    where f.measured_on <= p_to
    group by f.network, date_trunc('month', f.measured_on)
  ),
  changes as (
    select m.*, m.followers - lag(m.followers) over w as change,
           case when lag(m.followers) over w > 0 then round(100.0 * (m.followers - lag(m.followers) over w) / lag(m.followers) over w, 1) end as change_pct
    from months m
    window w as (partition by m.network order by m.month)
  )
  select jsonb_build_object(
    'from', p_from,
    'to',   p_to,
    'accounts', (select coalesce(jsonb_agg(jsonb_build_object('network', a.network, 'handle', a.handle, 'url', a.url) order by a.network), '[]'::jsonb) from public.social_accounts a),
    'snapshots', (
      select coalesce(jsonb_agg(jsonb_build_object('network', f.network, 'measuredOn', f.measured_on, 'followers', f.followers,
                                                   'posts', f.posts, 'reach', f.reach, 'engagement', f.engagement) order by f.network, f.measured_on), '[]'::jsonb)
      from public.social_followers f
      where f.measured_on between p_from and p_to
    ),
    'months', (
      select coalesce(jsonb_agg(jsonb_build_object('network', c.network, 'month', c.month, 'measuredOn', c.measured_on, 'followers', c.followers,
                                                   'change', c.change, 'changePct', c.change_pct, 'posts', c.posts, 'reach', c.reach,
                                                   'engagement', c.engagement) order by c.network, c.month), '[]'::jsonb)
      from changes c
      where c.month between date_trunc('month', p_from)::date and p_to
    )
  )
  where p_from <= p_to;
$$;
comment on function public.social_monitoring_report(date, date) is 'Public: snapshots of a period per network and the monthly followers with change against the month before (absolute and %), posts, reach and engagement.';
revoke execute on function public.social_monitoring_report(date, date) from public, anon, authenticated;
grant execute on function public.social_monitoring_report(date, date) to anon, authenticated;
