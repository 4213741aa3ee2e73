-- Surveys, public functions: the list, a survey's definition for its form, and recording a response.

create function public.list_surveys()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(
    jsonb_build_object(
      'slug',         s.slug,
      'title',        s.title,
      'description',  s.description,
      'planActivity', s.plan_activity_code,
      'status',       case
                        when s.status = 'closed' or s.closes_at <= now() then 'closed'
                        when s.opens_at > now() then 'scheduled'
                        else 'open'
                      end,
      'opensAt',      to_char(s.opens_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'closesAt',     to_char(s.closes_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )
    order by coalesce(s.opens_at, s.created_at) desc, s.id desc
  ), '[]'::jsonb)
  from public.surveys s
  where s.status <> 'draft';
$$;
comment on function public.list_surveys() is 'Published surveys (not drafts), newest first, with their public status open, scheduled or closed.';
revoke execute on function public.list_surveys() from public, anon, authenticated;
grant execute on function public.list_surveys() to anon, authenticated;

-- The question shape here is the one staff_get_survey returns too (private.survey_questions_json),
-- plus maxLength; it is spelled out again because this function runs as the caller, under RLS,
-- and the public roles cannot reach the private schema.
create function public.get_survey(p_slug text)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'slug',         s.slug,
    'title',        s.title,
    'description',  s.description,
    'planActivity', s.plan_activity_code,
    'status',       case
                      when s.status = 'closed' or s.closes_at <= now() then 'closed'
                      when s.opens_at > now() then 'scheduled'
                      else 'open'
                    end,
    'opensAt',      to_char(s.opens_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'closesAt',     to_char(s.closes_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'consent',      jsonb_build_object('version', c.version, 'purpose', c.purpose, 'text', c.body),
    'questions',    coalesce((
      select jsonb_agg(
        jsonb_build_object(
          'id',         q.key,
          'type',       q.type,
          'label',      q.label,
          'help',       q.help,
          'required',   q.required,
          'section',    q.section,
          'options',    coalesce((
            select jsonb_agg(jsonb_build_object('value', o.value, 'label', o.label) order by o.position, o.value)
            from public.survey_question_options o
            where o.question_id = q.id
              and q.type in ('single_choice', 'multiple_choice', 'matrix')
          ), '[]'::jsonb),
          'items',      coalesce((
            select jsonb_agg(jsonb_build_object('key', i.key, 'label', i.label) order by i.position, i.key)
            from public.survey_question_items i
            where i.question_id = q.id
              and q.type = 'matrix'
          ), '[]'::jsonb),
          'min',        case when q.type in ('number', 'multiple_choice') then q.min_value::bigint end,
          'max',        case when q.type in ('number', 'multiple_choice') then q.max_value::bigint end,
          'allowOther', q.allow_other,
          'condition',  q.condition,
          'maxLength',  case q.type when 'short_text' then 200 when 'long_text' then 2000 end
        )
        order by q.position, q.id
      )
      from public.survey_questions q
      where q.survey_id = s.id
    ), '[]'::jsonb)
  )
  from public.surveys s
  join public.consent_texts c on c.version = s.consent_version
  where s.slug = p_slug
    and s.status <> 'draft';
$$;
comment on function public.get_survey(text) is 'Definition of a published survey for its form; null when missing or draft. Questions: id, type, label, help, required, section, options, items (matrix rows), min/max, allowOther, condition, maxLength.';
revoke execute on function public.get_survey(text) from public, anon, authenticated;
grant execute on function public.get_survey(text) to anon, authenticated;

-- The write step of a response: consent record, response and answers, in the caller's transaction.
-- The kept counts follow by trigger (migration 0610), for this and any other writer.
create function private.record_survey_response(p_survey public.surveys, p_channel text, p_source text, p_rows jsonb)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_response_id uuid := gen_random_uuid();
  v_consent_id  uuid := gen_random_uuid();
begin
  insert into private.consents (id, subject_table, subject_id, text_version, purpose, channel)
  select v_consent_id, 'survey_responses', v_response_id, c.version, c.purpose, p_channel
  from public.consent_texts c
  where c.version = p_survey.consent_version;

  insert into public.survey_responses (id, survey_id, channel, source, consent_id, entered_by)
  values (
    v_response_id,
    p_survey.id,
    p_channel,
    left(nullif(btrim(p_source), ''), 100),
    v_consent_id,
    case when p_channel = 'phone' then nullif(auth.jwt() ->> 'sub', '') end
  );

  insert into public.survey_answers (response_id, question_id, item_key, option_value, number_value, text_value)
  select v_response_id, r.question_id, r.item_key, r.option_value, r.number_value, r.text_value
  from jsonb_to_recordset(p_rows) as r(question_id bigint, item_key text, option_value text, number_value numeric, text_value text);

  return v_response_id;
end;
$$;
comment on function private.record_survey_response(public.surveys, text, text, jsonb) is 'Writes one checked response: its consent record (Ley 1581), the response and its answer rows; returns the response id.';
revoke execute on function private.record_survey_response(public.surveys, text, text, jsonb) from public;

-- Why a response cannot be taken now, before its answers are read: the survey is missing or a
-- draft, closed, not open yet, or a phone answer comes from someone who is not an interviewer.
create function private.survey_response_refusal(p_survey public.surveys, p_channel text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case
    when p_survey.id is null then private.failure('not_found', 'La encuesta no existe.')
    when p_survey.status = 'closed' or p_survey.closes_at <= now() then private.failure('closed', 'Esta encuesta ya cerró y no recibe más respuestas.')
    when p_survey.opens_at > now() then private.failure('closed', 'Esta encuesta todavía no está abierta.')
    -- Only interviewers type in telephone answers (plan activity 1.2).
    when p_channel = 'phone' and not private.has_staff_role('interviewer') then private.failure('forbidden', 'Solo el equipo de encuestadores puede registrar respuestas telefónicas.')
  end;
$$;
comment on function private.survey_response_refusal(public.surveys, text) is 'The failure (not_found, closed, forbidden) that refuses a response to this survey on this channel now; null when it may be answered.';
revoke execute on function private.survey_response_refusal(public.surveys, text) from public;

create function public.submit_survey_response(
  p_slug            text,
  p_answers         jsonb,
  p_consent_version text,
  p_channel         text default 'web',
  p_source          text default null,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: anon has no privileges on responses, answers, consents or the private
-- rate-limit and idempotency tables; this function is the only way in and checks everything.
security definer
set search_path = ''
as $$
declare
  v_scope   text := 'survey_response/' || coalesce(p_slug, '');
  v_replay  jsonb;
  v_retry   integer;
  v_survey  public.surveys;
  v_channel text := coalesce(nullif(btrim(p_channel), ''), 'web');
  v_answers jsonb := coalesce(p_answers, '{}'::jsonb);
  v_fields  jsonb := '{}'::jsonb;
  v_refusal jsonb;
  v_checked record;
begin
  -- 1. Idempotency: a replay returns the first result and writes nothing.
  if p_idempotency_key is not null then
    if char_length(p_idempotency_key) not between 1 and 200 then
      return private.failure('validation_failed', 'La clave de idempotencia no es válida.', jsonb_build_object('idempotencyKey', 'Use entre 1 y 200 caracteres.'));
    end if;
    v_replay := private.idempotency_begin(v_scope, p_idempotency_key, coalesce(p_request_hash, ''));
    if v_replay is not null then
      return v_replay;
    end if;
  end if;

  -- 2. Rate limit per client. Failures below return (not raise), so the hit is kept.
  v_retry := private.hit_rate_limit('survey_response', p_client);
  if v_retry > 0 then
    return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object('ok', false, 'error', jsonb_build_object(
      'code', 'rate_limited',
      'message', 'Ha enviado demasiadas respuestas seguidas. Intente de nuevo en unos minutos.',
      'retryAfter', v_retry
    )));
  end if;

  -- 3. The survey is published and open now. The key-share lock (the one the foreign key of the
  -- insert takes anyway) makes staff_save_survey wait for this call, and this call wait for a save
  -- in progress, so answers are always checked against the definition they are stored under.
  select * into v_survey from public.surveys where slug = p_slug and status <> 'draft' for key share;
  v_refusal := private.survey_response_refusal(v_survey, v_channel);
  if v_refusal is not null then
    return private.idempotency_settle(v_scope, p_idempotency_key, v_refusal);
  end if;

  -- 4. Channel, consent (Ley 1581: no personal data without prior, informed authorization) and answers.
  if v_channel not in ('web', 'phone', 'social') then
    v_fields := v_fields || jsonb_build_object('channel', 'El canal debe ser web, phone o social.');
  end if;
  if p_consent_version is null or btrim(p_consent_version) = '' then
    v_fields := v_fields || jsonb_build_object('consent', 'Debe aceptar el tratamiento de datos personales para enviar sus respuestas.');
  elsif p_consent_version <> v_survey.consent_version then
    v_fields := v_fields || jsonb_build_object('consent', 'El aviso de tratamiento de datos cambió. Recargue la página, léalo y acéptelo de nuevo.');
  end if;
  if jsonb_typeof(v_answers) <> 'object' then
    v_fields := v_fields || jsonb_build_object('answers', 'Las respuestas no tienen un formato válido.');
    v_answers := '{}'::jsonb;
  end if;

  select * into v_checked from private.check_survey_answers(v_survey.id, v_answers);
  v_fields := v_fields || v_checked.fields;
  if v_fields = '{}'::jsonb and v_checked.rows = '[]'::jsonb then
    v_fields := jsonb_build_object('answers', 'Responda al menos una pregunta.');
  end if;
  if v_fields <> '{}'::jsonb then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('validation_failed', 'Revise las respuestas marcadas.', v_fields));
  end if;

  -- 5. Write, and remember the result under the idempotency key.
  return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object(
    'ok', true,
    'value', jsonb_build_object('id', private.record_survey_response(v_survey, v_channel, p_source, v_checked.rows))
  ));
end;
$$;
comment on function public.submit_survey_response(text, jsonb, text, text, text, text, text, text) is
  'Records one survey response with its consent. Order: idempotency, rate limit, not_found, closed, consent and answers validation (types, bounds, «Otro», conditions), write.';
revoke execute on function public.submit_survey_response(text, jsonb, text, text, text, text, text, text) from public, anon, authenticated;
grant execute on function public.submit_survey_response(text, jsonb, text, text, text, text, text, text) to anon, authenticated;
