-- Surveys, staff functions (survey builder: roles admin and communications): list, read, save,
-- duplicate and open or close surveys. Definitions are checked by migration 0340.

create function private.survey_public_status(p_status text, p_opens_at timestamptz, p_closes_at timestamptz)
returns text
language sql
stable
set search_path = ''
as $$
  select case
    when p_status = 'draft' then 'draft'
    when p_status = 'closed' or p_closes_at <= now() then 'closed'
    when p_opens_at > now() then 'scheduled'
    else 'open'
  end;
$$;
comment on function private.survey_public_status(text, timestamptz, timestamptz) is 'What the public sees: draft (nothing), open, scheduled (opens later) or closed (by staff or past closes_at).';
revoke execute on function private.survey_public_status(text, timestamptz, timestamptz) from public;

-- The questions of any survey (drafts too) in the definition shape the builder edits and saves back.
create function private.survey_questions_json(p_survey_id bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(
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
        where o.question_id = q.id and q.type in ('single_choice', 'multiple_choice', 'matrix')
      ), '[]'::jsonb),
      'items',      coalesce((
        select jsonb_agg(jsonb_build_object('key', i.key, 'label', i.label) order by i.position, i.key)
        from public.survey_question_items i
        where i.question_id = q.id and q.type = 'matrix'
      ), '[]'::jsonb),
      'min',        case when q.type in ('number', 'multiple_choice') then q.min_value::bigint end,
      'max',        case when q.type in ('number', 'multiple_choice') then q.max_value::bigint end,
      'allowOther', q.allow_other,
      'condition',  q.condition
    )
    order by q.position, q.id
  ), '[]'::jsonb)
  from public.survey_questions q
  where q.survey_id = p_survey_id;
$$;
comment on function private.survey_questions_json(bigint) is 'Questions of a survey in the builder''s definition shape (get_survey''s, without maxLength).';
revoke execute on function private.survey_questions_json(bigint) from public;

create function private.staff_survey_json(p_survey_id bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'definition', jsonb_build_object(
      'slug',         s.slug,
      'title',        s.title,
      'description',  s.description,
      'planActivity', s.plan_activity_code,
      'opensAt',      to_char(s.opens_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'closesAt',     to_char(s.closes_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'questions',    private.survey_questions_json(s.id)
    ),
    'status',       s.status,
    'publicStatus', private.survey_public_status(s.status, s.opens_at, s.closes_at),
    'responses',    (select count(*) from public.survey_responses r where r.survey_id = s.id),
    'locked',       private.survey_has_responses(s.id),
    'updatedAt',    to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )
  from public.surveys s
  where s.id = p_survey_id;
$$;
comment on function private.staff_survey_json(bigint) is 'A survey as the builder sees it: {definition, status, publicStatus, responses, locked, updatedAt}.';
revoke execute on function private.staff_survey_json(bigint) from public;

create function public.staff_list_surveys()
returns jsonb
language plpgsql
stable
-- security definer: drafts and response counts are hidden from the API roles by RLS and grants;
-- the role check below is the gate.
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para administrar encuestas.');
  end if;

  return jsonb_build_object('ok', true, 'value', coalesce((
    select jsonb_agg(
      jsonb_build_object(
        'slug',         s.slug,
        'title',        s.title,
        'planActivity', s.plan_activity_code,
        'status',       s.status,
        'publicStatus', private.survey_public_status(s.status, s.opens_at, s.closes_at),
        'opensAt',      to_char(s.opens_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'closesAt',     to_char(s.closes_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'questions',    (select count(*) from public.survey_questions q where q.survey_id = s.id),
        'responses',    coalesce(r.n, 0),
        'locked',       coalesce(r.n, 0) > 0,
        'updatedAt',    to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      )
      order by s.created_at desc, s.id desc
    )
    from public.surveys s
    left join (
      select survey_id, count(*) as n from public.survey_responses group by survey_id
    ) r on r.survey_id = s.id
  ), '[]'::jsonb));
end;
$$;
comment on function public.staff_list_surveys() is 'Staff (admin, communications): every survey, drafts included, newest first, with response counts.';
revoke execute on function public.staff_list_surveys() from public, anon, authenticated;
grant execute on function public.staff_list_surveys() to authenticated;

create function public.staff_get_survey(p_slug text)
returns jsonb
language plpgsql
stable
-- security definer: drafts are hidden from the API roles by RLS; the role check below is the gate.
security definer
set search_path = ''
as $$
declare
  v_id bigint;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para administrar encuestas.');
  end if;
  select id into v_id from public.surveys where slug = p_slug;
  if not found then
    return private.failure('not_found', 'No existe una encuesta con esa dirección.');
  end if;
  return jsonb_build_object('ok', true, 'value', private.staff_survey_json(v_id));
end;
$$;
comment on function public.staff_get_survey(text) is 'Staff (admin, communications): one survey, drafts included, with its full definition and whether answers lock it.';
revoke execute on function public.staff_get_survey(text) from public, anon, authenticated;
grant execute on function public.staff_get_survey(text) to authenticated;

create function public.staff_save_survey(p_definition jsonb, p_create_only boolean default false)
returns jsonb
language plpgsql
-- security definer: the API roles cannot write survey tables; the role check below is the gate,
-- the lock triggers refuse what would corrupt stored answers, and the audit triggers record it all.
security definer
set search_path = ''
as $$
declare
  v_fields    jsonb;
  v_survey    public.surveys;
  v_created   boolean := false;
  v_q         jsonb;
  v_position  bigint;
  v_qid       bigint;
  v_type      text;
  v_other     boolean;
  v_options   jsonb;
  v_items     jsonb;
  v_condition jsonb;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para administrar encuestas.');
  end if;

  v_fields := private.survey_definition_errors(p_definition);
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  -- One saver at a time per survey, and no response half-way through validation (see
  -- submit_survey_response): the whole definition is written against a stable state.
  select * into v_survey from public.surveys where slug = p_definition ->> 'slug' for update;
  if found and p_create_only then
    return private.failure('duplicate', 'Ya existe una encuesta con esa dirección. Elija otra.', jsonb_build_object('slug', 'Ya existe una encuesta con esta dirección.'));
  end if;

  -- All or nothing: a refused change (PT409 from the lock triggers) undoes the whole save.
  begin
    if v_survey.id is null then
      insert into public.surveys (slug, plan_activity_code, title, description, status, opens_at, closes_at, consent_version)
      values (
        p_definition ->> 'slug',
        nullif(p_definition ->> 'planActivity', ''),
        btrim(p_definition ->> 'title'),
        coalesce(btrim(p_definition ->> 'description'), ''),
        'draft',
        private.try_timestamptz(nullif(p_definition ->> 'opensAt', '')),
        private.try_timestamptz(nullif(p_definition ->> 'closesAt', '')),
        (select c.version from public.consent_texts c where c.capability = 'surveys' order by c.published_at desc, c.version limit 1)
      )
      returning * into v_survey;
      v_created := true;
    else
      update public.surveys
      set plan_activity_code = nullif(p_definition ->> 'planActivity', ''),
          title              = btrim(p_definition ->> 'title'),
          description        = coalesce(btrim(p_definition ->> 'description'), ''),
          opens_at           = private.try_timestamptz(nullif(p_definition ->> 'opensAt', '')),
          closes_at          = private.try_timestamptz(nullif(p_definition ->> 'closesAt', '')),
          updated_at         = now()
      where id = v_survey.id;
    end if;

    -- Questions gone from the definition.
    delete from public.survey_questions q
    where q.survey_id = v_survey.id
      and not exists (
        select from jsonb_array_elements(coalesce(p_definition -> 'questions', '[]'::jsonb)) e
        where e ->> 'id' = q.key
      );

    for v_q, v_position in
      select e.value, e.ordinality from jsonb_array_elements(coalesce(p_definition -> 'questions', '[]'::jsonb)) with ordinality e
    loop
      v_type := v_q ->> 'type';
      v_other := v_type in ('single_choice', 'multiple_choice') and coalesce(v_q -> 'allowOther' = 'true'::jsonb, false);
      v_condition := case when jsonb_typeof(v_q -> 'condition') = 'object' then jsonb_build_object(
        'question', v_q #>> '{condition,question}',
        'anyOf', v_q #> '{condition,anyOf}'
      ) end;

      -- Update in place (never insert … on conflict: its insert trigger would see a new question).
      update public.survey_questions
      set position    = v_position,
          section     = nullif(btrim(v_q ->> 'section'), ''),
          type        = v_type,
          label       = btrim(v_q ->> 'label'),
          help        = nullif(btrim(v_q ->> 'help'), ''),
          required    = (v_q ->> 'required')::boolean,
          min_value   = case when v_type in ('number', 'multiple_choice') then (v_q ->> 'min')::numeric end,
          max_value   = case when v_type in ('number', 'multiple_choice') then (v_q ->> 'max')::numeric end,
          allow_other = v_other,
          condition   = v_condition
      where survey_id = v_survey.id and key = v_q ->> 'id'
      returning id into v_qid;

      if not found then
        insert into public.survey_questions (survey_id, key, position, section, type, label, help, required, min_value, max_value, allow_other, condition)
        values (
          v_survey.id, v_q ->> 'id', v_position, nullif(btrim(v_q ->> 'section'), ''), v_type, btrim(v_q ->> 'label'),
          nullif(btrim(v_q ->> 'help'), ''), (v_q ->> 'required')::boolean,
          case when v_type in ('number', 'multiple_choice') then (v_q ->> 'min')::numeric end,
          case when v_type in ('number', 'multiple_choice') then (v_q ->> 'max')::numeric end,
          v_other, v_condition
        )
        returning id into v_qid;
      end if;

      -- Options: only choice and matrix questions keep them; "Otro, ¿cuál?" goes last when asked for.
      v_options := case when v_type in ('single_choice', 'multiple_choice', 'matrix') then coalesce(v_q -> 'options', '[]'::jsonb) else '[]'::jsonb end;
      if v_other and not exists (select from jsonb_array_elements(v_options) o where o ->> 'value' = 'otro') then
        v_options := v_options || '[{"value": "otro", "label": "Otro, ¿cuál?"}]'::jsonb;
      end if;

      delete from public.survey_question_options o
      where o.question_id = v_qid
        and not exists (select from jsonb_array_elements(v_options) n where n ->> 'value' = o.value);

      update public.survey_question_options o
      set label = btrim(n.value ->> 'label'), position = n.ordinality
      from jsonb_array_elements(v_options) with ordinality n
      where o.question_id = v_qid and o.value = n.value ->> 'value'
        and (o.label, o.position) is distinct from (btrim(n.value ->> 'label'), n.ordinality::integer);

      insert into public.survey_question_options (question_id, value, label, position)
      select v_qid, n.value ->> 'value', btrim(n.value ->> 'label'), n.ordinality
      from jsonb_array_elements(v_options) with ordinality n
      where not exists (select from public.survey_question_options o where o.question_id = v_qid and o.value = n.value ->> 'value');

      -- Items: the rows of a matrix.
      v_items := case when v_type = 'matrix' then coalesce(v_q -> 'items', '[]'::jsonb) else '[]'::jsonb end;

      delete from public.survey_question_items i
      where i.question_id = v_qid
        and not exists (select from jsonb_array_elements(v_items) n where n ->> 'key' = i.key);

      update public.survey_question_items i
      set label = btrim(n.value ->> 'label'), position = n.ordinality
      from jsonb_array_elements(v_items) with ordinality n
      where i.question_id = v_qid and i.key = n.value ->> 'key'
        and (i.label, i.position) is distinct from (btrim(n.value ->> 'label'), n.ordinality::integer);

      insert into public.survey_question_items (question_id, key, label, position)
      select v_qid, n.value ->> 'key', btrim(n.value ->> 'label'), n.ordinality
      from jsonb_array_elements(v_items) with ordinality n
      where not exists (select from public.survey_question_items i where i.question_id = v_qid and i.key = n.value ->> 'key');
    end loop;
  exception when sqlstate 'PT409' then
    return private.failure('locked', sqlerrm);
  end;

  return jsonb_build_object('ok', true, 'value', private.staff_survey_json(v_survey.id) || jsonb_build_object('created', v_created));
end;
$$;
comment on function public.staff_save_survey(jsonb, boolean) is
  'Staff (admin, communications): creates or replaces a survey definition as a whole (drafts are created; p_create_only refuses an existing slug). Once answered, only changes that keep the answers valid apply; otherwise nothing changes and the result is locked (409).';
revoke execute on function public.staff_save_survey(jsonb, boolean) from public, anon, authenticated;
grant execute on function public.staff_save_survey(jsonb, boolean) to authenticated;

create function public.staff_duplicate_survey(p_slug text, p_new_slug text)
returns jsonb
language plpgsql
-- security definer: the API roles cannot write survey tables; the role check below is the gate.
security definer
set search_path = ''
as $$
declare
  v_source public.surveys;
  v_copy   public.surveys;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para administrar encuestas.');
  end if;
  if coalesce(p_new_slug, '') !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or char_length(p_new_slug) > 80 then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('newSlug', 'Use solo letras minúsculas sin tildes, números y guiones (máximo 80), por ejemplo encuesta-servicios-2026.'));
  end if;

  select * into v_source from public.surveys where slug = p_slug;
  if not found then
    return private.failure('not_found', 'No existe una encuesta con esa dirección.');
  end if;
  if exists (select from public.surveys where slug = p_new_slug) then
    return private.failure('duplicate', 'Ya existe una encuesta con esa dirección. Elija otra.', jsonb_build_object('newSlug', 'Ya existe una encuesta con esta dirección.'));
  end if;

  -- The copy starts as a draft with no dates and no answers: a new exercise built on the old one.
  insert into public.surveys (slug, plan_activity_code, title, description, status, consent_version)
  values (p_new_slug, v_source.plan_activity_code, left(v_source.title || ' (copia)', 200), v_source.description, 'draft', v_source.consent_version)
  returning * into v_copy;

  insert into public.survey_questions (survey_id, key, position, section, type, label, help, required, min_value, max_value, allow_other, condition)
  select v_copy.id, q.key, q.position, q.section, q.type, q.label, q.help, q.required, q.min_value, q.max_value, q.allow_other, q.condition
  from public.survey_questions q
  where q.survey_id = v_source.id;

  insert into public.survey_question_options (question_id, value, label, position)
  select nq.id, o.value, o.label, o.position
  from public.survey_question_options o
  join public.survey_questions oq on oq.id = o.question_id and oq.survey_id = v_source.id
  join public.survey_questions nq on nq.survey_id = v_copy.id and nq.key = oq.key;

  insert into public.survey_question_items (question_id, key, label, position)
  select nq.id, i.key, i.label, i.position
  from public.survey_question_items i
  join public.survey_questions oq on oq.id = i.question_id and oq.survey_id = v_source.id
  join public.survey_questions nq on nq.survey_id = v_copy.id and nq.key = oq.key;

  return jsonb_build_object('ok', true, 'value', private.staff_survey_json(v_copy.id));
end;
$$;
comment on function public.staff_duplicate_survey(text, text) is 'Staff (admin, communications): copies a survey''s definition into a new draft under p_new_slug.';
revoke execute on function public.staff_duplicate_survey(text, text) from public, anon, authenticated;
grant execute on function public.staff_duplicate_survey(text, text) to authenticated;

create function public.staff_set_survey_status(p_slug text, p_status text)
returns jsonb
language plpgsql
-- security definer: the API roles cannot write surveys; the role check below is the gate.
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para administrar encuestas.');
  end if;
  if p_status is null or p_status not in ('draft', 'open', 'closed') then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('status', 'Elija un estado válido: borrador, abierta o cerrada.'));
  end if;

  select * into v_survey from public.surveys where slug = p_slug for update;
  if not found then
    return private.failure('not_found', 'No existe una encuesta con esa dirección.');
  end if;
  if p_status = 'open' and not exists (select from public.survey_questions where survey_id = v_survey.id) then
    return private.failure('validation_failed', 'Añada al menos una pregunta antes de abrir la encuesta.', jsonb_build_object('status', 'Añada al menos una pregunta antes de abrir la encuesta.'));
  end if;
  if p_status = 'draft' and private.survey_has_responses(v_survey.id) then
    return private.failure('locked', 'La encuesta ya tiene respuestas y no puede volver a borrador. Ciérrela si no quiere recibir más.');
  end if;

  update public.surveys set status = p_status, updated_at = now() where id = v_survey.id;
  return jsonb_build_object('ok', true, 'value', private.staff_survey_json(v_survey.id));
end;
$$;
comment on function public.staff_set_survey_status(text, text) is 'Staff (admin, communications): opens, closes or (without answers) unpublishes a survey.';
revoke execute on function public.staff_set_survey_status(text, text) from public, anon, authenticated;
grant execute on function public.staff_set_survey_status(text, text) to authenticated;
