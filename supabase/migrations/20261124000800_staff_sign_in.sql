-- Staff sign-in: rate limits for the sign-in page, and the local issuer of one-time codes.
-- On Supabase, codes are Supabase Auth's own (the page calls signInWithOtp / verifyOtp); the
-- roster and codes below serve local and self-hosted installs, which have no auth server.

-- RATE LIMITS
-- Per client (salted hash of the address) and per e-mail (salted hash too): one address cannot
-- spray codes at many people, and many addresses cannot flood one person's mailbox or guess
-- their code. Supabase Auth applies its own limits on top, but sees only our server's address.
insert into private.rate_limit_rules (bucket, max_hits, window_seconds)
values
  ('staff_code_request_client', 20, 900),
  ('staff_code_request_email',   5, 900),
  ('staff_code_verify_client',  30, 900),
  ('staff_code_verify_email',   10, 900);

create function public.staff_sign_in_throttle(p_step text, p_client text, p_email_key text)
returns jsonb
language plpgsql
-- security definer: anon may not touch private.rate_limit_hits; this is the only way in.
security definer
set search_path = ''
as $$
declare
  v_retry_after integer;
begin
  if p_step not in ('request', 'verify') or coalesce(p_client, '') = '' or coalesce(p_email_key, '') = '' then
    return private.failure('bad_request', 'Paso de acceso desconocido.');
  end if;
  -- The address first: a refused address does not spend the person's own allowance.
  v_retry_after := private.hit_rate_limit(format('staff_code_%s_client', p_step), p_client);
  if v_retry_after = 0 then
    v_retry_after := private.hit_rate_limit(format('staff_code_%s_email', p_step), p_email_key);
  end if;
  if v_retry_after > 0 then
    return jsonb_build_object('ok', false, 'error', jsonb_build_object(
      'code', 'rate_limited',
      'message', 'Demasiados intentos de acceso seguidos. Espere unos minutos e intente de nuevo.',
      'retryAfter', v_retry_after));
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object());
end;
$$;
comment on function public.staff_sign_in_throttle(text, text, text) is 'Counts one sign-in step (request or verify) for the client and for the e-mail; ok, or rate_limited with retryAfter.';
revoke execute on function public.staff_sign_in_throttle(text, text, text) from public;
grant execute on function public.staff_sign_in_throttle(text, text, text) to anon;

-- STAFF ROSTER (local issuer)
create table private.staff_roster (
  email      text        primary key check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
  roles      text[]      not null check (
    cardinality(roles) > 0
    and roles <@ array['admin', 'communications', 'advisor', 'interviewer', 'box_office']
  ),
  created_at timestamptz not null default now()
);
comment on table private.staff_roster is 'Who may sign in with a code on a local or self-hosted install, and with which roles. Supabase deployments keep this in auth.users.raw_app_meta_data instead.';
comment on column private.staff_roster.roles is 'Staff roles, the same names as app_metadata.roles in a Supabase token.';

alter table private.staff_roster enable row level security;
-- No policies: read only by the security definer functions below.

-- ONE-TIME CODES (local issuer)
create table private.staff_sign_in_codes (
  email      text        primary key,
  code_hash  text        not null,
  expires_at timestamptz not null,
  attempts   integer     not null default 0 check (attempts >= 0),
  used_at    timestamptz,
  created_at timestamptz not null default now()
);
comment on table private.staff_sign_in_codes is 'The latest sign-in code per e-mail. A new request replaces the previous code.';
comment on column private.staff_sign_in_codes.email is 'Any e-mail that asked for a code: addresses off the roster get an unusable code, so answers never reveal who is staff.';
comment on column private.staff_sign_in_codes.code_hash is 'HMAC-SHA-256 of e-mail and code with the server''s secret: the code itself is never stored, and a hash written by anyone without the secret can never match.';
comment on column private.staff_sign_in_codes.attempts is 'Codes tried against this one, right or wrong; after 5 it is dead.';

alter table private.staff_sign_in_codes enable row level security;
-- No policies: read and written only by the security definer functions below.

create function private.local_issuer_enabled()
returns boolean
language sql
stable
set search_path = ''
as $$
  -- A Supabase database has auth.users (the local bootstrap never creates it): there, staff sign
  -- in through Supabase Auth, and these functions must not hand out sessions of their own.
  select to_regclass('auth.users') is null;
$$;
comment on function private.local_issuer_enabled() is 'False on Supabase (auth.users exists), where codes come from Supabase Auth.';
revoke execute on function private.local_issuer_enabled() from public;

create function public.staff_sign_in_issue(p_email text, p_code_hash text)
returns jsonb
language plpgsql
-- security definer: anon may not read the roster nor write codes; this is the only way in.
security definer
set search_path = ''
as $$
declare
  v_email  text := lower(trim(p_email));
  v_member boolean;
begin
  if not private.local_issuer_enabled() then
    return private.failure('not_found', 'En este sitio el acceso va por Supabase Auth.');
  end if;
  if v_email !~ '^[^@\s]+@[^@\s]+$' or coalesce(p_code_hash, '') !~ '^[0-9a-f]{64}$' then
    return private.failure('validation_failed', 'Escriba un correo electrónico válido.', jsonb_build_object('email', 'Escriba un correo electrónico válido.'));
  end if;
  v_member := exists (select from private.staff_roster r where r.email = v_email);

  -- Someone off the roster gets a code row too (one that matches nothing), so a wrong guess reads
  -- «wrong code» for everyone and the answers never tell who is staff.
  insert into private.staff_sign_in_codes as c (email, code_hash, expires_at)
  values (v_email, case when v_member then p_code_hash else 'x' || gen_random_uuid()::text end, now() + interval '10 minutes')
  on conflict (email) do update
    set code_hash = excluded.code_hash, expires_at = excluded.expires_at,
        attempts = 0, used_at = null, created_at = now();

  return jsonb_build_object('ok', true, 'value', jsonb_build_object('deliver', v_member));
end;
$$;
comment on function public.staff_sign_in_issue(text, text) is 'Stores a new 10-minute code for the e-mail (replacing the last one); value.deliver says whether to send it (the e-mail is on the roster).';
revoke execute on function public.staff_sign_in_issue(text, text) from public;
grant execute on function public.staff_sign_in_issue(text, text) to anon;

create function public.staff_sign_in_verify(p_email text, p_code_hash text)
returns jsonb
language plpgsql
-- security definer: anon may not read codes or the roster; this is the only way in.
security definer
set search_path = ''
as $$
declare
  v_email text := lower(trim(p_email));
  v_code  private.staff_sign_in_codes;
  v_roles text[];
begin
  if not private.local_issuer_enabled() then
    return private.failure('not_found', 'En este sitio el acceso va por Supabase Auth.');
  end if;

  -- One conditional update: the row lock makes concurrent guesses take turns, every guess counts,
  -- and a right code is spent by the same statement that accepts it (single use).
  update private.staff_sign_in_codes c
  set attempts = c.attempts + 1,
      used_at  = case when c.code_hash = p_code_hash and c.expires_at > now() and c.attempts < 5 then now() end
  where c.email = v_email and c.used_at is null
  returning * into v_code;

  -- Failures name the problem; the sign-in page words it (src/lib/auth/problems.ts).
  if not found then
    return jsonb_build_object('ok', false, 'problem', 'expired');
  end if;
  if v_code.used_at is null then
    return jsonb_build_object('ok', false, 'problem',
      case when v_code.expires_at <= now() then 'expired' when v_code.attempts >= 5 then 'too_many_attempts' else 'wrong_code' end);
  end if;

  select r.roles into v_roles from private.staff_roster r where r.email = v_email;
  if v_roles is null then
    return jsonb_build_object('ok', false, 'problem', 'no_role');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('email', v_email, 'roles', to_jsonb(v_roles)));
end;
$$;
comment on function public.staff_sign_in_verify(text, text) is 'Checks a code (10 minutes, 5 tries, single use). {ok, value: {email, roles}}, or {ok: false, problem: expired | too_many_attempts | wrong_code | no_role}.';
revoke execute on function public.staff_sign_in_verify(text, text) from public;
grant execute on function public.staff_sign_in_verify(text, text) to anon;
