-- The hearings' personal-data export builds its consent record through private.consent_json, like every other
-- dataset, so the shape a titular is shown cannot drift between services.

create or replace function public.staff_export_hearing_asker(p_email text)
returns jsonb
language plpgsql
stable
-- security definer: questions hold personal data that only this role check lets out.
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('questions', coalesce((
    select jsonb_agg(jsonb_build_object(
      'hearing', h.slug, 'number', q.number, 'question', q.body, 'fullName', q.full_name, 'email', q.email,
      'receivedAt', private.iso_time(q.received_at), 'status', q.status, 'answer', q.answer,
      'consent', private.consent_json(q.consent_id))
      order by q.received_at)
    from public.hearing_questions q
    join public.hearings h on h.id = q.hearing_id
    where q.email = lower(btrim(coalesce(p_email, '')))), '[]'::jsonb)));
end;
$$;
