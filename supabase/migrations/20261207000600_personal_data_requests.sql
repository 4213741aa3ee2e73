-- Habeas data without an account (Ley 1581 de 2012, art. 14 and 15; Decreto 1377 de 2013): a person asks,
-- from /datos-personales, to see (consulta), correct or suppress (reclamo) what the agency holds about their
-- e-mail address. The form always answers the same, so nobody learns whether an address is known; an
-- e-mailed single-use link proves the person owns the address, shows what is held and confirms the
-- request. Confirmed requests carry their legal due date in working days and are answered by the data
-- protection officer (admin) through the outbox.
--
-- The consulta and the suppression the admin already ran (…000900_personal_data.sql) move into private
-- functions here, so the admin, the citizen's link and the scheduled completion share one rule of what
-- is held and what may go now.

-- WHAT IS HELD

create function private.hearing_asker_questions(p_email text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'hearing', h.slug, 'number', q.number, 'question', q.body, 'fullName', q.full_name, 'email', q.email,
    'receivedAt', private.iso_time(q.received_at), 'status', q.status, 'answer', q.answer,
    'consent', private.consent_json(q.consent_id))
    order by q.received_at), '[]'::jsonb)
  from public.hearing_questions q
  join public.hearings h on h.id = q.hearing_id
  where q.email = lower(btrim(coalesce(p_email, '')));
$$;
comment on function private.hearing_asker_questions(text) is 'Every question sent from one address, with its consent (what the hearings hold about a person).';
revoke execute on function private.hearing_asker_questions(text) from public;

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
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('questions', private.hearing_asker_questions(p_email)));
end;
$$;

create function private.personal_data_held(p_email text)
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
      where s.email = p_email), '[]'::jsonb));
$$;
comment on function private.personal_data_held(text) is 'Everything the portal holds about one (normalised) e-mail address, per capability, each record with its consent.';
revoke execute on function private.personal_data_held(text) from public;

create or replace function public.staff_export_personal_data(p_email text)
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
  return jsonb_build_object('ok', true, 'value', private.personal_data_held(v_email));
end;
$$;

-- WHAT MAY GO NOW

create function private.personal_data_waiting(p_email text)
returns table (dataset text, id uuid, until timestamptz, reason text)
language sql
stable
set search_path = ''
as $$
  -- Data still needed to give a service is not suppressed while in use (art. 15: not while a duty to the
  -- person remains): a ticket until its event, a place in line until the event, a session until it ends.
  select 'ticketRegistrations', r.id, e.starts_at,
         'La boleta ' || r.code || ' para «' || e.title || '» (' || to_char(e.starts_at at time zone 'America/Bogota', 'YYYY-MM-DD HH24:MI')
         || '): sus datos se necesitan para el ingreso y se suprimirán después del evento.'
    from public.event_registrations r join public.events e on e.id = r.event_id
   where r.email = p_email and r.status = 'active' and e.starts_at > now()
  union all
  select 'waitlistEntries', w.id, e.starts_at,
         'Su lugar en la lista de espera de «' || e.title || '»: sus datos se suprimirán después del evento o cuando salga de la lista.'
    from public.event_waitlist_entries w join public.events e on e.id = w.event_id
   where w.email = p_email and w.status in ('waiting', 'offered') and e.starts_at > now()
  union all
  select 'advisoryBookings', b.id, b.ends_at,
         'La asesoría ' || b.code || ' del ' || to_char(b.starts_at at time zone 'America/Bogota', 'YYYY-MM-DD HH24:MI')
         || ': sus datos se necesitan para atenderla y se suprimirán cuando termine.'
    from public.advisory_bookings b
   where b.email = p_email and b.status = 'booked' and b.ends_at > now();
$$;
comment on function private.personal_data_waiting(text) is 'The records of an address that cannot be suppressed yet (a service still to come), with until when and why, in Spanish.';
revoke execute on function private.personal_data_waiting(text) from public;

create function private.suppress_personal_data(p_email text)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_waiting  jsonb;
  v_tickets  integer;
  v_lines    integer;
  v_bookings integer;
  v_lists    integer;
  v_asked    integer;
  v_mail     integer := 0;
begin
  select coalesce(jsonb_agg(jsonb_build_object('dataset', w.dataset, 'id', w.id, 'until', private.iso_time(w.until), 'reason', w.reason) order by w.until), '[]'::jsonb)
    into v_waiting from private.personal_data_waiting(p_email) w;

  -- Each erased row gets placeholders its checks accept, distinct per row so the uniqueness rules hold.
  update public.event_registrations
     set full_name = 'Titular suprimido', document_type = 'CC', document_id = 'S' || upper(left(md5(id::text), 12)),
         email = 'suprimido-' || left(md5(id::text), 12) || '@suprimido.invalid', phone = null
   where email = p_email and not v_waiting @> jsonb_build_array(jsonb_build_object('id', id));
  get diagnostics v_tickets = row_count;
  update public.event_waitlist_entries
     set full_name = 'Titular suprimido', email = 'suprimido-' || left(md5(id::text), 12) || '@suprimido.invalid'
   where email = p_email and not v_waiting @> jsonb_build_array(jsonb_build_object('id', id));
  get diagnostics v_lines = row_count;
  update public.advisory_bookings
     set full_name = 'Titular suprimido', document_type = 'CC', document_id = 'S' || upper(left(md5(id::text), 12)),
         email = 'suprimido-' || left(md5(id::text), 12) || '@suprimido.invalid', phone = '0000000',
         business_name = null, need = '[suprimido]'
   where email = p_email and not v_waiting @> jsonb_build_array(jsonb_build_object('id', id));
  get diagnostics v_bookings = row_count;
  -- An unsubscribed address stays only as the record that it asked not to be written to; any other goes.
  delete from public.invitation_subscribers where email = p_email and status <> 'unsubscribed';
  get diagnostics v_lists = row_count;
  update public.invitation_subscribers set full_name = null, organisation = null where email = p_email;
  -- Queued messages may still serve a waiting record (a reminder, the ticket): they go with the last of them.
  if v_waiting = '[]'::jsonb then
    delete from private.email_outbox where recipient = p_email and status <> 'sending';
    get diagnostics v_mail = row_count;
  end if;
  -- A question goes now: it was answered in public, and its answer stays public, anonymous.
  update public.hearing_questions set email = null, full_name = null, forgotten_at = now() where email = p_email;
  get diagnostics v_asked = row_count;

  return jsonb_build_object(
    'suppressed', jsonb_build_object(
      'ticketRegistrations', v_tickets,
      'waitlistEntries', v_lines,
      'advisoryBookings', v_bookings,
      'hearingQuestions', v_asked,
      'invitationSubscriptions', v_lists,
      'emails', v_mail),
    'waiting', (select coalesce(jsonb_agg(w - 'id'), '[]'::jsonb) from jsonb_array_elements(v_waiting) w));
end;
$$;
comment on function private.suppress_personal_data(text) is 'Suppresses every record of an address that may go now (tickets, waiting lists, bookings, questions, the invitations list; the outbox once nothing waits); returns what went and what waits, with why.';
revoke execute on function private.suppress_personal_data(text) from public;

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
  -- The admin's tool stays all or nothing; the person's own request (below) suppresses in parts.
  if exists (select 1 from private.personal_data_waiting(v_email)) then
    return private.failure('locked', 'Esta persona tiene boletas, un lugar en lista de espera o una asesoría vigentes. Debe cancelarlos primero (con los enlaces de sus correos) y volver a pedir la supresión.');
  end if;
  return jsonb_build_object('ok', true, 'value', private.suppress_personal_data(v_email) -> 'suppressed');
end;
$$;

-- REQUESTS

create table public.personal_data_requests (
  id                       uuid        primary key default gen_random_uuid(),
  number                   bigint      generated by default as identity unique,
  email                    text        not null check (char_length(email) between 3 and 254 and email like '%_@_%' and email = lower(email)),
  kind                     text        not null check (kind in ('consulta', 'correccion', 'supresion')),
  message                  text        check (char_length(message) between 1 and 2000),
  status                   text        not null default 'unconfirmed' check (status in ('unconfirmed', 'received', 'in_progress', 'extended', 'answered')),
  token_hash               text        unique check (token_hash ~ '^[0-9a-f]{64}$'),
  token_expires_at         timestamptz not null,
  requested_at             timestamptz not null default now(),
  confirmed_at             timestamptz,
  due_on                   date,
  extended_at              timestamptz,
  extension_reason         text        check (char_length(extension_reason) between 10 and 2000),
  answered_at              timestamptz,
  answer                   text        check (char_length(answer) between 10 and 10000),
  answered_by              text,
  suppression              jsonb,
  suppression_completed_at timestamptz,
  check ((status = 'unconfirmed') = (confirmed_at is null)),
  check ((confirmed_at is null) = (due_on is null)),
  check ((extended_at is null) = (extension_reason is null)),
  check ((status = 'answered') = (answered_at is not null)),
  check ((answered_at is null) = (answer is null)),
  check (suppression is null or kind = 'supresion')
);
comment on table public.personal_data_requests is 'Habeas-data requests (Ley 1581, art. 14 consulta, art. 15 reclamo): unconfirmed until the e-mailed link confirms them, then a legal term in working days, answered through the outbox. Kept after a suppression as the record that the request was attended. Personal data: reached only through security definer functions.';
comment on column public.personal_data_requests.number is 'Radicado the person and the officer quote.';
comment on column public.personal_data_requests.token_hash is 'SHA-256 (hex) of the e-mailed link''s token; the token itself is only in the outbox payload, which is erased once sent. Cleared when the link expires.';
comment on column public.personal_data_requests.token_expires_at is 'The link works for 24 hours; an unconfirmed request is forgotten after that.';
comment on column public.personal_data_requests.due_on is 'Legal due date: 10 working days (consulta) or 15 (reclamo: corrección, supresión) after the Bogotá day of confirmation, plus the extension.';
comment on column public.personal_data_requests.suppression is 'What a supresión erased so far and what waits, with why: {"suppressed": {dataset: n}, "waiting": [{dataset, until, reason}]}.';
comment on column public.personal_data_requests.suppression_completed_at is 'When the last waiting record was suppressed (the scheduled job completes what waited).';
create index personal_data_requests_queue_idx on public.personal_data_requests (due_on) where status not in ('unconfirmed', 'answered');
create index personal_data_requests_email_idx on public.personal_data_requests (email);
create index personal_data_requests_pending_suppression_idx on public.personal_data_requests (id)
  where kind = 'supresion' and confirmed_at is not null and suppression_completed_at is null;

alter table public.personal_data_requests enable row level security;
revoke all on table public.personal_data_requests from anon, authenticated;
-- No policies: the person reaches their request with the link's token, the officer through the staff functions.

-- Every step (asked, confirmed, extended, answered) lands in the audit log, with the officer who acted;
-- what the person wrote and the address are logged masked.
create trigger personal_data_requests_audit
after insert or update or delete on public.personal_data_requests
for each row execute function private.audit_row_change('id', 'email', 'message', 'answer', 'token_hash');

insert into private.rate_limit_rules (bucket, max_hits, window_seconds)
values ('personal_data_request', 5, 600),
       -- Per address (keyed on its hash): a fourth link within the hour is not sent, with the same answer.
       ('personal_data_address', 3, 3600),
       ('personal_data_token', 20, 600);

create function private.personal_data_term(p_kind text)
returns integer
language sql
immutable
set search_path = ''
as $$
  -- Ley 1581: a consulta is answered within 10 working days (art. 14), a reclamo within 15 (art. 15).
  select case when p_kind = 'consulta' then 10 else 15 end;
$$;
comment on function private.personal_data_term(text) is 'Working days to answer: 10 for a consulta, 15 for a reclamo (corrección, supresión).';
revoke execute on function private.personal_data_term(text) from public;

create function private.personal_data_due_on(p_confirmed_at timestamptz, p_kind text)
returns date
language sql
stable
set search_path = ''
as $$
  -- The term runs from the Bogotá day the request was confirmed (that day does not count): a request
  -- confirmed at 22:00 in Bogotá is already the next day in UTC, and must not lose a day.
  select private.add_working_days((p_confirmed_at at time zone 'America/Bogota')::date, private.personal_data_term(p_kind));
$$;
comment on function private.personal_data_due_on(timestamptz, text) is 'Legal due date of a request confirmed at that instant: 10 or 15 working days after its Bogotá day.';
revoke execute on function private.personal_data_due_on(timestamptz, text) from public;

create function private.personal_data_request_json(p_request public.personal_data_requests)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id',               p_request.id,
    'number',           p_request.number,
    'email',            p_request.email,
    'kind',             p_request.kind,
    'message',          p_request.message,
    'status',           p_request.status,
    'confirmedAt',      private.iso_time(p_request.confirmed_at),
    'dueOn',            p_request.due_on,
    'overdue',          p_request.status <> 'answered' and p_request.due_on < (now() at time zone 'America/Bogota')::date,
    'extendedAt',       private.iso_time(p_request.extended_at),
    'extensionReason',  p_request.extension_reason,
    'answeredAt',       private.iso_time(p_request.answered_at),
    'answer',           p_request.answer,
    'suppression',      p_request.suppression,
    'suppressionCompletedAt', private.iso_time(p_request.suppression_completed_at));
$$;
comment on function private.personal_data_request_json(public.personal_data_requests) is 'A confirmed request as the officer''s queue and the person''s link show it.';
revoke execute on function private.personal_data_request_json(public.personal_data_requests) from public;

-- THE PERSON'S SIDE

create function public.request_personal_data(
  p_email           text,
  p_kind            text,
  p_message         text,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: anon has no privileges on the requests.
security definer
set search_path = ''
as $$
declare
  v_scope   text := 'personal_data_request';
  v_replay  jsonb;
  v_email   text := lower(private.normalise_text(p_email));
  v_message text := nullif(btrim(coalesce(p_message, '')), '');
  v_fields  jsonb;
  v_token   text := private.new_secret();
  v_row     public.personal_data_requests;
  -- The same answer whether or not anything is held, and whether or not a link goes out: the form reveals nobody.
  v_ok      jsonb := jsonb_build_object('ok', true, 'value', jsonb_build_object('status', 'link_sent'));
begin
  v_replay := private.begin_public_write(v_scope, p_idempotency_key, p_request_hash, 'personal_data_request', p_client);
  if v_replay is not null then
    return v_replay;
  end if;

  v_fields := jsonb_strip_nulls(jsonb_build_object(
    'email', case when v_email is null or char_length(v_email) not between 3 and 254 or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'
      then 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.' end,
    'kind', case when p_kind is null or p_kind not in ('consulta', 'correccion', 'supresion')
      then 'Elija qué quiere hacer: conocer, corregir o suprimir sus datos.' end,
    'message', case when char_length(v_message) > 2000
      then 'Escriba el mensaje en 2.000 caracteres o menos.' end));
  if v_fields <> '{}'::jsonb then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('validation_failed', 'Revise los datos marcados.', v_fields));
  end if;

  if private.hit_rate_limit('personal_data_address', private.sha256_hex(v_email)) > 0 then
    return private.idempotency_settle(v_scope, p_idempotency_key, v_ok);
  end if;

  insert into public.personal_data_requests (email, kind, message, token_hash, token_expires_at)
  values (v_email, p_kind, v_message, private.sha256_hex(v_token), now() + interval '24 hours')
  returning * into v_row;
  perform private.enqueue_email('personal-data-link', v_email,
    jsonb_build_object('token', v_token, 'kind', p_kind, 'number', v_row.number, 'expiresAt', private.iso_time(v_row.token_expires_at)),
    'personal-data-link:' || v_row.id);
  return private.idempotency_settle(v_scope, p_idempotency_key, v_ok);
end;
$$;
comment on function public.request_personal_data(text, text, text, text, text, text) is 'A person asks about their data: records an unconfirmed request and e-mails a 24-hour single-use link. Always the same answer (no enumeration); per client 429, per address silently no further link within the hour.';
revoke execute on function public.request_personal_data(text, text, text, text, text, text) from public, anon, authenticated;
grant execute on function public.request_personal_data(text, text, text, text, text, text) to anon, authenticated;

create function private.personal_data_request_by_token(p_token text)
returns public.personal_data_requests
language sql
stable
set search_path = ''
as $$
  select * from public.personal_data_requests where token_hash = private.sha256_hex(coalesce(p_token, ''));
$$;
comment on function private.personal_data_request_by_token(text) is 'The request behind a link''s token (null row when unknown).';
revoke execute on function private.personal_data_request_by_token(text) from public;

create function public.open_personal_data_request(p_token text)
returns jsonb
language plpgsql
stable
-- security definer: the held data is shown only to whoever holds the link sent to the address.
security definer
set search_path = ''
as $$
declare
  v_row public.personal_data_requests := private.personal_data_request_by_token(p_token);
begin
  if v_row.id is null or v_row.token_expires_at < now() then
    return private.failure('not_found', 'Este enlace no es válido o ya venció (dura 24 horas). Pida uno nuevo.');
  end if;
  -- Opening does not use the link (a mail scanner may open it): confirming does. After that it shows the
  -- request's state only, not the data again.
  if v_row.status <> 'unconfirmed' then
    return jsonb_build_object('ok', true, 'value', jsonb_build_object('state', 'confirmed', 'request', private.personal_data_request_json(v_row) - 'email' - 'answer'));
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'state', 'unconfirmed', 'kind', v_row.kind, 'message', v_row.message, 'expiresAt', private.iso_time(v_row.token_expires_at),
    'held', private.personal_data_held(v_row.email)));
end;
$$;
comment on function public.open_personal_data_request(text) is 'What the e-mailed link shows: before confirming, everything held about the address with its consents; after, the request''s state.';
revoke execute on function public.open_personal_data_request(text) from public, anon, authenticated;
grant execute on function public.open_personal_data_request(text) to anon, authenticated;

create function public.confirm_personal_data_request(p_token text, p_kind text, p_message text, p_client text default null)
returns jsonb
language plpgsql
-- security definer: anon has no privileges on the requests nor on the records a supresión erases.
security definer
set search_path = ''
as $$
declare
  v_retry_after integer;
  v_row         public.personal_data_requests;
  v_message     text := nullif(btrim(coalesce(p_message, '')), '');
  v_fields      jsonb;
  v_outcome     jsonb;
begin
  v_retry_after := private.hit_rate_limit('personal_data_token', p_client);
  if v_retry_after > 0 then
    return private.rate_limited(v_retry_after);
  end if;
  select * into v_row from public.personal_data_requests
   where token_hash = private.sha256_hex(coalesce(p_token, '')) and token_expires_at >= now()
   for update;
  if not found then
    return private.failure('not_found', 'Este enlace no es válido o ya venció (dura 24 horas). Pida uno nuevo.');
  end if;
  if v_row.status <> 'unconfirmed' then
    return private.failure('closed', 'Este enlace ya se usó: su solicitud número ' || v_row.number || ' quedó radicada.');
  end if;
  v_fields := jsonb_strip_nulls(jsonb_build_object(
    'kind', case when p_kind is null or p_kind not in ('consulta', 'correccion', 'supresion')
      then 'Elija qué quiere hacer: conocer, corregir o suprimir sus datos.' end,
    'message', case when char_length(v_message) > 2000 then 'Escriba el mensaje en 2.000 caracteres o menos.'
      when p_kind = 'correccion' and v_message is null then 'Diga qué dato hay que corregir y cómo debe quedar.' end));
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  if p_kind = 'supresion' then
    v_outcome := private.suppress_personal_data(v_row.email);
  end if;
  update public.personal_data_requests
     set kind = p_kind, message = v_message, confirmed_at = now(),
         status = case when p_kind = 'supresion' then 'in_progress' else 'received' end,
         due_on = private.personal_data_due_on(now(), p_kind),
         suppression = v_outcome,
         suppression_completed_at = case when v_outcome -> 'waiting' = '[]'::jsonb then now() end
   where id = v_row.id
  returning * into v_row;
  perform private.enqueue_email('personal-data-received', v_row.email,
    jsonb_build_object('number', v_row.number, 'kind', v_row.kind, 'dueOn', v_row.due_on, 'waiting', coalesce(v_outcome -> 'waiting', '[]'::jsonb)),
    'personal-data-received:' || v_row.id);
  return jsonb_build_object('ok', true, 'value', private.personal_data_request_json(v_row) - 'email' - 'answer');
end;
$$;
comment on function public.confirm_personal_data_request(text, text, text, text) is 'Confirms a request with its link (once): starts the legal term, runs a supresión at once for what may go and queues the rest with the reason, and e-mails the radicado.';
revoke execute on function public.confirm_personal_data_request(text, text, text, text) from public, anon, authenticated;
grant execute on function public.confirm_personal_data_request(text, text, text, text) to anon, authenticated;

-- THE OFFICER'S SIDE

create function public.staff_list_personal_data_requests()
returns jsonb
language plpgsql
stable
-- security definer: the requests hold personal data that only the admin check lets out.
security definer
set search_path = ''
as $$
begin
  if private.personal_data_denied() is not null then
    return private.personal_data_denied();
  end if;
  return jsonb_build_object('ok', true, 'value', coalesce((
    select jsonb_agg(private.personal_data_request_json(r) order by r.status = 'answered', r.due_on, r.number)
    from public.personal_data_requests r
    -- Open requests, and the answered ones of the last year.
    where r.status <> 'unconfirmed' and (r.status <> 'answered' or r.answered_at > now() - interval '1 year')), '[]'::jsonb));
end;
$$;
comment on function public.staff_list_personal_data_requests() is 'Admin (data protection): the queue of confirmed requests, open ones first by due date, each flagged when overdue.';
revoke execute on function public.staff_list_personal_data_requests() from public, anon, authenticated;
grant execute on function public.staff_list_personal_data_requests() to authenticated;

create function private.open_request_for_staff(p_id uuid)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_row public.personal_data_requests;
begin
  select * into v_row from public.personal_data_requests where id = p_id and status <> 'unconfirmed' for update;
  if not found then
    return private.failure('not_found', 'No existe esa solicitud.');
  end if;
  if v_row.status = 'answered' then
    return private.failure('closed', 'Esta solicitud ya fue respondida.');
  end if;
  return null;
end;
$$;
comment on function private.open_request_for_staff(uuid) is 'Locks an open request for the officer; null when it may be acted on, else the failure.';
revoke execute on function private.open_request_for_staff(uuid) from public;

create function public.staff_extend_personal_data_request(p_id uuid, p_reason text)
returns jsonb
language plpgsql
-- security definer: as staff_list_personal_data_requests.
security definer
set search_path = ''
as $$
declare
  v_reason  text := nullif(btrim(coalesce(p_reason, '')), '');
  v_refused jsonb;
  v_row     public.personal_data_requests;
begin
  if private.personal_data_denied() is not null then
    return private.personal_data_denied();
  end if;
  if v_reason is null or char_length(v_reason) not between 10 and 2000 then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('reason', 'Explique a la persona el motivo de la prórroga (entre 10 y 2.000 caracteres).'));
  end if;
  v_refused := private.open_request_for_staff(p_id);
  if v_refused is not null then
    return v_refused;
  end if;
  select * into v_row from public.personal_data_requests where id = p_id;
  -- The law allows one extension, told to the person before the first term ends.
  if v_row.extended_at is not null then
    return private.failure('closed', 'Esta solicitud ya se prorrogó una vez.');
  end if;
  if v_row.due_on < (now() at time zone 'America/Bogota')::date then
    return private.failure('closed', 'El plazo ya venció: la prórroga debe informarse antes del vencimiento.');
  end if;
  -- Ley 1581: a consulta may take 5 more working days (art. 14), a reclamo 8 more (art. 15).
  update public.personal_data_requests
     set due_on = private.add_working_days(due_on, case when kind = 'consulta' then 5 else 8 end),
         status = 'extended', extended_at = now(), extension_reason = v_reason
   where id = p_id
  returning * into v_row;
  perform private.enqueue_email('personal-data-extension', v_row.email,
    jsonb_build_object('number', v_row.number, 'kind', v_row.kind, 'reason', v_reason, 'dueOn', v_row.due_on),
    'personal-data-extension:' || v_row.id);
  return jsonb_build_object('ok', true, 'value', private.personal_data_request_json(v_row));
end;
$$;
comment on function public.staff_extend_personal_data_request(uuid, text) is 'Admin (data protection): extends a request''s term once (+5 working days consulta, +8 reclamo) with a reason e-mailed to the person.';
revoke execute on function public.staff_extend_personal_data_request(uuid, text) from public, anon, authenticated;
grant execute on function public.staff_extend_personal_data_request(uuid, text) to authenticated;

create function public.staff_answer_personal_data_request(p_id uuid, p_answer text)
returns jsonb
language plpgsql
-- security definer: as staff_list_personal_data_requests.
security definer
set search_path = ''
as $$
declare
  v_answer  text := nullif(btrim(coalesce(p_answer, '')), '');
  v_refused jsonb;
  v_row     public.personal_data_requests;
begin
  if private.personal_data_denied() is not null then
    return private.personal_data_denied();
  end if;
  if v_answer is null or char_length(v_answer) not between 10 and 10000 then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('answer', 'Escriba la respuesta a la persona (entre 10 y 10.000 caracteres).'));
  end if;
  v_refused := private.open_request_for_staff(p_id);
  if v_refused is not null then
    return v_refused;
  end if;
  update public.personal_data_requests
     set status = 'answered', answered_at = now(), answer = v_answer, answered_by = private.staff_actor() ->> 'email'
   where id = p_id
  returning * into v_row;
  perform private.enqueue_email('personal-data-answer', v_row.email,
    jsonb_build_object('number', v_row.number, 'kind', v_row.kind, 'answer', v_answer, 'confirmedAt', private.iso_time(v_row.confirmed_at)),
    'personal-data-answer:' || v_row.id);
  return jsonb_build_object('ok', true, 'value', private.personal_data_request_json(v_row));
end;
$$;
comment on function public.staff_answer_personal_data_request(uuid, text) is 'Admin (data protection): answers a request; the answer is e-mailed to the person through the outbox.';
revoke execute on function public.staff_answer_personal_data_request(uuid, text) from public, anon, authenticated;
grant execute on function public.staff_answer_personal_data_request(uuid, text) to authenticated;

-- SCHEDULED JOB

create function public.complete_personal_data_requests()
returns jsonb
language plpgsql
-- security definer: the job runs as service_role, which holds no table privileges.
security definer
set search_path = ''
as $$
declare
  v_row       public.personal_data_requests;
  v_outcome   jsonb;
  v_completed integer := 0;
  v_forgotten integer;
begin
  -- What waited for an event or a session goes once it has passed.
  for v_row in
    select * from public.personal_data_requests
     where kind = 'supresion' and confirmed_at is not null and suppression_completed_at is null
     for update skip locked
  loop
    v_outcome := private.suppress_personal_data(v_row.email);
    update public.personal_data_requests
       set suppression = jsonb_build_object(
             'suppressed', (select jsonb_object_agg(k.key, coalesce((v_row.suppression -> 'suppressed' ->> k.key)::integer, 0) + k.value::integer)
                              from jsonb_each_text(v_outcome -> 'suppressed') k),
             'waiting', v_outcome -> 'waiting'),
           suppression_completed_at = case when v_outcome -> 'waiting' = '[]'::jsonb then now() end
     where id = v_row.id;
    if v_outcome -> 'waiting' = '[]'::jsonb then
      v_completed := v_completed + 1;
    end if;
  end loop;
  -- A request never confirmed is nobody's: forgotten when its link expires (Ley 1581, minimal data).
  delete from public.personal_data_requests where status = 'unconfirmed' and token_expires_at < now();
  get diagnostics v_forgotten = row_count;
  update public.personal_data_requests set token_hash = null where token_hash is not null and token_expires_at < now();
  return jsonb_build_object('completed', v_completed, 'forgotten', v_forgotten);
end;
$$;
comment on function public.complete_personal_data_requests() is 'Completes the supresiones that waited for an event or session that has passed, and forgets requests whose link expired unconfirmed (the scheduled job calls it).';
revoke execute on function public.complete_personal_data_requests() from public, anon, authenticated;
grant execute on function public.complete_personal_data_requests() to service_role;
