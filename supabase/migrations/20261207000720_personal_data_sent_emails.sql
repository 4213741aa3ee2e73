-- The outbox is a dataset too: once a message is sent its payload is erased, but the recipient's address
-- stayed with the template and times for ever. It now has its rule, its export and its retention: the
-- address goes 90 days after sending, and the record that a message left, and when, stays.

comment on column private.email_outbox.recipient is 'Dato personal: where the message goes; replaced by a placeholder when its retention ends (private.retention_rules, sent_emails).';
comment on column private.email_mailbox.recipient is 'Dato de servidor: local stand-in for the SMTP server (no SMTP_URL): a copy kept 30 days for staff, deleted with its outbox message.';

insert into private.retention_rules
  (dataset, position, title, purpose, legal_basis, personal_fields, audience, roles, retention, retention_from, outcome,
   legal_reason, tables, consent_versions, export_via, suppress_via, applied_by)
values
  ('sent_emails', 75, 'Correos que le enviamos',
   'Enviarle la boleta, las confirmaciones, los recordatorios, las respuestas y las invitaciones, y dejar constancia del envío.',
   'La autorización del trámite del que trata cada mensaje (Ley 1581 de 2012, art. 9).',
   array['Correo electrónico del destinatario', 'El contenido del mensaje, solo hasta que se envía'],
   'Nadie del personal lee los mensajes enviados; el oficial de protección de datos al atender una solicitud.',
   array['admin'],
   interval '90 days', 'su envío',
   'Se suprime la dirección del destinatario; queda la constancia de qué mensaje salió y cuándo. El contenido se borra en cuanto el mensaje sale.',
   'Principio de finalidad (Ley 1581, art. 4 b) y Decreto 1377 de 2013, art. 11: tres meses cubren los reclamos por mensajes que no llegaron.',
   array['private.email_outbox'], array['boleteria-v1', 'asesorias-v1', 'audiencias-v1', 'invitaciones-v1'],
   'staff_export_sent_emails:emails', 'staff_forget_personal_data:emails', 'personal-data-retention');

create function private.suppress_sent_emails(p_ids bigint[])
returns integer
language sql
volatile
set search_path = ''
as $$
  with gone as (
    update private.email_outbox
       set recipient = 'suprimido-' || id || '@suprimido.invalid', payload = '{}'::jsonb
     where id = any(p_ids) and status in ('sent', 'failed') and recipient not like '%@suprimido.invalid'
    returning id
  ), copies as (
    delete from private.email_mailbox m using gone where m.outbox_id = gone.id
  )
  select count(*)::integer from gone;
$$;
comment on function private.suppress_sent_emails(bigint[]) is 'Erases the recipient (and any local copy) of these sent or failed messages; template and times stay. Returns the messages erased.';
revoke execute on function private.suppress_sent_emails(bigint[]) from public;

create function public.staff_export_sent_emails(p_email text)
returns jsonb
language plpgsql
stable
-- security definer: the outbox lives in `private`; only the admin check lets its rows out.
security definer
set search_path = ''
as $$
begin
  if private.personal_data_denied() is not null then
    return private.personal_data_denied();
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('emails', coalesce((
    select jsonb_agg(jsonb_build_object(
      'template', o.template, 'status', o.status, 'queuedAt', private.iso_time(o.created_at), 'sentAt', private.iso_time(o.sent_at))
      order by o.created_at)
    from private.email_outbox o where o.recipient = lower(btrim(coalesce(p_email, '')))), '[]'::jsonb)));
end;
$$;
comment on function public.staff_export_sent_emails(text) is 'Admin (data protection): the messages the portal sent or is sending to one address (which, when), for a consulta (Ley 1581 art. 14).';
revoke execute on function public.staff_export_sent_emails(text) from public, anon, authenticated;
grant execute on function public.staff_export_sent_emails(text) to authenticated;

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
         and o.recipient not like '%@suprimido.invalid'))));
end;
$$;
