-- The staff pages list the uploaded evidence files of a target kind, each with its delete button.

create function public.staff_list_evidence_files(p_target_kind text)
returns jsonb
language plpgsql
stable
-- security definer: authenticated has no privilege on evidence_files; the role check below is the gate.
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para ver las evidencias subidas.');
  end if;
  return jsonb_build_object('ok', true, 'value', coalesce((
    select jsonb_agg(jsonb_build_object('id', f.id, 'url', f.url, 'title', f.title, 'targetRef', f.target_ref,
                                        'contentType', f.content_type, 'size', f.size_bytes, 'createdAt', f.created_at)
                     order by f.created_at desc)
    from public.evidence_files f where f.target_kind = p_target_kind), '[]'::jsonb));
end;
$$;
comment on function public.staff_list_evidence_files(text) is 'Staff (admin, communications): the uploaded evidence files of one target kind, newest first.';
revoke execute on function public.staff_list_evidence_files(text) from public, anon, authenticated;
grant execute on function public.staff_list_evidence_files(text) to authenticated;
