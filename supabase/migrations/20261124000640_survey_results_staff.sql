-- Survey results, staff functions (admin, communications): previews, publication, moderation of
-- free texts and follower counts.

create function public.staff_get_survey_results(p_slug text)
returns jsonb
language plpgsql
stable
-- security definer: staff preview the results before publishing; responses are not readable by
-- authenticated either. The role check below is the gate.
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para consultar los resultados sin publicar.');
  end if;

  select * into v_survey from public.surveys where slug = p_slug;
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;

  return jsonb_build_object('ok', true, 'value',
    private.survey_results_header(v_survey) || private.survey_results(v_survey.id));
end;
$$;
comment on function public.staff_get_survey_results(text) is 'Staff (admin, communications): results of a survey, published or not.';
revoke execute on function public.staff_get_survey_results(text) from public, anon, authenticated;
grant execute on function public.staff_get_survey_results(text) to authenticated;

create function public.staff_list_survey_results()
returns jsonb
language plpgsql
stable
-- security definer: response and pending-text counts come from tables authenticated cannot read.
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para gestionar los resultados de las encuestas.');
  end if;

  return jsonb_build_object('ok', true, 'value', coalesce((
    select jsonb_agg(
      jsonb_build_object(
        'slug',         s.slug,
        'title',        s.title,
        'planActivity', s.plan_activity_code,
        'status',       case
                          when s.status = 'draft' then 'draft'
                          when s.status = 'closed' or s.closes_at <= now() then 'closed'
                          when s.opens_at > now() then 'scheduled'
                          else 'open'
                        end,
        'publishedAt',  to_char(s.results_published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'responses',    coalesce((select sum(c.responses) from private.survey_response_counts c where c.survey_id = s.id), 0),
        'pendingTexts', (
          select count(*)
          from public.survey_answers a
          join public.survey_questions q on q.id = a.question_id
          left join public.survey_text_reviews v on v.answer_id = a.id
          where q.survey_id = s.id
            and a.text_value is not null
            and (q.type in ('short_text', 'long_text') or a.option_value = 'otro')
            and v.answer_id is null
        )
      )
      order by coalesce(s.opens_at, s.created_at) desc, s.id desc
    )
    from public.surveys s
  ), '[]'::jsonb));
end;
$$;
comment on function public.staff_list_survey_results() is 'Staff (admin, communications): every survey with its response count, publication state and free texts awaiting review.';
revoke execute on function public.staff_list_survey_results() from public, anon, authenticated;
grant execute on function public.staff_list_survey_results() to authenticated;

create function public.staff_publish_results(p_slug text, p_published boolean)
returns jsonb
language plpgsql
-- security definer: authenticated has no update privilege on surveys; the role check below is the
-- gate, and the audit trigger records the caller from the JWT claims.
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para publicar resultados.');
  end if;

  if p_published is null then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('published', 'Indique si publica o retira los resultados.'));
  end if;

  select * into v_survey from public.surveys where slug = p_slug for update;
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;

  if v_survey.status = 'draft' and p_published then
    return private.failure('validation_failed', 'Un borrador no tiene resultados que publicar.', jsonb_build_object('published', 'Publique primero la encuesta; un borrador no tiene resultados.'));
  end if;

  -- Publishing again keeps the first date; withdrawing clears it.
  update public.surveys
  set results_published_at = case when p_published then coalesce(results_published_at, now()) end
  where id = v_survey.id
  returning * into v_survey;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'slug',        v_survey.slug,
    'published',   v_survey.results_published_at is not null,
    'publishedAt', to_char(v_survey.results_published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  ));
end;
$$;
comment on function public.staff_publish_results(text, boolean) is 'Staff (admin, communications): publishes (true) or withdraws (false) the results of a survey.';
revoke execute on function public.staff_publish_results(text, boolean) from public, anon, authenticated;
grant execute on function public.staff_publish_results(text, boolean) to authenticated;

create function public.staff_list_text_answers(p_slug text)
returns jsonb
language plpgsql
stable
-- security definer: the texts themselves are readable by nobody else; the role check is the gate.
security definer
set search_path = ''
as $$
declare
  v_survey public.surveys;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para revisar las respuestas abiertas.');
  end if;

  select * into v_survey from public.surveys where slug = p_slug;
  if not found then
    return private.failure('not_found', 'La encuesta no existe.');
  end if;

  -- Awaiting review first, then the newest; the page shows a working set, not the whole archive.
  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'slug',  v_survey.slug,
    'title', v_survey.title,
    'answers', coalesce((
      select jsonb_agg(x.item order by x.reviewed, x.id desc)
      from (
        select a.id, v.answer_id is not null as reviewed,
               jsonb_build_object(
                 'id',            a.id,
                 'question',      q.key,
                 'questionLabel', q.label,
                 'kind',          case when a.option_value = 'otro' then 'other' else 'text' end,
                 'text',          a.text_value,
                 'submittedOn',   (r.submitted_at at time zone 'America/Bogota')::date,
                 'reviewed',      v.answer_id is not null,
                 'publishable',   coalesce(v.publishable, false),
                 'redactedText',  v.redacted_text,
                 'reviewedBy',    v.reviewed_by,
                 'reviewedAt',    to_char(v.reviewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
               ) as item
        from public.survey_answers a
        join public.survey_questions q on q.id = a.question_id
        join public.survey_responses r on r.id = a.response_id
        left join public.survey_text_reviews v on v.answer_id = a.id
        where q.survey_id = v_survey.id
          and a.text_value is not null
          and (q.type in ('short_text', 'long_text') or a.option_value = 'otro')
        order by (v.answer_id is not null), a.id desc
        limit 500
      ) x
    ), '[]'::jsonb)
  ));
end;
$$;
comment on function public.staff_list_text_answers(text) is 'Staff (admin, communications): free-text answers of a survey with their review state, awaiting review first (at most 500).';
revoke execute on function public.staff_list_text_answers(text) from public, anon, authenticated;
grant execute on function public.staff_list_text_answers(text) to authenticated;

create function public.staff_review_text_answer(p_answer_id bigint, p_publishable boolean, p_redacted_text text default null)
returns jsonb
language plpgsql
-- security definer: authenticated cannot write reviews directly; the role check below is the gate,
-- and the audit trigger records who decided what.
security definer
set search_path = ''
as $$
declare
  v_redacted text := nullif(btrim(p_redacted_text), '');
  v_review   public.survey_text_reviews;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para revisar las respuestas abiertas.');
  end if;

  if p_publishable is null then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('publishable', 'Indique si el texto se puede publicar.'));
  end if;
  if char_length(v_redacted) > 2000 then
    return private.failure('validation_failed', 'Revise los datos marcados.', jsonb_build_object('redactedText', 'Escriba como máximo 2.000 caracteres.'));
  end if;

  if not exists (
    select from public.survey_answers a
    join public.survey_questions q on q.id = a.question_id
    where a.id = p_answer_id
      and a.text_value is not null
      and (q.type in ('short_text', 'long_text') or a.option_value = 'otro')
  ) then
    return private.failure('not_found', 'La respuesta abierta no existe.');
  end if;

  insert into public.survey_text_reviews as t (answer_id, publishable, redacted_text, reviewed_by, reviewed_at)
  values (p_answer_id, p_publishable, v_redacted, coalesce(private.staff_actor() ->> 'email', private.staff_actor() ->> 'sub'), now())
  on conflict (answer_id) do update
    set publishable   = excluded.publishable,
        redacted_text = excluded.redacted_text,
        reviewed_by   = excluded.reviewed_by,
        reviewed_at   = excluded.reviewed_at
  returning * into v_review;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'answerId',     v_review.answer_id,
    'publishable',  v_review.publishable,
    'redactedText', v_review.redacted_text,
    'reviewedBy',   v_review.reviewed_by,
    'reviewedAt',   to_char(v_review.reviewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  ));
end;
$$;
comment on function public.staff_review_text_answer(bigint, boolean, text) is 'Staff (admin, communications): marks a free-text answer publishable or not, optionally with a redacted version to publish instead.';
revoke execute on function public.staff_review_text_answer(bigint, boolean, text) from public, anon, authenticated;
grant execute on function public.staff_review_text_answer(bigint, boolean, text) to authenticated;

create function public.staff_record_followers(p_network text, p_measured_on date, p_followers integer)
returns jsonb
language plpgsql
-- security definer: authenticated cannot write follower counts directly; the role check below is
-- the gate, and the audit trigger records the caller.
security definer
set search_path = ''
as $$
declare
  v_fields jsonb := '{}'::jsonb;
  v_row    public.social_followers;
begin
  if not private.has_staff_role('communications') then
    return private.failure('forbidden', 'No tiene permiso para registrar seguidores.');
  end if;

  if p_network is null or p_network not in ('facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube') then
    v_fields := v_fields || jsonb_build_object('network', 'Elija una red: Facebook, Instagram, X, TikTok, WhatsApp o YouTube.');
  end if;
  if p_measured_on is null then
    v_fields := v_fields || jsonb_build_object('measuredOn', 'Escriba la fecha de la medición.');
  elsif p_measured_on > (now() at time zone 'America/Bogota')::date then
    v_fields := v_fields || jsonb_build_object('measuredOn', 'La fecha de la medición no puede ser futura.');
  end if;
  if p_followers is null or p_followers < 0 then
    v_fields := v_fields || jsonb_build_object('followers', 'Escriba un número de seguidores igual o mayor que 0.');
  end if;

  if v_fields <> '{}'::jsonb then
    return private.failure('validation_failed', 'Revise los datos marcados.', v_fields);
  end if;

  -- A second reading for the same day corrects the first.
  insert into public.social_followers as f (network, measured_on, followers)
  values (p_network, p_measured_on, p_followers)
  on conflict (network, measured_on) do update set followers = excluded.followers
  returning * into v_row;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object(
    'network',    v_row.network,
    'measuredOn', v_row.measured_on,
    'followers',  v_row.followers
  ));
end;
$$;
comment on function public.staff_record_followers(text, date, integer) is 'Staff (admin, communications): records the followers of a network on a date (a second reading that day replaces the first).';
revoke execute on function public.staff_record_followers(text, date, integer) from public, anon, authenticated;
grant execute on function public.staff_record_followers(text, date, integer) to authenticated;
