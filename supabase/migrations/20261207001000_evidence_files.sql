-- Evidence files: staff upload a document or photo, it is stored (Supabase Storage in production, a
-- folder under DATA_DIR locally) and attached as evidence through the existing evidence functions with
-- its site path, so the public pages link it exactly like link evidence. This table is the register of
-- what was uploaded, by whom and with which fingerprint; deleting a file keeps its audit row.

create table public.evidence_files (
  id            uuid        primary key,
  sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes    integer     not null check (size_bytes between 1 and 20971520),
  content_type  text        not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif', 'text/csv',
                                                              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                                                              'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  original_name text        not null check (char_length(original_name) between 1 and 255),
  storage_key   text        not null unique check (storage_key ~ '^[0-9a-f-]{36}/[^/]+$'),
  url           text        not null check (url ~ '^/evidencias/'),
  title         text        not null check (char_length(title) between 2 and 200),
  alt           text        check (char_length(alt) between 3 and 300),
  target_kind   text        not null check (target_kind in ('plan', 'accountability', 'incidence')),
  target_ref    text        not null check (char_length(target_ref) between 1 and 200),
  uploaded_by   text,
  created_at    timestamptz not null default now(),
  -- An image is shown on the public pages, so it always carries its text alternative.
  check (content_type !~ '^image/' or alt is not null)
);
comment on table public.evidence_files is 'Uploaded evidence files (type checked by content, ≤ 20 MB): fingerprint, size, type, who uploaded it and what it is evidence of; the evidence link itself lives in the target''s evidence table.';
comment on column public.evidence_files.storage_key is '<id>/<safe name>: the key in the storage bucket (or under DATA_DIR/evidencias) and the tail of the site path.';
comment on column public.evidence_files.target_ref is 'The plan activity code, the accountability activity id, or <kind>/<slug> of an incidence exercise.';
comment on column public.evidence_files.uploaded_by is 'E-mail of the staff member who uploaded it, from the JWT claims.';

alter table public.evidence_files enable row level security;
revoke all on table public.evidence_files from anon, authenticated;
-- No policy: only the security definer functions below read or write it.

create trigger evidence_files_audit
after insert or update or delete on public.evidence_files
for each row execute function private.audit_row_change('id');

create function public.staff_record_evidence_file(p_file jsonb)
returns jsonb
language plpgsql
-- security definer: authenticated has no privilege on evidence_files; the role check below is the gate
-- and the audit trigger records the caller from the JWT claims.
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para subir evidencias.');
  end if;
  insert into public.evidence_files (id, sha256, size_bytes, content_type, original_name, storage_key, url, title, alt, target_kind, target_ref, uploaded_by)
  values ((p_file ->> 'id')::uuid, p_file ->> 'sha256', (p_file ->> 'size')::integer, p_file ->> 'contentType', p_file ->> 'originalName',
          p_file ->> 'storageKey', p_file ->> 'url', btrim(p_file ->> 'title'), nullif(btrim(p_file ->> 'alt'), ''),
          p_file ->> 'targetKind', p_file ->> 'targetRef', private.staff_actor() ->> 'email')
  returning id into v_id;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', v_id));
exception
  when check_violation or not_null_violation or invalid_text_representation or numeric_value_out_of_range then
    return private.failure('validation_failed', 'Revise los datos del archivo.');
end;
$$;
comment on function public.staff_record_evidence_file(jsonb) is 'Staff (admin, communications): registers an uploaded evidence file once it is stored and attached.';
revoke execute on function public.staff_record_evidence_file(jsonb) from public, anon, authenticated;
grant execute on function public.staff_record_evidence_file(jsonb) to authenticated;

create function public.staff_delete_evidence_file(p_id uuid)
returns jsonb
language plpgsql
-- security definer: as staff_record_evidence_file; the evidence links pointing at the file go with it,
-- so no public page links a file that is gone.
security definer
set search_path = ''
as $$
declare
  v_file public.evidence_files;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para borrar evidencias.');
  end if;
  delete from public.evidence_files where id = p_id returning * into v_file;
  if not found then
    return private.failure('not_found', 'No existe ese archivo de evidencia.');
  end if;
  delete from public.plan_evidence where url = v_file.url;
  delete from public.accountability_evidence where url = v_file.url;
  delete from public.incidence_evidence where url = v_file.url;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', v_file.id, 'storageKey', v_file.storage_key));
end;
$$;
comment on function public.staff_delete_evidence_file(uuid) is 'Staff (admin, communications): deletes an evidence file''s register and every evidence link to it; the caller removes the stored bytes.';
revoke execute on function public.staff_delete_evidence_file(uuid) from public, anon, authenticated;
grant execute on function public.staff_delete_evidence_file(uuid) to authenticated;
