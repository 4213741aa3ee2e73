-- Direct evidence uploads: on Netlify a function's request body is capped at about 6 MB, so a file of up
-- to 20 MB goes from the browser straight to storage (a signed bucket URL, or the local host's own PUT
-- route). The server opens a short-lived slot for a fresh key, the browser sends the bytes, and the server
-- completes: it reads what arrived, checks it like any upload and registers it (evidence_files). This
-- table keeps the slot between those calls, and the answer of its completion so a repeat gets the same.

create table public.evidence_uploads (
  id          uuid        primary key,
  storage_key text        not null unique check (storage_key ~ '^[0-9a-f-]{36}/[^/]+$'),
  fields      jsonb       not null,
  name        text        not null check (char_length(name) between 1 and 255),
  size_bytes  integer     not null check (size_bytes between 1 and 20971520),
  expires_at  timestamptz not null,
  created_by  text,
  created_at  timestamptz not null default now(),
  claimed_at  timestamptz,
  result      jsonb
);
comment on table public.evidence_uploads is 'Evidence upload slots: a fresh storage key the browser sends a file to directly, until the server completes it (checks the bytes, stores and registers the file) or the slot expires.';
comment on column public.evidence_uploads.storage_key is 'Where the browser''s bytes wait (<slot id>/pendiente) until completion moves them under the file''s own key.';
comment on column public.evidence_uploads.fields is 'The upload form''s validated fields (title, alt, targetKind, targetRef), applied at completion.';
comment on column public.evidence_uploads.name is 'The file name the browser declared; the type is still read from the bytes at completion.';
comment on column public.evidence_uploads.claimed_at is 'When a completion started: a second one in the same minute waits instead of storing the file twice.';
comment on column public.evidence_uploads.result is 'The completion''s answer ({"ok", "value" | "error"}), replayed to a repeated completion.';
comment on column public.evidence_uploads.created_by is 'E-mail of the staff member who opened the slot, from the JWT claims.';

alter table public.evidence_uploads enable row level security;
revoke all on table public.evidence_uploads from anon, authenticated;
-- No policy: only the security definer functions below read or write it.

create index evidence_uploads_expires_at on public.evidence_uploads (expires_at) where result is null;

create function public.staff_open_evidence_upload(p_upload jsonb)
returns jsonb
language plpgsql
-- security definer: authenticated has no privilege on evidence_uploads; the role check below is the gate
-- (the same role that may register evidence files).
security definer
set search_path = ''
as $$
declare
  v_slot public.evidence_uploads;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para subir evidencias.');
  end if;
  insert into public.evidence_uploads (id, storage_key, fields, name, size_bytes, expires_at, created_by)
  values ((p_upload ->> 'id')::uuid, p_upload ->> 'storageKey', p_upload -> 'fields', p_upload ->> 'name', (p_upload ->> 'size')::integer,
          now() + interval '10 minutes', private.staff_actor() ->> 'email')
  returning * into v_slot;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', v_slot.id, 'expiresAt', v_slot.expires_at));
exception
  when check_violation or not_null_violation or invalid_text_representation or numeric_value_out_of_range then
    return private.failure('validation_failed', 'Revise los datos del archivo.');
end;
$$;
comment on function public.staff_open_evidence_upload(jsonb) is 'Staff (admin, communications): opens a 10-minute slot for one direct evidence upload.';
revoke execute on function public.staff_open_evidence_upload(jsonb) from public, anon, authenticated;
grant execute on function public.staff_open_evidence_upload(jsonb) to authenticated;

create function public.staff_pending_evidence_upload(p_id uuid)
returns jsonb
language plpgsql
stable
-- security definer: as staff_open_evidence_upload. The local host's PUT route asks where the bytes go.
security definer
set search_path = ''
as $$
declare
  v_slot public.evidence_uploads;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para subir evidencias.');
  end if;
  select * into v_slot from public.evidence_uploads where id = p_id;
  if not found then
    return private.failure('not_found', 'No existe ese espacio de subida.');
  end if;
  if v_slot.result is not null or v_slot.claimed_at is not null then
    return private.failure('closed', 'Esta subida ya se completó: para otro archivo, súbalo de nuevo.');
  end if;
  if v_slot.expires_at <= now() then
    return private.failure('closed', 'El espacio de subida venció: vuelva a subir el archivo.');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('storageKey', v_slot.storage_key, 'size', v_slot.size_bytes));
end;
$$;
comment on function public.staff_pending_evidence_upload(uuid) is 'Staff (admin, communications): the storage key of a slot that still takes its bytes (not expired, not completed).';
revoke execute on function public.staff_pending_evidence_upload(uuid) from public, anon, authenticated;
grant execute on function public.staff_pending_evidence_upload(uuid) to authenticated;

create function public.staff_claim_evidence_upload(p_id uuid)
returns jsonb
language plpgsql
-- security definer: as staff_open_evidence_upload. The row lock makes two simultaneous completions one:
-- the second hears "in progress", never stores the file twice.
security definer
set search_path = ''
as $$
declare
  v_slot public.evidence_uploads;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para subir evidencias.');
  end if;
  select * into v_slot from public.evidence_uploads where id = p_id for update;
  if not found then
    return private.failure('not_found', 'No existe ese espacio de subida.');
  end if;
  if v_slot.result is not null then
    return jsonb_build_object('ok', true, 'value', jsonb_build_object('result', v_slot.result));
  end if;
  if v_slot.expires_at <= now() then
    return private.failure('closed', 'El espacio de subida venció: vuelva a subir el archivo.');
  end if;
  if v_slot.claimed_at > now() - interval '1 minute' then
    return private.failure('locked', 'La subida de este archivo ya se está completando.');
  end if;
  update public.evidence_uploads set claimed_at = now() where id = p_id;
  return jsonb_build_object('ok', true, 'value',
    jsonb_build_object('storageKey', v_slot.storage_key, 'fields', v_slot.fields, 'name', v_slot.name));
end;
$$;
comment on function public.staff_claim_evidence_upload(uuid) is 'Staff (admin, communications): starts completing a slot, or gives the answer it already had.';
revoke execute on function public.staff_claim_evidence_upload(uuid) from public, anon, authenticated;
grant execute on function public.staff_claim_evidence_upload(uuid) to authenticated;

create function public.staff_finish_evidence_upload(p_id uuid, p_result jsonb)
returns jsonb
language plpgsql
-- security definer: as staff_open_evidence_upload. A null result releases the claim (the bytes had not
-- arrived yet), so the browser may complete again at once.
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para subir evidencias.');
  end if;
  update public.evidence_uploads
     set result = p_result, claimed_at = case when p_result is null then null else claimed_at end
   where id = p_id and result is null;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', p_id));
end;
$$;
comment on function public.staff_finish_evidence_upload(uuid, jsonb) is 'Staff (admin, communications): records the answer of a completed slot, or releases its claim.';
revoke execute on function public.staff_finish_evidence_upload(uuid, jsonb) from public, anon, authenticated;
grant execute on function public.staff_finish_evidence_upload(uuid, jsonb) to authenticated;

create function public.sweep_evidence_uploads()
returns jsonb
language sql
volatile
-- security definer: as staff_open_evidence_upload; only the scheduled job (service_role) may call it.
security definer
set search_path = ''
as $$
  -- Two hours past expiry: a bucket's signed upload URL stays valid two hours from its slot's opening, so
  -- no late PUT can leave bytes behind once the row that names them is gone.
  with swept as (
    delete from public.evidence_uploads where expires_at < now() - interval '2 hours' returning storage_key
  )
  select jsonb_build_object('storageKeys', coalesce((select jsonb_agg(storage_key) from swept), '[]'::jsonb));
$$;
comment on function public.sweep_evidence_uploads() is 'Forgets upload slots two hours past their expiry and returns their storage keys, so the scheduled job removes any bytes still waiting there.';
revoke execute on function public.sweep_evidence_uploads() from public, anon, authenticated;
grant execute on function public.sweep_evidence_uploads() to service_role;
