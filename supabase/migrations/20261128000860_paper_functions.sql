-- Paper-use gamification (plan activity 3.1): what staff do on their phone (join a team, claim a
-- challenge, answer its quiz, propose and vote measures), the leaderboard, the admin functions that
-- set challenges and votes, and the published policy. Every write is one statement guarded by a
-- primary key, so a double tap, a replayed form or two requests at once never count twice.
-- security definer below: no API role may read or write the paper tables directly; the staff check
-- is the gate, and the person always comes from the JWT, never from the request.

-- WHO IS PLAYING

create function private.paper_person()
returns text
language sql
stable
set search_path = ''
as $$
  -- Any signed-in staff member takes part, whatever their role.
  select case when jsonb_typeof(auth.jwt() -> 'app_metadata' -> 'roles') = 'array'
               and exists (select from jsonb_array_elements_text(auth.jwt() -> 'app_metadata' -> 'roles') r
                           where r.value in ('admin', 'communications', 'advisor', 'interviewer', 'box_office'))
              then nullif(auth.jwt() ->> 'sub', '') end;
$$;
comment on function private.paper_person() is 'The JWT sub of a signed-in staff member (any role), else null.';
revoke execute on function private.paper_person() from public;

create function private.paper_not_staff()
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select private.failure('forbidden', 'Los retos del papel son para el personal de la entidad: inicie sesión.');
$$;
comment on function private.paper_not_staff() is 'The forbidden failure for callers who are not staff.';
revoke execute on function private.paper_not_staff() from public;

create function private.bogota_week(p_at timestamptz)
returns date
language sql
stable
set search_path = ''
as $$
  select date_trunc('week', p_at at time zone 'America/Bogota')::date;
$$;
comment on function private.bogota_week(timestamptz) is 'Monday of the week (Colombian time) of an instant: challenges run Monday to Sunday.';
revoke execute on function private.bogota_week(timestamptz) from public;

-- POINTS AND BADGES

create function private.paper_points(p_person text)
returns integer
language sql
stable
set search_path = ''
as $$
  select (select coalesce(sum(points), 0) from public.paper_claims where person = p_person)
       + (select coalesce(sum(points), 0) from public.paper_quiz_attempts where person = p_person);
$$;
comment on function private.paper_points(text) is 'A person''s points: claimed challenges plus right quiz answers.';
revoke execute on function private.paper_points(text) from public;

create function private.paper_badges(p_person text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  -- Badges reward what a person did, in any order and at any pace: none asks for consecutive weeks.
  select coalesce(jsonb_agg(jsonb_build_object('code', b.code, 'name', b.name, 'description', b.description) order by b.position), '[]'::jsonb)
  from (values
    (1, 'primer-reto', 'Primer reto', 'Cumplió su primer reto.',
     exists (select from public.paper_claims where person = p_person)),
    (2, 'tres-retos', 'Tres retos', 'Cumplió tres retos, en las semanas que pudo.',
     (select count(*) from public.paper_claims where person = p_person) >= 3),
    (3, 'quiz-perfecto', 'Quiz perfecto', 'Respondió bien todas las preguntas de un quiz.',
     exists (select from public.paper_quiz_attempts a
             where a.person = p_person
               and a.correct = (select count(*) from public.paper_quiz_questions q where q.challenge_id = a.challenge_id))),
    (4, 'propuesta', 'Con propuesta', 'Propuso una medida para la política de papel.',
     exists (select from public.paper_measures where proposed_by = p_person)),
    (5, 'voto', 'Voz y voto', 'Votó las medidas de la política de papel.',
     exists (select from public.paper_measure_votes where person = p_person))
  ) as b(position, code, name, description, earned)
  where b.earned;
$$;
comment on function private.paper_badges(text) is 'The badges a person has earned (first challenge, three challenges, perfect quiz, proposal, vote).';
revoke execute on function private.paper_badges(text) from public;

create function private.paper_quiz_result(p_attempt public.paper_quiz_attempts)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'correct', p_attempt.correct,
    'total',   (select count(*) from public.paper_quiz_questions q where q.challenge_id = p_attempt.challenge_id),
    'points',  p_attempt.points,
    'answers', coalesce((
      select jsonb_agg(jsonb_build_object(
          'questionId',    q.id,
          'chosen',        p_attempt.answers[q.position],
          'correctOption', q.correct_option,
          'right',         p_attempt.answers[q.position] = q.correct_option,
          'explanation',   q.explanation
        ) order by q.position)
      from public.paper_quiz_questions q where q.challenge_id = p_attempt.challenge_id), '[]'::jsonb)
  );
$$;
comment on function private.paper_quiz_result(public.paper_quiz_attempts) is 'A quiz attempt as the person sees it after answering: right answers, points and each explanation.';
revoke execute on function private.paper_quiz_result(public.paper_quiz_attempts) from public;

-- THE WEEK, FOR ONE PERSON

create function public.staff_paper_week()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select case when private.paper_person() is null then private.paper_not_staff() else jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'weekStart', private.bogota_week(now()),
    'player', (
      select jsonb_build_object(
        'area',        p.area_code,
        'areaName',    a.name,
        'showName',    p.show_name,
        'displayName', p.display_name,
        'points',      private.paper_points(p.person),
        'badges',      private.paper_badges(p.person))
      from public.paper_players p
      join public.paper_areas a on a.code = p.area_code
      where p.person = private.paper_person()
    ),
    'areas', (select jsonb_agg(jsonb_build_object('code', code, 'name', name) order by name) from public.paper_areas),
    'challenges', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id',          c.id,
          'title',       c.title,
          'description', c.description,
          'actionLabel', c.action_label,
          'points',      c.points,
          'claimed',     exists (select from public.paper_claims cl
                                 where cl.challenge_id = c.id and cl.person = private.paper_person() and cl.week_start = c.week_start),
          'questions', coalesce((
            select jsonb_agg(jsonb_build_object('id', q.id, 'prompt', q.prompt, 'options', to_jsonb(q.options)) order by q.position)
            from public.paper_quiz_questions q where q.challenge_id = c.id), '[]'::jsonb),
          'quizResult', (
            select private.paper_quiz_result(t)
            from public.paper_quiz_attempts t
            where t.challenge_id = c.id and t.person = private.paper_person())
        ) order by c.id)
      from public.paper_challenges c
      where c.week_start = private.bogota_week(now())
    ), '[]'::jsonb)
  )) end;
$$;
comment on function public.staff_paper_week() is 'Staff: this week''s challenges with the caller''s claims and quiz results, the caller''s team, points and badges, and the areas to choose from.';
revoke execute on function public.staff_paper_week() from public, anon, authenticated;
grant execute on function public.staff_paper_week() to authenticated;

create function public.staff_paper_join(p_area text, p_show_name boolean, p_display_name text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_person text := private.paper_person();
  v_name   text := nullif(btrim(p_display_name), '');
begin
  if v_person is null then
    return private.paper_not_staff();
  end if;
  if not exists (select from public.paper_areas where code = p_area) then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('area', 'Elija su área.'));
  end if;
  if coalesce(p_show_name, false) and (v_name is null or char_length(v_name) not between 2 and 60) then
    return private.failure('validation_failed', 'Revise los datos marcados.',
      jsonb_build_object('displayName', 'Para aparecer en la tabla escriba el nombre a mostrar, de 2 a 60 caracteres.'));
  end if;
  -- Joining again changes the team or the opt-in; points stay with the person.
  insert into public.paper_players as p (person, area_code, show_name, display_name)
  values (v_person, p_area, coalesce(p_show_name, false), v_name)
  on conflict (person) do update
    set area_code = excluded.area_code, show_name = excluded.show_name, display_name = excluded.display_name;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('area', p_area, 'showName', coalesce(p_show_name, false), 'displayName', v_name));
end;
$$;
comment on function public.staff_paper_join(text, boolean, text) is 'Staff: chooses the caller''s team (area) and whether their name shows on the leaderboard (opt-in).';
revoke execute on function public.staff_paper_join(text, boolean, text) from public, anon, authenticated;
grant execute on function public.staff_paper_join(text, boolean, text) to authenticated;

create function private.paper_no_player()
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select private.failure('validation_failed', 'Elija primero su área para sumar puntos a su equipo.',
    jsonb_build_object('area', 'Elija su área.'));
$$;
comment on function private.paper_no_player() is 'The failure for a staff member who has not chosen a team yet.';
revoke execute on function private.paper_no_player() from public;

create function public.staff_paper_claim(p_challenge_id bigint, p_note text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_person    text := private.paper_person();
  v_challenge public.paper_challenges;
begin
  if v_person is null then
    return private.paper_not_staff();
  end if;
  if not exists (select from public.paper_players where person = v_person) then
    return private.paper_no_player();
  end if;
  select * into v_challenge from public.paper_challenges where id = p_challenge_id;
  if not found then
    return private.failure('not_found', 'No existe ese reto.');
  end if;
  if v_challenge.week_start <> private.bogota_week(now()) then
    return private.failure('closed', 'Ese reto no es de esta semana.');
  end if;
  -- The primary key (challenge, person, week) refuses the second claim, even two at the same moment.
  insert into public.paper_claims (challenge_id, person, week_start, points, note)
  values (v_challenge.id, v_person, v_challenge.week_start, v_challenge.points, nullif(btrim(p_note), ''))
  on conflict do nothing;
  if not found then
    return private.failure('duplicate', 'Ya registró este reto esta semana: sus puntos ya cuentan.');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'challengeId', v_challenge.id, 'points', v_challenge.points, 'totalPoints', private.paper_points(v_person)));
exception
  when check_violation then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('note', 'La nota admite máximo 500 caracteres.'));
end;
$$;
comment on function public.staff_paper_claim(bigint, text) is 'Staff: reports this week''s challenge as done (its points, once per person and week).';
revoke execute on function public.staff_paper_claim(bigint, text) from public, anon, authenticated;
grant execute on function public.staff_paper_claim(bigint, text) to authenticated;

create function public.staff_paper_answer_quiz(p_challenge_id bigint, p_answers jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_person  text := private.paper_person();
  v_week    date;
  v_chosen  integer[];
  v_fields  jsonb := '{}'::jsonb;
  v_correct integer;
  v_attempt  public.paper_quiz_attempts;
  v_question public.paper_quiz_questions;
begin
  if v_person is null then
    return private.paper_not_staff();
  end if;
  if not exists (select from public.paper_players where person = v_person) then
    return private.paper_no_player();
  end if;
  select week_start into v_week from public.paper_challenges where id = p_challenge_id;
  if not found or not exists (select from public.paper_quiz_questions where challenge_id = p_challenge_id) then
    return private.failure('not_found', 'Ese reto no tiene quiz.');
  end if;
  if v_week <> private.bogota_week(now()) then
    return private.failure('closed', 'El quiz de ese reto ya cerró: era de otra semana.');
  end if;

  for v_question in select * from public.paper_quiz_questions where challenge_id = p_challenge_id order by position loop
    if coalesce(p_answers ->> v_question.id::text, '') !~ '^[0-9]$' or (p_answers ->> v_question.id::text)::integer >= cardinality(v_question.options) then
      v_fields := v_fields || jsonb_build_object('answers.' || v_question.id, 'Elija una respuesta.');
    else
      v_chosen[v_question.position] := (p_answers ->> v_question.id::text)::integer;
    end if;
  end loop;
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Responda todas las preguntas.', v_fields);
  end if;

  select count(*) into v_correct
  from public.paper_quiz_questions q
  where q.challenge_id = p_challenge_id and v_chosen[q.position] = q.correct_option;

  -- Two points per right answer, one attempt per person and challenge (the primary key).
  insert into public.paper_quiz_attempts (challenge_id, person, answers, correct, points)
  values (p_challenge_id, v_person, v_chosen, v_correct, 2 * v_correct)
  on conflict do nothing
  returning * into v_attempt;
  if not found then
    return private.failure('duplicate', 'Ya respondió este quiz: sus puntos ya cuentan.');
  end if;
  return jsonb_build_object('ok', true, 'value', private.paper_quiz_result(v_attempt)
    || jsonb_build_object('totalPoints', private.paper_points(v_person)));
end;
$$;
comment on function public.staff_paper_answer_quiz(bigint, jsonb) is 'Staff: answers a challenge''s quiz {<question id>: <option index>} once; 2 points per right answer.';
revoke execute on function public.staff_paper_answer_quiz(bigint, jsonb) from public, anon, authenticated;
grant execute on function public.staff_paper_answer_quiz(bigint, jsonb) to authenticated;

-- THE LEADERBOARD

create function public.staff_paper_leaderboard()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  -- Teams that scored, best first; a team at zero is simply not listed (no public shaming), and
  -- people appear only when they chose to, and only the ten with most points.
  with people as (
    select p.*, private.paper_points(p.person) as points from public.paper_players p
  )
  select case when private.paper_person() is null then private.paper_not_staff() else jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'areas', coalesce((
      select jsonb_agg(jsonb_build_object('code', t.code, 'name', t.name, 'points', t.points, 'people', t.people)
                       order by t.points desc, t.name)
      from (
        select a.code, a.name, sum(pe.points)::integer as points, count(*) as people
        from people pe join public.paper_areas a on a.code = pe.area_code
        group by a.code, a.name
        having sum(pe.points) > 0
      ) t
    ), '[]'::jsonb),
    'people', coalesce((
      select jsonb_agg(jsonb_build_object('name', t.display_name, 'area', t.area, 'points', t.points) order by t.points desc, t.display_name)
      from (
        select pe.display_name, a.name as area, pe.points
        from people pe join public.paper_areas a on a.code = pe.area_code
        where pe.show_name and pe.points > 0
        order by pe.points desc, pe.display_name
        limit 10
      ) t
    ), '[]'::jsonb)
  )) end;
$$;
comment on function public.staff_paper_leaderboard() is 'Staff: points per team (areas that scored) and the top ten people who opted in.';
revoke execute on function public.staff_paper_leaderboard() from public, anon, authenticated;
grant execute on function public.staff_paper_leaderboard() to authenticated;

-- THE POLICY VOTE

create function private.paper_round_json(p_round public.paper_policy_rounds, p_person text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  -- A measure is adopted when more than half of the people who voted in the round support it.
  with voters as (
    select count(distinct v.person) as n
    from public.paper_measure_votes v join public.paper_measures m on m.id = v.measure_id
    where m.round_id = p_round.id
  ),
  tally as (
    select m.*, (select count(*) from public.paper_measure_votes v where v.measure_id = m.id) as votes
    from public.paper_measures m where m.round_id = p_round.id
  )
  select jsonb_build_object(
    'id',       p_round.id,
    'title',    p_round.title,
    'openedAt', private.iso_time(p_round.opened_at),
    'closesAt', private.iso_time(p_round.closes_at),
    'status',   case when now() < p_round.closes_at then 'open' else 'closed' end,
    'voters',   voters.n,
    'measures', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id',          t.id,
          'title',       t.title,
          'description', t.description,
          'votes',       t.votes,
          'adopted',     now() >= p_round.closes_at and t.votes * 2 > voters.n,
          'myVote',      p_person is not null and exists (
                           select from public.paper_measure_votes v where v.measure_id = t.id and v.person = p_person)
        ) order by t.votes desc, t.created_at, t.id)
      from tally t
    ), '[]'::jsonb)
  )
  from voters;
$$;
comment on function private.paper_round_json(public.paper_policy_rounds, text) is 'A policy round with its measures and votes; adopted (once closed) = supported by more than half of the round''s voters.';
revoke execute on function private.paper_round_json(public.paper_policy_rounds, text) from public;

create function private.paper_latest_round()
returns public.paper_policy_rounds
language sql
stable
set search_path = ''
as $$
  select * from public.paper_policy_rounds order by opened_at desc, id desc limit 1;
$$;
comment on function private.paper_latest_round() is 'The current (or last) paper-policy round.';
revoke execute on function private.paper_latest_round() from public;

create function public.staff_paper_policy()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select case when private.paper_person() is null then private.paper_not_staff() else jsonb_build_object('ok', true, 'value',
    (select private.paper_round_json(r, private.paper_person()) from private.paper_latest_round() r where r.id is not null)) end;
$$;
comment on function public.staff_paper_policy() is 'Staff: the current policy round with its measures, votes and the caller''s own votes (null when none was opened).';
revoke execute on function public.staff_paper_policy() from public, anon, authenticated;
grant execute on function public.staff_paper_policy() to authenticated;

create function private.paper_open_round(p_round_id bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case
    when not exists (select from public.paper_policy_rounds where id = p_round_id)
      then private.failure('not_found', 'No existe esa votación.')
    when exists (select from public.paper_policy_rounds where id = p_round_id and closes_at <= now())
      then private.failure('closed', 'La votación de la política de papel ya cerró.')
  end;
$$;
comment on function private.paper_open_round(bigint) is 'Null while the round takes proposals and votes, else its failure (not_found or closed).';
revoke execute on function private.paper_open_round(bigint) from public;

create function public.staff_paper_propose(p_title text, p_description text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_person text := private.paper_person();
  v_round  public.paper_policy_rounds := private.paper_latest_round();
  v_id     bigint;
begin
  if v_person is null then
    return private.paper_not_staff();
  end if;
  if not exists (select from public.paper_players where person = v_person) then
    return private.paper_no_player();
  end if;
  if v_round.id is null then
    return private.failure('closed', 'No hay una votación abierta de la política de papel.');
  end if;
  if private.paper_open_round(v_round.id) is not null then
    return private.paper_open_round(v_round.id);
  end if;
  insert into public.paper_measures (round_id, title, description, proposed_by)
  values (v_round.id, btrim(p_title), nullif(btrim(p_description), ''), v_person)
  on conflict do nothing
  returning id into v_id;
  if not found then
    return private.failure('duplicate', 'Ya hay una medida con ese título: vótela en la lista.',
      jsonb_build_object('title', 'Ya hay una medida con este título.'));
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', v_id));
exception
  when check_violation or not_null_violation then
    return private.failure('validation_failed', 'Revise los datos marcados.',
      jsonb_build_object('title', 'Escriba la medida en 5 a 160 caracteres (y la explicación en máximo 1.000).'));
end;
$$;
comment on function public.staff_paper_propose(text, text) is 'Staff: proposes a measure for the open policy round.';
revoke execute on function public.staff_paper_propose(text, text) from public, anon, authenticated;
grant execute on function public.staff_paper_propose(text, text) to authenticated;

create function public.staff_paper_vote(p_measure_id bigint)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_person text := private.paper_person();
  v_round  bigint;
begin
  if v_person is null then
    return private.paper_not_staff();
  end if;
  if not exists (select from public.paper_players where person = v_person) then
    return private.paper_no_player();
  end if;
  select round_id into v_round from public.paper_measures where id = p_measure_id;
  if not found then
    return private.failure('not_found', 'No existe esa medida.');
  end if;
  if private.paper_open_round(v_round) is not null then
    return private.paper_open_round(v_round);
  end if;
  -- One vote per person and measure: the primary key refuses the second, even at the same moment.
  insert into public.paper_measure_votes (measure_id, person) values (p_measure_id, v_person) on conflict do nothing;
  if not found then
    return private.failure('duplicate', 'Ya votó por esta medida.');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('measureId', p_measure_id));
end;
$$;
comment on function public.staff_paper_vote(bigint) is 'Staff: supports a measure of the open round, once.';
revoke execute on function public.staff_paper_vote(bigint) from public, anon, authenticated;
grant execute on function public.staff_paper_vote(bigint) to authenticated;

-- ADMIN: CHALLENGES AND ROUNDS

create function public.staff_paper_add_challenge(p_challenge jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id bigint;
begin
  if not private.has_staff_role('admin') then
    return private.failure('forbidden', 'Solo un administrador puede crear retos.');
  end if;
  insert into public.paper_challenges (week_start, title, description, action_label, points)
  values (private.bogota_week((p_challenge ->> 'weekOf')::date), btrim(p_challenge ->> 'title'), btrim(p_challenge ->> 'description'),
          btrim(p_challenge ->> 'actionLabel'), (p_challenge ->> 'points')::integer)
  on conflict (week_start, title) do nothing
  returning id into v_id;
  if not found then
    return private.failure('duplicate', 'Esa semana ya tiene un reto con ese título.', jsonb_build_object('title', 'Ya existe en esa semana.'));
  end if;
  insert into public.paper_quiz_questions (challenge_id, position, prompt, options, correct_option, explanation)
  select v_id, q.ordinality, btrim(q.value ->> 'prompt'),
         array(select btrim(o) from jsonb_array_elements_text(q.value -> 'options') o),
         (q.value ->> 'correctOption')::integer, btrim(q.value ->> 'explanation')
  from jsonb_array_elements(coalesce(p_challenge -> 'questions', '[]')) with ordinality q;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', v_id, 'weekStart', private.bogota_week((p_challenge ->> 'weekOf')::date)));
exception
  when check_violation or not_null_violation or invalid_text_representation or invalid_datetime_format or datetime_field_overflow then
    return private.failure('validation_failed', 'Revise el reto: semana, título, descripción, acción, puntos (1 a 100) y preguntas de 2 a 5 opciones.');
end;
$$;
comment on function public.staff_paper_add_challenge(jsonb) is 'Admin: adds a challenge {weekOf, title, description, actionLabel, points, questions:[{prompt, options[], correctOption, explanation}]} to the week of weekOf.';
revoke execute on function public.staff_paper_add_challenge(jsonb) from public, anon, authenticated;
grant execute on function public.staff_paper_add_challenge(jsonb) to authenticated;

create function public.staff_paper_open_round(p_title text, p_closes_at timestamptz)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.paper_policy_rounds;
begin
  if not private.has_staff_role('admin') then
    return private.failure('forbidden', 'Solo un administrador puede abrir la votación.');
  end if;
  if p_closes_at is null or p_closes_at <= now() then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('closesAt', 'La votación debe cerrar en el futuro.'));
  end if;
  -- One round at a time: the result of an open vote must not be cut short by a new one.
  perform pg_advisory_xact_lock(hashtext('paper-policy-round'));
  if exists (select from public.paper_policy_rounds where closes_at > now()) then
    return private.failure('duplicate', 'Ya hay una votación abierta.');
  end if;
  insert into public.paper_policy_rounds (title, closes_at) values (btrim(p_title), p_closes_at) returning * into v_round;
  -- The published policy is the evidence of plan activity 3.1 (one link, whichever round is last).
  insert into public.plan_evidence (activity_code, label, url)
  select '3.1', 'Política de uso eficiente del papel', '/informes/politica-papel'
  where exists (select from public.plan_activities where code = '3.1')
    and not exists (select from public.plan_evidence where activity_code = '3.1' and url = '/informes/politica-papel');
  return jsonb_build_object('ok', true, 'value', private.paper_round_json(v_round, null));
exception
  when check_violation or not_null_violation then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('title', 'Escriba un título de 3 a 160 caracteres.'));
end;
$$;
comment on function public.staff_paper_open_round(text, timestamptz) is 'Admin: opens the policy vote until p_closes_at and lists the policy page as evidence of plan activity 3.1.';
revoke execute on function public.staff_paper_open_round(text, timestamptz) from public, anon, authenticated;
grant execute on function public.staff_paper_open_round(text, timestamptz) to authenticated;

-- THE PUBLISHED POLICY

create function public.get_paper_policy()
returns jsonb
language sql
stable
-- security definer: the participation figures count rows anon cannot read; only totals leave.
security definer
set search_path = ''
as $$
  select private.paper_round_json(r, null) || jsonb_build_object('participation', jsonb_build_object(
    'players',     (select count(*) from public.paper_players),
    'areas',       (select count(distinct area_code) from public.paper_players),
    'claims',      (select count(*) from public.paper_claims),
    'quizzes',     (select count(*) from public.paper_quiz_attempts),
    'points',      (select coalesce(sum(points), 0) from public.paper_claims) + (select coalesce(sum(points), 0) from public.paper_quiz_attempts),
    'challenges',  (select count(*) from public.paper_challenges),
    'proposals',   (select count(*) from public.paper_measures m where m.round_id = r.id),
    'votes',       (select count(*) from public.paper_measure_votes v join public.paper_measures m on m.id = v.measure_id where m.round_id = r.id)
  ))
  from private.paper_latest_round() r
  where r.id is not null;
$$;
comment on function public.get_paper_policy() is 'The paper policy as published: the last round, its measures (adopted once closed) and the exercise''s participation figures; null before any round.';
revoke execute on function public.get_paper_policy() from public, anon, authenticated;
grant execute on function public.get_paper_policy() to anon, authenticated;
