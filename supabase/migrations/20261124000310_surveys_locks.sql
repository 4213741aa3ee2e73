-- Surveys, structure lock.
-- Answers point at question ids, option values and item keys, and were validated against the
-- definition of their day (types, bounds, conditions, required). Once a survey has a response,
-- these triggers refuse every change that would orphan or contradict a stored answer; texts
-- (labels, help, sections), order, dates and status stay editable, and new optional questions,
-- new options and new items of optional matrices may be added. The error code PT409 is mapped
-- to 409 `locked` by the staff functions (and by PostgREST, should a write ever come that way).

create function private.survey_has_responses(p_survey_id bigint)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select from public.survey_responses r where r.survey_id = p_survey_id);
$$;
comment on function private.survey_has_responses(bigint) is 'True once the survey has at least one response: its structure is then locked.';
revoke execute on function private.survey_has_responses(bigint) from public;

create function private.question_survey_id(p_question_id bigint)
returns bigint
language sql
stable
set search_path = ''
as $$
  select q.survey_id from public.survey_questions q where q.id = p_question_id;
$$;
comment on function private.question_survey_id(bigint) is 'Survey of a question (for the option and item locks).';
revoke execute on function private.question_survey_id(bigint) from public;

create function private.lock_answered_survey()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.survey_has_responses(old.id) then
    return coalesce(new, old);
  end if;
  if tg_op = 'DELETE' then
    raise exception 'La encuesta «%» ya tiene respuestas y no se puede eliminar.', old.title using errcode = 'PT409';
  end if;
  if new.slug <> old.slug then
    raise exception 'La encuesta ya tiene respuestas: su dirección (%) no puede cambiar.', old.slug using errcode = 'PT409';
  end if;
  if new.status = 'draft' and old.status <> 'draft' then
    raise exception 'La encuesta ya tiene respuestas y no puede volver a borrador. Ciérrela si no quiere recibir más.' using errcode = 'PT409';
  end if;
  if new.consent_version <> old.consent_version then
    raise exception 'La encuesta ya tiene respuestas dadas con otro aviso de datos personales.' using errcode = 'PT409';
  end if;
  return new;
end;
$$;
comment on function private.lock_answered_survey() is 'Trigger: an answered survey keeps its slug and consent notice, cannot go back to draft and cannot be deleted.';
revoke execute on function private.lock_answered_survey() from public;

create trigger surveys_lock
before update or delete on public.surveys
for each row execute function private.lock_answered_survey();

create function private.lock_answered_questions()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_old_values text[];
  v_new_values text[];
begin
  if not private.survey_has_responses(coalesce(new.survey_id, old.survey_id)) then
    return coalesce(new, old);
  end if;

  if tg_op = 'INSERT' then
    -- Earlier respondents never saw it: it cannot be required of them.
    if new.required then
      raise exception 'La encuesta ya tiene respuestas: la nueva pregunta «%» solo se puede añadir como opcional.', new.label using errcode = 'PT409';
    end if;
    return new;
  end if;

  if tg_op = 'DELETE' then
    raise exception 'La encuesta ya tiene respuestas: no se puede eliminar la pregunta «%».', old.label using errcode = 'PT409';
  end if;

  if new.survey_id <> old.survey_id or new.key <> old.key then
    raise exception 'La encuesta ya tiene respuestas: la clave de la pregunta «%» no puede cambiar.', old.label using errcode = 'PT409';
  end if;
  if new.type <> old.type then
    raise exception 'La encuesta ya tiene respuestas: la pregunta «%» no puede cambiar de tipo.', old.label using errcode = 'PT409';
  end if;
  if new.required and not old.required then
    raise exception 'La encuesta ya tiene respuestas: la pregunta «%» no puede pasar a ser obligatoria.', old.label using errcode = 'PT409';
  end if;
  if old.allow_other and not new.allow_other then
    raise exception 'La encuesta ya tiene respuestas: la pregunta «%» debe conservar la opción «Otro».', old.label using errcode = 'PT409';
  end if;
  -- Bounds may only widen: a stored answer must stay inside them.
  if (new.min_value is not null and (old.min_value is null or new.min_value > old.min_value))
     or (new.max_value is not null and (old.max_value is null or new.max_value < old.max_value)) then
    raise exception 'La encuesta ya tiene respuestas: los límites de la pregunta «%» solo se pueden ampliar.', old.label using errcode = 'PT409';
  end if;

  -- A condition may only show the question to more people, and only if it is optional: a narrower
  -- one would leave stored answers to a question their respondents should not have seen.
  if new.condition is distinct from old.condition then
    v_old_values := array(select jsonb_array_elements_text(old.condition -> 'anyOf'));
    v_new_values := array(select jsonb_array_elements_text(new.condition -> 'anyOf'));
    if not (
      old.condition is not null and new.condition is not null
      and old.condition ->> 'question' = new.condition ->> 'question'
      and v_old_values <@ v_new_values
      and (not new.required or v_new_values <@ v_old_values)
    ) and not (new.condition is null and not new.required) then
      raise exception 'La encuesta ya tiene respuestas: la condición de la pregunta «%» no puede cambiar así.', old.label using errcode = 'PT409';
    end if;
  end if;
  return new;
end;
$$;
comment on function private.lock_answered_questions() is 'Trigger: once answered, questions keep key, type, bounds (may widen), «Otro», required (may relax) and condition (may widen when optional); new questions must be optional.';
revoke execute on function private.lock_answered_questions() from public;

create trigger survey_questions_lock
before insert or update or delete on public.survey_questions
for each row execute function private.lock_answered_questions();

create function private.lock_answered_options()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or not private.survey_has_responses(private.question_survey_id(old.question_id)) then
    return coalesce(new, old);
  end if;
  if tg_op = 'DELETE' then
    -- The question itself may be going away in the same cascade: that delete is refused first.
    raise exception 'La encuesta ya tiene respuestas: no se puede quitar la opción «%».', old.label using errcode = 'PT409';
  end if;
  if new.question_id <> old.question_id or new.value <> old.value then
    raise exception 'La encuesta ya tiene respuestas: el valor de la opción «%» no puede cambiar.', old.label using errcode = 'PT409';
  end if;
  return new;
end;
$$;
comment on function private.lock_answered_options() is 'Trigger: once answered, options keep their values (labels and order may change; new options may be added).';
revoke execute on function private.lock_answered_options() from public;

create trigger survey_question_options_lock
before insert or update or delete on public.survey_question_options
for each row execute function private.lock_answered_options();

create function private.lock_answered_items()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_question public.survey_questions;
begin
  select * into v_question from public.survey_questions where id = coalesce(new.question_id, old.question_id);
  if not found or not private.survey_has_responses(v_question.survey_id) then
    return coalesce(new, old);
  end if;
  if tg_op = 'INSERT' then
    -- Every item of a required matrix is required: earlier respondents never rated this one.
    if v_question.required then
      raise exception 'La encuesta ya tiene respuestas: no se pueden añadir filas a la matriz obligatoria «%».', v_question.label using errcode = 'PT409';
    end if;
    return new;
  end if;
  if tg_op = 'DELETE' then
    raise exception 'La encuesta ya tiene respuestas: no se puede quitar la fila «%».', old.label using errcode = 'PT409';
  end if;
  if new.question_id <> old.question_id or new.key <> old.key then
    raise exception 'La encuesta ya tiene respuestas: la clave de la fila «%» no puede cambiar.', old.label using errcode = 'PT409';
  end if;
  return new;
end;
$$;
comment on function private.lock_answered_items() is 'Trigger: once answered, matrix items keep their keys; new items only for optional matrices.';
revoke execute on function private.lock_answered_items() from public;

create trigger survey_question_items_lock
before insert or update or delete on public.survey_question_items
for each row execute function private.lock_answered_items();
