-- Survey results, open data: anonymised responses of a survey with published results, with columns
-- and a data dictionary.

create function private.open_data_columns(p_survey_id bigint)
returns table (ord bigint, question_id bigint, type text, kind text, item_key text, name text, label text)
language sql
stable
set search_path = ''
as $$
  -- After respuesta, fecha, canal and fuente (1–4): one column per question, one per matrix item,
  -- and one for the words of "otro".
  select row_number() over (order by q.position, q.id, c.sub) + 4, q.id, q.type, c.kind, c.item_key, c.name, c.label
  from public.survey_questions q
  cross join lateral (
    select 0 as sub, 'value' as kind, null::text as item_key, q.key as name, q.label as label
    where q.type <> 'matrix'
    union all
    select i.position, 'item', i.key, q.key || '.' || i.key, q.label || ' — ' || i.label
    from public.survey_question_items i
    where q.type = 'matrix' and i.question_id = q.id
    union all
    select 1000000, 'other', null, q.key || '__otro', q.label || ' — Otro (texto)'
    where q.allow_other
  ) c
  where q.survey_id = p_survey_id;
$$;
comment on function private.open_data_columns(bigint) is 'Columns of a survey''s open data after the four fixed ones, in order: position, question, kind (value, item, other) and name.';
revoke execute on function private.open_data_columns(bigint) from public;

create function private.open_data_dictionary(p_survey_id bigint)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_array(
      jsonb_build_object('column', 'respuesta', 'question', 'Número consecutivo de la respuesta', 'type', 'integer',
                         'values', '[]'::jsonb, 'description', 'Número asignado al publicar, en orden de llegada. No identifica a la persona.'),
      jsonb_build_object('column', 'fecha', 'question', 'Día de envío', 'type', 'date',
                         'values', '[]'::jsonb, 'description', 'Fecha AAAA-MM-DD, hora de Colombia. Se omite la hora.'),
      jsonb_build_object('column', 'canal', 'question', 'Canal de respuesta', 'type', 'code',
                         'values', jsonb_build_array(
                           jsonb_build_object('value', 'web', 'label', 'Sitio web'),
                           jsonb_build_object('value', 'social', 'label', 'Enlace compartido en redes sociales'),
                           jsonb_build_object('value', 'phone', 'label', 'Encuesta telefónica')),
                         'description', 'Por dónde llegó la respuesta.'),
      jsonb_build_object('column', 'fuente', 'question', 'Red social de origen', 'type', 'code',
                         'values', jsonb_build_array(
                           jsonb_build_object('value', 'facebook', 'label', 'Facebook'),
                           jsonb_build_object('value', 'instagram', 'label', 'Instagram'),
                           jsonb_build_object('value', 'x', 'label', 'X'),
                           jsonb_build_object('value', 'tiktok', 'label', 'TikTok'),
                           jsonb_build_object('value', 'whatsapp', 'label', 'WhatsApp'),
                           jsonb_build_object('value', 'youtube', 'label', 'YouTube'),
                           jsonb_build_object('value', 'otra', 'label', 'Otra fuente')),
                         'description', 'Red del enlace por el que se abrió la encuesta (utm_source); vacío si no vino de una red.')
    )
    || coalesce((
      select jsonb_agg(jsonb_build_object(
               'column',   c.name,
               'question', c.label,
               'type',     case when c.kind = 'other' then 'long_text' else c.type end,
               'values',   case
                             when c.kind = 'other' then '[]'::jsonb
                             when c.type in ('single_choice', 'multiple_choice', 'matrix') then coalesce((
                               select jsonb_agg(jsonb_build_object('value', o.value, 'label', o.label) order by o.position, o.value)
                               from public.survey_question_options o where o.question_id = c.question_id
                             ), '[]'::jsonb)
                             when c.type in ('scale_5', 'nps') then (
                               select jsonb_agg(jsonb_build_object('value', v::text, 'label', v::text) order by v)
                               from generate_series(case c.type when 'scale_5' then 1 else 0 end, case c.type when 'scale_5' then 5 else 10 end) v
                             )
                             else '[]'::jsonb
                           end,
               'description', case
                                when c.kind = 'other' then 'Texto escrito en la opción «Otro»; solo si el equipo lo revisó y aprobó su publicación (con datos personales suprimidos). Vacío si no.'
                                when c.type = 'single_choice' then 'Una opción (valor de la lista).'
                                when c.type = 'multiple_choice' then 'Una o varias opciones separadas por punto y coma (;).'
                                when c.type = 'matrix' then 'Opción elegida para esta fila de la matriz.'
                                when c.type = 'scale_5' then 'Entero de 1 a 5.'
                                when c.type = 'nps' then 'Entero de 0 (nada probable) a 10 (muy probable). Promotores: 9–10; pasivos: 7–8; detractores: 0–6.'
                                when c.type = 'number' then 'Número' || coalesce(' entre ' || trim_scale(q.min_value)::text || ' y ' || trim_scale(q.max_value)::text, '') || '.'
                                when c.type = 'date' then 'Fecha AAAA-MM-DD.'
                                else 'Texto libre; solo si el equipo lo revisó y aprobó su publicación (con datos personales suprimidos). Vacío si no.'
                              end
             ) order by c.ord)
      from private.open_data_columns(p_survey_id) c
      join public.survey_questions q on q.id = c.question_id
    ), '[]'::jsonb)
$$;
comment on function private.open_data_dictionary(bigint) is 'Data dictionary of a survey''s open data: each column with its question, type, allowed values and meaning.';
revoke execute on function private.open_data_dictionary(bigint) from public;

create function private.open_data_rows(p_survey_id bigint, p_offset integer, p_limit integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with
  columns as materialized (
    select c.ord, c.question_id, c.type, c.kind, coalesce(c.item_key, '') as item_match
    from private.open_data_columns(p_survey_id) c
  ),
  -- Responses in order of arrival; the sequence number replaces the response id.
  page as materialized (
    select x.id, p_offset + row_number() over (order by x.submitted_at, x.id) as seq,
           (x.submitted_at at time zone 'America/Bogota')::date as day,
           x.channel,
           nullif(private.network_of(x.source), 'sin_red') as network
    from (
      select r.id, r.submitted_at, r.channel, r.source
      from public.survey_responses r
      where r.survey_id = p_survey_id
      order by r.submitted_at, r.id
      offset p_offset
      limit p_limit
    ) x
  ),
  -- Each response's cells keyed by column position, gathered per response through the response
  -- index (a page is a few thousand small lookups, never a pass over every answer). Free text only
  -- when a staff member marked it publishable, and then its redacted version.
  rows as (
    select p.seq, p.day, p.channel, p.network, coalesce(cells.obj, '{}'::jsonb) as cells
    from page p
    cross join lateral (
      select jsonb_object_agg(x.ord, x.value) as obj
      from (
        select c.ord,
               case
                 when c.type = 'multiple_choice' and c.kind = 'value' then to_jsonb(string_agg(a.option_value, ';' order by a.position, a.option_value))
                 when c.kind = 'other' or c.type in ('short_text', 'long_text') then to_jsonb(max(a.published))
                 when c.type in ('scale_5', 'nps', 'number') then to_jsonb(max(trim_scale(a.number_value)))
                 when c.type = 'date' then to_jsonb(max(a.text_value))
                 else to_jsonb(max(a.option_value))
               end as value
        from (
          -- Lookups only where they matter: option order for multiple choice, reviews for texts.
          select x.question_id, x.item_key, x.option_value, x.number_value, x.text_value,
                 case when x.text_value is not null then (
                   select coalesce(v.redacted_text, x.text_value) from public.survey_text_reviews v where v.answer_id = x.id and v.publishable
                 ) end as published,
                 case when x.option_value is not null and x.item_key is null then (
                   select o.position from public.survey_question_options o where o.question_id = x.question_id and o.value = x.option_value
                 ) end as position
          from public.survey_answers x
          where x.response_id = p.id
        ) a
        join columns c
          on c.question_id = a.question_id
         and c.item_match = coalesce(a.item_key, '')
         and (c.kind <> 'other' or a.option_value = 'otro')
        group by c.ord, c.kind, c.type
      ) x
      where x.value is not null
    ) cells
  )
  -- Each row: [sequence, day, channel, network, {"<column position>": value, …}]; absent positions were
  -- not answered or not published. The caller lays them out in column order.
  select coalesce(jsonb_agg(jsonb_build_array(r.seq, r.day, r.channel, r.network, r.cells) order by r.seq), '[]'::jsonb)
  from rows r;
$$;
comment on function private.open_data_rows(bigint, integer, integer) is 'One page of a survey''s anonymised responses, in order of arrival, with sparse cells keyed by column position.';
revoke execute on function private.open_data_rows(bigint, integer, integer) from public;

create function public.get_open_data(p_slug text, p_offset integer default 0, p_limit integer default 5000)
returns jsonb
language sql
stable
-- security definer: anon may not read responses; this returns them anonymised (no response id,
-- no time of day, no interviewer, no unpublished text) and only once results are published.
security definer
set search_path = ''
as $$
  -- Pages keep each call short and the download streamed; 10,000 rows at most per call.
  select private.survey_results_header(s)
         || jsonb_build_object(
              'license',    'CC BY 4.0',
              'licenseUrl', 'https://creativecommons.org/licenses/by/4.0/deed.es',
              'total',      coalesce((select sum(c.responses) from private.survey_response_counts c where c.survey_id = s.id), 0),
              'offset',     greatest(coalesce(p_offset, 0), 0),
              'columns',    jsonb_build_array('respuesta', 'fecha', 'canal', 'fuente')
                            || coalesce((select jsonb_agg(c.name order by c.ord) from private.open_data_columns(s.id) c), '[]'::jsonb),
              'dictionary', private.open_data_dictionary(s.id),
              'rows',       private.open_data_rows(s.id, greatest(coalesce(p_offset, 0), 0), least(greatest(coalesce(p_limit, 5000), 1), 10000))
            )
  from public.surveys s
  where s.slug = p_slug
    and s.status <> 'draft'
    and s.results_published_at is not null;
$$;
comment on function public.get_open_data(text, integer, integer) is 'Open data of a survey with published results: columns, data dictionary and one page of anonymised rows (p_offset, p_limit ≤ 10,000); null when missing, draft or unpublished.';
revoke execute on function public.get_open_data(text, integer, integer) from public, anon, authenticated;
grant execute on function public.get_open_data(text, integer, integer) to anon, authenticated;
