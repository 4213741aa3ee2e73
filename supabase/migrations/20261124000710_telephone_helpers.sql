-- Telephone survey mode: private helpers shared by the call-list and interviewer functions
-- (phone numbers, dates, the contact as the interviewer sees it, the lease and the outcome of a call).

create function private.normalize_co_phone(p_raw text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text := regexp_replace(coalesce(p_raw, ''), '[[:space:]().-]', '', 'g');
begin
  if v like '+57%' then
    v := substr(v, 4);
  elsif v like '0057%' then
    v := substr(v, 5);
  elsif v ~ '^57[0-9]{10}$' then
    v := substr(v, 3);
  end if;

  -- Since 2021 every Colombian number has 10 digits: mobiles 3xx, landlines 60 + area digit.
  if v ~ '^3[0-9]{9}$' or v ~ '^60[124-8][0-9]{7}$' then
    return '+57' || v;
  end if;
  -- The old landline format, area digit + 7 digits, maps to 60 + area digit + 7 digits.
  if v ~ '^[124-8][0-9]{7}$' then
    return '+5760' || v;
  end if;
  return null;
end;
$$;
comment on function private.normalize_co_phone(text) is 'A Colombian phone number in E.164 (+573001234567, +576012345678), or null when it is not one. A bare 7-digit landline is refused: its area is unknown.';
revoke execute on function private.normalize_co_phone(text) from public;

create function private.try_iso_date(p_text text)
returns date
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_text is null or p_text !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
    return null;
  end if;
  return p_text::date;
exception when others then
  return null;  -- 2026-02-30 and the like
end;
$$;
comment on function private.try_iso_date(text) is 'YYYY-MM-DD as a date, or null when it is not a real date.';
revoke execute on function private.try_iso_date(text) from public;

create function private.iso_time(p_at timestamptz)
returns text
language sql
immutable
set search_path = ''
as $$
  select to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
$$;
comment on function private.iso_time(timestamptz) is 'ISO 8601 in UTC with milliseconds, as every API answer writes times.';
revoke execute on function private.iso_time(timestamptz) from public;

create function private.phone_contact_json(p_contact public.phone_contacts)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id',           p_contact.id,
    'survey',       jsonb_build_object('slug', s.slug, 'title', s.title),
    'fullName',     p_contact.full_name,
    'phone',        p_contact.phone,
    'serviceUsed',  p_contact.service_used,
    'consentBasis', p_contact.consent_basis,
    'consentedOn',  to_char(p_contact.consented_on, 'YYYY-MM-DD'),
    'status',       case
                      when p_contact.status in ('pending', 'callback') and p_contact.locked_until > now() then 'in_call'
                      else p_contact.status
                    end,
    'attempts',     p_contact.attempts,
    'nextCallAt',   private.iso_time(p_contact.next_call_at),
    'lease',        case when p_contact.locked_by is not null then jsonb_build_object(
                      'interviewerEmail', p_contact.locked_by_email,
                      'since',            private.iso_time(p_contact.locked_at),
                      'until',            private.iso_time(p_contact.locked_until)
                    ) end,
    'history',      coalesce((
      select jsonb_agg(jsonb_build_object(
               'at',               private.iso_time(a.ended_at),
               'outcome',          a.outcome,
               'callbackAt',       private.iso_time(a.callback_at),
               'notes',            a.notes,
               'interviewerEmail', a.interviewer_email
             ) order by a.ended_at, a.id)
      from public.phone_call_attempts a
      where a.contact_id = p_contact.id
    ), '[]'::jsonb)
  )
  from public.surveys s
  where s.id = p_contact.survey_id;
$$;
comment on function private.phone_contact_json(public.phone_contacts) is 'A contact as the interviewer sees it, with its call history.';
revoke execute on function private.phone_contact_json(public.phone_contacts) from public;

-- Only the lease holder sees a contact or records what happened on a call: null when p_sub holds
-- the lease (even if it ran out and nobody else took the contact since), else the failure to return.
-- A contact that was not found comes as a row of nulls (what `select … into` leaves).
create function private.phone_lease_error(p_contact public.phone_contacts, p_sub text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case
    when p_contact.id is null then
      private.failure('not_found', 'El contacto no existe.')
    when p_contact.status not in ('pending', 'callback') then
      private.failure('closed', 'La llamada a este contacto ya quedó registrada y no se volverá a llamar. Pida el siguiente contacto de la lista.')
    when p_contact.locked_by is null then
      private.failure('closed', 'Este contacto no tiene una llamada en curso. Pida el siguiente contacto de la lista.')
    when p_contact.locked_by is distinct from p_sub then
      private.failure('forbidden', 'Este contacto está asignado a otra persona del equipo.')
  end;
$$;
comment on function private.phone_lease_error(public.phone_contacts, text) is 'Null when p_sub holds the contact''s lease; else not_found (no such contact), closed (no call in progress) or forbidden (another interviewer).';
revoke execute on function private.phone_lease_error(public.phone_contacts, text) from public;

-- Records one attempt and moves the contact on; the caller has locked the row and checked the lease.
create function private.settle_phone_attempt(
  p_contact     public.phone_contacts,
  p_outcome     text,
  p_callback_at timestamptz,
  p_notes       text,
  p_response_id uuid
)
returns public.phone_contacts
language plpgsql
set search_path = ''
as $$
declare
  v_unanswered integer;
  v_contact    public.phone_contacts;
begin
  insert into public.phone_call_attempts (contact_id, interviewer_sub, interviewer_email, outcome, callback_at, notes, response_id, started_at)
  values (
    p_contact.id,
    p_contact.locked_by,
    p_contact.locked_by_email,
    p_outcome,
    case when p_outcome = 'callback' then p_callback_at end,
    p_notes,
    case when p_outcome = 'completed' then p_response_id end,
    least(coalesce(p_contact.locked_at, now()), now())
  );

  select count(*) into v_unanswered
  from public.phone_call_attempts
  where contact_id = p_contact.id and outcome in ('no_answer', 'busy');

  update public.phone_contacts
  set attempts        = attempts + 1,
      status          = case p_outcome
                          when 'completed' then 'completed'
                          when 'refused' then 'refused'
                          when 'wrong_number' then 'wrong_number'
                          when 'callback' then 'callback'
                          else case when v_unanswered >= 3 then 'unreachable' else 'pending' end
                        end,
      next_call_at    = case
                          when p_outcome = 'callback' then p_callback_at
                          when p_outcome in ('no_answer', 'busy') and v_unanswered < 3 then now() + interval '2 hours'
                        end,
      response_id     = case when p_outcome = 'completed' then p_response_id else response_id end,
      locked_by       = null,
      locked_by_email = null,
      locked_at       = null,
      locked_until    = null
  where id = p_contact.id
  returning * into v_contact;

  return v_contact;
end;
$$;
comment on function private.settle_phone_attempt(public.phone_contacts, text, timestamptz, text, uuid) is 'Inserts the attempt, sets the next status (no answer/busy: 2 h later, unreachable at the 3rd) and releases the lease.';
revoke execute on function private.settle_phone_attempt(public.phone_contacts, text, timestamptz, text, uuid) from public;
