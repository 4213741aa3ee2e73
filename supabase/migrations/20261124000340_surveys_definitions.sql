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

-- Checks a definition and returns the contract's `fields` map ({} when valid). The TypeScript schema
-- (src/lib/surveys/staff/definition-schema.ts) says the same first, with the same messages; this is
-- the rule itself, for every caller.
create function private.survey_definition_errors(p_def jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_fields   jsonb := '{}'::jsonb;
  v_seen     jsonb := '{}'::jsonb;  -- earlier questions: key -> {"type", "label", "values": [answers a condition may name]}
  v_q        jsonb;
  v_ord      bigint;
  v_path     text;
  v_key      text;
  v_type     text;
  v_options  jsonb;
  v_items    jsonb;
  v_values   jsonb;
  v_regular  integer;
  v_total    integer;
  v_min      jsonb;
  v_max      jsonb;
  v_ref      jsonb;
  v_bad      text;
  v_opens    timestamptz;
  v_closes   timestamptz;
begin
  if jsonb_typeof(p_def) is distinct from 'object' then
    return jsonb_build_object('body', 'La definición de la encuesta debe ser un objeto JSON.');
  end if;

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

  v_opens := private.try_timestamptz(nullif(p_def ->> 'opensAt', ''));
  v_closes := private.try_timestamptz(nullif(p_def ->> 'closesAt', ''));
  if nullif(p_def ->> 'opensAt', '') is not null and v_opens is null then
    v_fields := jsonb_build_object('opensAt', 'Escriba una fecha y hora de apertura válidas.') || v_fields;
  end if;
  if nullif(p_def ->> 'closesAt', '') is not null and v_closes is null then
    v_fields := jsonb_build_object('closesAt', 'Escriba una fecha y hora de cierre válidas.') || v_fields;
  elsif v_closes <= v_opens then
    v_fields := jsonb_build_object('closesAt', 'La fecha de cierre debe ser posterior a la de apertura.') || v_fields;
  end if;

  if p_def -> 'questions' is not null and jsonb_typeof(p_def -> 'questions') <> 'array' then
    return jsonb_build_object('questions', 'Las preguntas deben ser una lista.') || v_fields;
  end if;
  if jsonb_array_length(coalesce(p_def -> 'questions', '[]'::jsonb)) > 100 then
    return jsonb_build_object('questions', 'Una encuesta admite máximo 100 preguntas.') || v_fields;
  end if;

  for v_q, v_ord in
    select e.value, e.ordinality from jsonb_array_elements(coalesce(p_def -> 'questions', '[]'::jsonb)) with ordinality e
  loop
    v_path := 'questions.' || (v_ord - 1);
    if jsonb_typeof(v_q) <> 'object' then
      v_fields := jsonb_build_object(v_path, 'Cada pregunta debe ser un objeto.') || v_fields;
      continue;
    end if;
    v_key := v_q ->> 'id';
    v_type := v_q ->> 'type';
    v_options := coalesce(v_q -> 'options', '[]'::jsonb);
    v_items := coalesce(v_q -> 'items', '[]'::jsonb);
    v_min := v_q -> 'min';
    v_max := v_q -> 'max';

    if coalesce(v_key, '') !~ '^[a-z][a-z0-9_]*$' or v_key ~ '__' or char_length(v_key) > 60 then
      v_fields := jsonb_build_object(v_path || '.id', 'Use una clave que empiece por letra, con minúsculas, números y guion bajo (máximo 60), sin «__».') || v_fields;
    elsif v_seen ? v_key then
      v_fields := jsonb_build_object(v_path || '.id', format('La clave «%s» ya se usa en otra pregunta.', v_key)) || v_fields;
    end if;
    if v_type is null or v_type not in ('single_choice', 'multiple_choice', 'scale_5', 'nps', 'matrix', 'number', 'date', 'short_text', 'long_text') then
      v_fields := jsonb_build_object(v_path || '.type', 'Elija un tipo de pregunta válido.') || v_fields;
      continue;
    end if;
    if coalesce(btrim(v_q ->> 'label'), '') = '' or char_length(v_q ->> 'label') > 500 then
      v_fields := jsonb_build_object(v_path || '.label', 'Escriba el enunciado de la pregunta (máximo 500 caracteres).') || v_fields;
    end if;
    if char_length(coalesce(v_q ->> 'help', '')) > 1000 then
      v_fields := jsonb_build_object(v_path || '.help', 'La ayuda admite máximo 1000 caracteres.') || v_fields;
    end if;
    if char_length(coalesce(v_q ->> 'section', '')) > 120 then
      v_fields := jsonb_build_object(v_path || '.section', 'El nombre de la sección admite máximo 120 caracteres.') || v_fields;
    end if;
    if jsonb_typeof(v_q -> 'required') is distinct from 'boolean' then
      v_fields := jsonb_build_object(v_path || '.required', 'Indique si la pregunta es obligatoria.') || v_fields;
    end if;
    if jsonb_typeof(v_q -> 'allowOther') not in ('boolean', 'null') then
      v_fields := jsonb_build_object(v_path || '.allowOther', 'Indique si la pregunta admite la opción «Otro».') || v_fields;
    elsif coalesce(v_q -> 'allowOther' = 'true'::jsonb, false) and v_type not in ('single_choice', 'multiple_choice') then
      v_fields := jsonb_build_object(v_path || '.allowOther', 'Solo las preguntas de selección admiten la opción «Otro».') || v_fields;
    end if;

    -- Options (choice questions; the columns of a matrix).
    if jsonb_typeof(v_options) <> 'array' then
      v_fields := jsonb_build_object(v_path || '.options', 'Las opciones deben ser una lista.') || v_fields;
      v_options := '[]'::jsonb;
    end if;
    if v_type in ('single_choice', 'multiple_choice', 'matrix') then
      if exists (
        select from jsonb_array_elements(v_options) o
        where jsonb_typeof(o) <> 'object'
          or coalesce(o ->> 'value', '') !~ '^[a-z0-9_]+$' or char_length(o ->> 'value') > 60
          or coalesce(btrim(o ->> 'label'), '') = '' or char_length(o ->> 'label') > 200
      ) then
        v_fields := jsonb_build_object(v_path || '.options', 'Cada opción necesita un valor (minúsculas, números y guion bajo, máximo 60) y una etiqueta (máximo 200 caracteres).') || v_fields;
      else
        select min(o ->> 'value') into v_bad
        from jsonb_array_elements(v_options) o
        group by o ->> 'value' having count(*) > 1 limit 1;
        if v_bad is not null then
          v_fields := jsonb_build_object(v_path || '.options', format('El valor «%s» se repite.', v_bad)) || v_fields;
        elsif v_type <> 'matrix' and not coalesce(v_q -> 'allowOther' = 'true'::jsonb, false)
              and exists (select from jsonb_array_elements(v_options) o where o ->> 'value' = 'otro') then
          v_fields := jsonb_build_object(v_path || '.options', 'El valor «otro» está reservado para la opción «Otro, ¿cuál?»: active «Permitir otro».') || v_fields;
        end if;
      end if;
      select count(*) filter (where o ->> 'value' is distinct from 'otro'), count(*) into v_regular, v_total
      from jsonb_array_elements(v_options) o;
      if v_type <> 'matrix' and coalesce(v_q -> 'allowOther' = 'true'::jsonb, false) and not exists (
        select from jsonb_array_elements(v_options) o where o ->> 'value' = 'otro'
      ) then
        v_total := v_total + 1;
      end if;
      if v_type = 'matrix' and v_total < 2 then
        v_fields := jsonb_build_object(v_path || '.options', 'Escriba al menos dos columnas (opciones de respuesta).') || v_fields;
      elsif v_type <> 'matrix' and (v_total < 2 or v_regular < 1) then
        v_fields := jsonb_build_object(v_path || '.options', 'Escriba al menos dos opciones.') || v_fields;
      end if;
    elsif jsonb_array_length(v_options) > 0 then
      v_fields := jsonb_build_object(v_path || '.options', 'Este tipo de pregunta no lleva opciones.') || v_fields;
    end if;

    -- Items (rows of a matrix).
    if jsonb_typeof(v_items) <> 'array' then
      v_fields := jsonb_build_object(v_path || '.items', 'Las filas deben ser una lista.') || v_fields;
      v_items := '[]'::jsonb;
    end if;
    if v_type = 'matrix' then
      if jsonb_array_length(v_items) = 0 then
        v_fields := jsonb_build_object(v_path || '.items', 'Escriba al menos una fila.') || v_fields;
      elsif exists (
        select from jsonb_array_elements(v_items) i
        where jsonb_typeof(i) <> 'object'
          or coalesce(i ->> 'key', '') !~ '^[a-z0-9_]+$' or char_length(i ->> 'key') > 60
          or coalesce(btrim(i ->> 'label'), '') = '' or char_length(i ->> 'label') > 200
      ) then
        v_fields := jsonb_build_object(v_path || '.items', 'Cada fila necesita una clave (minúsculas, números y guion bajo, máximo 60) y una etiqueta (máximo 200 caracteres).') || v_fields;
      else
        select min(i ->> 'key') into v_bad
        from jsonb_array_elements(v_items) i
        group by i ->> 'key' having count(*) > 1 limit 1;
        if v_bad is not null then
          v_fields := jsonb_build_object(v_path || '.items', format('La clave de fila «%s» se repite.', v_bad)) || v_fields;
        end if;
      end if;
    elsif jsonb_array_length(v_items) > 0 then
      v_fields := jsonb_build_object(v_path || '.items', 'Solo las preguntas de matriz llevan filas.') || v_fields;
    end if;

    -- Bounds: a number's range, or how many options a multiple choice takes.
    if v_type in ('number', 'multiple_choice') then
      if (v_min is not null and jsonb_typeof(v_min) <> 'null' and (jsonb_typeof(v_min) <> 'number' or (v_min #>> '{}')::numeric <> trunc((v_min #>> '{}')::numeric)))
      then
        v_fields := jsonb_build_object(v_path || '.min', 'Escriba un número entero.') || v_fields;
        v_min := null;
      end if;
      if (v_max is not null and jsonb_typeof(v_max) <> 'null' and (jsonb_typeof(v_max) <> 'number' or (v_max #>> '{}')::numeric <> trunc((v_max #>> '{}')::numeric)))
      then
        v_fields := jsonb_build_object(v_path || '.max', 'Escriba un número entero.') || v_fields;
        v_max := null;
      end if;
      if jsonb_typeof(v_min) = 'null' then v_min := null; end if;
      if jsonb_typeof(v_max) = 'null' then v_max := null; end if;
      if v_type = 'number' and (abs((v_min #>> '{}')::numeric) > 999999999999 or abs((v_max #>> '{}')::numeric) > 999999999999) then
        v_fields := jsonb_build_object(v_path || '.min', 'Use límites de máximo 12 cifras.') || v_fields;
      end if;
      if v_type = 'multiple_choice' and v_min is not null and ((v_min #>> '{}')::numeric < 1 or (v_min #>> '{}')::numeric > v_total) then
        v_fields := jsonb_build_object(v_path || '.min', 'El mínimo de opciones debe estar entre 1 y el número de opciones.') || v_fields;
      end if;
      if v_type = 'multiple_choice' and v_max is not null and ((v_max #>> '{}')::numeric < 1 or (v_max #>> '{}')::numeric > v_total) then
        v_fields := jsonb_build_object(v_path || '.max', 'El máximo de opciones debe estar entre 1 y el número de opciones.') || v_fields;
      end if;
      if (v_min #>> '{}')::numeric > (v_max #>> '{}')::numeric then
        v_fields := jsonb_build_object(v_path || '.max', 'El máximo no puede ser menor que el mínimo.') || v_fields;
      end if;
    elsif (v_min is not null and jsonb_typeof(v_min) <> 'null') or (v_max is not null and jsonb_typeof(v_max) <> 'null') then
      v_fields := jsonb_build_object(v_path || '.min', 'Solo las preguntas de número y de selección múltiple llevan mínimo y máximo.') || v_fields;
    end if;

    -- Condition: an earlier choice or scale question, and answers it can actually have.
    if v_q -> 'condition' is not null and jsonb_typeof(v_q -> 'condition') <> 'null' then
      v_ref := v_seen -> (v_q #>> '{condition,question}');
      if jsonb_typeof(v_q -> 'condition') <> 'object' or v_ref is null
         or v_ref ->> 'type' not in ('single_choice', 'multiple_choice', 'scale_5', 'nps') then
        v_fields := jsonb_build_object(v_path || '.condition', 'La condición debe referirse a una pregunta de selección o de escala anterior a esta.') || v_fields;
      elsif jsonb_typeof(v_q #> '{condition,anyOf}') is distinct from 'array' or jsonb_array_length(v_q #> '{condition,anyOf}') = 0 then
        v_fields := jsonb_build_object(v_path || '.condition', 'Elija al menos una respuesta que muestre esta pregunta.') || v_fields;
      else
        select min(a #>> '{}') into v_bad
        from jsonb_array_elements(v_q #> '{condition,anyOf}') a
        where jsonb_typeof(a) <> 'string' or not (v_ref -> 'values') ? (a #>> '{}');
        if v_bad is not null or exists (select from jsonb_array_elements(v_q #> '{condition,anyOf}') a where jsonb_typeof(a) <> 'string') then
          v_fields := jsonb_build_object(v_path || '.condition', format('«%s» no es una respuesta posible de «%s».', v_bad, v_ref ->> 'label')) || v_fields;
        end if;
      end if;
    end if;

    v_values := case v_type
      when 'scale_5' then '["1","2","3","4","5"]'::jsonb
      when 'nps' then '["0","1","2","3","4","5","6","7","8","9","10"]'::jsonb
      when 'single_choice' then coalesce((select jsonb_agg(o ->> 'value') from jsonb_array_elements(v_options) o), '[]'::jsonb)
        || case when coalesce(v_q -> 'allowOther' = 'true'::jsonb, false) then '["otro"]'::jsonb else '[]'::jsonb end
      when 'multiple_choice' then coalesce((select jsonb_agg(o ->> 'value') from jsonb_array_elements(v_options) o), '[]'::jsonb)
        || case when coalesce(v_q -> 'allowOther' = 'true'::jsonb, false) then '["otro"]'::jsonb else '[]'::jsonb end
      else '[]'::jsonb
    end;
    if v_key is not null and not v_seen ? v_key then
      v_seen := v_seen || jsonb_build_object(v_key, jsonb_build_object('type', v_type, 'label', v_q ->> 'label', 'values', v_values));
    end if;
  end loop;

  return v_fields;
end;
$$;
comment on function private.survey_definition_errors(jsonb) is 'Validates a survey definition from the builder; returns {path: Spanish message}, {} when valid.';
revoke execute on function private.survey_definition_errors(jsonb) from public;
