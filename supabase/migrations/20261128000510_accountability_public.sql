-- Accountability, public side: the schedule, a hearing's page (every question with its answer, without
-- personal data) and sending a question. Tables: …000500_accountability_tables.sql. Working days
-- (private.add_working_days) come from …000390_working_days.sql.

-- HELPERS

create function private.bogota_today()
returns date
language sql
stable
as $$
  select (now() at time zone 'America/Bogota')::date;
$$;
comment on function private.bogota_today() is 'Today''s date in Colombia: legal terms and overdue flags count Bogotá days.';
revoke execute on function private.bogota_today() from public;

create function private.hearing_questions_state(p_hearing public.hearings)
returns text
language sql
stable
as $$
  select case
    when now() < p_hearing.questions_open_at then 'not_open'
    when now() >= p_hearing.questions_close_at then 'closed'
    else 'open'
  end;
$$;
comment on function private.hearing_questions_state(public.hearings) is 'Whether the hearing takes questions now: not_open, open or closed.';
revoke execute on function private.hearing_questions_state(public.hearings) from public;

create function private.hearing_json(p_hearing public.hearings)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'slug',              p_hearing.slug,
    'year',              p_hearing.year,
    'title',             p_hearing.title,
    'agenda',            p_hearing.agenda,
    'startsAt',          private.iso_time(p_hearing.starts_at),
    'endsAt',            private.iso_time(p_hearing.ends_at),
    'streamUrl',         p_hearing.stream_url,
    'streamPlatform',    p_hearing.stream_platform,
    'reportUrl',         p_hearing.report_url,
    'signLanguage',      p_hearing.sign_language,
    'captions',          p_hearing.captions,
    'venue',             p_hearing.venue,
    'eventSlug',         p_hearing.event_slug,
    'questionsOpenAt',   private.iso_time(p_hearing.questions_open_at),
    'questionsCloseAt',  private.iso_time(p_hearing.questions_close_at),
    'questionsState',    private.hearing_questions_state(p_hearing),
    'evaluationSurvey',  p_hearing.evaluation_survey,
    'onlineViewers',     p_hearing.online_viewers,
    'inPersonAttendees', p_hearing.in_person_attendees,
    'questionCount',     p_hearing.question_count
  );
$$;
comment on function private.hearing_json(public.hearings) is 'A hearing as the public sees it: facts, accessibility, links, whether it takes questions, attendance.';
revoke execute on function private.hearing_json(public.hearings) from public;

create function private.question_json(p_question public.hearing_questions)
returns jsonb
language sql
stable
set search_path = ''
as $$
  -- What anyone may read. A question awaiting moderation or out of scope shows no text (it may hold
  -- anything a person typed); its reason is public. Name and e-mail never leave here.
  select jsonb_build_object(
    'id',          p_question.id,
    'number',      p_question.number,
    'status',      p_question.status,
    'question',    case when p_question.status in ('published', 'merged') then p_question.body end,
    'mergedInto',  (select m.number from public.hearing_questions m where m.id = p_question.merged_into),
    'reason',      p_question.reason,
    'answer',      p_question.answer,
    'answerMode',  p_question.answer_mode,
    'recordingAt', to_char(p_question.recording_at, 'HH24:MI:SS'),
    'receivedAt',  private.iso_time(p_question.received_at),
    'dueOn',       p_question.due_on,
    'answeredAt',  private.iso_time(p_question.answered_at),
    'onTime',      case when p_question.answered_at is not null
                     then (p_question.answered_at at time zone 'America/Bogota')::date <= p_question.due_on end,
    'overdue',     p_question.answered_at is null and p_question.due_on < private.bogota_today()
  );
$$;
comment on function private.question_json(public.hearing_questions) is 'A question as the hearing page lists it: no personal data; text only once published; due date, on-time and overdue flags.';
revoke execute on function private.question_json(public.hearing_questions) from public;

create function private.activity_json(p_activity public.accountability_activities)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id',              p_activity.id,
    'year',            p_activity.year,
    'position',        p_activity.position,
    'kind',            p_activity.kind,
    'title',           p_activity.title,
    'description',     p_activity.description,
    'startsOn',        p_activity.starts_on,
    'endsOn',          p_activity.ends_on,
    'responsibleArea', p_activity.responsible_area,
    'channel',         p_activity.channel,
    'status',          p_activity.status,
    'doneOn',          p_activity.done_on,
    'overdue',         p_activity.status in ('planned', 'in_progress') and p_activity.ends_on < private.bogota_today(),
    'evidence',        coalesce((
      select jsonb_agg(jsonb_build_object('id', e.id, 'label', e.label, 'url', e.url, 'addedAt', private.iso_time(e.added_at))
                       order by e.added_at, e.id)
      from public.accountability_evidence e
      where e.activity_id = p_activity.id), '[]'::jsonb)
  );
$$;
comment on function private.activity_json(public.accountability_activities) is 'A schedule activity with its evidence and whether it is late (not done after its end date).';
revoke execute on function private.activity_json(public.accountability_activities) from public;

create function private.question_due_on(p_received_at timestamptz)
returns date
language plpgsql
stable
set search_path = ''
as $$
begin
  -- Ley 1755 de 2015: the term counts in working days from the day after receipt, and receipt is the
  -- Colombian calendar day (a question sent at 23:30 in Bogotá is already the next day in UTC).
  return private.add_working_days((p_received_at at time zone 'America/Bogota')::date, 15);
end;
$$;
comment on function private.question_due_on(timestamptz) is 'Due date of a written answer: 15 Colombian working days after the Bogotá date of receipt.';
revoke execute on function private.question_due_on(timestamptz) from public;

-- READS

create function public.get_accountability_schedule(p_year integer)
returns jsonb
language sql
stable
-- security definer: to reach the private helpers (anon has no usage on schema private); everything it
-- returns is public.
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'year',       p_year,
    'activities', coalesce((
      select jsonb_agg(private.activity_json(a) order by a.starts_on, a.position, a.id)
      from public.accountability_activities a where a.year = p_year), '[]'::jsonb),
    'hearings',   coalesce((
      select jsonb_agg(private.hearing_json(h) order by h.starts_at, h.id)
      from public.hearings h where h.year = p_year), '[]'::jsonb),
    'years',      coalesce((
      select jsonb_agg(distinct y.year order by y.year desc)
      from (select year from public.accountability_activities union select year from public.hearings) y), '[]'::jsonb)
  );
$$;
comment on function public.get_accountability_schedule(integer) is 'The year''s published schedule (activities with evidence), its hearings, and the years that have one.';
revoke execute on function public.get_accountability_schedule(integer) from public, anon, authenticated;
grant execute on function public.get_accountability_schedule(integer) to anon, authenticated;

create function public.get_hearing(p_slug text)
returns jsonb
language sql
stable
-- security definer: questions hold personal data anon cannot read; private.question_json leaves it out.
security definer
set search_path = ''
as $$
  select private.hearing_json(h) || jsonb_build_object(
    'consent',   jsonb_build_object('version', c.version, 'purpose', c.purpose, 'body', c.body),
    'questions', coalesce((
      select jsonb_agg(private.question_json(q) order by q.number)
      from public.hearing_questions q where q.hearing_id = h.id), '[]'::jsonb))
  from public.hearings h
  join public.consent_texts c on c.version = h.consent_version
  where h.slug = p_slug;
$$;
comment on function public.get_hearing(text) is 'One hearing with its personal-data notice and every question received (public view); null when missing.';
revoke execute on function public.get_hearing(text) from public, anon, authenticated;
grant execute on function public.get_hearing(text) to anon, authenticated;

-- SEND A QUESTION

create function private.question_fields(p_body text, p_full_name text, p_email text, p_consent boolean, p_consent_version text, p_hearing public.hearings)
returns jsonb
language sql
stable
as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'question', case when p_body is null or char_length(p_body) not between 10 and 2000
      then 'Escriba su pregunta, entre 10 y 2.000 caracteres.' end,
    'fullName', case when p_full_name is not null and char_length(p_full_name) not between 3 and 120
      then 'Escriba su nombre (entre 3 y 120 caracteres) o deje el campo vacío.' end,
    'email', case when p_email is null or char_length(p_email) not between 3 and 254 or p_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'
      then 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.' end,
    'consent', case
      when p_consent is not true then 'Debe aceptar el tratamiento de datos personales para recibir la respuesta.'
      when p_consent_version <> p_hearing.consent_version then 'El aviso de tratamiento de datos cambió. Recargue la página, léalo y acéptelo de nuevo.'
    end
  ));
$$;
comment on function private.question_fields(text, text, text, boolean, text, public.hearings) is 'The contract''s fields map for a question ({} when valid); inputs already normalised.';
revoke execute on function private.question_fields(text, text, text, boolean, text, public.hearings) from public;

create function public.submit_hearing_question(
  p_slug            text,
  p_question        text,
  p_full_name       text,
  p_email           text,
  p_consent         boolean,
  p_consent_version text default null,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: anon has no privileges on questions, consents or the private rate-limit and
-- idempotency tables; this function is the only way in and checks everything.
security definer
set search_path = ''
as $$
declare
  v_scope    text := 'hearing_question/' || coalesce(p_slug, '');
  v_replay   jsonb;
  v_hearing  public.hearings;
  v_state    text;
  v_fields   jsonb;
  v_body     text := btrim(coalesce(p_question, ''));
  v_name     text := private.normalise_text(p_full_name);
  v_email    text := lower(private.normalise_text(p_email));
  v_number   integer;
  v_id       uuid := gen_random_uuid();
  v_consent  uuid := gen_random_uuid();
begin
  v_replay := private.begin_public_write(v_scope, p_idempotency_key, p_request_hash, 'hearing_question', p_client);
  if v_replay is not null then
    return v_replay;
  end if;

  select * into v_hearing from public.hearings where slug = p_slug;
  if not found then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('not_found', 'No existe una audiencia con esa dirección.'));
  end if;
  v_state := private.hearing_questions_state(v_hearing);
  if v_state <> 'open' then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('closed', case v_state
      when 'not_open' then 'Esta audiencia recibe preguntas desde el '
        || to_char(v_hearing.questions_open_at at time zone 'America/Bogota', 'DD/MM/YYYY "a las" HH24:MI') || '.'
      else 'Esta audiencia ya no recibe preguntas. Puede escribirnos por los canales de Atención al Ciudadano.' end));
  end if;

  v_fields := private.question_fields(nullif(v_body, ''), v_name, v_email, p_consent, p_consent_version, v_hearing);
  if v_fields <> '{}'::jsonb then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('validation_failed', 'Revise los datos marcados.', v_fields));
  end if;

  -- The kept count numbers the question: one conditional statement, so two questions sent at the same
  -- moment never share a number.
  update public.hearings set question_count = question_count + 1 where id = v_hearing.id
  returning question_count into v_number;

  insert into private.consents (id, subject_table, subject_id, text_version, purpose, channel)
  select v_consent, 'hearing_questions', v_id, t.version, t.purpose, 'web'
  from public.consent_texts t where t.version = v_hearing.consent_version;

  insert into public.hearing_questions (id, hearing_id, number, body, full_name, email, consent_id, received_at, due_on)
  values (v_id, v_hearing.id, v_number, v_body, v_name, v_email, v_consent, now(), private.question_due_on(now()));

  return private.idempotency_settle(v_scope, p_idempotency_key, jsonb_build_object('ok', true, 'value',
    jsonb_build_object('id', v_id, 'number', v_number, 'dueOn', private.question_due_on(now()))));
end;
$$;
comment on function public.submit_hearing_question(text, text, text, text, boolean, text, text, text, text) is
  'A citizen''s question to a hearing: idempotency, rate limit, not_found, closed (outside the question window), validation, then the question numbered in arrival order with its consent record and its due date (15 working days). Returns {id, number, dueOn}.';
revoke execute on function public.submit_hearing_question(text, text, text, text, boolean, text, text, text, text) from public, anon, authenticated;
grant execute on function public.submit_hearing_question(text, text, text, text, boolean, text, text, text, text) to anon, authenticated;
