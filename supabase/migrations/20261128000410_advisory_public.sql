-- Advisory bookings, public side: topics, free slots of a week, booking a slot, the booking seen
-- with its secret, rescheduling and cancelling. Tables and the slot invariant: …000400_advisory_tables.sql.
-- Reuses the tickets helpers (codes, secrets, idempotency + rate limit, normalisers: …000210).

-- RULES OF THE SERVICE

create function private.advisory_notice()
returns interval
language sql
immutable
as $$ select interval '24 hours' $$;
comment on function private.advisory_notice() is 'Minimum notice: a slot is bookable from this long before it starts (the advisor prepares with the intake answers).';
revoke execute on function private.advisory_notice() from public;

create function private.advisory_horizon()
returns interval
language sql
immutable
as $$ select interval '30 days' $$;
comment on function private.advisory_horizon() is 'Maximum horizon: slots further ahead than this are not offered yet.';
revoke execute on function private.advisory_horizon() from public;

create function private.bogota_day_start(p_day date)
returns timestamptz
language sql
immutable
as $$ select (p_day::timestamp) at time zone 'America/Bogota' $$;
comment on function private.bogota_day_start(date) is 'Midnight of a Bogotá calendar day as an instant: a day''s slots run from here to the next day''s.';
revoke execute on function private.bogota_day_start(date) from public;

-- READ MODELS

create function private.advisory_slot_json(p_slot public.advisory_slots, p_advisor public.advisors)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id',        p_slot.id,
    'startsAt',  private.iso_time(p_slot.starts_at),
    'endsAt',    private.iso_time(p_slot.ends_at),
    'advisor',   p_advisor.name,
    'mode',      p_advisor.mode,
    'available', p_slot.booking_id is null
  );
$$;
comment on function private.advisory_slot_json(public.advisory_slots, public.advisors) is 'A slot as the contract''s GET /api/advisory/slots lists it (plus the advisor''s mode).';
revoke execute on function private.advisory_slot_json(public.advisory_slots, public.advisors) from public;

create function public.list_advisory_topics()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('key', t.key, 'label', t.label) order by t.position, t.key), '[]'::jsonb)
  from public.advisory_topics t;
$$;
comment on function public.list_advisory_topics() is 'The topics citizens choose from, in display order.';
revoke execute on function public.list_advisory_topics() from public, anon, authenticated;
grant execute on function public.list_advisory_topics() to anon, authenticated;

create function public.list_advisory_slots(p_topic text, p_from date, p_to date)
returns jsonb
language sql
stable
-- security definer: slots and advisors are not readable by anon; only bookable slots of active
-- advisors leave, with the advisor's name and nothing else about them.
security definer
set search_path = ''
as $$
  -- p_from … p_to are Bogotá calendar days (inclusive); at most 31 of them.
  select coalesce(jsonb_agg(private.advisory_slot_json(s, a) order by s.starts_at, a.name, s.id), '[]'::jsonb)
  from public.advisory_slots s
  join public.advisors a on a.id = s.advisor_id
  where a.active
    and p_topic = any (a.topics)
    and s.status = 'open'
    and p_to - p_from between 0 and 30
    and s.starts_at >= private.bogota_day_start(p_from)
    and s.starts_at <  private.bogota_day_start(p_to + 1)
    and s.starts_at >= now() + private.advisory_notice()
    and s.starts_at <= now() + private.advisory_horizon();
$$;
comment on function public.list_advisory_slots(text, date, date) is 'Slots of a topic between two Bogotá days (inclusive, ≤ 31 days), inside the notice and the horizon, with available = not booked.';
revoke execute on function public.list_advisory_slots(text, date, date) from public, anon, authenticated;
grant execute on function public.list_advisory_slots(text, date, date) to anon, authenticated;

create function public.get_advisory_slot(p_slot_id uuid, p_topic text)
returns jsonb
language sql
stable
-- security definer: as list_advisory_slots; the same filters, for the one slot a form is about.
security definer
set search_path = ''
as $$
  select private.advisory_slot_json(s, a) || jsonb_build_object('topic', t.key, 'topicLabel', t.label, 'venue', a.venue)
  from public.advisory_slots s
  join public.advisors a on a.id = s.advisor_id
  join public.advisory_topics t on t.key = p_topic
  where s.id = p_slot_id
    and a.active
    and p_topic = any (a.topics)
    and s.status = 'open'
    and s.starts_at >= now() + private.advisory_notice()
    and s.starts_at <= now() + private.advisory_horizon();
$$;
comment on function public.get_advisory_slot(uuid, text) is 'One bookable slot of a topic (the intake form''s heading), with the topic''s label; null when it is not bookable.';
revoke execute on function public.get_advisory_slot(uuid, text) from public, anon, authenticated;
grant execute on function public.get_advisory_slot(uuid, text) to anon, authenticated;

create function public.get_advisory_notice()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('version', c.version, 'purpose', c.purpose, 'body', c.body)
  from public.consent_texts c where c.version = 'asesorias-v1';
$$;
comment on function public.get_advisory_notice() is 'The personal-data notice the booking form shows and the booking records.';
revoke execute on function public.get_advisory_notice() from public, anon, authenticated;
grant execute on function public.get_advisory_notice() to anon, authenticated;

create function private.advisory_booking_json(p_booking public.advisory_bookings)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'code',         p_booking.code,
    'status',       case when p_booking.status = 'booked' and p_booking.ends_at <= now() then 'past' else p_booking.status end,
    'startsAt',     private.iso_time(p_booking.starts_at),
    'endsAt',       private.iso_time(p_booking.ends_at),
    'topic',        p_booking.area,
    'topicLabel',   t.label,
    'fullName',     p_booking.full_name,
    'email',        p_booking.email,
    'businessName', p_booking.business_name,
    'stage',        p_booking.stage,
    'need',         p_booking.need,
    'advisor',      a.name,
    'mode',         a.mode,
    'venue',        a.venue,
    'meetingUrl',   a.meeting_url,
    'changeable',   p_booking.status = 'booked' and p_booking.starts_at > now()
  )
  from public.advisors a, public.advisory_topics t
  where a.id = p_booking.advisor_id and t.key = p_booking.area;
$$;
comment on function private.advisory_booking_json(public.advisory_bookings) is 'A booking as its holder sees it: when, with whom, where (venue or meeting link), and whether it can still be changed.';
revoke execute on function private.advisory_booking_json(public.advisory_bookings) from public;

create function public.get_advisory_booking(p_code text, p_secret text)
returns jsonb
language sql
stable
-- security definer: bookings hold personal data; the secret of the booking's own link proves ownership.
security definer
set search_path = ''
as $$
  select private.advisory_booking_json(b)
  from public.advisory_bookings b
  where b.code = upper(btrim(coalesce(p_code, '')))
    and b.secret_hash = private.sha256_hex(coalesce(p_secret, ''));
$$;
comment on function public.get_advisory_booking(text, text) is 'The booking behind a code and its secret (confirmation, reschedule and cancel pages); null when either is wrong.';
revoke execute on function public.get_advisory_booking(text, text) from public, anon, authenticated;
grant execute on function public.get_advisory_booking(text, text) to anon, authenticated;

-- CHECKS

create function private.slot_taken()
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select private.failure('slot_taken', 'Otra persona acaba de reservar ese horario. Elija otro horario libre.',
    jsonb_build_object('slotId', 'Este horario ya no está libre.'));
$$;
comment on function private.slot_taken() is 'The 409 slot_taken failure.';
revoke execute on function private.slot_taken() from public;

create function private.advisory_slot_failure(p_slot public.advisory_slots, p_area text)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_slot.id is null or p_slot.status <> 'open'
     or not exists (select from public.advisors a where a.id = p_slot.advisor_id and a.active and p_area = any (a.topics)) then
    return private.failure('not_found', 'Ese horario ya no existe para este tema. Elija otro en la agenda.');
  elsif p_slot.starts_at < now() + private.advisory_notice() then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('slotId',
      'Las asesorías se reservan con al menos 24 horas de anticipación. Elija un horario posterior.'));
  elsif p_slot.starts_at > now() + private.advisory_horizon() then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('slotId',
      'Las asesorías se reservan con máximo 30 días de anticipación. Elija un horario más cercano.'));
  elsif p_slot.booking_id is not null then
    return private.slot_taken();
  end if;
  return null;
end;
$$;
comment on function private.advisory_slot_failure(public.advisory_slots, text) is 'Why a slot cannot be booked for a topic (not_found, 422 outside notice or horizon, slot_taken), or null. The free check is only a fast path: the conditional update decides.';
revoke execute on function private.advisory_slot_failure(public.advisory_slots, text) from public;


create function private.advisory_booking_fields(
  p_full_name text, p_document_type text, p_document_id text, p_email text, p_phone text,
  p_business_name text, p_stage text, p_need text, p_consent boolean, p_consent_version text)
returns jsonb
language sql
stable
as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'fullName', case when p_full_name is null or char_length(p_full_name) not between 3 and 120
      then 'Escriba su nombre completo (entre 3 y 120 caracteres).' end,
    'documentType', case when p_document_type is null or p_document_type not in ('CC', 'CE', 'TI', 'PA', 'NIT', 'PEP', 'PPT')
      then 'Elija un tipo de documento de la lista.' end,
    'documentId', case when p_document_id is null or p_document_id !~ '^[0-9A-Z]{3,20}$'
      then 'Escriba el número de documento: entre 3 y 20 letras o números.' end,
    'email', case when p_email is null or char_length(p_email) not between 3 and 254 or p_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'
      then 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.' end,
    'phone', case when p_phone is null or char_length(p_phone) not between 7 and 20 or p_phone !~ '^\+?[0-9 ()-]+$'
      then 'Escriba un teléfono de 7 a 20 dígitos.' end,
    'businessName', case when char_length(p_business_name) > 160
      then 'El nombre del emprendimiento admite máximo 160 caracteres.' end,
    'stage', case when p_stage is null or p_stage not in ('idea', 'starting', 'operating_lt_1y', 'operating_gte_1y')
      then 'Elija la etapa de su emprendimiento.' end,
    'topic', case when p_need is null or char_length(p_need) not between 3 and 1000
      then 'Cuéntenos en qué necesita ayuda (entre 3 y 1.000 caracteres).' end,
    'consent', case
      when p_consent is not true then 'Debe aceptar el tratamiento de datos personales para reservar la asesoría.'
      when p_consent_version <> 'asesorias-v1' then 'El aviso de tratamiento de datos cambió. Recargue la página, léalo y acéptelo de nuevo.'
    end
  ));
$$;
comment on function private.advisory_booking_fields(text, text, text, text, text, text, text, text, boolean, text) is 'The contract''s fields map for a booking ({} when valid); inputs already normalised.';
revoke execute on function private.advisory_booking_fields(text, text, text, text, text, text, text, text, boolean, text) from public;

create function private.advisory_email_payload(p_booking public.advisory_bookings, p_secret text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.advisory_booking_json(p_booking) - 'email' - 'need' - 'businessName' - 'stage' - 'status' - 'changeable'
    || jsonb_build_object('secret', p_secret);
$$;
comment on function private.advisory_email_payload(public.advisory_bookings, text) is 'What the booking e-mails carry: when, with whom, where, and the link secret (purged with the payload once sent).';
revoke execute on function private.advisory_email_payload(public.advisory_bookings, text) from public;

-- BOOK

create function public.book_advisory_slot(
  p_slot_id         uuid,
  p_area            text,
  p_full_name       text,
  p_document_type   text,
  p_document_id     text,
  p_email           text,
  p_phone           text,
  p_business_name   text,
  p_stage           text,
  p_need            text,
  p_consent         boolean,
  p_consent_version text default null,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: anon has no privileges on slots, bookings, consents or the outbox; this function
-- is the only way in and checks everything.
security definer
set search_path = ''
as $$
declare
  v_scope    text := 'advisory_booking';
  v_replay   jsonb;
  v_slot     public.advisory_slots;
  v_area     text;
  v_failure  jsonb;
  v_fields   jsonb;
  v_name     text := private.normalise_text(p_full_name);
  v_doc_type text := upper(coalesce(private.normalise_text(p_document_type), 'CC'));
  v_doc_id   text := private.normalise_document(p_document_id);
  v_email    text := lower(private.normalise_text(p_email));
  v_phone    text := private.normalise_text(p_phone);
  v_business text := private.normalise_text(p_business_name);
  v_need     text := btrim(p_need);
  v_id       uuid := gen_random_uuid();
  v_consent  uuid := gen_random_uuid();
  v_secret   text := private.new_secret();
  v_code     text;
  v_booking  public.advisory_bookings;
begin
  v_replay := private.begin_public_write(v_scope, p_idempotency_key, p_request_hash, 'advisory_booking', p_client);
  if v_replay is not null then
    return v_replay;
  end if;

  v_fields := private.advisory_booking_fields(v_name, v_doc_type, v_doc_id, v_email, v_phone, v_business, p_stage, v_need, p_consent, p_consent_version);
  if v_fields <> '{}'::jsonb then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('validation_failed', 'Revise los datos marcados.', v_fields));
  end if;

  select * into v_slot from public.advisory_slots where id = p_slot_id;
  -- Without a chosen topic the booking counts under the advisor's first one.
  v_area := coalesce(p_area, (select a.topics[1] from public.advisors a where a.id = v_slot.advisor_id));
  v_failure := private.advisory_slot_failure(v_slot, v_area);
  if v_failure is not null then
    return private.idempotency_settle(v_scope, p_idempotency_key, v_failure);
  end if;

  -- One future booking per document and topic. Two simultaneous requests for the same person (on
  -- different slots) would both pass a plain check, so they queue on a lock of that key first.
  perform pg_advisory_xact_lock(hashtextextended('advisory-document:' || v_doc_type || ':' || v_doc_id || ':' || v_area, 0));
  if exists (select from public.advisory_bookings b
             where b.document_type = v_doc_type and b.document_id = v_doc_id and b.area = v_area
               and b.status = 'booked' and b.starts_at > now()) then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('duplicate',
      'Ya tiene una asesoría reservada sobre este tema. Use el enlace de su correo para cambiarle la hora o cancelarla.',
      jsonb_build_object('documentId', 'Este documento ya tiene una asesoría futura sobre este tema.')));
  end if;

  -- The claim: one conditional update. Of many simultaneous requests for the slot exactly one finds it
  -- free; the others wait for its row lock, then see it taken.
  update public.advisory_slots set booking_id = v_id
  where id = v_slot.id and booking_id is null and status = 'open';
  if not found then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.slot_taken());
  end if;

  loop
    v_code := private.new_ticket_code();
    exit when not exists (select from public.advisory_bookings where code = v_code);
  end loop;
  insert into private.consents (id, subject_table, subject_id, text_version, purpose, channel)
  select v_consent, 'advisory_bookings', v_id, t.version, t.purpose, 'web'
  from public.consent_texts t where t.version = 'asesorias-v1';
  insert into public.advisory_bookings
    (id, code, secret_hash, slot_id, advisor_id, area, starts_at, ends_at, full_name, document_type, document_id,
     email, phone, business_name, stage, need, consent_id)
  values
    (v_id, v_code, private.sha256_hex(v_secret), v_slot.id, v_slot.advisor_id, v_area, v_slot.starts_at, v_slot.ends_at,
     v_name, v_doc_type, v_doc_id, v_email, v_phone, v_business, p_stage, v_need, v_consent)
  returning * into v_booking;

  perform private.enqueue_email('advisory-booked', v_email, private.advisory_email_payload(v_booking, v_secret), 'advisory-booked:' || v_code);

  return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object('ok', true, 'value',
    jsonb_build_object('code', v_code, 'secret', v_secret)));
end;
$$;
comment on function public.book_advisory_slot(uuid, text, text, text, text, text, text, text, text, text, boolean, text, text, text, text) is
  'Books a slot: idempotency, rate limit, validation, not_found, 422 outside notice or horizon, duplicate (a future booking of the same document and topic), then one conditional update of the slot (slot_taken) in the transaction of the booking, its consent and its e-mail. Returns {code, secret}.';
revoke execute on function public.book_advisory_slot(uuid, text, text, text, text, text, text, text, text, text, boolean, text, text, text, text) from public, anon, authenticated;
grant execute on function public.book_advisory_slot(uuid, text, text, text, text, text, text, text, text, text, boolean, text, text, text, text) to anon, authenticated;

-- CHANGE (reschedule and cancel share the first steps)

create function private.locked_booking(p_code text, p_secret text)
returns public.advisory_bookings
language sql
volatile
set search_path = ''
as $$
  -- The lock makes two changes of one booking run one after the other.
  select * from public.advisory_bookings
  where code = upper(btrim(coalesce(p_code, '')))
    and secret_hash = private.sha256_hex(coalesce(p_secret, ''))
  for update;
$$;
comment on function private.locked_booking(text, text) is 'The booking behind a link''s code and secret, locked for a change; null when either is wrong.';
revoke execute on function private.locked_booking(text, text) from public;

create function private.change_failure(p_booking public.advisory_bookings)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case
    when p_booking.id is null then private.failure('not_found', 'No encontramos una reserva con ese código y esa clave. Use el enlace de su correo.')
    when p_booking.status = 'cancelled' then private.failure('closed', 'Esta reserva ya estaba cancelada.')
    when p_booking.starts_at <= now() then private.failure('closed', 'La asesoría ya empezó o ya pasó: no se puede cambiar.')
  end;
$$;
comment on function private.change_failure(public.advisory_bookings) is 'Why a booking cannot be moved or cancelled (not_found, closed), or null.';
revoke execute on function private.change_failure(public.advisory_bookings) from public;

create function public.reschedule_advisory_booking(
  p_code            text,
  p_secret          text,
  p_slot_id         uuid,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: as book_advisory_slot; the link's secret is the proof of ownership.
security definer
set search_path = ''
as $$
declare
  v_scope   text := 'advisory_reschedule/' || upper(btrim(coalesce(p_code, '')));
  v_replay  jsonb;
  v_current public.advisory_bookings;
  v_slot    public.advisory_slots;
  v_failure jsonb;
  v_booking public.advisory_bookings;
begin
  v_replay := private.begin_public_write(v_scope, p_idempotency_key, p_request_hash, 'advisory_change', p_client);
  if v_replay is not null then
    return v_replay;
  end if;

  v_current := private.locked_booking(p_code, p_secret);
  v_failure := private.change_failure(v_current);
  if v_failure is not null then
    return private.idempotency_settle(v_scope, p_idempotency_key, v_failure);
  end if;

  select * into v_slot from public.advisory_slots where id = p_slot_id;
  v_failure := private.advisory_slot_failure(v_slot, v_current.area);
  if v_failure is not null then
    return private.idempotency_settle(v_scope, p_idempotency_key, v_failure);
  end if;

  -- New slot first (one conditional update: of simultaneous reschedules into it exactly one wins),
  -- then the old one is let go, all in this transaction: the booking never holds both, nor none.
  update public.advisory_slots set booking_id = v_current.id
  where id = v_slot.id and booking_id is null and status = 'open';
  if not found then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.slot_taken());
  end if;
  update public.advisory_slots set booking_id = null where id = v_current.slot_id;

  update public.advisory_bookings
  set slot_id = v_slot.id, advisor_id = v_slot.advisor_id, starts_at = v_slot.starts_at, ends_at = v_slot.ends_at,
      rescheduled_at = now(), reminded_at = null
  where id = v_current.id
  returning * into v_booking;

  perform private.enqueue_email('advisory-rescheduled', v_booking.email, private.advisory_email_payload(v_booking, p_secret),
    'advisory-rescheduled:' || v_booking.code || ':' || v_slot.id);

  return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object('ok', true, 'value',
    jsonb_build_object('code', v_booking.code, 'startsAt', private.iso_time(v_booking.starts_at))));
end;
$$;
comment on function public.reschedule_advisory_booking(text, text, uuid, text, text, text) is
  'Moves a booking to another free slot of its topic atomically (the new slot is claimed by one conditional update, then the old one released). Returns {code, startsAt}.';
revoke execute on function public.reschedule_advisory_booking(text, text, uuid, text, text, text) from public, anon, authenticated;
grant execute on function public.reschedule_advisory_booking(text, text, uuid, text, text, text) to anon, authenticated;

create function public.cancel_advisory_booking(
  p_code            text,
  p_secret          text,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: as reschedule_advisory_booking.
security definer
set search_path = ''
as $$
declare
  v_scope   text := 'advisory_cancel/' || upper(btrim(coalesce(p_code, '')));
  v_replay  jsonb;
  v_current public.advisory_bookings;
  v_failure jsonb;
  v_booking public.advisory_bookings;
begin
  v_replay := private.begin_public_write(v_scope, p_idempotency_key, p_request_hash, 'advisory_change', p_client);
  if v_replay is not null then
    return v_replay;
  end if;

  v_current := private.locked_booking(p_code, p_secret);
  v_failure := private.change_failure(v_current);
  if v_failure is not null then
    return private.idempotency_settle(v_scope, p_idempotency_key, v_failure);
  end if;

  update public.advisory_slots set booking_id = null where id = v_current.slot_id;
  update public.advisory_bookings set status = 'cancelled', cancelled_at = now()
  where id = v_current.id
  returning * into v_booking;

  perform private.enqueue_email('advisory-cancelled', v_booking.email, private.advisory_email_payload(v_booking, p_secret) - 'secret',
    'advisory-cancelled:' || v_booking.code);

  return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object('ok', true, 'value',
    jsonb_build_object('code', v_booking.code, 'status', 'cancelled')));
end;
$$;
comment on function public.cancel_advisory_booking(text, text, text, text, text) is 'Cancels a booking with its link''s secret; the slot is free again in the same transaction. Returns {code, status}.';
revoke execute on function public.cancel_advisory_booking(text, text, text, text, text) from public, anon, authenticated;
grant execute on function public.cancel_advisory_booking(text, text, text, text, text) to anon, authenticated;
