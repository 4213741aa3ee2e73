-- Habeas data (Ley 1581 de 2012, art. 8 and 15): a person may ask what the agency holds about them and
-- ask for it to be suppressed. The data protection officer (admin) answers both requests for one e-mail
-- address across the capabilities that collect personal data: tickets and their waiting lists, advisory
-- bookings, hearing questions (through the accountability functions) and the invitations list.
-- Suppression keeps the facts the agency must keep (that a seat was used, a session held, a question
-- answered) and erases who the person was.

create function private.personal_data_denied()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case when not private.has_staff_role('admin')
    then private.failure('forbidden', 'Solo el administrador (oficial de protección de datos) atiende consultas y supresiones de datos personales.') end;
$$;
comment on function private.personal_data_denied() is 'The forbidden failure for anyone but admin, else null.';
revoke execute on function private.personal_data_denied() from public;

create function private.consent_json(p_consent_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('version', c.text_version, 'purpose', c.purpose, 'givenAt', private.iso_time(c.given_at))
    from private.consents c where c.id = p_consent_id;
$$;
comment on function private.consent_json(uuid) is 'The consent a record was given under: text version, purpose and time.';
revoke execute on function private.consent_json(uuid) from public;

create function public.staff_export_personal_data(p_email text)
returns jsonb
language plpgsql
stable
-- security definer: the rows hold personal data that only the admin check lets out.
security definer
set search_path = ''
as $$
declare
  v_email text := lower(btrim(coalesce(p_email, '')));
begin
  if private.personal_data_denied() is not null then
    return private.personal_data_denied();
  end if;
  if v_email !~ '^[^@\s]+@[^@\s]+$' then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('email', 'Escriba el correo de la persona, por ejemplo ana@example.com.'));
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'email', v_email,
    'ticketRegistrations', coalesce((
      select jsonb_agg(jsonb_build_object(
        'event', e.slug, 'eventTitle', e.title, 'startsAt', private.iso_time(e.starts_at), 'code', r.code, 'quantity', r.quantity,
        'status', r.status, 'fullName', r.full_name, 'documentType', r.document_type, 'documentId', r.document_id,
        'email', r.email, 'phone', r.phone, 'registeredAt', private.iso_time(r.created_at), 'consent', private.consent_json(r.consent_id))
        order by r.created_at)
      from public.event_registrations r join public.events e on e.id = r.event_id
      where r.email = v_email), '[]'::jsonb),
    'waitlistEntries', coalesce((
      select jsonb_agg(jsonb_build_object(
        'event', e.slug, 'eventTitle', e.title, 'quantity', w.quantity, 'status', w.status, 'fullName', w.full_name,
        'email', w.email, 'joinedAt', private.iso_time(w.created_at), 'consent', private.consent_json(w.consent_id))
        order by w.created_at)
      from public.event_waitlist_entries w join public.events e on e.id = w.event_id
      where w.email = v_email), '[]'::jsonb),
    'advisoryBookings', coalesce((
      select jsonb_agg(jsonb_build_object(
        'code', b.code, 'area', b.area, 'startsAt', private.iso_time(b.starts_at), 'status', b.status, 'fullName', b.full_name,
        'documentType', b.document_type, 'documentId', b.document_id, 'email', b.email, 'phone', b.phone,
        'businessName', b.business_name, 'stage', b.stage, 'need', b.need, 'bookedAt', private.iso_time(b.created_at),
        'consent', private.consent_json(b.consent_id))
        order by b.created_at)
      from public.advisory_bookings b
      where b.email = v_email), '[]'::jsonb),
    'hearingQuestions', coalesce(public.staff_export_hearing_asker(v_email) -> 'value' -> 'questions', '[]'::jsonb),
    'invitationSubscriptions', coalesce((
      select jsonb_agg(jsonb_build_object(
        'status', s.status, 'fullName', s.full_name, 'organisation', s.organisation, 'email', s.email,
        'subscribedAt', private.iso_time(s.created_at), 'consent', private.consent_json(s.consent_id))
        order by s.created_at)
      from public.invitation_subscribers s
      where s.email = v_email), '[]'::jsonb)));
end;
$$;
comment on function public.staff_export_personal_data(text) is 'Admin (data protection): everything the portal holds about one e-mail address, with the consent each record was given under (consulta, Ley 1581 art. 14).';
revoke execute on function public.staff_export_personal_data(text) from public, anon, authenticated;
grant execute on function public.staff_export_personal_data(text) to authenticated;

create function public.staff_forget_personal_data(p_email text)
returns jsonb
language plpgsql
-- security definer: only these functions write the personal columns; the admin check is the gate.
security definer
set search_path = ''
as $$
declare
  v_email    text := lower(btrim(coalesce(p_email, '')));
  v_tickets  integer;
  v_waiting  integer;
  v_bookings integer;
  v_lists    integer;
  v_mail     integer;
begin
  if private.personal_data_denied() is not null then
    return private.personal_data_denied();
  end if;
  if v_email !~ '^[^@\s]+@[^@\s]+$' then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('email', 'Escriba el correo de la persona, por ejemplo ana@example.com.'));
  end if;
  -- Data still needed to give the service (a ticket for an event to come, a place in line, a session
  -- booked) is not suppressed while in use (art. 15: not while a duty to the person remains): the person
  -- cancels first, from the links in their e-mails, and asks again.
  if exists (select 1 from public.event_registrations r join public.events e on e.id = r.event_id
              where r.email = v_email and r.status = 'active' and e.starts_at > now())
     or exists (select 1 from public.event_waitlist_entries w where w.email = v_email and w.status in ('waiting', 'offered'))
     or exists (select 1 from public.advisory_bookings b where b.email = v_email and b.status = 'booked' and b.ends_at > now()) then
    return private.failure('locked', 'Esta persona tiene boletas, un lugar en lista de espera o una asesoría vigentes. Debe cancelarlos primero (con los enlaces de sus correos) y volver a pedir la supresión.');
  end if;

  -- Each erased row gets placeholders its checks accept, distinct per row so the uniqueness rules hold.
  update public.event_registrations
     set full_name = 'Titular suprimido', document_type = 'CC', document_id = 'S' || upper(left(md5(id::text), 12)),
         email = 'suprimido-' || left(md5(id::text), 12) || '@suprimido.invalid', phone = null
   where email = v_email;
  get diagnostics v_tickets = row_count;
  update public.event_waitlist_entries
     set full_name = 'Titular suprimido', email = 'suprimido-' || left(md5(id::text), 12) || '@suprimido.invalid'
   where email = v_email;
  get diagnostics v_waiting = row_count;
  update public.advisory_bookings
     set full_name = 'Titular suprimido', document_type = 'CC', document_id = 'S' || upper(left(md5(id::text), 12)),
         email = 'suprimido-' || left(md5(id::text), 12) || '@suprimido.invalid', phone = '0000000',
         business_name = null, need = '[suprimido]'
   where email = v_email;
  get diagnostics v_bookings = row_count;
  -- An unsubscribed address stays only as the record that it asked not to be written to; any other goes.
  delete from public.invitation_subscribers where email = v_email and status <> 'unsubscribed';
  get diagnostics v_lists = row_count;
  update public.invitation_subscribers set full_name = null, organisation = null where email = v_email;
  delete from private.email_outbox where recipient = v_email and status <> 'sending';
  get diagnostics v_mail = row_count;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'ticketRegistrations', v_tickets,
    'waitlistEntries', v_waiting,
    'advisoryBookings', v_bookings,
    'hearingQuestions', (public.staff_forget_hearing_asker(v_email) -> 'value' ->> 'forgotten')::integer,
    'invitationSubscriptions', v_lists,
    'emails', v_mail));
end;
$$;
comment on function public.staff_forget_personal_data(text) is 'Admin (data protection): suppresses one e-mail address''s personal data across tickets, waiting lists, advisory bookings, hearing questions, the invitations list and the outbox; refused (locked) while the person holds a service still to come.';
revoke execute on function public.staff_forget_personal_data(text) from public, anon, authenticated;
grant execute on function public.staff_forget_personal_data(text) to authenticated;
