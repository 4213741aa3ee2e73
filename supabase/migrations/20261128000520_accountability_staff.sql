-- Accountability, staff side: the schedule and its evidence, the evaluation meeting, hearings (with their
-- evaluation survey and attendance), and the moderation and answers of questions, each answer e-mailed
-- through the outbox in the same transaction. Communications runs it (admin always may); every write is
-- audited by the triggers of …000500_accountability_tables.sql.

create function private.accountability_denied()
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select private.failure('forbidden', 'Su rol no permite gestionar la rendición de cuentas. Pida el rol de comunicaciones.');
$$;
comment on function private.accountability_denied() is 'The forbidden failure of every accountability staff function.';
revoke execute on function private.accountability_denied() from public;

create function private.invalid(p_fields jsonb)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select case when p_fields = '{}'::jsonb then null
              else private.failure('validation_failed', 'Revise los datos marcados.', p_fields) end;
$$;
comment on function private.invalid(jsonb) is 'validation_failed with the fields map, or null when the map is empty.';
revoke execute on function private.invalid(jsonb) from public;

-- SCHEDULE

create function public.staff_save_accountability_activity(p_id bigint, p_activity jsonb)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on the schedule; the role check is the gate.
security definer
set search_path = ''
as $$
declare
  v_current public.accountability_activities;
  v_row     public.accountability_activities;
  v_starts  date := (p_activity ->> 'startsOn')::date;
  v_ends    date := (p_activity ->> 'endsOn')::date;
  v_status  text := coalesce(p_activity ->> 'status', 'planned');
  v_failure jsonb;
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  if p_id is not null then
    select * into v_current from public.accountability_activities where id = p_id for update;
    if not found then
      return private.failure('not_found', 'No existe esa actividad del cronograma.');
    end if;
  end if;

  v_failure := private.invalid(jsonb_strip_nulls(jsonb_build_object(
    'title', case when char_length(btrim(coalesce(p_activity ->> 'title', ''))) not between 3 and 160 then 'Escriba un título de 3 a 160 caracteres.' end,
    'responsibleArea', case when char_length(btrim(coalesce(p_activity ->> 'responsibleArea', ''))) not between 2 and 120 then 'Indique el área responsable.' end,
    'channel', case when char_length(btrim(coalesce(p_activity ->> 'channel', ''))) not between 2 and 120 then 'Indique el canal o medio.' end,
    'endsOn', case when v_starts is null or v_ends is null then 'Indique las fechas de inicio y de fin.'
                   when v_ends < v_starts then 'La fecha de fin no puede ser anterior a la de inicio.' end,
    'status', case when v_status not in ('planned', 'in_progress', 'done', 'cancelled') then 'Elija un estado de la lista.' end)));
  if v_failure is not null then
    return v_failure;
  end if;

  if p_id is null then
    insert into public.accountability_activities
      (year, position, kind, title, description, starts_on, ends_on, responsible_area, channel, status, done_on)
    values (
      coalesce((p_activity ->> 'year')::integer, extract(year from v_starts)::integer),
      coalesce((p_activity ->> 'position')::integer,
               (select coalesce(max(position), 0) + 1 from public.accountability_activities
                where year = coalesce((p_activity ->> 'year')::integer, extract(year from v_starts)::integer))),
      coalesce(p_activity ->> 'kind', 'other'), btrim(p_activity ->> 'title'), coalesce(p_activity ->> 'description', ''),
      v_starts, v_ends, btrim(p_activity ->> 'responsibleArea'), btrim(p_activity ->> 'channel'), v_status,
      case when v_status = 'done' then private.bogota_today() end)
    returning * into v_row;
  else
    update public.accountability_activities set
      kind             = coalesce(p_activity ->> 'kind', kind),
      position         = coalesce((p_activity ->> 'position')::integer, position),
      title            = btrim(p_activity ->> 'title'),
      description      = coalesce(p_activity ->> 'description', description),
      starts_on        = v_starts,
      ends_on          = v_ends,
      responsible_area = btrim(p_activity ->> 'responsibleArea'),
      channel          = btrim(p_activity ->> 'channel'),
      status           = v_status,
      -- The day it was first marked done stays: fulfilment on time is judged by it.
      done_on          = case when v_status = 'done' then coalesce(done_on, private.bogota_today()) end,
      updated_at       = now()
    where id = p_id
    returning * into v_row;
  end if;
  return jsonb_build_object('ok', true, 'value', private.activity_json(v_row));
end;
$$;
comment on function public.staff_save_accountability_activity(bigint, jsonb) is 'Creates (p_id null) or edits a schedule activity {year?, position?, kind, title, description?, startsOn, endsOn, responsibleArea, channel, status}; marking it done stamps the Bogotá date.';
revoke execute on function public.staff_save_accountability_activity(bigint, jsonb) from public, anon, authenticated;
grant execute on function public.staff_save_accountability_activity(bigint, jsonb) to authenticated;

create function public.staff_add_accountability_evidence(p_activity_id bigint, p_label text, p_url text)
returns jsonb
language plpgsql
-- security definer: as staff_save_accountability_activity.
security definer
set search_path = ''
as $$
declare
  v_activity public.accountability_activities;
  v_label    text := btrim(coalesce(p_label, ''));
  v_url      text := btrim(coalesce(p_url, ''));
  v_failure  jsonb;
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  select * into v_activity from public.accountability_activities where id = p_activity_id;
  if not found then
    return private.failure('not_found', 'No existe esa actividad del cronograma.');
  end if;
  v_failure := private.invalid(jsonb_strip_nulls(jsonb_build_object(
    'label', case when char_length(v_label) not between 2 and 200 then 'Describa la evidencia en 2 a 200 caracteres.' end,
    'url', case when v_url !~ '^(https?://|/)' or v_url ~ '^//' or v_url ~ '\s' or char_length(v_url) > 2000
                then 'El enlace debe empezar por https:// o ser una ruta de este sitio que empiece por /.' end)));
  if v_failure is not null then
    return v_failure;
  end if;
  insert into public.accountability_evidence (activity_id, label, url) values (v_activity.id, v_label, v_url);
  select * into v_activity from public.accountability_activities where id = p_activity_id;
  return jsonb_build_object('ok', true, 'value', private.activity_json(v_activity));
end;
$$;
comment on function public.staff_add_accountability_evidence(bigint, text, text) is 'Adds an evidence link to a schedule activity; returns the activity with all its evidence.';
revoke execute on function public.staff_add_accountability_evidence(bigint, text, text) from public, anon, authenticated;
grant execute on function public.staff_add_accountability_evidence(bigint, text, text) to authenticated;

create function public.staff_save_accountability_evaluation(p_year integer, p_held_on date, p_participants text, p_results text)
returns jsonb
language plpgsql
-- security definer: as staff_save_accountability_activity.
security definer
set search_path = ''
as $$
declare
  v_row     public.accountability_evaluations;
  v_failure jsonb;
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  v_failure := private.invalid(jsonb_strip_nulls(jsonb_build_object(
    'year', case when p_year is null or p_year not between 2020 and 2100 then 'Indique el año del ejercicio.' end,
    'heldOn', case when p_held_on is null then 'Indique la fecha de la reunión.' end,
    'participants', case when char_length(coalesce(p_participants, '')) > 1000 then 'Escriba como máximo 1.000 caracteres.' end,
    'results', case when char_length(btrim(coalesce(p_results, ''))) not between 10 and 8000 then 'Escriba los resultados de la reunión (10 a 8.000 caracteres).' end)));
  if v_failure is not null then
    return v_failure;
  end if;
  insert into public.accountability_evaluations (year, held_on, participants, results)
  values (p_year, p_held_on, btrim(coalesce(p_participants, '')), btrim(p_results))
  on conflict (year) do update
    set held_on = excluded.held_on, participants = excluded.participants, results = excluded.results, updated_at = now()
  returning * into v_row;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'year', v_row.year, 'heldOn', v_row.held_on, 'participants', v_row.participants, 'results', v_row.results));
end;
$$;
comment on function public.staff_save_accountability_evaluation(integer, date, text, text) is 'Records (or corrects) the year''s evaluation meeting: date, participants and results.';
revoke execute on function public.staff_save_accountability_evaluation(integer, date, text, text) from public, anon, authenticated;
grant execute on function public.staff_save_accountability_evaluation(integer, date, text, text) to authenticated;

-- HEARINGS

-- The MURC asks each hearing to be evaluated by those who took part: clarity, usefulness, whether their
-- question was answered. Each hearing gets its own survey (its answers are the hearing's results).
create function private.create_hearing_evaluation_survey(p_slug text, p_title text)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_slug   text := 'evaluacion-' || p_slug;
  v_survey bigint;
begin
  insert into public.surveys (slug, plan_activity_code, title, description, status, consent_version)
  select v_slug,
         (select code from public.plan_activities where code = '3.3'),
         'Evaluación: ' || p_title,
         'Cuéntenos cómo le pareció la audiencia pública de rendición de cuentas. Son cinco preguntas y le tomará 2 minutos. Sus respuestas son anónimas.',
         'open',
         c.version
  from (select version from public.consent_texts where capability = 'surveys' order by published_at desc, version limit 1) c
  on conflict (slug) do nothing
  returning id into v_survey;
  if v_survey is null then
    -- No survey notice on this database, or the slug is taken: the hearing goes on without one.
    return (select slug from public.surveys where slug = v_slug);
  end if;

  insert into public.survey_questions (survey_id, key, position, type, label, help, required)
  values
    (v_survey, 'claridad', 1, 'scale_5', '¿Qué tan clara fue la información presentada en la audiencia?', '1 es nada clara y 5 es muy clara.', true),
    (v_survey, 'utilidad', 2, 'scale_5', '¿Qué tan útil le resultó la audiencia?', '1 es nada útil y 5 es muy útil.', true),
    (v_survey, 'pregunta_respondida', 3, 'single_choice', 'Si envió una pregunta, ¿recibió respuesta?', null, true),
    (v_survey, 'medio', 4, 'single_choice', '¿Cómo siguió la audiencia?', null, true),
    (v_survey, 'sugerencias', 5, 'long_text', '¿Qué deberíamos mejorar para la próxima audiencia?', 'No escriba datos personales.', false);

  insert into public.survey_question_options (question_id, value, label, position)
  select q.id, o.value, o.label, o.position
  from public.survey_questions q
  join (values
    ('pregunta_respondida', 'si', 'Sí, y la respuesta fue clara', 1),
    ('pregunta_respondida', 'parcial', 'Sí, pero la respuesta no fue suficiente', 2),
    ('pregunta_respondida', 'no', 'No recibí respuesta', 3),
    ('pregunta_respondida', 'no_pregunte', 'No envié preguntas', 4),
    ('medio', 'en_vivo', 'En vivo, por internet', 1),
    ('medio', 'grabacion', 'Vi la grabación', 2),
    ('medio', 'presencial', 'De forma presencial', 3)
  ) as o(key, value, label, position) on o.key = q.key
  where q.survey_id = v_survey;
  return v_slug;
end;
$$;
comment on function private.create_hearing_evaluation_survey(text, text) is 'Creates the hearing''s open evaluation survey evaluacion-<slug> with the MURC questions (claridad, utilidad, pregunta_respondida, medio, sugerencias); returns its slug, or null without a survey notice.';
revoke execute on function private.create_hearing_evaluation_survey(text, text) from public;

create function public.staff_save_hearing(p_slug text, p_hearing jsonb, p_create boolean)
returns jsonb
language plpgsql
-- security definer: authenticated has no write privilege on hearings (nor on surveys, for the
-- evaluation survey created with it); the role check below is the gate.
security definer
set search_path = ''
as $$
declare
  v_current public.hearings;
  v_row     public.hearings;
  v_starts  timestamptz := private.try_timestamptz(nullif(p_hearing ->> 'startsAt', ''));
  v_ends    timestamptz := private.try_timestamptz(nullif(p_hearing ->> 'endsAt', ''));
  v_opens   timestamptz := private.try_timestamptz(nullif(p_hearing ->> 'questionsOpenAt', ''));
  v_closes  timestamptz := private.try_timestamptz(nullif(p_hearing ->> 'questionsCloseAt', ''));
  v_failure jsonb;
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  if not p_create then
    select * into v_current from public.hearings where slug = p_slug for update;
    if not found then
      return private.failure('not_found', 'No existe una audiencia con esa dirección.');
    end if;
  elsif p_slug is null or p_slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or char_length(p_slug) > 60 then
    return private.failure('validation_failed', 'Revise los datos marcados.',
      jsonb_build_object('slug', 'Use minúsculas sin tildes, números y guiones (máximo 60), por ejemplo audiencia-1.'));
  elsif exists (select from public.hearings where slug = p_slug) then
    return private.failure('duplicate', 'Ya existe una audiencia con esa dirección.', jsonb_build_object('slug', 'Esta dirección ya está en uso.'));
  end if;

  -- Questions open at once and close when the hearing ends, unless staff say otherwise.
  v_opens := coalesce(v_opens, v_current.questions_open_at, now());
  v_closes := coalesce(v_closes, v_current.questions_close_at, v_ends);
  v_failure := private.invalid(jsonb_strip_nulls(jsonb_build_object(
    'title', case when char_length(btrim(coalesce(p_hearing ->> 'title', ''))) not between 3 and 160 then 'Escriba un título de 3 a 160 caracteres.' end,
    'startsAt', case when v_starts is null then 'Indique la fecha y la hora de la audiencia.' end,
    'endsAt', case when v_ends is null or v_ends <= v_starts then 'La audiencia debe terminar después de empezar.' end,
    'questionsCloseAt', case when v_closes <= v_opens then 'Las preguntas deben cerrar después de abrir.' end,
    'streamUrl', case when nullif(p_hearing ->> 'streamUrl', '') !~ '^https://\S+$' then 'La transmisión debe ser una dirección https://.' end,
    'reportUrl', case when nullif(p_hearing ->> 'reportUrl', '') !~ '^(https://|/[^/])\S*$' then 'El informe debe ser una dirección https:// o una ruta de este sitio.' end,
    'activityId', case when (p_hearing ->> 'activityId') is not null
                        and not exists (select from public.accountability_activities where id = (p_hearing ->> 'activityId')::bigint)
                       then 'Elija una actividad del cronograma.' end)));
  if v_failure is not null then
    return v_failure;
  end if;

  if p_create then
    insert into public.hearings (slug, year, title, starts_at, ends_at, questions_open_at, questions_close_at)
    values (p_slug, extract(year from v_starts at time zone 'America/Bogota')::integer, btrim(p_hearing ->> 'title'),
            v_starts, v_ends, v_opens, v_closes)
    returning * into v_current;
  end if;

  update public.hearings set
    year               = coalesce((p_hearing ->> 'year')::integer, extract(year from v_starts at time zone 'America/Bogota')::integer),
    activity_id        = (p_hearing ->> 'activityId')::bigint,
    title              = btrim(p_hearing ->> 'title'),
    agenda             = coalesce(p_hearing ->> 'agenda', ''),
    starts_at          = v_starts,
    ends_at            = v_ends,
    stream_url         = nullif(p_hearing ->> 'streamUrl', ''),
    stream_platform    = coalesce(p_hearing ->> 'streamPlatform', 'youtube'),
    report_url         = nullif(p_hearing ->> 'reportUrl', ''),
    sign_language      = coalesce((p_hearing ->> 'signLanguage')::boolean, true),
    captions           = coalesce((p_hearing ->> 'captions')::boolean, true),
    venue              = nullif(btrim(coalesce(p_hearing ->> 'venue', '')), ''),
    event_slug         = nullif(p_hearing ->> 'eventSlug', ''),
    questions_open_at  = v_opens,
    questions_close_at = v_closes,
    evaluation_survey  = case when p_create then private.create_hearing_evaluation_survey(p_slug, btrim(p_hearing ->> 'title'))
                              else evaluation_survey end,
    updated_at         = now()
  where id = v_current.id
  returning * into v_row;
  return jsonb_build_object('ok', true, 'value', private.hearing_json(v_row));
end;
$$;
comment on function public.staff_save_hearing(text, jsonb, boolean) is 'Creates (with its evaluation survey) or edits a hearing: title, agenda, startsAt, endsAt, stream, report, accessibility, venue, question window (default: from now until it ends), schedule activity.';
revoke execute on function public.staff_save_hearing(text, jsonb, boolean) from public, anon, authenticated;
grant execute on function public.staff_save_hearing(text, jsonb, boolean) to authenticated;

create function public.staff_record_attendance(p_slug text, p_online_viewers integer, p_in_person integer)
returns jsonb
language plpgsql
-- security definer: as staff_save_hearing.
security definer
set search_path = ''
as $$
declare
  v_row     public.hearings;
  v_failure jsonb;
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  v_failure := private.invalid(jsonb_strip_nulls(jsonb_build_object(
    'onlineViewers', case when p_online_viewers not between 0 and 10000000 then 'Escriba un número entero desde 0.' end,
    'inPersonAttendees', case when p_in_person not between 0 and 100000 then 'Escriba un número entero desde 0.' end)));
  if v_failure is not null then
    return v_failure;
  end if;
  update public.hearings
  set online_viewers = p_online_viewers, in_person_attendees = p_in_person, updated_at = now()
  where slug = p_slug
  returning * into v_row;
  if not found then
    return private.failure('not_found', 'No existe una audiencia con esa dirección.');
  end if;
  return jsonb_build_object('ok', true, 'value', private.hearing_json(v_row));
end;
$$;
comment on function public.staff_record_attendance(text, integer, integer) is 'Records a hearing''s attendance: online viewers and in-person attendees (null: not known yet).';
revoke execute on function public.staff_record_attendance(text, integer, integer) from public, anon, authenticated;
grant execute on function public.staff_record_attendance(text, integer, integer) to authenticated;

-- QUESTIONS

create function private.staff_question_json(p_question public.hearing_questions)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.question_json(p_question) || jsonb_build_object(
    'question',   p_question.body,
    'fullName',   p_question.full_name,
    'email',      p_question.email,
    'answeredBy', p_question.answered_by);
$$;
comment on function private.staff_question_json(public.hearing_questions) is 'A question as staff see it: always its text, and who sent it (to answer), who answered.';
revoke execute on function private.staff_question_json(public.hearing_questions) from public;

create function public.staff_get_hearing(p_slug text)
returns jsonb
language plpgsql
stable
-- security definer: questions hold personal data that only this role check lets out.
security definer
set search_path = ''
as $$
declare
  v_hearing public.hearings;
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  select * into v_hearing from public.hearings where slug = p_slug;
  if not found then
    return private.failure('not_found', 'No existe una audiencia con esa dirección.');
  end if;
  return jsonb_build_object('ok', true, 'value', private.hearing_json(v_hearing) || jsonb_build_object(
    'activityId', v_hearing.activity_id,
    'questions', coalesce((select jsonb_agg(private.staff_question_json(q) order by q.number)
                           from public.hearing_questions q where q.hearing_id = v_hearing.id), '[]'::jsonb)));
end;
$$;
comment on function public.staff_get_hearing(text) is 'A hearing with every question, its sender and its answer, for moderation.';
revoke execute on function public.staff_get_hearing(text) from public, anon, authenticated;
grant execute on function public.staff_get_hearing(text) to authenticated;

-- The citizen hears back once, whatever settled the question: its answer, the answer of the question it
-- was merged into, or why it is out of scope. The dedupe key makes a second enqueue a no-op.
create function private.email_question_outcome(p_question_id uuid)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_q       public.hearing_questions;
  v_source  public.hearing_questions;
  v_hearing public.hearings;
begin
  select * into strict v_q from public.hearing_questions where id = p_question_id;
  select * into strict v_source from public.hearing_questions where id = coalesce(v_q.merged_into, v_q.id);
  select * into strict v_hearing from public.hearings where id = v_q.hearing_id;
  if v_q.email is null then
    return;  -- the citizen asked to be forgotten: the answer is public on the hearing page only
  end if;
  perform private.enqueue_email('hearing-answer', v_q.email, jsonb_build_object(
    'fullName',         v_q.full_name,
    'number',           v_q.number,
    'question',         v_q.body,
    'outcome',          case v_q.status when 'merged' then 'merged' when 'out_of_scope' then 'out_of_scope' else 'answered' end,
    'mergedInto',       case when v_q.status = 'merged' then v_source.number end,
    'answer',           v_source.answer,
    'answerMode',       v_source.answer_mode,
    'recordingAt',      to_char(v_source.recording_at, 'HH24:MI:SS'),
    'reason',           v_q.reason,
    'hearing',          jsonb_build_object('slug', v_hearing.slug, 'title', v_hearing.title, 'streamUrl', v_hearing.stream_url),
    'evaluationSurvey', v_hearing.evaluation_survey
  ), 'hearing-answer:' || v_q.id);
end;
$$;
comment on function private.email_question_outcome(uuid) is 'Queues the e-mail that tells the citizen how the question was settled (answer, merged, out of scope), with the evaluation survey link.';
revoke execute on function private.email_question_outcome(uuid) from public;

create function public.staff_answer_question(p_id uuid, p_mode text, p_answer text, p_recording_at text default null)
returns jsonb
language plpgsql
-- security definer: questions and the outbox are out of reach of authenticated; the role check is the gate.
security definer
set search_path = ''
as $$
declare
  v_actor   jsonb := private.staff_actor();
  v_q       public.hearing_questions;
  v_answer  text := btrim(coalesce(p_answer, ''));
  v_failure jsonb;
  v_merged  uuid;
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  select * into v_q from public.hearing_questions where id = p_id for update;
  if not found then
    return private.failure('not_found', 'No existe esa pregunta.');
  elsif v_q.status = 'merged' then
    return private.failure('closed', format('Esta pregunta está unida a otra: responda la pregunta %s.',
      (select number from public.hearing_questions where id = v_q.merged_into)));
  elsif v_q.status = 'out_of_scope' then
    return private.failure('closed', 'Esta pregunta está marcada como fuera del tema de la audiencia.');
  elsif v_q.answer is not null then
    return private.failure('duplicate', 'Esta pregunta ya tiene respuesta.');
  end if;

  v_failure := private.invalid(jsonb_strip_nulls(jsonb_build_object(
    'mode', case when p_mode is null or p_mode not in ('live', 'written') then 'Elija si respondió en vivo o por escrito.' end,
    'answer', case when char_length(v_answer) not between 5 and 8000 then 'Escriba la respuesta (o su resumen, si fue en vivo), de 5 a 8.000 caracteres.' end,
    'recordingAt', case when p_mode = 'live' and coalesce(p_recording_at, '') !~ '^([0-9]{1,2}:)?[0-5]?[0-9]:[0-5][0-9]$'
                        then 'Indique el minuto de la grabación en que se respondió, como 00:42:10.' end)));
  if v_failure is not null then
    return v_failure;
  end if;

  update public.hearing_questions set
    status       = 'published',
    answer       = v_answer,
    answer_mode  = p_mode,
    recording_at = case when p_mode = 'live' then
                     case when p_recording_at ~ '^[0-9]+:[0-9]+$' then ('00:' || p_recording_at)::interval else p_recording_at::interval end end,
    answered_at  = now(),
    answered_by  = coalesce(v_actor ->> 'email', v_actor ->> 'sub')
  where id = v_q.id
  returning * into v_q;
  perform private.email_question_outcome(v_q.id);

  -- Its duplicates are settled by the same answer.
  for v_merged in
    update public.hearing_questions set answered_at = now(), answered_by = v_q.answered_by
    where merged_into = v_q.id and answered_at is null
    returning id
  loop
    perform private.email_question_outcome(v_merged);
  end loop;
  return jsonb_build_object('ok', true, 'value', private.staff_question_json(v_q));
end;
$$;
comment on function public.staff_answer_question(uuid, text, text, text) is 'Answers a question live (recordingAt: where in the recording) or in writing; publishes it, settles its merged duplicates and e-mails every asker.';
revoke execute on function public.staff_answer_question(uuid, text, text, text) from public, anon, authenticated;
grant execute on function public.staff_answer_question(uuid, text, text, text) to authenticated;

create function public.staff_moderate_question(p_id uuid, p_action text, p_into integer default null, p_reason text default null)
returns jsonb
language plpgsql
-- security definer: as staff_answer_question.
security definer
set search_path = ''
as $$
declare
  v_actor  jsonb := private.staff_actor();
  v_by     text := coalesce(v_actor ->> 'email', v_actor ->> 'sub');
  v_q      public.hearing_questions;
  v_target public.hearing_questions;
  v_reason text := btrim(coalesce(p_reason, ''));
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  if p_action is null or p_action not in ('publish', 'merge', 'out_of_scope') then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('action', 'Elija publicar, unir o marcar fuera del tema.'));
  end if;
  select * into v_q from public.hearing_questions where id = p_id for update;
  if not found then
    return private.failure('not_found', 'No existe esa pregunta.');
  elsif p_action = 'publish' then
    if v_q.status not in ('received', 'published') then
      return private.failure('closed', 'Solo se publica una pregunta recibida.');
    end if;
    update public.hearing_questions set status = 'published' where id = v_q.id returning * into v_q;
    return jsonb_build_object('ok', true, 'value', private.staff_question_json(v_q));
  elsif v_q.answer is not null or v_q.status in ('merged', 'out_of_scope') then
    return private.failure('closed', 'Esta pregunta ya tiene respuesta o ya fue unida o marcada: no se puede cambiar.');
  elsif exists (select from public.hearing_questions where merged_into = v_q.id) then
    return private.failure('closed', 'Otras preguntas están unidas a esta. Respóndala, o una aquellas a otra pregunta primero.');
  end if;

  if p_action = 'out_of_scope' then
    if char_length(v_reason) not between 5 and 1000 then
      return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('reason', 'Explique por qué está fuera del tema y a dónde dirigirla (5 a 1.000 caracteres).'));
    end if;
    update public.hearing_questions
    set status = 'out_of_scope', reason = v_reason, answered_at = now(), answered_by = v_by
    where id = v_q.id returning * into v_q;
    perform private.email_question_outcome(v_q.id);
    return jsonb_build_object('ok', true, 'value', private.staff_question_json(v_q));
  end if;

  -- Merge: into another live question of the same hearing, which the duplicate makes public.
  select * into v_target from public.hearing_questions
  where hearing_id = v_q.hearing_id and number = p_into and id <> v_q.id
  for update;
  if not found or v_target.status not in ('received', 'published') then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('into',
      'Elija el número de otra pregunta publicada o recibida de esta audiencia.'));
  end if;
  update public.hearing_questions set status = 'published' where id = v_target.id and status = 'received';
  update public.hearing_questions
  set status = 'merged', merged_into = v_target.id,
      answered_at = case when v_target.answer is not null then now() end,
      answered_by = case when v_target.answer is not null then v_by end
  where id = v_q.id returning * into v_q;
  if v_q.answered_at is not null then
    perform private.email_question_outcome(v_q.id);
  end if;
  return jsonb_build_object('ok', true, 'value', private.staff_question_json(v_q));
end;
$$;
comment on function public.staff_moderate_question(uuid, text, integer, text) is 'Moderation, never deletion: publish a received question, merge a duplicate into question number p_into (settled by its answer), or mark it out of scope with a reason (e-mailed as its answer).';
revoke execute on function public.staff_moderate_question(uuid, text, integer, text) from public, anon, authenticated;
grant execute on function public.staff_moderate_question(uuid, text, integer, text) to authenticated;

-- PERSONAL DATA (Ley 1581 de 2012: consulta y supresión)

create function public.staff_export_hearing_asker(p_email text)
returns jsonb
language plpgsql
stable
-- security definer: questions hold personal data that only this role check lets out.
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('questions', coalesce((
    select jsonb_agg(jsonb_build_object(
      'hearing', h.slug, 'number', q.number, 'question', q.body, 'fullName', q.full_name, 'email', q.email,
      'receivedAt', private.iso_time(q.received_at), 'status', q.status, 'answer', q.answer,
      'consent', jsonb_build_object('version', c.text_version, 'purpose', c.purpose, 'givenAt', private.iso_time(c.given_at)))
      order by q.received_at)
    from public.hearing_questions q
    join public.hearings h on h.id = q.hearing_id
    join private.consents c on c.id = q.consent_id
    where q.email = lower(btrim(coalesce(p_email, '')))), '[]'::jsonb)));
end;
$$;
comment on function public.staff_export_hearing_asker(text) is 'Everything the hearings hold about one e-mail address (a citizen''s request to know their data), with the consent given.';
revoke execute on function public.staff_export_hearing_asker(text) from public, anon, authenticated;
grant execute on function public.staff_export_hearing_asker(text) to authenticated;

create function public.staff_forget_hearing_asker(p_email text)
returns jsonb
language plpgsql
-- security definer: as staff_export_hearing_asker; the audit log masks the erased columns.
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  if not private.has_staff_role('communications') then
    return private.accountability_denied();
  end if;
  update public.hearing_questions
  set email = null, full_name = null, forgotten_at = now()
  where email = lower(btrim(coalesce(p_email, '')));
  get diagnostics v_count = row_count;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('forgotten', v_count));
end;
$$;
comment on function public.staff_forget_hearing_asker(text) is 'Erases name and e-mail from every question sent from an address (supresión); the questions and answers stay public, anonymous. Returns {forgotten: n}.';
revoke execute on function public.staff_forget_hearing_asker(text) from public, anon, authenticated;
grant execute on function public.staff_forget_hearing_asker(text) to authenticated;
