-- Surveys, staff definitions: the checks a survey definition from the builder must pass (roles admin
-- and communications).
-- A survey definition travels as one JSON document, the shape staff_get_survey returns under
-- "definition": {"slug","title","description","planActivity","opensAt","closesAt","questions":[
--   {"id","type","label","help","required","section","options":[{"value","label"}],"items":[{"key","label"}],
--    "min","max","allowOther","condition":{"question","anyOf":[…]}|null}]}.

create function private.try_timestamptz(p_value text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
begin
  return p_value::timestamptz;
exception when others then
  return null;
end;
$$;
comment on function private.try_timestamptz(text) is 'The text as a timestamptz, or null when it is not one (input from staff forms and JSON).';
revoke execute on function private.try_timestamptz(text) from public;

-- Each step below returns the contract's `fields` map for its part ({} when valid). Within a step the
-- first message for a path wins (`new || fields` keeps what is already there), as the builder shows
-- one message per field. The TypeScript schema (src/lib/surveys/staff/definition-schema.ts) says the
-- same first, with the same messages; this is the rule itself, for every caller.

create function private.survey_header_errors(p_def jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_fields jsonb := '{}'::jsonb;
  v_opens  timestamptz := private.try_timestamptz(nullif(p_def ->> 'opensAt', ''));
  v_closes timestamptz := private.try_timestamptz(nullif(p_def ->> 'closesAt', ''));
begin
  if coalesce(p_def ->> 'slug', '') !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or char_length(p_def ->> 'slug') > 80 then
    v_fields := jsonb_build_object('slug', 'Use solo letras minúsculas sin tildes, números y guiones (máximo 80), por ejemplo encuesta-servicios-2026.') || v_fields;
  end if;
  if coalesce(btrim(p_def ->> 'title'), '') = '' or char_length(p_def ->> 'title') > 200 then
    v_fields := jsonb_build_object('title', 'Escriba el título de la encuesta (máximo 200 caracteres).') || v_fields;
  end if;
  if char_length(coalesce(p_def ->> 'description', '')) > 2000 then
    v_fields := jsonb_build_object('description', 'La descripción admite máximo 2000 caracteres.') || v_fields;
  end if;
  if nullif(p_def ->> 'planActivity', '') is not null
     and not exists (select from public.plan_activities a where a.code = p_def ->> 'planActivity') then
    v_fields := jsonb_build_object('planActivity', 'Elija una actividad del plan que exista (por ejemplo 1.1).') || v_fields;
  end if;
  if nullif(p_def ->> 'opensAt', '') is not null and v_opens is null then
    v_fields := jsonb_build_object('opensAt', 'Escriba una fecha y hora de apertura válidas.') || v_fields;
  end if;
  if nullif(p_def ->> 'closesAt', '') is not null and v_closes is null then
    v_fields := jsonb_build_object('closesAt', 'Escriba una fecha y hora de cierre válidas.') || v_fields;
  elsif v_closes <= v_opens then
    v_fields := jsonb_build_object('closesAt', 'La fecha de cierre debe ser posterior a la de apertura.') || v_fields;
  end if;
  return v_fields;
end;
$$;
comment on function private.survey_header_errors(jsonb) is 'Problems with a definition''s own fields: slug, title, description, plan activity, opening and closing dates.';
revoke execute on function private.survey_header_errors(jsonb) from public;

-- The options a question's definition lists ('[]' when it lists none or no list), and how many a
-- respondent may choose from: the «Otro» the form adds counts when the list lacks it.
create function private.survey_definition_options(p_q jsonb, out options jsonb, out total integer)
language sql
immutable
set search_path = ''
as $$
  select o.list,
         jsonb_array_length(o.list)
         + case when p_q ->> 'type' <> 'matrix' and coalesce(p_q -> 'allowOther' = 'true'::jsonb, false)
                     and not o.list @> '[{"value": "otro"}]' then 1 else 0 end
  from (select case when jsonb_typeof(coalesce(p_q -> 'options', '[]'::jsonb)) = 'array' then coalesce(p_q -> 'options', '[]'::jsonb) else '[]'::jsonb end as list) o;
$$;
comment on function private.survey_definition_options(jsonb) is 'Options of a question definition as a list, and how many there are to choose from with «Otro».';
revoke execute on function private.survey_definition_options(jsonb) from public;

-- Options (choice questions; the columns of a matrix).
create function private.survey_options_errors(p_q jsonb, p_path text)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_fields  jsonb := '{}'::jsonb;
  v_type    text := p_q ->> 'type';
  v_other   boolean := coalesce(p_q -> 'allowOther' = 'true'::jsonb, false);
  v_options jsonb;
  v_total   integer;
  v_regular integer;
  v_bad     text;
begin
  select o.options, o.total into v_options, v_total from private.survey_definition_options(p_q) o;
  if jsonb_typeof(coalesce(p_q -> 'options', '[]'::jsonb)) <> 'array' then
    v_fields := jsonb_build_object(p_path || '.options', 'Las opciones deben ser una lista.');
  end if;
  if v_type not in ('single_choice', 'multiple_choice', 'matrix') then
    if jsonb_array_length(v_options) > 0 then
      v_fields := jsonb_build_object(p_path || '.options', 'Este tipo de pregunta no lleva opciones.') || v_fields;
    end if;
    return v_fields;
  end if;

  if exists (
    select from jsonb_array_elements(v_options) o
    where jsonb_typeof(o) <> 'object'
      or coalesce(o ->> 'value', '') !~ '^[a-z0-9_]+$' or char_length(o ->> 'value') > 60
      or coalesce(btrim(o ->> 'label'), '') = '' or char_length(o ->> 'label') > 200
  ) then
    v_fields := jsonb_build_object(p_path || '.options', 'Cada opción necesita un valor (minúsculas, números y guion bajo, máximo 60) y una etiqueta (máximo 200 caracteres).') || v_fields;
  else
    select min(o ->> 'value') into v_bad
    from jsonb_array_elements(v_options) o
    group by o ->> 'value' having count(*) > 1 limit 1;
    if v_bad is not null then
      v_fields := jsonb_build_object(p_path || '.options', format('El valor «%s» se repite.', v_bad)) || v_fields;
    elsif v_type <> 'matrix' and not v_other and v_options @> '[{"value": "otro"}]' then
      v_fields := jsonb_build_object(p_path || '.options', 'El valor «otro» está reservado para la opción «Otro, ¿cuál?»: active «Permitir otro».') || v_fields;
    end if;
  end if;

  select count(*) filter (where o ->> 'value' is distinct from 'otro') into v_regular from jsonb_array_elements(v_options) o;
  if v_type = 'matrix' and v_total < 2 then
    v_fields := jsonb_build_object(p_path || '.options', 'Escriba al menos dos columnas (opciones de respuesta).') || v_fields;
  elsif v_type <> 'matrix' and (v_total < 2 or v_regular < 1) then
    v_fields := jsonb_build_object(p_path || '.options', 'Escriba al menos dos opciones.') || v_fields;
  end if;
  return v_fields;
end;
$$;
comment on function private.survey_options_errors(jsonb, text) is 'Problems with a question definition''s options: shape, repeated values, the reserved «otro», at least two.';
revoke execute on function private.survey_options_errors(jsonb, text) from public;

-- Items (rows of a matrix).
create function private.survey_items_errors(p_q jsonb, p_path text)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_items jsonb := coalesce(p_q -> 'items', '[]'::jsonb);
  v_bad   text;
begin
  if jsonb_typeof(v_items) <> 'array' then
    return jsonb_build_object(p_path || '.items', 'Las filas deben ser una lista.');
  end if;
  if p_q ->> 'type' <> 'matrix' then
    return case when jsonb_array_length(v_items) > 0 then jsonb_build_object(p_path || '.items', 'Solo las preguntas de matriz llevan filas.') else '{}'::jsonb end;
  end if;
  if jsonb_array_length(v_items) = 0 then
    return jsonb_build_object(p_path || '.items', 'Escriba al menos una fila.');
  end if;
  if exists (
    select from jsonb_array_elements(v_items) i
    where jsonb_typeof(i) <> 'object'
      or coalesce(i ->> 'key', '') !~ '^[a-z0-9_]+$' or char_length(i ->> 'key') > 60
      or coalesce(btrim(i ->> 'label'), '') = '' or char_length(i ->> 'label') > 200
  ) then
    return jsonb_build_object(p_path || '.items', 'Cada fila necesita una clave (minúsculas, números y guion bajo, máximo 60) y una etiqueta (máximo 200 caracteres).');
  end if;
  select min(i ->> 'key') into v_bad
  from jsonb_array_elements(v_items) i
  group by i ->> 'key' having count(*) > 1 limit 1;
  return case when v_bad is not null then jsonb_build_object(p_path || '.items', format('La clave de fila «%s» se repite.', v_bad)) else '{}'::jsonb end;
end;
$$;
comment on function private.survey_items_errors(jsonb, text) is 'Problems with a question definition''s matrix rows: only matrices have them, at least one, keys unique.';
revoke execute on function private.survey_items_errors(jsonb, text) from public;

-- Bounds: a number's range, or how many options a multiple choice takes.
create function private.survey_bounds_errors(p_q jsonb, p_path text)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_fields jsonb := '{}'::jsonb;
  v_type   text := p_q ->> 'type';
  v_min    jsonb := p_q -> 'min';
  v_max    jsonb := p_q -> 'max';
  v_total  integer := (private.survey_definition_options(p_q)).total;
begin
  if v_type not in ('number', 'multiple_choice') then
    if (v_min is not null and jsonb_typeof(v_min) <> 'null') or (v_max is not null and jsonb_typeof(v_max) <> 'null') then
      v_fields := jsonb_build_object(p_path || '.min', 'Solo las preguntas de número y de selección múltiple llevan mínimo y máximo.');
    end if;
    return v_fields;
  end if;

  if v_min is not null and jsonb_typeof(v_min) <> 'null' and (jsonb_typeof(v_min) <> 'number' or (v_min #>> '{}')::numeric <> trunc((v_min #>> '{}')::numeric)) then
    v_fields := jsonb_build_object(p_path || '.min', 'Escriba un número entero.') || v_fields;
    v_min := null;
  end if;
  if v_max is not null and jsonb_typeof(v_max) <> 'null' and (jsonb_typeof(v_max) <> 'number' or (v_max #>> '{}')::numeric <> trunc((v_max #>> '{}')::numeric)) then
    v_fields := jsonb_build_object(p_path || '.max', 'Escriba un número entero.') || v_fields;
    v_max := null;
  end if;
  if jsonb_typeof(v_min) = 'null' then v_min := null; end if;
  if jsonb_typeof(v_max) = 'null' then v_max := null; end if;
  if v_type = 'number' and (abs((v_min #>> '{}')::numeric) > 999999999999 or abs((v_max #>> '{}')::numeric) > 999999999999) then
    v_fields := jsonb_build_object(p_path || '.min', 'Use límites de máximo 12 cifras.') || v_fields;
  end if;
  if v_type = 'multiple_choice' and v_min is not null and ((v_min #>> '{}')::numeric < 1 or (v_min #>> '{}')::numeric > v_total) then
    v_fields := jsonb_build_object(p_path || '.min', 'El mínimo de opciones debe estar entre 1 y el número de opciones.') || v_fields;
  end if;
  if v_type = 'multiple_choice' and v_max is not null and ((v_max #>> '{}')::numeric < 1 or (v_max #>> '{}')::numeric > v_total) then
    v_fields := jsonb_build_object(p_path || '.max', 'El máximo de opciones debe estar entre 1 y el número de opciones.') || v_fields;
  end if;
  if (v_min #>> '{}')::numeric > (v_max #>> '{}')::numeric then
    v_fields := jsonb_build_object(p_path || '.max', 'El máximo no puede ser menor que el mínimo.') || v_fields;
  end if;
  return v_fields;
end;
$$;
comment on function private.survey_bounds_errors(jsonb, text) is 'Problems with a question definition''s min and max: whole numbers, inside the options of a multiple choice, min ≤ max.';
revoke execute on function private.survey_bounds_errors(jsonb, text) from public;

-- Condition: an earlier choice or scale question (p_seen: key → {"type", "label", "values"}), and
-- answers it can actually have.
create function private.survey_condition_errors(p_q jsonb, p_path text, p_seen jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_ref jsonb := p_seen -> (p_q #>> '{condition,question}');
  v_bad text;
begin
  if p_q -> 'condition' is null or jsonb_typeof(p_q -> 'condition') = 'null' then
    return '{}'::jsonb;
  end if;
  if jsonb_typeof(p_q -> 'condition') <> 'object' or v_ref is null
     or v_ref ->> 'type' not in ('single_choice', 'multiple_choice', 'scale_5', 'nps') then
    return jsonb_build_object(p_path || '.condition', 'La condición debe referirse a una pregunta de selección o de escala anterior a esta.');
  end if;
  if jsonb_typeof(p_q #> '{condition,anyOf}') is distinct from 'array' or jsonb_array_length(p_q #> '{condition,anyOf}') = 0 then
    return jsonb_build_object(p_path || '.condition', 'Elija al menos una respuesta que muestre esta pregunta.');
  end if;
  select min(a #>> '{}') into v_bad
  from jsonb_array_elements(p_q #> '{condition,anyOf}') a
  where jsonb_typeof(a) <> 'string' or not (v_ref -> 'values') ? (a #>> '{}');
  if v_bad is not null or exists (select from jsonb_array_elements(p_q #> '{condition,anyOf}') a where jsonb_typeof(a) <> 'string') then
    return jsonb_build_object(p_path || '.condition', format('«%s» no es una respuesta posible de «%s».', v_bad, v_ref ->> 'label'));
  end if;
  return '{}'::jsonb;
end;
$$;
comment on function private.survey_condition_errors(jsonb, text, jsonb) is 'Problems with a question definition''s condition: an earlier choice or scale question and values it can take.';
revoke execute on function private.survey_condition_errors(jsonb, text, jsonb) from public;

-- What later conditions may name about a question: its type, label and the answers it can have.
create function private.survey_condition_target(p_q jsonb)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object('type', p_q ->> 'type', 'label', p_q ->> 'label', 'values', case p_q ->> 'type'
    when 'scale_5' then '["1","2","3","4","5"]'::jsonb
    when 'nps' then '["0","1","2","3","4","5","6","7","8","9","10"]'::jsonb
    when 'single_choice' then o.values
    when 'multiple_choice' then o.values
    else '[]'::jsonb
  end)
  from (
    select coalesce((select jsonb_agg(x ->> 'value') from jsonb_array_elements((private.survey_definition_options(p_q)).options) x), '[]'::jsonb)
           || case when coalesce(p_q -> 'allowOther' = 'true'::jsonb, false) then '["otro"]'::jsonb else '[]'::jsonb end as values
  ) o;
$$;
comment on function private.survey_condition_target(jsonb) is 'A question definition as later conditions see it: {"type", "label", "values"}.';
revoke execute on function private.survey_condition_target(jsonb) from public;

-- One question's definition: key, type and texts here, then options, items, bounds and condition.
create function private.survey_question_errors(p_q jsonb, p_path text, p_seen jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_fields jsonb := '{}'::jsonb;
  v_key    text := p_q ->> 'id';
  v_type   text := p_q ->> 'type';
begin
  if jsonb_typeof(p_q) <> 'object' then
    return jsonb_build_object(p_path, 'Cada pregunta debe ser un objeto.');
  end if;
  if coalesce(v_key, '') !~ '^[a-z][a-z0-9_]*$' or v_key ~ '__' or char_length(v_key) > 60 then
    v_fields := jsonb_build_object(p_path || '.id', 'Use una clave que empiece por letra, con minúsculas, números y guion bajo (máximo 60), sin «__».');
  elsif p_seen ? v_key then
    v_fields := jsonb_build_object(p_path || '.id', format('La clave «%s» ya se usa en otra pregunta.', v_key));
  end if;
  if v_type is null or v_type not in ('single_choice', 'multiple_choice', 'scale_5', 'nps', 'matrix', 'number', 'date', 'short_text', 'long_text') then
    return jsonb_build_object(p_path || '.type', 'Elija un tipo de pregunta válido.') || v_fields;
  end if;
  if coalesce(btrim(p_q ->> 'label'), '') = '' or char_length(p_q ->> 'label') > 500 then
    v_fields := jsonb_build_object(p_path || '.label', 'Escriba el enunciado de la pregunta (máximo 500 caracteres).') || v_fields;
  end if;
  if char_length(coalesce(p_q ->> 'help', '')) > 1000 then
    v_fields := jsonb_build_object(p_path || '.help', 'La ayuda admite máximo 1000 caracteres.') || v_fields;
  end if;
  if char_length(coalesce(p_q ->> 'section', '')) > 120 then
    v_fields := jsonb_build_object(p_path || '.section', 'El nombre de la sección admite máximo 120 caracteres.') || v_fields;
  end if;
  if jsonb_typeof(p_q -> 'required') is distinct from 'boolean' then
    v_fields := jsonb_build_object(p_path || '.required', 'Indique si la pregunta es obligatoria.') || v_fields;
  end if;
  if jsonb_typeof(p_q -> 'allowOther') not in ('boolean', 'null') then
    v_fields := jsonb_build_object(p_path || '.allowOther', 'Indique si la pregunta admite la opción «Otro».') || v_fields;
  elsif coalesce(p_q -> 'allowOther' = 'true'::jsonb, false) and v_type not in ('single_choice', 'multiple_choice') then
    v_fields := jsonb_build_object(p_path || '.allowOther', 'Solo las preguntas de selección admiten la opción «Otro».') || v_fields;
  end if;
  return private.survey_condition_errors(p_q, p_path, p_seen)
      || private.survey_bounds_errors(p_q, p_path)
      || private.survey_items_errors(p_q, p_path)
      || private.survey_options_errors(p_q, p_path)
      || v_fields;
end;
$$;
comment on function private.survey_question_errors(jsonb, text, jsonb) is 'Problems with one question of a definition; p_seen holds the questions before it (keys and condition targets).';
revoke execute on function private.survey_question_errors(jsonb, text, jsonb) from public;

-- Checks a definition and returns the contract's `fields` map ({} when valid).
create function private.survey_definition_errors(p_def jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_fields jsonb;
  v_seen   jsonb := '{}'::jsonb;  -- earlier questions: key -> private.survey_condition_target
  v_q      jsonb;
  v_ord    bigint;
begin
  if jsonb_typeof(p_def) is distinct from 'object' then
    return jsonb_build_object('body', 'La definición de la encuesta debe ser un objeto JSON.');
  end if;
  v_fields := private.survey_header_errors(p_def);
  if p_def -> 'questions' is not null and jsonb_typeof(p_def -> 'questions') <> 'array' then
    return jsonb_build_object('questions', 'Las preguntas deben ser una lista.') || v_fields;
  end if;
  if jsonb_array_length(coalesce(p_def -> 'questions', '[]'::jsonb)) > 100 then
    return jsonb_build_object('questions', 'Una encuesta admite máximo 100 preguntas.') || v_fields;
  end if;

  -- In order: a condition may only name a question before its own.
  for v_q, v_ord in
    select e.value, e.ordinality from jsonb_array_elements(coalesce(p_def -> 'questions', '[]'::jsonb)) with ordinality e
  loop
    v_fields := private.survey_question_errors(v_q, 'questions.' || (v_ord - 1), v_seen) || v_fields;
    if jsonb_typeof(v_q) = 'object' and v_q ->> 'id' is not null and not v_seen ? (v_q ->> 'id')
       and v_q ->> 'type' in ('single_choice', 'multiple_choice', 'scale_5', 'nps', 'matrix', 'number', 'date', 'short_text', 'long_text') then
      v_seen := v_seen || jsonb_build_object(v_q ->> 'id', private.survey_condition_target(v_q));
    end if;
  end loop;
  return v_fields;
end;
$$;
comment on function private.survey_definition_errors(jsonb) is 'Validates a survey definition from the builder; returns {path: Spanish message}, {} when valid.';
revoke execute on function private.survey_definition_errors(jsonb) from public;
