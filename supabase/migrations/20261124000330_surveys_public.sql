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
  v_scope       text := 'survey_response/' || coalesce(p_slug, '');
  v_replay      jsonb;
  v_retry_after integer;
  v_survey      public.surveys;
  v_consent     public.consent_texts;
  v_channel     text := coalesce(nullif(btrim(p_channel), ''), 'web');
  v_answers     jsonb := coalesce(p_answers, '{}'::jsonb);
  v_fields      jsonb := '{}'::jsonb;
  v_rows        jsonb := '[]'::jsonb;
  v_shown       jsonb := '{}'::jsonb;   -- valid answers of the questions shown so far (conditions)
  v_question    record;
  v_path        text;
  v_value       jsonb;
  v_other       jsonb;
  v_other_text  text;
  v_choices     jsonb;
  v_choice      text;
  v_count       integer;
  v_missing     text;
  v_text        text;
  v_number      numeric;
  v_date        date;
  v_unknown     text;
  v_response_id uuid := gen_random_uuid();
  v_consent_id  uuid := gen_random_uuid();
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
  v_retry_after := private.hit_rate_limit('survey_response', p_client);
  if v_retry_after > 0 then
    return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object('ok', false, 'error', jsonb_build_object(
      'code', 'rate_limited',
      'message', 'Ha enviado demasiadas respuestas seguidas. Intente de nuevo en unos minutos.',
      'retryAfter', v_retry_after
    )));
  end if;

  -- 3. The survey exists and is published. The key-share lock (the one the foreign key of the insert
  -- below takes anyway) makes staff_save_survey wait for this call, and this call wait for a save in
  -- progress, so answers are always checked against the definition they are stored under.
  select * into v_survey
  from public.surveys
  where slug = p_slug and status <> 'draft'
  for key share;

  if not found then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('not_found', 'La encuesta no existe.'));
  end if;

  -- 4. It is open now.
  if v_survey.status = 'closed' or v_survey.closes_at <= now() then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed', 'Esta encuesta ya cerró y no recibe más respuestas.'));
  end if;
  if v_survey.opens_at > now() then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed', 'Esta encuesta todavía no está abierta.'));
  end if;

  -- Only interviewers type in telephone answers (plan activity 1.2).
  if v_channel = 'phone' and not private.has_staff_role('interviewer') then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('forbidden', 'Solo el equipo de encuestadores puede registrar respuestas telefónicas.'));
  end if;

  -- 5. Channel and consent (Ley 1581: no personal data without prior, informed authorization).
  if v_channel not in ('web', 'phone', 'social') then
    v_fields := v_fields || jsonb_build_object('channel', 'El canal debe ser web, phone o social.');
  end if;

  if p_consent_version is null or btrim(p_consent_version) = '' then
    v_fields := v_fields || jsonb_build_object('consent', 'Debe aceptar el tratamiento de datos personales para enviar sus respuestas.');
  elsif p_consent_version <> v_survey.consent_version then
    v_fields := v_fields || jsonb_build_object('consent', 'El aviso de tratamiento de datos cambió. Recargue la página, léalo y acéptelo de nuevo.');
  end if;

  -- 6. Answers, question by question in order: unknown keys, conditions, required, then the rules
  -- of each type. Every problem is collected so the respondent sees all of them at once.
  if jsonb_typeof(v_answers) <> 'object' then
    v_fields := v_fields || jsonb_build_object('answers', 'Las respuestas no tienen un formato válido.');
    v_answers := '{}'::jsonb;
  end if;

  for v_unknown in
    select k
    from jsonb_object_keys(v_answers) as k
    where not exists (
      select from public.survey_questions q
      where q.survey_id = v_survey.id
        and (q.key = k or (q.allow_other and q.key || '__otro' = k))
    )
  loop
    v_fields := v_fields || jsonb_build_object('answers.' || v_unknown, 'Esta pregunta no existe en la encuesta.');
  end loop;

  for v_question in
    select q.id, q.key, q.type, q.label, q.required, q.min_value, q.max_value, q.allow_other, q.condition
    from public.survey_questions q
    where q.survey_id = v_survey.id
    order by q.position, q.id
  loop
    v_path := 'answers.' || v_question.key;
    v_value := v_answers -> v_question.key;
    v_other := case when v_question.allow_other then v_answers -> (v_question.key || '__otro') end;
    v_other_text := case when jsonb_typeof(v_other) = 'string' then nullif(btrim(v_other #>> '{}'), '') end;
    if jsonb_typeof(v_other) not in ('string', 'null') then
      v_fields := v_fields || jsonb_build_object(v_path || '__otro', 'Escriba la otra opción como texto.');
    end if;

    -- Empty means unanswered: missing, null, blank text, no option selected, no matrix row rated.
    -- Blank matrix rows (a form's untouched row) are dropped first.
    if jsonb_typeof(v_value) = 'object' then
      v_value := coalesce((
        select jsonb_object_agg(e.key, e.value)
        from jsonb_each(v_value) e
        where jsonb_typeof(e.value) <> 'null' and not (jsonb_typeof(e.value) = 'string' and btrim(e.value #>> '{}') = '')
      ), '{}'::jsonb);
    end if;
    if v_value is null
      or jsonb_typeof(v_value) = 'null'
      or (jsonb_typeof(v_value) = 'string' and btrim(v_value #>> '{}') = '')
      or v_value = '[]'::jsonb
      or v_value = '{}'::jsonb
    then
      v_value := null;
    end if;

    -- A question hidden by its condition must stay unanswered; required applies only when shown.
    if not private.survey_condition_met(v_question.condition, v_shown) then
      if v_value is not null or v_other_text is not null then
        v_fields := v_fields || jsonb_build_object(v_path, 'Esta pregunta no aplica según sus respuestas anteriores: déjela sin responder.');
      end if;
      continue;
    end if;

    if v_value is null then
      if v_other_text is not null then
        v_fields := v_fields || jsonb_build_object(v_path || '__otro', 'Marque «Otro» para escribir otra opción, o borre este texto.');
      end if;
      if v_question.required then
        v_fields := v_fields || jsonb_build_object(v_path, 'Esta pregunta es obligatoria.');
      end if;
      continue;
    end if;

    case v_question.type
      when 'single_choice', 'multiple_choice' then
        if jsonb_typeof(v_value) = 'array' then
          if v_question.type = 'single_choice' then
            v_fields := v_fields || jsonb_build_object(v_path, 'Elija una sola opción.');
            continue;
          end if;
          v_choices := v_value;
        else
          v_choices := jsonb_build_array(v_value);
        end if;

        if exists (
          select from jsonb_array_elements(v_choices) as c(choice)
          where jsonb_typeof(c.choice) <> 'string'
            or not exists (
              select from public.survey_question_options o
              where o.question_id = v_question.id and o.value = c.choice #>> '{}'
            )
        ) then
          v_fields := v_fields || jsonb_build_object(v_path, 'Elija una de las opciones de la lista.');
          continue;
        end if;

        select count(distinct c.choice) into v_count from jsonb_array_elements_text(v_choices) as c(choice);
        if v_question.min_value is not null and v_count < v_question.min_value then
          v_fields := v_fields || jsonb_build_object(v_path, format('Elija al menos %s opciones.', v_question.min_value));
          continue;
        end if;
        if v_question.max_value is not null and v_count > v_question.max_value then
          v_fields := v_fields || jsonb_build_object(v_path, case when v_question.max_value = 1 then 'Elija solo una opción.'
            else format('Elija como máximo %s opciones.', v_question.max_value) end);
          continue;
        end if;

        -- "Otro, ¿cuál?": the words travel beside the choice, and only with it.
        if v_question.allow_other and v_choices ? 'otro' then
          if v_other_text is null then
            v_fields := v_fields || jsonb_build_object(v_path || '__otro', 'Escriba cuál es la otra opción.');
            continue;
          elsif char_length(v_other_text) > 200 then
            v_fields := v_fields || jsonb_build_object(v_path || '__otro', 'Escriba como máximo 200 caracteres.');
            continue;
          end if;
        elsif v_other_text is not null then
          v_fields := v_fields || jsonb_build_object(v_path || '__otro', 'Marque «Otro» para escribir otra opción, o borre este texto.');
          continue;
        end if;

        for v_choice in select distinct c.choice from jsonb_array_elements_text(v_choices) as c(choice) loop
          v_rows := v_rows || jsonb_build_array(jsonb_build_object(
            'question_id', v_question.id,
            'option_value', v_choice,
            'text_value', case when v_choice = 'otro' then v_other_text end
          ));
        end loop;
        v_shown := v_shown || jsonb_build_object(v_question.key, v_value);

      when 'scale_5', 'nps' then
        -- Numbers may arrive as JSON numbers or as the digits a form posts.
        v_number := case
          when jsonb_typeof(v_value) = 'number' then (v_value #>> '{}')::numeric
          when jsonb_typeof(v_value) = 'string' and btrim(v_value #>> '{}') ~ '^[0-9]{1,2}$' then btrim(v_value #>> '{}')::numeric
        end;
        if v_question.type = 'scale_5' and (v_number is null or v_number <> trunc(v_number) or v_number not between 1 and 5) then
          v_fields := v_fields || jsonb_build_object(v_path, 'Elija un valor entre 1 y 5.');
        elsif v_question.type = 'nps' and (v_number is null or v_number <> trunc(v_number) or v_number not between 0 and 10) then
          v_fields := v_fields || jsonb_build_object(v_path, 'Elija un valor entre 0 y 10.');
        else
          v_rows := v_rows || jsonb_build_array(jsonb_build_object('question_id', v_question.id, 'number_value', v_number));
          v_shown := v_shown || jsonb_build_object(v_question.key, v_number::integer);
        end if;

      when 'number' then
        -- Whole numbers only: no doubt about decimal commas (es-CO) versus points.
        v_number := case
          when jsonb_typeof(v_value) = 'number' then (v_value #>> '{}')::numeric
          when jsonb_typeof(v_value) = 'string' and btrim(v_value #>> '{}') ~ '^-?[0-9]{1,12}$' then btrim(v_value #>> '{}')::numeric
        end;
        if v_number is null or v_number <> trunc(v_number) or abs(v_number) > 999999999999 then
          v_fields := v_fields || jsonb_build_object(v_path, 'Escriba un número entero, sin puntos ni comas.');
        elsif (v_question.min_value is not null and v_number < v_question.min_value)
           or (v_question.max_value is not null and v_number > v_question.max_value) then
          v_fields := v_fields || jsonb_build_object(v_path, case
            when v_question.min_value is not null and v_question.max_value is not null
              then format('Escriba un número entre %s y %s.', v_question.min_value::bigint, v_question.max_value::bigint)
            when v_question.min_value is not null then format('Escriba un número mayor o igual a %s.', v_question.min_value::bigint)
            else format('Escriba un número menor o igual a %s.', v_question.max_value::bigint)
          end);
        else
          v_rows := v_rows || jsonb_build_array(jsonb_build_object('question_id', v_question.id, 'number_value', v_number));
          v_shown := v_shown || jsonb_build_object(v_question.key, v_number::bigint);
        end if;

      when 'date' then
        v_date := case when jsonb_typeof(v_value) = 'string' then private.survey_answer_date(btrim(v_value #>> '{}')) end;
        if v_date is null then
          v_fields := v_fields || jsonb_build_object(v_path, 'Escriba una fecha válida (año-mes-día) entre 1900 y 2100.');
        else
          v_rows := v_rows || jsonb_build_array(jsonb_build_object('question_id', v_question.id, 'text_value', to_char(v_date, 'YYYY-MM-DD')));
        end if;

      when 'matrix' then
        -- {"<item>": "<option>", …}: every key an item of the question, every value one of its columns.
        if jsonb_typeof(v_value) <> 'object' or exists (
          select from jsonb_each(v_value) e
          where not exists (select from public.survey_question_items i where i.question_id = v_question.id and i.key = e.key)
            or jsonb_typeof(e.value) <> 'string'
            or not exists (select from public.survey_question_options o where o.question_id = v_question.id and o.value = e.value #>> '{}')
        ) then
          v_fields := v_fields || jsonb_build_object(v_path, 'Elija una de las opciones en cada fila.');
          continue;
        end if;
        if v_question.required then
          select string_agg('«' || i.label || '»', ', ' order by i.position, i.key) into v_missing
          from public.survey_question_items i
          where i.question_id = v_question.id and not v_value ? i.key;
          if v_missing is not null then
            v_fields := v_fields || jsonb_build_object(v_path, 'Elija una opción en cada fila. Falta: ' || v_missing || '.');
            continue;
          end if;
        end if;
        v_rows := v_rows || coalesce((
          select jsonb_agg(jsonb_build_object('question_id', v_question.id, 'item_key', e.key, 'option_value', e.value #>> '{}'))
          from jsonb_each(v_value) e
        ), '[]'::jsonb);

      when 'short_text', 'long_text' then
        if jsonb_typeof(v_value) <> 'string' then
          v_fields := v_fields || jsonb_build_object(v_path, 'Escriba su respuesta como texto.');
          continue;
        end if;
        v_text := btrim(v_value #>> '{}');
        if v_question.type = 'short_text' and char_length(v_text) > 200 then
          v_fields := v_fields || jsonb_build_object(v_path, 'Escriba como máximo 200 caracteres.');
        elsif v_question.type = 'long_text' and char_length(v_text) > 2000 then
          v_fields := v_fields || jsonb_build_object(v_path, 'Escriba como máximo 2000 caracteres.');
        else
          v_rows := v_rows || jsonb_build_array(jsonb_build_object('question_id', v_question.id, 'text_value', v_text));
        end if;
    end case;
  end loop;

  if v_fields = '{}'::jsonb and v_rows = '[]'::jsonb then
    v_fields := jsonb_build_object('answers', 'Responda al menos una pregunta.');
  end if;

  if v_fields <> '{}'::jsonb then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('validation_failed', 'Revise las respuestas marcadas.', v_fields));
  end if;

  -- 7. Write: consent record, response and answers, all in this one call's transaction.
  select * into strict v_consent from public.consent_texts where version = v_survey.consent_version;

  insert into private.consents (id, subject_table, subject_id, text_version, purpose, channel)
  values (v_consent_id, 'survey_responses', v_response_id, v_consent.version, v_consent.purpose, v_channel);

  insert into public.survey_responses (id, survey_id, channel, source, consent_id, entered_by)
  values (
    v_response_id,
    v_survey.id,
    v_channel,
    left(nullif(btrim(p_source), ''), 100),
    v_consent_id,
    case when v_channel = 'phone' then nullif(auth.jwt() ->> 'sub', '') end
  );

  insert into public.survey_answers (response_id, question_id, item_key, option_value, number_value, text_value)
  select v_response_id, r.question_id, r.item_key, r.option_value, r.number_value, r.text_value
  from jsonb_to_recordset(v_rows) as r(question_id bigint, item_key text, option_value text, number_value numeric, text_value text);

  -- 8. Remember the result under the idempotency key.
  return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object(
    'ok', true,
    'value', jsonb_build_object('id', v_response_id)
  ));
end;
$$;
comment on function public.submit_survey_response(text, jsonb, text, text, text, text, text, text) is
  'Records one survey response with its consent. Order: idempotency, rate limit, not_found, closed, consent and answers validation (types, bounds, «Otro», conditions), write.';
revoke execute on function public.submit_survey_response(text, jsonb, text, text, text, text, text, text) from public, anon, authenticated;
grant execute on function public.submit_survey_response(text, jsonb, text, text, text, text, text, text) to anon, authenticated;
