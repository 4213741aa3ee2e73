-- Tickets, waiting list: joining the line of a sold-out event, releasing seats (to the line first),
-- claiming an offer, and the sweep that passes unclaimed offers on. Every step is one transaction;
-- the event row is always the last row locked (after a registration, entry or offer), so two of these
-- never deadlock. Offers are made to the first in line whose request fits the seats released: a
-- person waiting for 4 does not block the person behind them waiting for 1.

insert into private.rate_limit_rules (bucket, max_hits, window_seconds) values
  ('waitlist_join', 10, 600),
  ('waitlist_claim', 20, 600)
on conflict (bucket) do nothing;

-- OFFERS

create function private.offer_seats(p_event_id bigint)
returns integer
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_event  public.events;
  v_entry  public.event_waitlist_entries;
  v_token  text;
  v_offers integer := 0;
begin
  select * into strict v_event from public.events where id = p_event_id;
  -- A cancelled or finished event offers nothing; its seats just stay free.
  if v_event.status <> 'published' or coalesce(v_event.ends_at, v_event.starts_at) <= now() then
    return 0;
  end if;

  for v_entry in
    select * from public.event_waitlist_entries
    where event_id = p_event_id and status = 'waiting'
    order by created_at, id
    for update
  loop
    -- Same single conditional statement as a registration: the seats move from the kept count to
    -- the offer only if they are still there.
    update public.events
    set remaining = remaining - v_entry.quantity
    where id = p_event_id and remaining >= v_entry.quantity;
    if not found then
      continue;
    end if;

    v_token := private.new_secret();
    insert into public.event_waitlist_offers (entry_id, event_id, token_hash, quantity, expires_at)
    values (v_entry.id, p_event_id, private.sha256_hex(v_token), v_entry.quantity,
            now() + make_interval(mins => v_event.offer_hold_minutes));
    update public.event_waitlist_entries set status = 'offered', updated_at = now() where id = v_entry.id;

    -- The claim token travels in clear only in this payload (the e-mailed link).
    perform private.enqueue_email('waitlist-offer', v_entry.email, jsonb_build_object(
      'token',     v_token,
      'fullName',  v_entry.full_name,
      'quantity',  v_entry.quantity,
      'expiresAt', now() + make_interval(mins => v_event.offer_hold_minutes),
      'event',     jsonb_build_object('slug', v_event.slug, 'title', v_event.title, 'venue', v_event.venue, 'startsAt', v_event.starts_at)
    ));
    v_offers := v_offers + 1;
  end loop;
  return v_offers;
end;
$$;
comment on function private.offer_seats(bigint) is 'Moves free seats of an event to held offers for the waiting list, in line order (first whose request fits), each with its e-mail. Returns the offers made.';
revoke execute on function private.offer_seats(bigint) from public;

create function private.release_seats(p_event_id bigint, p_quantity integer)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  -- Locks the event row until commit: a registration arriving now waits and then sees the seats
  -- already offered, so a released seat cannot skip the line.
  update public.events set remaining = remaining + p_quantity where id = p_event_id;
  perform private.offer_seats(p_event_id);
end;
$$;
comment on function private.release_seats(bigint, integer) is 'Gives seats back to an event (cancellation, lapsed offer) and offers them to the waiting list in the same transaction.';
revoke execute on function private.release_seats(bigint, integer) from public;

create function private.expire_offers(p_event_id bigint default null)
returns integer
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_offer public.event_waitlist_offers;
  v_count integer := 0;
begin
  -- skip locked: an offer being claimed right now is the claim's business, not the sweep's.
  for v_offer in
    select * from public.event_waitlist_offers
    where status = 'held' and expires_at <= now() and (p_event_id is null or event_id = p_event_id)
    order by expires_at, id
    for update skip locked
  loop
    update public.event_waitlist_offers set status = 'expired', resolved_at = now() where id = v_offer.id;
    update public.event_waitlist_entries set status = 'expired', updated_at = now() where id = v_offer.entry_id;
    perform private.release_seats(v_offer.event_id, v_offer.quantity);
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;
comment on function private.expire_offers(bigint) is 'Lapses held offers past expires_at (of one event, or all) and passes their seats on to the next in line.';
revoke execute on function private.expire_offers(bigint) from public;

create function public.expire_waitlist_offers()
returns jsonb
language sql
volatile
-- security definer: the offers are private; the call only applies what the clock already decided,
-- so anyone (a scheduler with the anon key) may trigger it.
security definer
set search_path = ''
as $$
  select jsonb_build_object('ok', true, 'value', jsonb_build_object('expired', private.expire_offers(null)));
$$;
comment on function public.expire_waitlist_offers() is 'Sweep for a scheduler (every few minutes): unclaimed offers past their time pass to the next in line. Returns {expired}.';
revoke execute on function public.expire_waitlist_offers() from public, anon, authenticated;
grant execute on function public.expire_waitlist_offers() to anon, authenticated;

-- JOIN

create function public.join_waitlist(
  p_slug            text,
  p_full_name       text,
  p_email           text,
  p_quantity        integer,
  p_consent         boolean,
  p_consent_version text default null,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: anon has no privileges on the waiting list or consents.
security definer
set search_path = ''
as $$
declare
  v_scope       text := 'waitlist_join/' || coalesce(p_slug, '');
  v_replay      jsonb;
  v_event       public.events;
  v_state       text;
  v_name        text := private.normalise_text(p_full_name);
  v_email       text := lower(private.normalise_text(p_email));
  v_fields      jsonb;
  v_id          uuid := gen_random_uuid();
  v_consent_id  uuid := gen_random_uuid();
  v_position    integer;
begin
  v_replay := private.begin_public_write(v_scope, p_idempotency_key, p_request_hash, 'waitlist_join', p_client);
  if v_replay is not null then
    return v_replay;
  end if;

  select * into v_event from public.events where slug = p_slug and status <> 'draft';
  if not found then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('not_found', 'No existe un evento con esa dirección.'));
  end if;
  perform private.expire_offers(v_event.id);
  select * into strict v_event from public.events where id = v_event.id;
  v_state := private.event_state(v_event);
  if v_state not in ('open', 'sold_out') then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed', 'La lista de espera de este evento está cerrada.'));
  end if;

  -- The same checks as a registration, on the fields a waiting-list entry has.
  v_fields := private.registration_fields(v_event, v_name, 'CC', '000', v_email, null, p_quantity, p_consent, p_consent_version);
  if v_fields <> '{}'::jsonb then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('validation_failed', 'Revise los datos marcados.', v_fields));
  end if;
  if v_event.remaining >= p_quantity then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed',
      'Todavía hay boletas disponibles para este evento: inscríbase directamente en el formulario.'));
  end if;

  begin
    insert into private.consents (id, subject_table, subject_id, text_version, purpose, channel)
    select v_consent_id, 'event_waitlist_entries', v_id, c.version, c.purpose, 'web'
    from public.consent_texts c where c.version = v_event.consent_version;
    insert into public.event_waitlist_entries (id, event_id, full_name, email, quantity, consent_id)
    values (v_id, v_event.id, v_name, v_email, p_quantity, v_consent_id);
  exception when unique_violation then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('duplicate',
      'Este correo ya está en la lista de espera del evento.', jsonb_build_object('email', 'Este correo ya está en la lista de espera.')));
  end;

  select count(*) into v_position
  from public.event_waitlist_entries
  where event_id = v_event.id and status = 'waiting' and (created_at, id) <= (now(), v_id);

  perform private.enqueue_email('waitlist-joined', v_email, jsonb_build_object(
    'fullName', v_name, 'quantity', p_quantity, 'position', v_position,
    'event', jsonb_build_object('slug', v_event.slug, 'title', v_event.title, 'venue', v_event.venue, 'startsAt', v_event.starts_at)
  ), 'waitlist-joined:' || v_id);

  return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'position', v_position, 'quantity', p_quantity)));
end;
$$;
comment on function public.join_waitlist(text, text, text, integer, boolean, text, text, text, text) is
  'Puts a person in the waiting line of an event with no seats for them (one place per e-mail: duplicate). Order: idempotency, rate limit, not_found, closed, validation, write. Returns {position, quantity}.';
revoke execute on function public.join_waitlist(text, text, text, integer, boolean, text, text, text, text) from public, anon, authenticated;
grant execute on function public.join_waitlist(text, text, text, integer, boolean, text, text, text, text) to anon, authenticated;

-- CLAIM

create function public.get_waitlist_offer(p_token text)
returns jsonb
language sql
stable
-- security definer: offers and entries are private; the token of the e-mailed link is the proof.
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'status',    case when o.status = 'held' and o.expires_at <= now() then 'expired' else o.status end,
    'quantity',  o.quantity,
    'expiresAt', o.expires_at,
    'fullName',  w.full_name,
    'email',     w.email,
    'event',     private.event_json(e) || jsonb_build_object('consent', jsonb_build_object(
                   'version', c.version, 'purpose', c.purpose, 'body', c.body))
  )
  from public.event_waitlist_offers o
  join public.event_waitlist_entries w on w.id = o.entry_id
  join public.events e on e.id = o.event_id
  join public.consent_texts c on c.version = e.consent_version
  where o.token_hash = private.sha256_hex(coalesce(p_token, ''));
$$;
comment on function public.get_waitlist_offer(text) is 'The offer behind a claim link (status held, claimed, expired or void), for the claim page; null for an unknown token.';
revoke execute on function public.get_waitlist_offer(text) from public, anon, authenticated;
grant execute on function public.get_waitlist_offer(text) to anon, authenticated;

create function public.claim_waitlist_offer(
  p_token           text,
  p_document_type   text,
  p_document_id     text,
  p_phone           text,
  p_consent         boolean,
  p_consent_version text default null,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: turns a held offer into a ticket; the token of the e-mailed link is the proof.
security definer
set search_path = ''
as $$
declare
  v_scope       text := 'waitlist_claim/' || private.sha256_hex(coalesce(p_token, ''));
  v_replay      jsonb;
  v_offer       public.event_waitlist_offers;
  v_entry       public.event_waitlist_entries;
  v_event       public.events;
  v_doc_type    text := upper(coalesce(private.normalise_text(p_document_type), 'CC'));
  v_doc_id      text := private.normalise_document(p_document_id);
  v_phone       text := private.normalise_text(p_phone);
  v_fields      jsonb;
  v_ticket      jsonb;
begin
  v_replay := private.begin_public_write(v_scope, p_idempotency_key, p_request_hash, 'waitlist_claim', p_client);
  if v_replay is not null then
    return v_replay;
  end if;

  select * into v_offer from public.event_waitlist_offers where token_hash = private.sha256_hex(coalesce(p_token, '')) for update;
  if not found then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('not_found', 'Este enlace de la lista de espera no existe.'));
  end if;
  if v_offer.status = 'held' and v_offer.expires_at <= now() then
    -- Lapsed: pass the seats on now (this transaction commits; the answer is still «closed»).
    perform private.expire_offers(v_offer.event_id);
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed',
      'El plazo para reclamar estas boletas venció y pasaron a la siguiente persona de la lista.'));
  elsif v_offer.status <> 'held' then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed', case v_offer.status
      when 'claimed' then 'Estas boletas ya fueron reclamadas. Busque la boleta en su correo.'
      when 'expired' then 'El plazo para reclamar estas boletas venció y pasaron a la siguiente persona de la lista.'
      else 'El evento fue cancelado.' end));
  end if;

  select * into strict v_entry from public.event_waitlist_entries where id = v_offer.entry_id for update;
  select * into strict v_event from public.events where id = v_offer.event_id;

  v_fields := private.registration_fields(v_event, v_entry.full_name, v_doc_type, v_doc_id, v_entry.email, v_phone, v_offer.quantity, p_consent, p_consent_version);
  if v_fields <> '{}'::jsonb then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('validation_failed', 'Revise los datos marcados.', v_fields));
  end if;

  -- The seats are already held by the offer: no seat update, only the ticket.
  v_ticket := private.issue_ticket(v_event, v_entry.full_name, v_doc_type, v_doc_id, v_entry.email, v_phone, v_offer.quantity, 'waitlist');
  if v_ticket is null then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('duplicate',
      'Ya hay una boleta a nombre de este documento para este evento.',
      jsonb_build_object('documentId', 'Este documento ya tiene boletas para este evento.')));
  end if;

  update public.event_waitlist_offers
  set status = 'claimed', resolved_at = now(),
      registration_id = (select r.id from public.event_registrations r where r.code = v_ticket ->> 'code')
  where id = v_offer.id;
  update public.event_waitlist_entries set status = 'claimed', updated_at = now() where id = v_entry.id;

  return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object('ok', true, 'value', v_ticket));
end;
$$;
comment on function public.claim_waitlist_offer(text, text, text, text, boolean, text, text, text, text) is
  'Turns a held waiting-list offer into a ticket for its seats (name and e-mail from the entry; document, phone and consent asked now). Lapsed, claimed or void offers: closed. Returns {code, quantity, cancelSecret}.';
revoke execute on function public.claim_waitlist_offer(text, text, text, text, boolean, text, text, text, text) from public, anon, authenticated;
grant execute on function public.claim_waitlist_offer(text, text, text, text, boolean, text, text, text, text) to anon, authenticated;
