-- Retention of personal data (Ley 1581 de 2012, art. 4 b and 11; Decreto 1377 de 2013, art. 11, now
-- Decreto 1074 de 2015, art. 2.2.2.25.2.8): every dataset that holds who a person was keeps it only as
-- long as its purpose needs, and then a scheduled job suppresses it on its own.
--
-- One place says, for each dataset, its purpose, legal basis, fields, who may see it and how long it is
-- kept: private.retention_rules. The job (public.apply_personal_data_retention) reads its periods there
-- and the policy page (/datos-personales, through public.get_personal_data_policy) prints the same rows,
-- so what the policy says and what the portal does cannot drift apart.
--
-- Suppression is the same whether a holder asks for it (staff_forget_personal_data and friends) or its
-- time has come: one private function per dataset, over a set of rows. The facts stay (a seat was used,
-- a session held, a question answered) and only who the person was goes, so figures and reports keep
-- working.

-- SUPPRESSED ROWS ARE MARKED
-- The erased rows of tickets, waiting lists and bookings keep placeholders their checks accept; the mark
-- says when, and lets the job pass over them (hearing questions and call lists had theirs already).
alter table public.event_registrations add column suppressed_at timestamptz;
alter table public.event_waitlist_entries add column suppressed_at timestamptz;
alter table public.advisory_bookings add column suppressed_at timestamptz;
comment on column public.event_registrations.suppressed_at is 'When name, document, e-mail and phone were replaced by placeholders (at the holder''s request or by the retention job); the ticket''s facts stay.';
comment on column public.event_waitlist_entries.suppressed_at is 'When name and e-mail were replaced by placeholders (at the holder''s request or by the retention job).';
comment on column public.advisory_bookings.suppressed_at is 'When the holder''s data were replaced by placeholders (at the holder''s request or by the retention job); the session and its advice record stay, anonymous.';
update public.event_registrations set suppressed_at = coalesce(cancelled_at, created_at) where email like '%@suprimido.invalid';
update public.event_waitlist_entries set suppressed_at = updated_at where email like '%@suprimido.invalid';
update public.advisory_bookings set suppressed_at = coalesce(cancelled_at, created_at) where email like '%@suprimido.invalid';

-- ONE SUPPRESSION PER DATASET
-- Each erased row gets placeholders its checks accept, distinct per row so the uniqueness rules hold.
create function private.suppress_event_registrations(p_ids uuid[])
returns integer
language sql
volatile
set search_path = ''
as $$
  with gone as (
    update public.event_registrations
       set full_name = 'Titular suprimido', document_type = 'CC', document_id = 'S' || upper(left(md5(id::text), 12)),
           email = 'suprimido-' || left(md5(id::text), 12) || '@suprimido.invalid', phone = null, suppressed_at = now()
     where id = any(p_ids) and suppressed_at is null
    returning 1)
  select count(*)::integer from gone;
$$;
comment on function private.suppress_event_registrations(uuid[]) is 'Erases who held these tickets (name, document, e-mail, phone); seats, status and check-in stay. Returns the rows erased.';
revoke execute on function private.suppress_event_registrations(uuid[]) from public;

create function private.suppress_waitlist_entries(p_ids uuid[])
returns integer
language sql
volatile
set search_path = ''
as $$
  with gone as (
    update public.event_waitlist_entries
       set full_name = 'Titular suprimido', email = 'suprimido-' || left(md5(id::text), 12) || '@suprimido.invalid', suppressed_at = now()
     where id = any(p_ids) and suppressed_at is null
    returning 1)
  select count(*)::integer from gone;
$$;
comment on function private.suppress_waitlist_entries(uuid[]) is 'Erases who waited in line (name, e-mail); the entry and its outcome stay for the conversion figures. Returns the rows erased.';
revoke execute on function private.suppress_waitlist_entries(uuid[]) from public;

create function private.suppress_advisory_bookings(p_ids uuid[])
returns integer
language sql
volatile
set search_path = ''
as $$
  with gone as (
    update public.advisory_bookings
       set full_name = 'Titular suprimido', document_type = 'CC', document_id = 'S' || upper(left(md5(id::text), 12)),
           email = 'suprimido-' || left(md5(id::text), 12) || '@suprimido.invalid', phone = '0000000',
           business_name = null, need = '[suprimido]', suppressed_at = now()
     where id = any(p_ids) and suppressed_at is null
    returning 1)
  select count(*)::integer from gone;
$$;
comment on function private.suppress_advisory_bookings(uuid[]) is 'Erases who booked these sessions and what they said they needed; topic, stage, times and the advice record stay, anonymous. Returns the rows erased.';
revoke execute on function private.suppress_advisory_bookings(uuid[]) from public;

create function private.forget_hearing_askers(p_ids uuid[])
returns integer
language sql
volatile
set search_path = ''
as $$
  with gone as (
    update public.hearing_questions
       set email = null, full_name = null, forgotten_at = now()
     where id = any(p_ids) and forgotten_at is null
    returning 1)
  select count(*)::integer from gone;
$$;
comment on function private.forget_hearing_askers(uuid[]) is 'Erases name and e-mail of who asked these questions; the questions and answers stay public, anonymous. Returns the rows erased.';
revoke execute on function private.forget_hearing_askers(uuid[]) from public;

create function private.purge_phone_contacts(p_ids bigint[])
returns integer
language sql
volatile
set search_path = ''
as $$
  -- A contact still in the queue leaves it and is never called.
  with purged as (
    update public.phone_contacts
       set full_name = null, phone = null, purged_at = now(),
           status = case when status in ('pending', 'callback') then 'withdrawn' else status end,
           next_call_at = null, locked_by = null, locked_by_email = null, locked_at = null, locked_until = null
     where id = any(p_ids) and purged_at is null
    returning id
  ),
  cleared as (
    update public.phone_call_attempts a set notes = null
      from purged p where a.contact_id = p.id and a.notes is not null
  )
  select count(*)::integer from purged;
$$;
comment on function private.purge_phone_contacts(bigint[]) is 'Deletes name, number and call notes of these contacts (those still queued become withdrawn); outcomes stay for the report. Returns the contacts purged.';
revoke execute on function private.purge_phone_contacts(bigint[]) from public;

-- THE RULES
create table private.retention_rules (
  dataset          text      primary key check (dataset ~ '^[a-z][a-z_]*$'),
  position         integer   not null unique,
  title            text      not null,
  purpose          text      not null,
  legal_basis      text      not null,
  personal_fields  text[]    not null,
  audience         text      not null,
  roles            text[]    not null check (roles <@ array['admin', 'communications', 'advisor', 'interviewer', 'box_office']),
  retention        interval  check (retention > interval '0'),
  retention_from   text      not null,
  outcome          text      not null,
  legal_reason     text      not null,
  tables           text[]    not null,
  consent_versions text[]    not null,
  export_via       text,
  suppress_via     text,
  applied_by       text
);
comment on table private.retention_rules is 'The one definition of each personal dataset: what it is for, on what legal basis, which fields, who sees it, how long it is kept and what happens then (Ley 1581 de 2012, art. 4 and 17 k). The retention job reads its periods here and /datos-personales prints these rows.';
comment on column private.retention_rules.dataset is 'Key of the dataset; also the key of its count in the retention job''s result.';
comment on column private.retention_rules.position is 'Order on the policy page.';
comment on column private.retention_rules.title is 'Name of the dataset, in Spanish, as the policy page shows it.';
comment on column private.retention_rules.purpose is 'Finalidad, in Spanish.';
comment on column private.retention_rules.legal_basis is 'Why the agency may hold it (authorization, legal function), in Spanish.';
comment on column private.retention_rules.personal_fields is 'The personal fields held, in Spanish.';
comment on column private.retention_rules.audience is 'Who can see it, in Spanish.';
comment on column private.retention_rules.roles is 'Staff roles whose functions read the personal fields (admin always may).';
comment on column private.retention_rules.retention is 'How long after retention_from the personal fields are kept; null while the holder keeps the relation (e.g. subscribed).';
comment on column private.retention_rules.retention_from is 'From when the period counts, in Spanish (completes "N días después de …").';
comment on column private.retention_rules.outcome is 'What happens when the period ends, in Spanish.';
comment on column private.retention_rules.legal_reason is 'Why that period, in Spanish.';
comment on column private.retention_rules.tables is 'Schema-qualified tables whose personal columns (comment "Dato personal: …") this rule covers.';
comment on column private.retention_rules.consent_versions is 'Consent texts (public.consent_texts.version) under which the data are collected; empty where the basis is not a form''s authorization.';
comment on column private.retention_rules.export_via is 'Staff function that shows the holder''s data (function[:key of its result]).';
comment on column private.retention_rules.suppress_via is 'Staff function that suppresses it at the holder''s request (function[:key of its result]).';
comment on column private.retention_rules.applied_by is 'Scheduled function that applies the period (functions/<name>.ts); null where the holder ends it.';

alter table private.retention_rules enable row level security;
-- No policies: read through public.get_personal_data_policy and by the retention job.

insert into private.retention_rules
  (dataset, position, title, purpose, legal_basis, personal_fields, audience, roles, retention, retention_from, outcome,
   legal_reason, tables, consent_versions, export_via, suppress_via, applied_by)
values
  ('survey_responses', 5, 'Respuestas a las encuestas',
   'Conocer la opinión de la ciudadanía sobre los servicios de la agencia, planear mejoras y publicar resultados agregados.',
   'Su autorización previa, expresa e informada (Ley 1581 de 2012, art. 9), dada al enviar la encuesta.',
   array['Ninguno: no pedimos nombre, documento ni correo (las respuestas abiertas podrían contener alguno si usted lo escribe)'],
   'El personal de comunicaciones, que modera los textos abiertos antes de publicarlos; el público ve solo resultados agregados.',
   array['admin', 'communications'],
   null, 'Se conservan como resultados, sin identificar a nadie',
   'Las respuestas alimentan los resultados y los datos abiertos de cada encuesta; los textos abiertos se publican solo después de moderarlos.',
   'Sin datos que identifiquen a la persona no hay dato personal que suprimir (Ley 1581, art. 3 c); los resultados son documentos de la planeación de la participación (Ley 594 de 2000).',
   array[]::text[], array['encuestas-v1'],
   null, null, null),

  ('ticket_registrations', 10, 'Boletas de eventos',
   'Expedir la boleta gratuita, verificarla en la entrada, enviarle la boleta y los avisos del evento, y limitar las boletas por persona.',
   'Su autorización previa, expresa e informada (Ley 1581 de 2012, art. 9), dada en el formulario de inscripción.',
   array['Nombre', 'Tipo y número de documento', 'Correo electrónico', 'Teléfono (opcional)'],
   'El personal de taquilla y de comunicaciones (lista del evento e ingreso) y el oficial de protección de datos.',
   array['admin', 'box_office', 'communications'],
   interval '90 days', 'la fecha del evento',
   'Se suprimen el nombre, el documento, el correo y el teléfono. La boleta, sus cupos y el ingreso quedan sin saber de quién eran, para las cifras de uso del servicio.',
   'Principio de finalidad (Ley 1581, art. 4 b) y Decreto 1377 de 2013, art. 11: solo el tiempo razonable y necesario. Tres meses cubren las peticiones, quejas y reclamos sobre el evento y su ingreso.',
   array['public.event_registrations'], array['boleteria-v1'],
   'staff_export_personal_data:ticketRegistrations', 'staff_forget_personal_data:ticketRegistrations', 'personal-data-retention'),

  ('waitlist_entries', 20, 'Listas de espera de eventos',
   'Ofrecerle, en orden de llegada, los cupos que se liberen en un evento agotado.',
   'Su autorización previa, expresa e informada (Ley 1581 de 2012, art. 9), dada al inscribirse en la lista.',
   array['Nombre', 'Correo electrónico'],
   'Nadie del personal ve quién espera (solo cuántos); el oficial de protección de datos al atender una solicitud. Las ofertas de cupos se envían solas, por correo.',
   array['admin'],
   interval '30 days', 'la fecha del evento',
   'Se suprimen el nombre y el correo. Queda cuántos esperaron y cuántos obtuvieron boleta.',
   'Principio de finalidad (Ley 1581, art. 4 b) y Decreto 1377 de 2013, art. 11: pasado el evento ya no hay cupos que ofrecer; un mes cubre las preguntas sobre la lista.',
   array['public.event_waitlist_entries'], array['boleteria-v1'],
   'staff_export_personal_data:waitlistEntries', 'staff_forget_personal_data:waitlistEntries', 'personal-data-retention'),

  ('advisory_bookings', 30, 'Reservas de asesoría a emprendedores',
   'Agendar y prestar la asesoría, enviarle la confirmación, los recordatorios y la encuesta de satisfacción, y registrar la asesoría dada.',
   'Su autorización previa, expresa e informada (Ley 1581 de 2012, art. 9), dada en el formulario de reserva.',
   array['Nombre', 'Tipo y número de documento', 'Correo electrónico', 'Teléfono', 'Nombre del emprendimiento (opcional)', 'Lo que necesita, en sus palabras'],
   'El asesor de la sesión (solo su agenda) y el oficial de protección de datos.',
   array['admin', 'advisor'],
   interval '180 days', 'la sesión de asesoría',
   'Se suprimen el nombre, el documento, el correo, el teléfono, el nombre del emprendimiento y la necesidad. El registro de la asesoría (asistencia, temas, etapa, remisión) queda anónimo para las cifras del servicio.',
   'Principio de finalidad (Ley 1581, art. 4 b) y Decreto 1377 de 2013, art. 11: seis meses permiten el seguimiento de la asesoría y de la remisión a otros programas.',
   array['public.advisory_bookings'], array['asesorias-v1'],
   'staff_export_personal_data:advisoryBookings', 'staff_forget_personal_data:advisoryBookings', 'personal-data-retention'),

  ('hearing_askers', 40, 'Preguntas a las audiencias de rendición de cuentas',
   'Responder su pregunta en la audiencia pública o por escrito y enviarle la respuesta y la encuesta de evaluación.',
   'Su autorización previa, expresa e informada (Ley 1581 de 2012, art. 9), dada al enviar la pregunta.',
   array['Correo electrónico', 'Nombre (opcional)'],
   'El personal de comunicaciones que modera y responde, y el oficial de protección de datos. La pregunta y su respuesta se publican sin nombre ni correo.',
   array['admin', 'communications'],
   interval '30 days', 'la respuesta a la pregunta',
   'Se suprimen el correo y el nombre. La pregunta y su respuesta siguen publicadas, anónimas, como parte de la rendición de cuentas.',
   'Principio de finalidad (Ley 1581, art. 4 b) y Decreto 1377 de 2013, art. 11: respondida la pregunta, un mes cubre las aclaraciones. La pregunta y la respuesta son documentos de la rendición de cuentas (Ley 1757 de 2015) que se conservan según la Ley 594 de 2000, sin datos personales.',
   array['public.hearing_questions'], array['audiencias-v1'],
   'staff_export_personal_data:hearingQuestions', 'staff_forget_personal_data:hearingQuestions', 'personal-data-retention'),

  ('invitation_subscribers', 50, 'Lista de invitaciones',
   'Enviarle por correo las invitaciones a los ejercicios de participación ciudadana.',
   'Su autorización previa, expresa e informada (Ley 1581 de 2012, art. 9), confirmada con el enlace que le enviamos (doble confirmación).',
   array['Correo electrónico', 'Nombre (opcional)', 'Organización (opcional)'],
   'Nadie del personal ve la lista (solo cuántos son), salvo el oficial de protección de datos al atender una solicitud.',
   array['admin'],
   null, 'Mientras siga suscrito',
   'Al cancelar la suscripción (enlace en cada mensaje) se borran el nombre y la organización; el correo queda solo como constancia de que no quiere recibir más mensajes. Con la supresión se borra todo.',
   'La autorización dura hasta que usted la revoca (Ley 1581, art. 8 e y art. 9); la constancia de la baja evita volver a escribirle.',
   array['public.invitation_subscribers'], array['invitaciones-v1'],
   'staff_export_personal_data:invitationSubscriptions', 'staff_forget_personal_data:invitationSubscriptions', null),

  ('unconfirmed_subscribers', 60, 'Inscripciones a la lista sin confirmar',
   'Enviarle el correo para confirmar que la dirección es suya antes de escribirle.',
   'Ninguna todavía: sin la confirmación no hay autorización para escribirle (Ley 1581 de 2012, art. 9).',
   array['Correo electrónico', 'Nombre (opcional)', 'Organización (opcional)'],
   'Nadie del personal; el oficial de protección de datos al atender una solicitud.',
   array['admin'],
   interval '30 days', 'la inscripción',
   'Se borran la inscripción y su registro de autorización.',
   'Principio de finalidad y de libertad (Ley 1581, art. 4 b y c): una inscripción que nadie confirmó no autoriza nada.',
   array['public.invitation_subscribers'], array['invitaciones-v1'],
   'staff_export_personal_data:invitationSubscriptions', 'staff_forget_personal_data:invitationSubscriptions', 'personal-data-retention'),

  ('phone_contacts', 70, 'Lista de llamadas de la encuesta telefónica',
   'Llamar a quienes usaron un servicio para hacerles la encuesta de satisfacción.',
   'La base registrada para cada contacto: autorización previa (Ley 1581, art. 9), solicitud del titular, o dato requerido por la entidad en ejercicio de sus funciones legales (art. 10 a).',
   array['Nombre', 'Teléfono', 'Notas de la llamada'],
   'El personal de comunicaciones que importa la lista, cada encuestador solo para el contacto que está llamando, y el oficial de protección de datos.',
   array['admin', 'communications', 'interviewer'],
   interval '30 days', 'la última llamada, cuando ya no hay más llamadas pendientes (o el cierre de la encuesta)',
   'Se borran el nombre, el teléfono y las notas. Los resultados de cada llamada quedan para el informe telefónico.',
   'Principio de finalidad (Ley 1581, art. 4 b) y Decreto 1377 de 2013, art. 11: hecha la encuesta, el contacto ya cumplió su finalidad.',
   array['public.phone_contacts', 'public.phone_call_attempts'], array[]::text[],
   'staff_get_phone_contact', 'staff_forget_phone_number', 'personal-data-retention'),

  ('site_visits', 80, 'Visitas al sitio',
   'Contar las visitas del portal (actividad 4.2 del plan) sin cookies.',
   'No se tratan datos personales: no se guarda la dirección IP ni el navegador completo.',
   array['Ninguno: una huella diaria anónima (resumen con una sal del día), el tipo de dispositivo y la familia del navegador'],
   'El personal de comunicaciones ve solo cifras.',
   array['admin', 'communications'],
   interval '1 day', 'la visita',
   'Se borra la sal del día, y con ella cualquier forma de relacionar la huella con alguien. Las visitas sueltas se borran 31 días después; quedan las cifras diarias.',
   'Minimización (Ley 1581, art. 4 b): el conteo de visitantes únicos solo necesita el día en curso.',
   array[]::text[], array[]::text[],
   null, null, 'visits-rollup');

create function private.retention_period(p_dataset text)
returns interval
language plpgsql
stable
set search_path = ''
as $$
declare
  v_period interval;
begin
  select r.retention into strict v_period from private.retention_rules r where r.dataset = p_dataset;
  return v_period;
end;
$$;
comment on function private.retention_period(text) is 'The retention period of one dataset; an unknown dataset is an error, never a silent default.';
revoke execute on function private.retention_period(text) from public;

-- UNCONFIRMED SIGN-UPS, NOW FROM THE RULE
create function private.forget_unconfirmed_subscribers()
returns integer
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_forgotten integer;
begin
  -- Sign-ups never confirmed are not consent to anything: the address goes with its consent record.
  with gone as (
    delete from public.invitation_subscribers
    where status = 'pending' and created_at < now() - private.retention_period('unconfirmed_subscribers')
    returning consent_id
  )
  delete from private.consents c using gone where c.id = gone.consent_id;
  get diagnostics v_forgotten = row_count;
  return v_forgotten;
end;
$$;
comment on function private.forget_unconfirmed_subscribers() is 'Deletes sign-ups left unconfirmed past their retention period, with their consent records; returns how many.';
revoke execute on function private.forget_unconfirmed_subscribers() from public;

create or replace function public.send_invitation_notices()
returns jsonb
language plpgsql
-- security definer: the job runs as service_role, which holds no table privileges.
security definer
set search_path = ''
as $$
declare
  v_invitation public.invitations;
  v_messages   integer := 0;
  v_count      integer;
  v_done       integer := 0;
  v_forgotten  integer := private.forget_unconfirmed_subscribers();
begin
  for v_invitation in
    select * from public.invitations
    where status = 'published' and notified_at is null and publish_at <= now()
      and (expires_at is null or expires_at > now())
      -- Older invitations are not news: turning the job on never floods the list with the backlog.
      and publish_at > now() - interval '7 days'
    order by publish_at
    for update skip locked
  loop
    select count(private.subscription_mail('invitation-notice', s, jsonb_build_object('invitation', jsonb_build_object(
             'slug', v_invitation.slug, 'title', v_invitation.title, 'body', left(v_invitation.body, 600),
             'targetLabel', v_invitation.target_label, 'targetUrl', v_invitation.target_url,
             'startsAt', private.iso_time(v_invitation.starts_at))),
           'invitation-notice:' || v_invitation.id || ':' || s.id))
    into v_count
    from public.invitation_subscribers s where s.status = 'confirmed';
    update public.invitations set notified_at = now() where id = v_invitation.id;
    v_messages := v_messages + v_count;
    v_done := v_done + 1;
  end loop;
  return jsonb_build_object('invitations', v_done, 'messages', v_messages, 'forgotten', v_forgotten);
end;
$$;
comment on function public.send_invitation_notices() is 'Queues one e-mail per confirmed subscriber for each invitation that has come out since the last run, and forgets sign-ups left unconfirmed past their retention period (the scheduled job calls it).';

-- HOLDERS' REQUESTS, THROUGH THE SAME SUPPRESSIONS
create or replace function public.staff_forget_hearing_asker(p_email text)
returns jsonb
language plpgsql
-- security definer: as staff_export_hearing_asker; the audit log masks the erased columns.
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('forgotten', private.forget_hearing_askers(array(
    select q.id from public.hearing_questions q where q.email = lower(btrim(coalesce(p_email, '')))))));
end;
$$;

create or replace function public.staff_purge_phone_contacts(p_survey_slug text)
returns jsonb
language plpgsql
-- security definer: as the import; the audit trigger records who purged, without the data.
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para suprimir datos de la lista de llamadas.');
  end if;
  select * into v_survey from public.surveys where slug = p_survey_slug;
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;
  -- Ley 1581 (finalidad y temporalidad): once a contact will not be called again, its name, number and
  -- notes have served their purpose. Outcomes stay for the report.
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('purged', private.purge_phone_contacts(array(
    select c.id from public.phone_contacts c
     where c.survey_id = v_survey.id and c.status not in ('pending', 'callback') and c.purged_at is null))));
end;
$$;

create or replace function public.staff_forget_phone_number(p_phone text)
returns jsonb
language plpgsql
-- security definer: as the import; the audit trigger records who purged, without the data.
security definer
set search_path = ''
as $$
declare
  v_phone  text := private.normalize_co_phone(p_phone);
  v_purged integer;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para suprimir datos de la lista de llamadas.');
  end if;
  if v_phone is null then
    return private.failure('validation_failed', 'Revise el número.', jsonb_build_object(
      'phone', 'Escriba un celular de 10 dígitos (3xx xxx xxxx) o un fijo con indicativo (60x xxx xxxx).'));
  end if;
  -- The holder's request to delete their data (Ley 1581 art. 8 e): every list, every survey.
  v_purged := private.purge_phone_contacts(array(select c.id from public.phone_contacts c where c.phone = v_phone));
  if v_purged = 0 then
    return private.failure('not_found', 'Ese número no está en ninguna lista de llamadas.');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('purged', v_purged));
end;
$$;

create or replace function public.staff_forget_personal_data(p_email text)
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

  v_tickets := private.suppress_event_registrations(array(select r.id from public.event_registrations r where r.email = v_email));
  v_waiting := private.suppress_waitlist_entries(array(select w.id from public.event_waitlist_entries w where w.email = v_email));
  v_bookings := private.suppress_advisory_bookings(array(select b.id from public.advisory_bookings b where b.email = v_email));
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

-- THE JOB
create function public.apply_personal_data_retention()
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
              or s.closes_at < now() - v_phones)))));
end;
$$;
comment on function public.apply_personal_data_retention() is 'Daily job (service role): suppresses the personal fields of every dataset whose retention period (private.retention_rules) has passed; idempotent. Returns the rows suppressed per dataset.';
revoke execute on function public.apply_personal_data_retention() from public, anon, authenticated;
grant execute on function public.apply_personal_data_retention() to service_role;

-- THE POLICY, FOR EVERYONE
create function public.get_personal_data_policy()
returns jsonb
language sql
stable
-- security definer: the rules live in `private`; they are public text, and only they leave the function.
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'datasets', coalesce((
      select jsonb_agg(jsonb_build_object(
        'dataset', r.dataset, 'title', r.title, 'purpose', r.purpose, 'legalBasis', r.legal_basis,
        'personalFields', to_jsonb(r.personal_fields), 'audience', r.audience, 'roles', to_jsonb(r.roles),
        'retentionDays', extract(day from r.retention)::integer, 'retentionFrom', r.retention_from,
        'outcome', r.outcome, 'legalReason', r.legal_reason, 'consentVersions', to_jsonb(r.consent_versions),
        'automatic', r.applied_by is not null)
        order by r.position)
      from private.retention_rules r), '[]'::jsonb),
    'consents', coalesce((
      select jsonb_agg(jsonb_build_object(
        'version', c.version, 'purpose', c.purpose, 'publishedAt', private.iso_time(c.published_at),
        'datasets', (select coalesce(jsonb_agg(r.title order by r.position), '[]'::jsonb)
                       from private.retention_rules r where c.version = any(r.consent_versions)))
        order by c.capability, c.published_at, c.version)
      from public.consent_texts c), '[]'::jsonb));
$$;
comment on function public.get_personal_data_policy() is 'The Política de tratamiento as data: each dataset''s purpose, legal basis, fields, audience and retention (the same rows the retention job applies), and each consent version with the datasets it covers.';
revoke execute on function public.get_personal_data_policy() from public;
grant execute on function public.get_personal_data_policy() to anon, authenticated;
