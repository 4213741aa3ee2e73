-- Habeas data and retention were built side by side (…000600 and …000700); this joins them.
--
-- One suppression per dataset: the person's own supresión (record by record, what may go now and the rest
-- later), the officer's (all or nothing) and the retention job all erase through the per-dataset
-- functions of …000700. One consulta: what the officer exports and what the person sees behind their link
-- now include the messages sent to the address and the person's own habeas-data requests.
--
-- The requests are a dataset too, on another basis than consent: the law obliges the agency to attend
-- them (Ley 1581 de 2012, art. 14, 15 and 17 j), so the record is not erased at the holder's request
-- (Decreto 1377 de 2013, art. 9: not while a legal duty to keep it remains); its retention rule erases the
-- address, the message and the answer once the period in which the agency may have to show the SIC how it
-- answered has passed.

-- THE RULES KNOW THEIR BASIS
alter table private.retention_rules
  add column basis text not null default 'consent' check (basis in ('consent', 'legal_obligation'));
comment on column private.retention_rules.basis is 'consent: held under the holder''s authorization, suppressed at their request; legal_obligation: held because a law obliges the agency (no consent, no suppression at the holder''s request; only the retention period ends it).';
alter table private.retention_rules
  add constraint retention_rules_legal_obligation_check
  check (basis = 'consent' or (consent_versions = '{}' and suppress_via is null and retention is not null));

-- INVITATION LIST, ONE FUNCTION
create function private.forget_invitation_subscribers(p_ids uuid[])
returns integer
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_gone integer;
begin
  -- An unsubscribed address stays only as the record that it asked not to be written to; any other goes.
  delete from public.invitation_subscribers where id = any(p_ids) and status <> 'unsubscribed';
  get diagnostics v_gone = row_count;
  update public.invitation_subscribers set full_name = null, organisation = null
   where id = any(p_ids) and status = 'unsubscribed' and (full_name is not null or organisation is not null);
  return v_gone;
end;
$$;
comment on function private.forget_invitation_subscribers(uuid[]) is 'Deletes these sign-ups, except an unsubscription, which keeps only its address as the record not to write again. Returns the sign-ups deleted.';
revoke execute on function private.forget_invitation_subscribers(uuid[]) from public;

-- MESSAGES TO AN ADDRESS, ONE FUNCTION
create function private.forget_emails_to(p_email text)
returns integer
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_dropped integer;
begin
  -- A message still queued about a habeas-data request carries the answer the law owes the person: it
  -- leaves, and its address is erased with the others after its period.
  delete from private.email_outbox
   where recipient = p_email and status = 'pending' and template not like 'personal-data-%';
  get diagnostics v_dropped = row_count;
  -- What was sent stays as the record that a message left, and when, without the address.
  return v_dropped + private.suppress_sent_emails(array(
    select o.id from private.email_outbox o where o.recipient = p_email and o.status in ('sent', 'failed')));
end;
$$;
comment on function private.forget_emails_to(text) is 'Drops the messages still queued for an address (but those answering a habeas-data request) and erases it from those sent. Returns the messages dropped or erased.';
revoke execute on function private.forget_emails_to(text) from public;

create function private.sent_emails_held(p_email text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'template', o.template, 'status', o.status, 'queuedAt', private.iso_time(o.created_at), 'sentAt', private.iso_time(o.sent_at))
    order by o.created_at), '[]'::jsonb)
  from private.email_outbox o where o.recipient = p_email;
$$;
comment on function private.sent_emails_held(text) is 'The messages the portal sent or is sending to one (normalised) address: which and when, never their content.';
revoke execute on function private.sent_emails_held(text) from public;

-- The officer's one export (staff_export_personal_data, key emails) now shows them: no second door.
drop function public.staff_export_sent_emails(text);

-- THE REQUESTS ARE A DATASET
alter table public.personal_data_requests add column suppressed_at timestamptz;
comment on column public.personal_data_requests.suppressed_at is 'When address, message and answer were erased at the end of the retention period; radicado, kind and dates stay as the record that the request was attended.';
comment on column public.personal_data_requests.email is 'Dato personal: the holder''s address, whose data the request is about and where its link and answer go; lower case.';
comment on column public.personal_data_requests.message is 'Dato personal: what the holder wrote (what to correct, what to clarify).';
comment on column public.personal_data_requests.answer is 'Dato personal: the officer''s answer, e-mailed to the holder; it may repeat their data.';
comment on column public.personal_data_requests.answered_by is 'Dato de servidor: the officer who answered (JWT e-mail).';
comment on table public.personal_data_requests is 'Habeas-data requests (Ley 1581, art. 14 consulta, art. 15 reclamo): unconfirmed until the e-mailed link confirms them, then a legal term in working days, answered through the outbox. Kept after a suppression as the record that the request was attended; its personal fields go when its retention rule (private.retention_rules, personal_data_requests) says. Personal data: reached only through security definer functions.';

create function private.suppress_personal_data_requests(p_ids uuid[])
returns integer
language sql
volatile
set search_path = ''
as $$
  -- Only answered requests: an open one still owes the person an answer at that address.
  with gone as (
    update public.personal_data_requests
       set email = 'suprimido-' || left(md5(id::text), 12) || '@suprimido.invalid', message = null,
           answer = '[Respuesta suprimida]', suppressed_at = now()
     where id = any(p_ids) and status = 'answered' and suppressed_at is null
    returning 1)
  select count(*)::integer from gone;
$$;
comment on function private.suppress_personal_data_requests(uuid[]) is 'Erases address, message and answer of these answered requests; radicado, kind, dates and who answered stay. Returns the rows erased.';
revoke execute on function private.suppress_personal_data_requests(uuid[]) from public;

insert into private.retention_rules
  (dataset, position, title, purpose, legal_basis, personal_fields, audience, roles, retention, retention_from, outcome,
   legal_reason, tables, consent_versions, export_via, suppress_via, applied_by, basis)
values
  ('personal_data_requests', 78, 'Sus solicitudes sobre datos personales',
   'Atender su consulta, corrección o supresión, responderle por correo y dejar constancia de que se atendió dentro del plazo legal.',
   'Obligación legal: la entidad debe tramitar las consultas y reclamos de los titulares (Ley 1581 de 2012, art. 14, 15 y 17 j); no requiere su autorización (art. 10 a). Por eso esta constancia no se suprime a petición suya mientras dure el deber de conservarla (Decreto 1377 de 2013, art. 9).',
   array['Correo electrónico', 'Su mensaje', 'La respuesta que le enviamos'],
   'El oficial de protección de datos (administrador), que atiende la solicitud.',
   array['admin'],
   interval '1095 days', 'la respuesta a su solicitud',
   'Se suprimen el correo, su mensaje y el texto de la respuesta. Quedan el número de radicado, la clase de solicitud y sus fechas, como constancia de que se atendió.',
   'Decreto 1377 de 2013, art. 11: solo el tiempo razonable y necesario. Tres años es el plazo en que la Superintendencia de Industria y Comercio puede investigar y sancionar una queja por la atención de la solicitud (Ley 1581, art. 22; Ley 1437 de 2011, art. 52), y la entidad debe poder mostrar qué se pidió y qué respondió.',
   array['public.personal_data_requests'], array[]::text[],
   'staff_export_personal_data:personalDataRequests', null, 'personal-data-retention', 'legal_obligation');

-- The officer's one export shows the sent messages too.
update private.retention_rules set export_via = 'staff_export_personal_data:emails' where dataset = 'sent_emails';

-- WHAT IS HELD, ALL OF IT
create or replace function private.personal_data_held(p_email text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'email', p_email,
    'ticketRegistrations', coalesce((
      select jsonb_agg(jsonb_build_object(
        'event', e.slug, 'eventTitle', e.title, 'startsAt', private.iso_time(e.starts_at), 'code', r.code, 'quantity', r.quantity,
        'status', r.status, 'fullName', r.full_name, 'documentType', r.document_type, 'documentId', r.document_id,
        'email', r.email, 'phone', r.phone, 'registeredAt', private.iso_time(r.created_at), 'consent', private.consent_json(r.consent_id))
        order by r.created_at)
      from public.event_registrations r join public.events e on e.id = r.event_id
      where r.email = p_email), '[]'::jsonb),
    'waitlistEntries', coalesce((
      select jsonb_agg(jsonb_build_object(
        'event', e.slug, 'eventTitle', e.title, 'quantity', w.quantity, 'status', w.status, 'fullName', w.full_name,
        'email', w.email, 'joinedAt', private.iso_time(w.created_at), 'consent', private.consent_json(w.consent_id))
        order by w.created_at)
      from public.event_waitlist_entries w join public.events e on e.id = w.event_id
      where w.email = p_email), '[]'::jsonb),
    'advisoryBookings', coalesce((
      select jsonb_agg(jsonb_build_object(
        'code', b.code, 'area', b.area, 'startsAt', private.iso_time(b.starts_at), 'status', b.status, 'fullName', b.full_name,
        'documentType', b.document_type, 'documentId', b.document_id, 'email', b.email, 'phone', b.phone,
        'businessName', b.business_name, 'stage', b.stage, 'need', b.need, 'bookedAt', private.iso_time(b.created_at),
        'consent', private.consent_json(b.consent_id))
        order by b.created_at)
      from public.advisory_bookings b
      where b.email = p_email), '[]'::jsonb),
    'hearingQuestions', private.hearing_asker_questions(p_email),
    'invitationSubscriptions', coalesce((
      select jsonb_agg(jsonb_build_object(
        'status', s.status, 'fullName', s.full_name, 'organisation', s.organisation, 'email', s.email,
        'subscribedAt', private.iso_time(s.created_at), 'consent', private.consent_json(s.consent_id))
        order by s.created_at)
      from public.invitation_subscribers s
      where s.email = p_email), '[]'::jsonb),
    'emails', private.sent_emails_held(p_email),
    -- The request being confirmed is not yet one: only those the link confirmed.
    'personalDataRequests', coalesce((
      select jsonb_agg(jsonb_build_object(
        'number', q.number, 'kind', q.kind, 'status', q.status, 'email', q.email, 'message', q.message,
        'confirmedAt', private.iso_time(q.confirmed_at), 'dueOn', q.due_on, 'answeredAt', private.iso_time(q.answered_at), 'answer', q.answer)
        order by q.number)
      from public.personal_data_requests q
      where q.email = p_email and q.status <> 'unconfirmed'), '[]'::jsonb));
$$;
comment on function private.personal_data_held(text) is 'Everything the portal holds about one (normalised) e-mail address, per dataset: each record with its consent, the messages sent to it and the habeas-data requests it made.';

-- ONE SUPPRESSION
create or replace function private.suppress_personal_data(p_email text)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_waiting jsonb;
  -- What still serves a service to come is not erased now (private.personal_data_waiting says what and why).
  v_kept    uuid[];
begin
  select coalesce(jsonb_agg(jsonb_build_object('dataset', w.dataset, 'id', w.id, 'until', private.iso_time(w.until), 'reason', w.reason) order by w.until), '[]'::jsonb),
         coalesce(array_agg(w.id), '{}')
    into v_waiting, v_kept
    from private.personal_data_waiting(p_email) w;

  return jsonb_build_object(
    'suppressed', jsonb_build_object(
      'ticketRegistrations', private.suppress_event_registrations(array(
        select r.id from public.event_registrations r where r.email = p_email and r.id <> all(v_kept))),
      'waitlistEntries', private.suppress_waitlist_entries(array(
        select w.id from public.event_waitlist_entries w where w.email = p_email and w.id <> all(v_kept))),
      'advisoryBookings', private.suppress_advisory_bookings(array(
        select b.id from public.advisory_bookings b where b.email = p_email and b.id <> all(v_kept))),
      -- A question goes now: it was answered in public, and its answer stays public, anonymous.
      'hearingQuestions', private.forget_hearing_askers(array(
        select q.id from public.hearing_questions q where q.email = p_email)),
      'invitationSubscriptions', private.forget_invitation_subscribers(array(
        select s.id from public.invitation_subscribers s where s.email = p_email)),
      -- Queued messages may still serve a waiting record (a reminder, the ticket): they go with the last of them.
      'emails', case when v_waiting = '[]'::jsonb then private.forget_emails_to(p_email) else 0 end),
    'waiting', (select coalesce(jsonb_agg(w - 'id'), '[]'::jsonb) from jsonb_array_elements(v_waiting) w));
end;
$$;
comment on function private.suppress_personal_data(text) is 'Suppresses, through each dataset''s own function, every record of an address that may go now (tickets, waiting lists, bookings, questions, the invitations list; the messages once nothing waits); returns what went and what waits, with why. Habeas-data requests stay (legal obligation; their retention rule ends them).';

create or replace function public.staff_forget_personal_data(p_email text)
returns jsonb
language plpgsql
-- security definer: only these functions write the personal columns; the admin check is the gate.
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
  -- The admin's tool stays all or nothing (the person's own request suppresses in parts): data still
  -- needed to give a service is not suppressed while in use (art. 15), so the person cancels first.
  if exists (select 1 from private.personal_data_waiting(v_email)) then
    return private.failure('locked', 'Esta persona tiene boletas, un lugar en lista de espera o una asesoría vigentes. Debe cancelarlos primero (con los enlaces de sus correos) y volver a pedir la supresión.');
  end if;
  return jsonb_build_object('ok', true, 'value', private.suppress_personal_data(v_email) -> 'suppressed');
end;
$$;

-- THE JOB, WITH THE REQUESTS
create or replace function public.apply_personal_data_retention()
returns jsonb
language plpgsql
-- security definer: the daily job runs as service_role, which holds no table privileges.
security definer
set search_path = ''
as $$
declare
  v_tickets  interval := private.retention_period('ticket_registrations');
  v_waiting  interval := private.retention_period('waitlist_entries');
  v_bookings interval := private.retention_period('advisory_bookings');
  v_askers   interval := private.retention_period('hearing_askers');
  v_phones   interval := private.retention_period('phone_contacts');
  v_emails   interval := private.retention_period('sent_emails');
  v_requests interval := private.retention_period('personal_data_requests');
begin
  -- One run at a time; a second run finds nothing left to do (each suppression skips erased rows).
  perform pg_advisory_xact_lock(hashtext('public.apply_personal_data_retention'));
  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'ticket_registrations', private.suppress_event_registrations(array(
      select r.id from public.event_registrations r join public.events e on e.id = r.event_id
       where r.suppressed_at is null and e.starts_at < now() - v_tickets)),
    'waitlist_entries', private.suppress_waitlist_entries(array(
      select w.id from public.event_waitlist_entries w join public.events e on e.id = w.event_id
       where w.suppressed_at is null and e.starts_at < now() - v_waiting)),
    'advisory_bookings', private.suppress_advisory_bookings(array(
      select b.id from public.advisory_bookings b where b.suppressed_at is null and b.ends_at < now() - v_bookings)),
    'hearing_askers', private.forget_hearing_askers(array(
      select q.id from public.hearing_questions q where q.forgotten_at is null and q.answered_at < now() - v_askers)),
    'unconfirmed_subscribers', private.forget_unconfirmed_subscribers(),
    'phone_contacts', private.purge_phone_contacts(array(
      select c.id from public.phone_contacts c join public.surveys s on s.id = c.survey_id
       where c.purged_at is null
         and ((c.status not in ('pending', 'callback')
               and coalesce((select max(a.ended_at) from public.phone_call_attempts a where a.contact_id = c.id), c.imported_at) < now() - v_phones)
              or s.closes_at < now() - v_phones))),
    'sent_emails', private.suppress_sent_emails(array(
      select o.id from private.email_outbox o
       where o.status in ('sent', 'failed') and coalesce(o.sent_at, o.created_at) < now() - v_emails
         and o.recipient not like '%@suprimido.invalid')),
    'personal_data_requests', private.suppress_personal_data_requests(array(
      select q.id from public.personal_data_requests q
       where q.status = 'answered' and q.suppressed_at is null and q.answered_at < now() - v_requests))));
end;
$$;
