-- Tickets, public side: the event list and page, registering (taking seats), the ticket seen with its
-- secret, and cancelling. Seats given back go first to the waiting list (private.release_seats, in
-- …000220_tickets_waitlist.sql). Tables and the seat invariant: …000200_tickets_tables.sql.

insert into private.rate_limit_rules (bucket, max_hits, window_seconds) values
  ('ticket_registration', 10, 600),
  ('ticket_cancel', 20, 600)
on conflict (bucket) do nothing;

-- HELPERS
-- The one-expression SQL helpers below carry no `set search_path` (everything in them is schema-qualified
-- or pg_catalog, and none is security definer): a SET clause keeps the planner from inlining them, and a
-- SQL function that is not inlined is parsed and planned again on every call, which the seat claim's hot
-- path paid several times per ticket.

create function private.sha256_hex(p_value text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  -- plpgsql: convert_to is only stable, so as sql this would never inline and be planned on every call.
  return encode(sha256(convert_to(p_value, 'UTF8')), 'hex');
end;
$$;
comment on function private.sha256_hex(text) is 'SHA-256 of a secret, hex: what the tables keep instead of cancel secrets and claim tokens.';
revoke execute on function private.sha256_hex(text) from public;

create function private.new_secret()
returns text
language sql
volatile
as $$
  -- gen_random_uuid() is core PostgreSQL (no pgcrypto on every host) and draws from a CSPRNG:
  -- two of them give 244 random bits.
  select replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
$$;
comment on function private.new_secret() is 'A fresh 64-hex-character secret for cancel links and claim tokens.';
revoke execute on function private.new_secret() from public;

create function private.new_ticket_code()
returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  -- 8 characters of Crockford base 32 (no I, L, O, U: nothing to misread at the door) from the first
  -- 40 bits of a v4 UUID, all random (its version digit comes later). Guessing a valid code is hopeless.
  a constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  n constant bigint := ('x' || left(replace(gen_random_uuid()::text, '-', ''), 10))::bit(40)::bigint;
begin
  -- plpgsql, not sql: its expression plans are cached instead of planned again on every ticket.
  return substr(a, ((n >> 35) & 31)::int + 1, 1) || substr(a, ((n >> 30) & 31)::int + 1, 1)
      || substr(a, ((n >> 25) & 31)::int + 1, 1) || substr(a, ((n >> 20) & 31)::int + 1, 1) || '-'
      || substr(a, ((n >> 15) & 31)::int + 1, 1) || substr(a, ((n >> 10) & 31)::int + 1, 1)
      || substr(a, ((n >> 5) & 31)::int + 1, 1) || substr(a, (n & 31)::int + 1, 1);
end;
$$;
comment on function private.new_ticket_code() is 'A random ticket code XXXX-XXXX (Crockford base 32). Uniqueness is the table''s constraint.';
revoke execute on function private.new_ticket_code() from public;

create function private.event_state(p_event public.events)
returns text
language sql
stable
as $$
  select case
    when p_event.status = 'cancelled' then 'cancelled'
    when coalesce(p_event.ends_at, p_event.starts_at) <= now() then 'past'
    when p_event.opens_at > now() then 'upcoming'
    when p_event.closes_at <= now() then 'closed'
    when p_event.remaining = 0 then 'sold_out'
    else 'open'
  end;
$$;
comment on function private.event_state(public.events) is 'Public state of an event now: open, upcoming (registration not open yet), sold_out, closed, past or cancelled.';
revoke execute on function private.event_state(public.events) from public;

create function private.event_json(p_event public.events)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'slug',               p_event.slug,
    'title',              p_event.title,
    'description',        p_event.description,
    'venue',              p_event.venue,
    'address',            p_event.address,
    'startsAt',           p_event.starts_at,
    'endsAt',             p_event.ends_at,
    'capacity',           p_event.capacity,
    'remaining',          p_event.remaining,
    'maxPerRegistration', p_event.max_per_registration,
    'opensAt',            p_event.opens_at,
    'closesAt',           p_event.closes_at,
    'status',             private.event_state(p_event),
    'imageUrl',           p_event.image_url,
    'imageAlt',           p_event.image_alt,
    'offerHoldMinutes',   p_event.offer_hold_minutes
  );
$$;
comment on function private.event_json(public.events) is 'Public description of an event (the contract''s GET /api/events/:slug), with its state now.';
revoke execute on function private.event_json(public.events) from public;

create function private.sold_out(p_remaining integer)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_set(private.failure('sold_out', case p_remaining
      when 0 then 'Ya no quedan boletas para este evento. Puede inscribirse en la lista de espera.'
      when 1 then 'Solo queda 1 boleta. Pida una cantidad menor o inscríbase en la lista de espera.'
      else format('Solo quedan %s boletas. Pida una cantidad menor o inscríbase en la lista de espera.', p_remaining)
    end), '{error,remaining}', to_jsonb(p_remaining));
$$;
comment on function private.sold_out(integer) is 'The sold_out failure, with the seats left as error.remaining (the contract: 409 sold_out with how many remain).';
revoke execute on function private.sold_out(integer) from public;

create function private.rate_limited(p_retry_after integer)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_set(private.failure('rate_limited', 'Ha hecho demasiadas solicitudes seguidas. Intente de nuevo en unos minutos.'),
    '{error,retryAfter}', to_jsonb(p_retry_after));
$$;
comment on function private.rate_limited(integer) is 'The rate_limited failure of the ticket functions, with error.retryAfter in seconds.';
revoke execute on function private.rate_limited(integer) from public;

create function private.begin_public_write(p_scope text, p_key text, p_request_hash text, p_bucket text, p_client text)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_replay      jsonb;
  v_retry_after integer;
begin
  -- Idempotency first: a replay returns the first result and writes nothing, not even a rate-limit hit.
  if p_key is not null then
    v_replay := private.idempotency_begin(p_scope, p_key, coalesce(p_request_hash, ''));
    if v_replay is not null then
      return v_replay;
    end if;
  end if;
  -- The caller returns (never raises) what this answers, so the hit is kept.
  v_retry_after := private.hit_rate_limit(p_bucket, p_client);
  if v_retry_after > 0 then
    return private.idempotency_settle(p_scope, p_key, private.rate_limited(v_retry_after));
  end if;
  return null;
end;
$$;
comment on function private.begin_public_write(text, text, text, text, text) is 'First steps of every public ticket write: claims the idempotency key and counts a rate-limit hit. Null: go on; else the result to return (a replay, duplicate or rate_limited).';
revoke execute on function private.begin_public_write(text, text, text, text, text) from public;

-- Messages for the registration's own checks, one place (the zod schema says the same first).
create function private.registration_fields(
  p_event         public.events,
  p_full_name     text,
  p_document_type text,
  p_document_id   text,
  p_email         text,
  p_phone         text,
  p_quantity      integer,
  p_consent       boolean,
  p_consent_version text
)
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
    'phone', case when p_phone is not null and (char_length(p_phone) not between 7 and 20 or p_phone !~ '^\+?[0-9 ()-]+$')
      then 'Escriba un teléfono de 7 a 20 dígitos, o deje el campo vacío.' end,
    'quantity', case when p_quantity is null or p_quantity not between 1 and p_event.max_per_registration
      then format('Elija entre 1 y %s boletas.', p_event.max_per_registration) end,
    'consent', case
      when p_consent is not true then 'Debe aceptar el tratamiento de datos personales para recibir su boleta.'
      when p_consent_version <> p_event.consent_version then 'El aviso de tratamiento de datos cambió. Recargue la página, léalo y acéptelo de nuevo.'
    end
  ));
$$;
comment on function private.registration_fields(public.events, text, text, text, text, text, integer, boolean, text) is 'The contract''s fields map for a registration ({} when valid); inputs already normalised. A consent version, when the form sends the one it showed, must be the event''s current one.';
revoke execute on function private.registration_fields(public.events, text, text, text, text, text, integer, boolean, text) from public;

create function private.normalise_document(p_value text)
returns text
language sql
immutable
as $$
  select nullif(upper(regexp_replace(coalesce(p_value, ''), '[\s.-]', '', 'g')), '');
$$;
comment on function private.normalise_document(text) is 'Document number as stored: dots, spaces and dashes removed, upper case (1.020.304 and 1020304 are one person).';
revoke execute on function private.normalise_document(text) from public;

create function private.normalise_text(p_value text)
returns text
language sql
immutable
as $$
  select nullif(regexp_replace(btrim(coalesce(p_value, '')), '\s+', ' ', 'g'), '');
$$;
comment on function private.normalise_text(text) is 'Trimmed, inner runs of spaces collapsed, null when empty.';
revoke execute on function private.normalise_text(text) from public;

-- Writes a ticket: consent record, registration and the ticket e-mail, in the caller's transaction,
-- for seats the caller secures (the seat claim below, right after this) or already holds (a waiting-list
-- offer). Null when the document already holds a ticket for the event: then nothing is written. The
-- document's unique index decides that (insert … on conflict do nothing), not a caught unique_violation:
-- no subtransaction on the hot path.
create function private.issue_ticket(
  p_event         public.events,
  p_full_name     text,
  p_document_type text,
  p_document_id   text,
  p_email         text,
  p_phone         text,
  p_quantity      integer,
  p_source        text
)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_id         uuid := gen_random_uuid();
  v_consent_id uuid := gen_random_uuid();
  v_code       text;
  v_secret     text := private.new_secret();
  v_written    boolean;
begin
  -- A code already in use (one chance in a trillion per pair) is drawn again. Checked, not caught: a
  -- subtransaction per ticket would cost more than the lookup, and the unique constraint still guards
  -- the impossible race of two new tickets drawing the same unused code at once.
  loop
    v_code := private.new_ticket_code();
    exit when not exists (select from public.event_registrations where code = v_code);
  end loop;
  -- Registration and its consent record in one statement: the consent is written only when the
  -- registration is (the foreign key between them is checked at the end of the statement).
  with registration as (
    insert into public.event_registrations
      (id, event_id, code, cancel_secret_hash, quantity, full_name, document_type, document_id, email, phone, consent_id, source)
    values
      (v_id, p_event.id, v_code, private.sha256_hex(v_secret), p_quantity, p_full_name, p_document_type, p_document_id,
       p_email, p_phone, v_consent_id, p_source)
    on conflict (event_id, document_type, document_id) where status = 'active' do nothing
    returning id
  ), consent as (
    insert into private.consents (id, subject_table, subject_id, text_version, purpose, channel)
    select v_consent_id, 'event_registrations', r.id, t.version, t.purpose, 'web'
    from registration r
    join public.consent_texts t on t.version = p_event.consent_version
    returning id
  )
  select exists (select from consent) into v_written;
  if not v_written then
    return null;
  end if;

  -- The cancel secret travels in clear only in this payload, so the e-mail can carry the link; the
  -- sender purges payloads once sent.
  perform private.enqueue_email('ticket', p_email, jsonb_build_object(
    'code',         v_code,
    'cancelSecret', v_secret,
    'quantity',     p_quantity,
    'fullName',     p_full_name,
    'event',        jsonb_build_object(
      'slug', p_event.slug, 'title', p_event.title, 'venue', p_event.venue, 'address', p_event.address,
      'startsAt', p_event.starts_at, 'endsAt', p_event.ends_at)
  ), 'ticket:' || v_code);

  return jsonb_build_object('code', v_code, 'quantity', p_quantity, 'cancelSecret', v_secret);
end;
$$;
comment on function private.issue_ticket(public.events, text, text, text, text, text, integer, text) is 'Consent, registration and ticket e-mail; returns {code, quantity, cancelSecret}, or null (nothing written) on a second ticket for the same document.';
revoke execute on function private.issue_ticket(public.events, text, text, text, text, text, integer, text) from public;

-- READS

create function public.list_events()
returns jsonb
language sql
stable
-- security definer: to reach the private helpers (anon has no usage on schema private); it filters
-- out drafts itself, as the events policy does.
security definer
set search_path = ''
as $$
  -- Upcoming events and those of the last 30 days (shown as past), soonest first.
  select coalesce(jsonb_agg(private.event_json(e) order by e.starts_at, e.id), '[]'::jsonb)
  from public.events e
  where e.status <> 'draft'
    and coalesce(e.ends_at, e.starts_at) > now() - interval '30 days';
$$;
comment on function public.list_events() is 'Published events, upcoming and of the last 30 days, soonest first, each with its state and seats left.';
revoke execute on function public.list_events() from public, anon, authenticated;
grant execute on function public.list_events() to anon, authenticated;

create function public.get_event(p_slug text)
returns jsonb
language sql
stable
-- security definer: as list_events, for the private helpers; drafts filtered here.
security definer
set search_path = ''
as $$
  select private.event_json(e) || jsonb_build_object('consent', jsonb_build_object(
           'version', c.version, 'purpose', c.purpose, 'body', c.body))
  from public.events e
  join public.consent_texts c on c.version = e.consent_version
  where e.slug = p_slug and e.status <> 'draft';
$$;
comment on function public.get_event(text) is 'One published event (the contract''s GET /api/events/:slug) with its personal-data notice; null when missing or draft.';
revoke execute on function public.get_event(text) from public, anon, authenticated;
grant execute on function public.get_event(text) to anon, authenticated;

create function public.get_ticket(p_code text, p_secret text)
returns jsonb
language sql
stable
-- security definer: tickets hold personal data anon cannot read; the secret of the ticket's own
-- link is the proof of ownership (a wrong one answers null, like a missing code).
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'code',              r.code,
    'quantity',          r.quantity - r.cancelled_quantity,
    'cancelledQuantity', r.cancelled_quantity,
    'status',            r.status,
    'fullName',          r.full_name,
    'email',             r.email,
    'createdAt',         r.created_at,
    'checkedInAt',       r.checked_in_at,
    'event',             private.event_json(e)
  )
  from public.event_registrations r
  join public.events e on e.id = r.event_id
  where r.code = upper(btrim(p_code))
    and r.cancel_secret_hash = private.sha256_hex(coalesce(p_secret, ''));
$$;
comment on function public.get_ticket(text, text) is 'The ticket behind a code and its secret (confirmation and cancel pages); null when either is wrong.';
revoke execute on function public.get_ticket(text, text) from public, anon, authenticated;
grant execute on function public.get_ticket(text, text) to anon, authenticated;

-- REGISTER

create function public.register_for_event(
  p_slug            text,
  p_full_name       text,
  p_document_type   text,
  p_document_id     text,
  p_email           text,
  p_phone           text,
  p_quantity        integer,
  p_consent         boolean,
  p_consent_version text default null,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: anon has no privileges on registrations, consents, the outbox or the private
-- rate-limit and idempotency tables; this function is the only way in and checks everything.
security definer
set search_path = ''
as $$
declare
  v_scope       text := 'event_registration/' || coalesce(p_slug, '');
  v_replay      jsonb;
  v_event       public.events;
  v_state       text;
  v_fields      jsonb;
  v_name        text := private.normalise_text(p_full_name);
  v_doc_type    text := upper(coalesce(private.normalise_text(p_document_type), 'CC'));
  v_doc_id      text := private.normalise_document(p_document_id);
  v_email       text := lower(private.normalise_text(p_email));
  v_phone       text := private.normalise_text(p_phone);
  v_ticket      jsonb;
  v_left        integer;
begin
  -- 1. Idempotency and rate limit.
  v_replay := private.begin_public_write(v_scope, p_idempotency_key, p_request_hash, 'ticket_registration', p_client);
  if v_replay is not null then
    return v_replay;
  end if;

  -- 2. The event and its state. This read decides nothing about seats: the conditional update does.
  select * into v_event from public.events where slug = p_slug and status <> 'draft';
  if not found then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('not_found', 'No existe un evento con esa dirección.'));
  end if;
  v_state := private.event_state(v_event);
  if v_state = 'upcoming' then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed',
      'Las inscripciones para este evento todavía no están abiertas. Abren el '
      || to_char(v_event.opens_at at time zone 'America/Bogota', 'DD/MM/YYYY "a las" HH24:MI') || '.'));
  elsif v_state in ('closed', 'past', 'cancelled') then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed',
      case v_state when 'cancelled' then 'Este evento fue cancelado.' else 'Las inscripciones para este evento ya cerraron.' end));
  end if;

  -- 3. The person's data.
  v_fields := private.registration_fields(v_event, v_name, v_doc_type, v_doc_id, v_email, v_phone, p_quantity, p_consent, p_consent_version);
  if v_fields <> '{}'::jsonb then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('validation_failed', 'Revise los datos marcados.', v_fields));
  end if;

  -- 4. Fail fast when the kept count already says no: the hot row is not touched at all.
  if v_event.remaining < p_quantity then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.sold_out(v_event.remaining));
  end if;

  -- 5. Ticket, then seats: the registration is written first so the event row (the one every claim
  -- queues on) stays locked only from the seat update to the commit. A document that already holds a
  -- ticket writes nothing and leaves the seats alone.
  v_ticket := private.issue_ticket(v_event, v_name, v_doc_type, v_doc_id, v_email, v_phone, p_quantity, 'web');
  if v_ticket is null then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('duplicate',
      'Ya hay una boleta a nombre de este documento para este evento. Búsquela en su correo; si necesita cambiarla, cancélela desde el enlace del correo e inscríbase de nuevo.',
      jsonb_build_object('documentId', 'Este documento ya tiene boletas para este evento.')));
  end if;

  update public.events
  set remaining = remaining - p_quantity
  where id = v_event.id and remaining >= p_quantity;

  if not found then
    -- The seats went after step 4: the ticket just written is taken back in this same transaction
    -- (a rare race; deleting beats a subtransaction around every claim).
    delete from private.email_outbox where dedupe_key = 'ticket:' || (v_ticket ->> 'code');
    with registration as (
      delete from public.event_registrations where code = v_ticket ->> 'code' returning consent_id
    )
    delete from private.consents where id in (select consent_id from registration);
    select remaining into v_left from public.events where id = v_event.id;
    return private.idempotency_settle(v_scope, p_idempotency_key, private.sold_out(v_left));
  end if;

  return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object('ok', true, 'value', v_ticket));
end;
$$;
comment on function public.register_for_event(text, text, text, text, text, text, integer, boolean, text, text, text, text) is
  'Takes seats and issues a ticket: idempotency, rate limit, not_found, closed (before opens_at, after closes_at), validation, then one conditional update of the kept count (sold_out with the seats left) in the transaction of the registration (duplicate per document). Returns {code, quantity, cancelSecret}.';
revoke execute on function public.register_for_event(text, text, text, text, text, text, integer, boolean, text, text, text, text) from public, anon, authenticated;
grant execute on function public.register_for_event(text, text, text, text, text, text, integer, boolean, text, text, text, text) to anon, authenticated;

-- CANCEL

create function public.cancel_registration(
  p_code            text,
  p_secret          text,
  p_quantity        integer default null,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: the registration is reached with the secret of the ticket's link, and the seats
-- are released in the same transaction (to the waiting list first).
security definer
set search_path = ''
as $$
declare
  v_scope       text := 'registration_cancel/' || upper(btrim(coalesce(p_code, '')));
  v_replay      jsonb;
  v_reg         public.event_registrations;
  v_event       public.events;
  v_held        integer;
  v_cancel      integer;
begin
  -- A double-clicked «cancel 1 of 2» must give back one seat, not two: idempotency covers it.
  v_replay := private.begin_public_write(v_scope, p_idempotency_key, p_request_hash, 'ticket_cancel', p_client);
  if v_replay is not null then
    return v_replay;
  end if;

  -- Lock order everywhere: registration or offer first, the event row last.
  select * into v_reg
  from public.event_registrations
  where code = upper(btrim(coalesce(p_code, '')))
    and cancel_secret_hash = private.sha256_hex(coalesce(p_secret, ''))
  for update;
  if not found then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('not_found', 'No encontramos una boleta con ese código y esa clave. Use el enlace del correo de su boleta.'));
  end if;

  select * into strict v_event from public.events where id = v_reg.event_id;
  v_held := v_reg.quantity - v_reg.cancelled_quantity;
  if v_held = 0 then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed', 'Esta boleta ya estaba cancelada.'));
  elsif v_reg.checked_in_at is not null then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed', 'Esta boleta ya se usó para ingresar al evento.'));
  elsif coalesce(v_event.ends_at, v_event.starts_at) <= now() then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed', 'El evento ya pasó.'));
  end if;

  v_cancel := coalesce(p_quantity, v_held);
  if v_cancel not between 1 and v_held then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('validation_failed', 'Revise los datos marcados.',
      jsonb_build_object('quantity', format('Elija entre 1 y %s boletas para cancelar.', v_held))));
  end if;

  update public.event_registrations
  set cancelled_quantity = cancelled_quantity + v_cancel,
      status = case when cancelled_quantity + v_cancel = quantity then 'cancelled' else 'active' end,
      cancelled_at = now()
  where id = v_reg.id;

  -- Lapsed offers first (the sweep may not have run yet), so the seats given back now go to whoever is
  -- really next in line.
  perform private.expire_offers(v_reg.event_id);
  perform private.release_seats(v_reg.event_id, v_cancel);

  return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'code', v_reg.code, 'cancelled', v_cancel, 'quantity', v_held - v_cancel)));
end;
$$;
comment on function public.cancel_registration(text, text, integer, text, text, text) is
  'Gives back p_quantity seats of a ticket (default all), with the secret of its link (wrong code or secret: not_found); the seats are released at once, to the waiting list first. Returns {code, cancelled, quantity (seats still held)}.';
revoke execute on function public.cancel_registration(text, text, integer, text, text, text) from public, anon, authenticated;
grant execute on function public.cancel_registration(text, text, integer, text, text, text) to anon, authenticated;
