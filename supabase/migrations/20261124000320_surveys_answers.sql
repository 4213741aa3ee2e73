-- Surveys, answer rules: the steps public.submit_survey_response takes to check a respondent's
-- answers against the survey's definition, set-based over its questions.

create function private.survey_answer_date(p_value text)
returns date
language plpgsql
immutable
set search_path = ''
as $$
begin
  -- Only YYYY-MM-DD, and only real days: 2026-02-30 is not one (the cast would refuse it too).
  if p_value is null or p_value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
    return null;
  end if;
  if p_value::date not between date '1900-01-01' and date '2100-12-31' then
    return null;
  end if;
  return p_value::date;
exception when others then
  return null;
end;
$$;
comment on function private.survey_answer_date(text) is 'A YYYY-MM-DD text as a date between 1900 and 2100, or null (date answers).';
revoke execute on function private.survey_answer_date(text) from public;

-- Conditional display: is the earlier answer one of the condition's values? p_shown holds valid
-- answers of shown questions only ({"key": "value" | ["a","b"] | 4}), so a condition on a hidden
-- question is never met and chains of conditions hide together (see private.check_survey_answers).
create function private.survey_condition_met(p_condition jsonb, p_shown jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select case
    when p_condition is null then true
    else coalesce((
      select case jsonb_typeof(a.value)
        when 'array' then exists (
          select from jsonb_array_elements_text(a.value) chosen(v)
          where chosen.v in (select jsonb_array_elements_text(p_condition -> 'anyOf'))
        )
        when 'string' then (a.value #>> '{}') in (select jsonb_array_elements_text(p_condition -> 'anyOf'))
        when 'number' then (a.value #>> '{}') in (select jsonb_array_elements_text(p_condition -> 'anyOf'))
        else false
      end
      from (select p_shown -> (p_condition ->> 'question') as value) a
      where a.value is not null
    ), false)
  end;
$$;
comment on function private.survey_condition_met(jsonb, jsonb) is 'True when the condition is null or the earlier answer (in p_shown) matches one of its anyOf values.';
revoke execute on function private.survey_condition_met(jsonb, jsonb) from public;

-- THE RULES OF EACH TYPE
-- One function per kind of question, called once per question by private.survey_answer_checks. Each
-- takes the answer (null: unanswered, nothing to check) and gives the message for answers.<key> when
-- it breaks a rule, else the value conditions compare (shown) and the answer rows to store.

create function private.survey_choice_check(
  p_question_id bigint, p_type text, p_value jsonb, p_options text[], p_min numeric, p_max numeric,
  p_allow_other boolean, p_other_text text,
  out error text, out other_error text, out shown jsonb, out rows jsonb
)
language plpgsql
stable
set search_path = ''
as $$
declare
  v_choices jsonb;
  v_count   integer;
begin
  if p_value is null then
    return;
  end if;
  if jsonb_typeof(p_value) = 'array' and p_type = 'single_choice' then
    error := 'Elija una sola opción.';
    return;
  end if;
  v_choices := case when jsonb_typeof(p_value) = 'array' then p_value else jsonb_build_array(p_value) end;
  if exists (
    select from jsonb_array_elements(v_choices) c
    where jsonb_typeof(c) <> 'string' or not (c #>> '{}') = any (p_options)
  ) then
    error := 'Elija una de las opciones de la lista.';
    return;
  end if;

  select count(distinct c) into v_count from jsonb_array_elements_text(v_choices) c;
  if v_count < p_min then
    error := format('Elija al menos %s opciones.', p_min);
    return;
  end if;
  if v_count > p_max then
    error := case when p_max = 1 then 'Elija solo una opción.' else format('Elija como máximo %s opciones.', p_max) end;
    return;
  end if;

  -- "Otro, ¿cuál?": the words travel beside the choice, and only with it.
  other_error := case
    when p_allow_other and v_choices ? 'otro' and p_other_text is null then 'Escriba cuál es la otra opción.'
    when p_allow_other and v_choices ? 'otro' and char_length(p_other_text) > 200 then 'Escriba como máximo 200 caracteres.'
    when not (p_allow_other and v_choices ? 'otro') and p_other_text is not null then 'Marque «Otro» para escribir otra opción, o borre este texto.'
  end;
  if other_error is null then
    shown := p_value;
    rows := (
      select jsonb_agg(jsonb_build_object('question_id', p_question_id, 'option_value', c, 'text_value', case when c = 'otro' then p_other_text end))
      from (select distinct c from jsonb_array_elements_text(v_choices) c) x
    );
  end if;
end;
$$;
comment on function private.survey_choice_check(bigint, text, jsonb, text[], numeric, numeric, boolean, text) is 'Single and multiple choice answers: options of the list, how many (min/max), and the words of «Otro» only with it.';
revoke execute on function private.survey_choice_check(bigint, text, jsonb, text[], numeric, numeric, boolean, text) from public;

create function private.survey_number_check(
  p_question_id bigint, p_type text, p_value jsonb, p_min numeric, p_max numeric,
  out error text, out shown jsonb, out rows jsonb
)
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_number numeric;
begin
  if p_value is null then
    return;
  end if;
  -- Numbers may arrive as JSON numbers or as the digits a form posts. Whole numbers only: no doubt
  -- about decimal commas (es-CO) versus points.
  v_number := case
    when jsonb_typeof(p_value) = 'number' then (p_value #>> '{}')::numeric
    when jsonb_typeof(p_value) = 'string' and btrim(p_value #>> '{}') ~ case p_type when 'number' then '^-?[0-9]{1,12}$' else '^[0-9]{1,2}$' end
      then btrim(p_value #>> '{}')::numeric
  end;
  error := case
    when p_type = 'scale_5' and (v_number is null or v_number <> trunc(v_number) or v_number not between 1 and 5) then 'Elija un valor entre 1 y 5.'
    when p_type = 'nps' and (v_number is null or v_number <> trunc(v_number) or v_number not between 0 and 10) then 'Elija un valor entre 0 y 10.'
    when p_type <> 'number' then null
    when v_number is null or v_number <> trunc(v_number) or abs(v_number) > 999999999999 then 'Escriba un número entero, sin puntos ni comas.'
    when p_min is not null and p_max is not null and v_number not between p_min and p_max
      then format('Escriba un número entre %s y %s.', p_min::bigint, p_max::bigint)
    when v_number < p_min then format('Escriba un número mayor o igual a %s.', p_min::bigint)
    when v_number > p_max then format('Escriba un número menor o igual a %s.', p_max::bigint)
  end;
  if error is null then
    shown := case p_type when 'number' then to_jsonb(v_number::bigint) else to_jsonb(v_number::integer) end;
    rows := jsonb_build_array(jsonb_build_object('question_id', p_question_id, 'number_value', v_number));
  end if;
end;
$$;
comment on function private.survey_number_check(bigint, text, jsonb, numeric, numeric) is 'Scale (1–5), NPS (0–10) and number answers: whole numbers inside their bounds.';
revoke execute on function private.survey_number_check(bigint, text, jsonb, numeric, numeric) from public;

create function private.survey_matrix_check(
  p_question_id bigint, p_value jsonb, p_options text[], p_required boolean,
  out error text, out rows jsonb
)
language plpgsql
stable
set search_path = ''
as $$
declare
  v_missing text;
begin
  if p_value is null then
    return;
  end if;
  -- {"<item>": "<option>", …}: every key an item of the question, every value one of its columns.
  if jsonb_typeof(p_value) <> 'object' or exists (
    select from jsonb_each(p_value) e
    where not exists (select from public.survey_question_items i where i.question_id = p_question_id and i.key = e.key)
      or jsonb_typeof(e.value) <> 'string'
      or not (e.value #>> '{}') = any (p_options)
  ) then
    error := 'Elija una de las opciones en cada fila.';
    return;
  end if;
  if p_required then
    select string_agg('«' || i.label || '»', ', ' order by i.position, i.key) into v_missing
    from public.survey_question_items i
    where i.question_id = p_question_id and not p_value ? i.key;
    if v_missing is not null then
      error := 'Elija una opción en cada fila. Falta: ' || v_missing || '.';
      return;
    end if;
  end if;
  rows := (
    select jsonb_agg(jsonb_build_object('question_id', p_question_id, 'item_key', e.key, 'option_value', e.value #>> '{}'))
    from jsonb_each(p_value) e
  );
end;
$$;
comment on function private.survey_matrix_check(bigint, jsonb, text[], boolean) is 'Matrix answers: each rated row an item of the question, each value one of its columns; a required matrix rates every row.';
revoke execute on function private.survey_matrix_check(bigint, jsonb, text[], boolean) from public;

create function private.survey_text_check(p_question_id bigint, p_type text, p_value jsonb, out error text, out rows jsonb)
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_date date;
  v_text text;
begin
  if p_value is null then
    return;
  end if;
  if p_type = 'date' then
    v_date := case when jsonb_typeof(p_value) = 'string' then private.survey_answer_date(btrim(p_value #>> '{}')) end;
    if v_date is null then
      error := 'Escriba una fecha válida (año-mes-día) entre 1900 y 2100.';
    else
      rows := jsonb_build_array(jsonb_build_object('question_id', p_question_id, 'text_value', to_char(v_date, 'YYYY-MM-DD')));
    end if;
    return;
  end if;
  if jsonb_typeof(p_value) <> 'string' then
    error := 'Escriba su respuesta como texto.';
    return;
  end if;
  v_text := btrim(p_value #>> '{}');
  error := case
    when p_type = 'short_text' and char_length(v_text) > 200 then 'Escriba como máximo 200 caracteres.'
    when p_type = 'long_text' and char_length(v_text) > 2000 then 'Escriba como máximo 2000 caracteres.'
  end;
  if error is null then
    rows := jsonb_build_array(jsonb_build_object('question_id', p_question_id, 'text_value', v_text));
  end if;
end;
$$;
comment on function private.survey_text_check(bigint, text, jsonb) is 'Date answers (YYYY-MM-DD between 1900 and 2100) and free text (≤ 200 or ≤ 2,000 characters).';
revoke execute on function private.survey_text_check(bigint, text, jsonb) from public;

-- Each question's own rules, for all questions at once: the answer read as the form or API sends it
-- (empty means unanswered), then the rules of its type. Conditions are left to
-- private.check_survey_answers: whether a question is shown depends on the answers before it.
create function private.survey_answer_checks(p_survey_id bigint, p_answers jsonb)
returns table (
  question_id  bigint,
  key          text,
  ord          bigint,
  condition    jsonb,
  required     boolean,
  answered     boolean,   -- a non-empty answer came
  other_text   text,      -- the words of "Otro, ¿cuál?", trimmed
  other_shape  text,      -- message when those words are not text at all
  error        text,      -- message for answers.<key> when the answer breaks its type's rules
  other_error  text,      -- message for answers.<key>__otro when the answer breaks the «Otro» rules
  shown        jsonb,     -- the valid answer as conditions compare it; null when invalid
  rows         jsonb      -- the answer rows to store when valid
)
language plpgsql
stable
set search_path = ''
as $$
begin
  return query
  with
  -- Blank matrix rows (a form's untouched row) are dropped first.
  sent as materialized (
    select q.id, q.key, q.type, q.required, q.min_value, q.max_value, q.allow_other, q.condition,
           row_number() over (order by q.position, q.id) as ord,
           case when q.allow_other then p_answers -> (q.key || '__otro') end as other,
           case when jsonb_typeof(p_answers -> q.key) = 'object' then coalesce((
             select jsonb_object_agg(e.key, e.value)
             from jsonb_each(p_answers -> q.key) e
             where jsonb_typeof(e.value) <> 'null' and not (jsonb_typeof(e.value) = 'string' and btrim(e.value #>> '{}') = '')
           ), '{}'::jsonb) else p_answers -> q.key end as value,
           array(select o.value from public.survey_question_options o where o.question_id = q.id) as options
    from public.survey_questions q
    where q.survey_id = p_survey_id
  ),
  -- Empty means unanswered: missing, null, blank text, no option selected, no matrix row rated.
  questions as materialized (
    select s.id, s.key, s.type, s.required, s.min_value, s.max_value, s.allow_other, s.condition, s.ord, s.other, s.options,
           case when s.value is null or jsonb_typeof(s.value) = 'null' or s.value in ('[]', '{}')
                     or (jsonb_typeof(s.value) = 'string' and btrim(s.value #>> '{}') = '')
                then null else s.value end as value
    from sent s
  )
  select q.id, q.key, q.ord, q.condition, q.required, q.value is not null,
         o.text,
         case when jsonb_typeof(q.other) not in ('string', 'null') then 'Escriba la otra opción como texto.' end,
         r.error, r.other_error,
         case when r.error is null and r.other_error is null then r.shown end,
         case when r.error is null and r.other_error is null then r.rows end
  from questions q
  cross join lateral (
    select case when jsonb_typeof(q.other) = 'string' then nullif(btrim(q.other #>> '{}'), '') end as text
  ) o
  cross join lateral (
    select c.error, c.other_error, c.shown, c.rows from private.survey_choice_check(q.id, q.type, q.value, q.options, q.min_value, q.max_value, q.allow_other, o.text) c
    where q.type in ('single_choice', 'multiple_choice')
    union all
    select n.error, null, n.shown, n.rows from private.survey_number_check(q.id, q.type, q.value, q.min_value, q.max_value) n
    where q.type in ('scale_5', 'nps', 'number')
    union all
    select m.error, null, null, m.rows from private.survey_matrix_check(q.id, q.value, q.options, q.required) m
    where q.type = 'matrix'
    union all
    select t.error, null, null, t.rows from private.survey_text_check(q.id, q.type, q.value) t
    where q.type in ('date', 'short_text', 'long_text')
  ) r
  order by q.ord;
end;
$$;
comment on function private.survey_answer_checks(bigint, jsonb) is 'Every question of a survey with the respondent''s answer checked against the rules of its type (conditions aside): messages, the value conditions compare, the rows to store.';
revoke execute on function private.survey_answer_checks(bigint, jsonb) from public;

-- THE WHOLE ANSWER SHEET
-- Conditional display, then every message at once so the respondent sees all of them: unknown keys,
-- answers to hidden questions, required questions left empty, and the rules of each type.
create function private.check_survey_answers(p_survey_id bigint, p_answers jsonb, out fields jsonb, out rows jsonb)
language plpgsql
stable
set search_path = ''
as $$
begin
  with recursive
  checks as materialized (
    select * from private.survey_answer_checks(p_survey_id, p_answers)
  ),
  -- A question is shown when it has no condition, or when an earlier shown question's valid answer
  -- meets it: a condition on a hidden or invalid answer is never met, so chains hide together.
  visible as (
    select c.question_id, c.key, c.ord, c.shown
    from checks c
    where c.condition is null
    union all
    select c.question_id, c.key, c.ord, c.shown
    from visible v
    join checks c on c.condition ->> 'question' = v.key and c.ord > v.ord
    where private.survey_condition_met(c.condition, jsonb_build_object(v.key, v.shown))
  ),
  judged as (
    select c.*, v.question_id is not null as is_shown
    from checks c
    left join visible v on v.question_id = c.question_id
  ),
  problems (path, message) as (
    select 'answers.' || k, 'Esta pregunta no existe en la encuesta.'
    from jsonb_object_keys(p_answers) k
    where not exists (
      select from public.survey_questions q
      where q.survey_id = p_survey_id and (q.key = k or (q.allow_other and q.key || '__otro' = k))
    )
    union all
    -- A question hidden by its condition must stay unanswered; required applies only when shown.
    select 'answers.' || j.key, case
             when not j.is_shown then case when j.answered or j.other_text is not null then 'Esta pregunta no aplica según sus respuestas anteriores: déjela sin responder.' end
             when not j.answered then case when j.required then 'Esta pregunta es obligatoria.' end
             else j.error
           end
    from judged j
    union all
    select 'answers.' || j.key || '__otro', coalesce(case
             when not j.is_shown then null
             when not j.answered then case when j.other_text is not null then 'Marque «Otro» para escribir otra opción, o borre este texto.' end
             else j.other_error
           end, j.other_shape)
    from judged j
  )
  select coalesce((select jsonb_object_agg(p.path, p.message) from problems p where p.message is not null), '{}'::jsonb),
         coalesce((select jsonb_agg(r order by j.ord) from judged j cross join jsonb_array_elements(j.rows) r where j.is_shown), '[]'::jsonb)
  into fields, rows;
end;
$$;
comment on function private.check_survey_answers(bigint, jsonb) is 'Checks a response''s answers against its survey: fields ({path: Spanish message}, {} when valid) and the answer rows to store.';
revoke execute on function private.check_survey_answers(bigint, jsonb) from public;
