-- Self-diagnosis (plan activity 1.3): scores, the report, and the admin functions that keep the
-- checklist and fill in each year's assessment. Scores live here, not in the app, so the page, the
-- CSV and the comparison with the previous year can never disagree.

-- SCORING

create function private.diagnosis_level(p_score numeric)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_score is null then null
    when p_score < 50 then 'initial'
    when p_score < 80 then 'intermediate'
    else 'advanced'
  end;
$$;
comment on function private.diagnosis_level(numeric) is 'Maturity level of a score from 0 to 100: initial (< 50), intermediate (50 to < 80), advanced (80 or more); null without applicable requirements.';
revoke execute on function private.diagnosis_level(numeric) from public;

create function private.diagnosis_items(p_year integer)
returns table (requirement public.diagnosis_requirements, answer public.diagnosis_answers)
language sql
stable
set search_path = ''
as $$
  -- A draft covers the requirements active now; a published assessment those active when it was
  -- published, so retiring or adding one later never rewrites a past report.
  select r, an
  from public.diagnosis_assessments a
  join public.diagnosis_requirements r
    on r.created_at <= coalesce(a.published_at, now())
   and (r.retired_at is null or r.retired_at > coalesce(a.published_at, now()))
  left join public.diagnosis_answers an on an.year = a.year and an.requirement_code = r.code
  where a.year = p_year;
$$;
comment on function private.diagnosis_items(integer) is 'The requirements one year''s assessment covers, each with its answer (null while not assessed).';
revoke execute on function private.diagnosis_items(integer) from public;

create function private.diagnosis_tally(p_verdicts text[])
returns jsonb
language sql
immutable
set search_path = ''
as $$
  -- complies = 1 point, partial = ½, does_not = 0 over the applicable requirements assessed;
  -- not applicable and not yet assessed are left out of the score and counted apart.
  with v as (select unnest(p_verdicts) as verdict),
  t as (
    select count(*)                                                      as requirements,
           count(verdict)                                                as assessed,
           count(*) filter (where verdict = 'complies')                  as complies,
           count(*) filter (where verdict = 'partial')                   as partial,
           count(*) filter (where verdict = 'does_not')                  as does_not,
           count(*) filter (where verdict = 'not_applicable')            as not_applicable
    from v
  ),
  s as (
    select t.*,
           case when complies + partial + does_not > 0
                then round(100 * (complies + 0.5 * partial) / (complies + partial + does_not), 1) end as score
    from t
  )
  select jsonb_build_object(
    'score',         s.score,
    'level',         private.diagnosis_level(s.score),
    'requirements',  s.requirements,
    'assessed',      s.assessed,
    'pending',       s.requirements - s.assessed,
    'complies',      s.complies,
    'partial',       s.partial,
    'doesNot',       s.does_not,
    'notApplicable', s.not_applicable
  )
  from s;
$$;
comment on function private.diagnosis_tally(text[]) is 'Counts and score of a set of verdicts (null = not assessed): 100 × (complies + ½ partial) / applicable, one decimal, with its maturity level.';
revoke execute on function private.diagnosis_tally(text[]) from public;

create function private.diagnosis_scores(p_year integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'year',    p_year,
    'overall', (select private.diagnosis_tally(coalesce(array_agg((i.answer).verdict), '{}')) from private.diagnosis_items(p_year) i),
    'dimensions', coalesce((
      select jsonb_agg(
        jsonb_build_object('code', d.code, 'name', d.name)
          || private.diagnosis_tally(array(
               select (i.answer).verdict from private.diagnosis_items(p_year) i where (i.requirement).dimension_code = d.code))
        order by d.position)
      from public.diagnosis_dimensions d
      where exists (select from private.diagnosis_items(p_year) i where (i.requirement).dimension_code = d.code)
    ), '[]'::jsonb)
  );
$$;
comment on function private.diagnosis_scores(integer) is 'Overall and per-dimension scores of one year''s assessment (overall weighs every applicable requirement alike, not the dimensions).';
revoke execute on function private.diagnosis_scores(integer) from public;

-- THE REPORT

create function private.diagnosis_report_json(p_year integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.diagnosis_scores(a.year) || jsonb_build_object(
    'status',      case when a.published_at is null then 'draft' else 'published' end,
    'startedAt',   private.iso_time(a.started_at),
    'publishedAt', private.iso_time(a.published_at),
    'items', coalesce((
      select jsonb_agg(jsonb_build_object(
          'code',            (i.requirement).code,
          'dimension',       (i.requirement).dimension_code,
          'title',           (i.requirement).title,
          'legalSource',     (i.requirement).legal_source,
          'evidenceAsked',   (i.requirement).evidence_asked,
          'responsibleArea', (i.requirement).responsible_area,
          'verdict',         (i.answer).verdict,
          'evidenceLinks',   to_jsonb(coalesce((i.answer).evidence_links, '{}')),
          'proposedAction',  (i.answer).proposed_action
        ) order by d.position, (i.requirement).code)
      from private.diagnosis_items(a.year) i
      join public.diagnosis_dimensions d on d.code = (i.requirement).dimension_code
    ), '[]'::jsonb),
    -- The comparison: the latest published assessment of an earlier year.
    'previous', (
      select private.diagnosis_scores(p.year)
      from public.diagnosis_assessments p
      where p.year < a.year and p.published_at is not null
      order by p.year desc
      limit 1
    )
  )
  from public.diagnosis_assessments a
  where a.year = p_year;
$$;
comment on function private.diagnosis_report_json(integer) is 'One year''s diagnosis: status, scores, every requirement with its answer, and the previous published year''s scores.';
revoke execute on function private.diagnosis_report_json(integer) from public;

create function public.get_diagnosis_report(p_year integer)
returns jsonb
language sql
stable
-- security definer: the report is built by private helpers anon cannot call; it only ever
-- returns a published assessment.
security definer
set search_path = ''
as $$
  select private.diagnosis_report_json(a.year)
  from public.diagnosis_assessments a
  where a.year = p_year and a.published_at is not null;
$$;
comment on function public.get_diagnosis_report(integer) is 'A published diagnosis report (evidence of plan activity 1.3), or null.';
revoke execute on function public.get_diagnosis_report(integer) from public, anon, authenticated;
grant execute on function public.get_diagnosis_report(integer) to anon, authenticated;

create function public.list_published_diagnoses()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(
    jsonb_build_object('year', a.year, 'publishedAt', private.iso_time(a.published_at))
      || jsonb_build_object('overall', private.diagnosis_scores(a.year) -> 'overall')
    order by a.year desc), '[]'::jsonb)
  from public.diagnosis_assessments a
  where a.published_at is not null;
$$;
comment on function public.list_published_diagnoses() is 'Published diagnoses, latest first, with their overall score and level.';
revoke execute on function public.list_published_diagnoses() from public, anon, authenticated;
grant execute on function public.list_published_diagnoses() to anon, authenticated;

-- ADMIN: THE CHECKLIST AND THE ASSESSMENTS
-- security definer below: authenticated has no write privilege on the diagnosis tables; the
-- admin check is the gate, and the audit triggers record the caller from the JWT claims.

create function private.diagnosis_denied()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case when not private.has_staff_role('admin')
    then private.failure('forbidden', 'Solo un administrador puede llevar el autodiagnóstico.') end;
$$;
comment on function private.diagnosis_denied() is 'The forbidden failure for anyone but an admin, else null.';
revoke execute on function private.diagnosis_denied() from public;

create function public.staff_diagnosis_overview()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(private.diagnosis_denied(), jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'assessments', coalesce((
      select jsonb_agg(jsonb_build_object(
          'year',        a.year,
          'status',      case when a.published_at is null then 'draft' else 'published' end,
          'publishedAt', private.iso_time(a.published_at),
          'overall',     private.diagnosis_scores(a.year) -> 'overall'
        ) order by a.year desc)
      from public.diagnosis_assessments a
    ), '[]'::jsonb),
    'dimensions', (
      select jsonb_agg(jsonb_build_object('code', d.code, 'name', d.name) order by d.position)
      from public.diagnosis_dimensions d
    ),
    'requirements', coalesce((
      select jsonb_agg(jsonb_build_object(
          'code',            r.code,
          'dimension',       r.dimension_code,
          'title',           r.title,
          'legalSource',     r.legal_source,
          'evidenceAsked',   r.evidence_asked,
          'responsibleArea', r.responsible_area,
          'retiredAt',       private.iso_time(r.retired_at)
        ) order by r.retired_at nulls first, d.position, r.code)
      from public.diagnosis_requirements r
      join public.diagnosis_dimensions d on d.code = r.dimension_code
    ), '[]'::jsonb)
  )));
$$;
comment on function public.staff_diagnosis_overview() is 'Admin: every assessment with its overall score, the dimensions, and the checklist (active first, then retired).';
revoke execute on function public.staff_diagnosis_overview() from public, anon, authenticated;
grant execute on function public.staff_diagnosis_overview() to authenticated;

create function public.staff_get_diagnosis(p_year integer)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(private.diagnosis_denied(), (
    select jsonb_build_object('ok', true, 'value', private.diagnosis_report_json(a.year))
    from public.diagnosis_assessments a
    where a.year = p_year
  ), private.failure('not_found', format('No hay autodiagnóstico de %s. Inícielo primero.', p_year)));
$$;
comment on function public.staff_get_diagnosis(integer) is 'Admin: one year''s diagnosis, draft or published.';
revoke execute on function public.staff_get_diagnosis(integer) from public, anon, authenticated;
grant execute on function public.staff_get_diagnosis(integer) to authenticated;

create function public.staff_add_diagnosis_requirement(p_requirement jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_code text := upper(btrim(p_requirement ->> 'code'));
begin
  if private.diagnosis_denied() is not null then
    return private.diagnosis_denied();
  end if;
  if not exists (select from public.diagnosis_dimensions where code = p_requirement ->> 'dimension') then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('dimension', 'Elija una de las dimensiones.'));
  end if;

  insert into public.diagnosis_requirements (code, dimension_code, title, legal_source, evidence_asked, responsible_area)
  values (v_code, p_requirement ->> 'dimension', btrim(p_requirement ->> 'title'), btrim(p_requirement ->> 'legalSource'),
          btrim(p_requirement ->> 'evidenceAsked'), btrim(p_requirement ->> 'responsibleArea'))
  on conflict (code) do nothing;
  if not found then
    return private.failure('duplicate', 'Ya existe un requisito con ese código.', jsonb_build_object('code', 'Ya existe un requisito con este código. Elija otro.'));
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('code', v_code));
exception
  when check_violation or not_null_violation then
    return private.failure('validation_failed', 'Revise los datos del requisito: código como RC-05, y todos los textos completos.');
end;
$$;
comment on function public.staff_add_diagnosis_requirement(jsonb) is 'Admin: adds a requirement {code, dimension, title, legalSource, evidenceAsked, responsibleArea}; drafts include it at once.';
revoke execute on function public.staff_add_diagnosis_requirement(jsonb) from public, anon, authenticated;
grant execute on function public.staff_add_diagnosis_requirement(jsonb) to authenticated;

create function public.staff_retire_diagnosis_requirement(p_code text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_retired timestamptz;
begin
  if private.diagnosis_denied() is not null then
    return private.diagnosis_denied();
  end if;
  -- Retiring twice keeps the first date: a repeated form post changes nothing.
  update public.diagnosis_requirements
  set retired_at = coalesce(retired_at, now())
  where code = p_code
  returning retired_at into v_retired;
  if not found then
    return private.failure('not_found', 'No existe un requisito con ese código.');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('code', p_code, 'retiredAt', private.iso_time(v_retired)));
end;
$$;
comment on function public.staff_retire_diagnosis_requirement(text) is 'Admin: retires a requirement; drafts leave it out, published assessments keep it.';
revoke execute on function public.staff_retire_diagnosis_requirement(text) from public, anon, authenticated;
grant execute on function public.staff_retire_diagnosis_requirement(text) to authenticated;

create function public.staff_start_diagnosis(p_year integer)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  if private.diagnosis_denied() is not null then
    return private.diagnosis_denied();
  end if;
  insert into public.diagnosis_assessments (year) values (p_year) on conflict (year) do nothing;
  if not found then
    return private.failure('duplicate', format('El autodiagnóstico de %s ya existe.', p_year));
  end if;
  return jsonb_build_object('ok', true, 'value', private.diagnosis_report_json(p_year));
exception
  when check_violation then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('year', 'Escriba un año entre 2000 y 2200.'));
end;
$$;
comment on function public.staff_start_diagnosis(integer) is 'Admin: opens the draft assessment of a year.';
revoke execute on function public.staff_start_diagnosis(integer) from public, anon, authenticated;
grant execute on function public.staff_start_diagnosis(integer) to authenticated;

create function private.diagnosis_link_ok(p_url text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_url ~ '^(https?://[^\s/]+|/(?!/))\S*$' and char_length(p_url) <= 2000;
$$;
comment on function private.diagnosis_link_ok(text) is 'An evidence link is a site path or an http(s) URL without spaces (no //host).';
revoke execute on function private.diagnosis_link_ok(text) from public;

create function private.diagnosis_draft_failure(p_year integer)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_assessment public.diagnosis_assessments;
begin
  -- The row lock orders a save against a concurrent publication: nothing lands in a published report.
  select * into v_assessment from public.diagnosis_assessments where year = p_year for update;
  if not found then
    return private.failure('not_found', format('No hay autodiagnóstico de %s. Inícielo primero.', p_year));
  end if;
  if v_assessment.published_at is not null then
    return private.failure('locked', format('El autodiagnóstico de %s ya está publicado y no admite cambios.', p_year));
  end if;
  return null;
end;
$$;
comment on function private.diagnosis_draft_failure(integer) is 'Locks a year''s assessment until the transaction ends; its failure (not_found, or locked once published), else null.';
revoke execute on function private.diagnosis_draft_failure(integer) from public;

create function public.staff_save_diagnosis_answers(p_year integer, p_answers jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_failure jsonb;
  v_fields  jsonb := '{}'::jsonb;
  v_entry   record;
  v_action  text;
begin
  if private.diagnosis_denied() is not null then
    return private.diagnosis_denied();
  end if;
  v_failure := private.diagnosis_draft_failure(p_year);
  if v_failure is not null then
    return v_failure;
  end if;

  for v_entry in select e.key as code, e.value as answer from jsonb_each(coalesce(p_answers, '{}'::jsonb)) e loop
    v_action := nullif(btrim(v_entry.answer ->> 'proposedAction'), '');
    if not exists (select from private.diagnosis_items(p_year) i where (i.requirement).code = v_entry.code) then
      v_fields := v_fields || jsonb_build_object('answers.' || v_entry.code, 'Este requisito no hace parte del autodiagnóstico de este año.');
    elsif coalesce(v_entry.answer ->> 'verdict', '') not in ('complies', 'partial', 'does_not', 'not_applicable') then
      v_fields := v_fields || jsonb_build_object('answers.' || v_entry.code || '.verdict', 'Elija cumple, cumple parcialmente, no cumple o no aplica.');
    elsif jsonb_typeof(coalesce(v_entry.answer -> 'evidenceLinks', '[]')) <> 'array'
       or jsonb_array_length(coalesce(v_entry.answer -> 'evidenceLinks', '[]')) > 10
       or exists (select from jsonb_array_elements_text(coalesce(v_entry.answer -> 'evidenceLinks', '[]')) l
                  where not private.diagnosis_link_ok(l)) then
      v_fields := v_fields || jsonb_build_object('answers.' || v_entry.code || '.evidenceLinks',
        'Escriba hasta 10 enlaces, uno por línea, que empiecen por https:// o por / (una página de este sitio).');
    elsif char_length(v_action) not between 3 and 1000 then
      v_fields := v_fields || jsonb_build_object('answers.' || v_entry.code || '.proposedAction', 'La acción propuesta debe tener de 3 a 1.000 caracteres.');
    end if;
  end loop;
  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  insert into public.diagnosis_answers as d (year, requirement_code, verdict, evidence_links, proposed_action)
  select p_year, e.key, e.value ->> 'verdict',
         array(select jsonb_array_elements_text(coalesce(e.value -> 'evidenceLinks', '[]'))),
         nullif(btrim(e.value ->> 'proposedAction'), '')
  from jsonb_each(coalesce(p_answers, '{}'::jsonb)) e
  on conflict (year, requirement_code) do update
    set verdict = excluded.verdict, evidence_links = excluded.evidence_links,
        proposed_action = excluded.proposed_action, updated_at = now()
    where (d.verdict, d.evidence_links, d.proposed_action) is distinct from
          (excluded.verdict, excluded.evidence_links, excluded.proposed_action);

  return jsonb_build_object('ok', true, 'value', private.diagnosis_report_json(p_year));
end;
$$;
comment on function public.staff_save_diagnosis_answers(integer, jsonb) is 'Admin: saves answers {<requirement code>: {verdict, evidenceLinks[], proposedAction?}} of a draft, all or none; returns the report.';
revoke execute on function public.staff_save_diagnosis_answers(integer, jsonb) from public, anon, authenticated;
grant execute on function public.staff_save_diagnosis_answers(integer, jsonb) to authenticated;

create function public.staff_publish_diagnosis(p_year integer)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_failure jsonb;
  v_pending integer;
begin
  if private.diagnosis_denied() is not null then
    return private.diagnosis_denied();
  end if;
  v_failure := private.diagnosis_draft_failure(p_year);
  if v_failure is not null then
    return v_failure;
  end if;
  select count(*) filter (where i.answer is null) into v_pending from private.diagnosis_items(p_year) i;
  if v_pending > 0 then
    return private.failure('validation_failed', format('Faltan %s requisitos por evaluar: evalúelos todos antes de publicar.', v_pending));
  end if;

  update public.diagnosis_assessments set published_at = now() where year = p_year;
  -- The published report is the evidence of plan activity 1.3.
  insert into public.plan_evidence (activity_code, label, url)
  select '1.3', format('Autodiagnóstico de participación %s', p_year), format('/informes/diagnostico/%s', p_year)
  where exists (select from public.plan_activities where code = '1.3');

  return jsonb_build_object('ok', true, 'value', private.diagnosis_report_json(p_year));
end;
$$;
comment on function public.staff_publish_diagnosis(integer) is 'Admin: publishes a fully assessed draft (then frozen) and adds it as evidence of plan activity 1.3.';
revoke execute on function public.staff_publish_diagnosis(integer) from public, anon, authenticated;
grant execute on function public.staff_publish_diagnosis(integer) to authenticated;

create function public.staff_diagnosis_improvement_action(p_year integer, p_code text, p_owner_area text, p_due_on date)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_answer public.diagnosis_answers;
begin
  if private.diagnosis_denied() is not null then
    return private.diagnosis_denied();
  end if;
  select * into v_answer from public.diagnosis_answers where year = p_year and requirement_code = p_code;
  if not found or v_answer.proposed_action is null then
    return private.failure('not_found', 'Ese requisito no tiene una acción propuesta en este autodiagnóstico.');
  end if;
  -- One improvement action per proposal: a second click (or a replayed form) must not track it twice.
  perform pg_advisory_xact_lock(hashtext('diagnosis-action:' || p_code));
  if exists (select from public.improvement_actions a
             where a.source = 'diagnosis' and a.source_ref = p_code and a.title = v_answer.proposed_action) then
    return private.failure('duplicate', 'Esta acción propuesta ya es una acción de mejora.');
  end if;
  return public.staff_create_improvement_action('diagnosis', p_code, v_answer.proposed_action, p_owner_area, p_due_on);
end;
$$;
comment on function public.staff_diagnosis_improvement_action(integer, text, text, date) is 'Admin: turns the proposed action of a requirement into an improvement action (source diagnosis, source_ref the requirement code), once.';
revoke execute on function public.staff_diagnosis_improvement_action(integer, text, text, date) from public, anon, authenticated;
grant execute on function public.staff_diagnosis_improvement_action(integer, text, text, date) to authenticated;
