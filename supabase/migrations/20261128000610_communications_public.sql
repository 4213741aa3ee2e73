-- Communications, public side: the read models of invitations, incidence, training, the plan's
-- versions and the Menú Participa, and the mailing list's double opt-in writes. The read functions
-- are security definer only because they share helpers in the private schema; each filters with the
-- same rule as its table's policy (private.invitation_shown for the publishing time).

-- READ MODELS

create function private.invitation_json(p_invitation public.invitations)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'slug',         p_invitation.slug,
    'title',        p_invitation.title,
    'body',         p_invitation.body,
    'imageUrl',     p_invitation.image_url,
    'imageAlt',     p_invitation.image_alt,
    'target',       jsonb_build_object('kind', p_invitation.target_kind, 'label', p_invitation.target_label, 'url', p_invitation.target_url),
    'activityCode', p_invitation.activity_code,
    'startsAt',     private.iso_time(p_invitation.starts_at),
    'endsAt',       private.iso_time(p_invitation.ends_at),
    'publishAt',    private.iso_time(p_invitation.publish_at),
    'expiresAt',    private.iso_time(p_invitation.expires_at),
    'updatedAt',    private.iso_time(p_invitation.updated_at)
  );
$$;
comment on function private.invitation_json(public.invitations) is 'An invitation as the pages, feeds and API show it.';
revoke execute on function private.invitation_json(public.invitations) from public;

create function private.invitation_shown(p_invitation public.invitations)
returns boolean
language sql
stable
set search_path = ''
as $$
  select p_invitation.status = 'published' and p_invitation.publish_at <= now()
     and (p_invitation.expires_at is null or p_invitation.expires_at > now());
$$;
comment on function private.invitation_shown(public.invitations) is 'True while an invitation is shown: published, after publish_at, before expires_at (the table''s policy says the same).';
revoke execute on function private.invitation_shown(public.invitations) from public;

create function public.list_invitations()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(private.invitation_json(i) order by i.publish_at desc, i.id desc), '[]'::jsonb)
  from public.invitations i
  where private.invitation_shown(i);
$$;
comment on function public.list_invitations() is 'Invitations being shown now, newest first (the table''s policy applies publish_at and expires_at).';
revoke execute on function public.list_invitations() from public, anon, authenticated;
grant execute on function public.list_invitations() to anon, authenticated;

create function public.get_invitation(p_slug text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select private.invitation_json(i) from public.invitations i where i.slug = p_slug and private.invitation_shown(i);
$$;
comment on function public.get_invitation(text) is 'One invitation being shown now; null when unknown, not yet published, expired or withdrawn.';
revoke execute on function public.get_invitation(text) from public, anon, authenticated;
grant execute on function public.get_invitation(text) to anon, authenticated;

create function private.incidence_json(p_exercise public.incidence_exercises)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'kind',         p_exercise.kind,
    'slug',         p_exercise.slug,
    'title',        p_exercise.title,
    'url',          p_exercise.url,
    -- A survey's results are linked only once they are published, so the link never leads to a 404.
    'resultsUrl',   coalesce(p_exercise.results_url, (
                      select '/resultados/' || s.slug from public.surveys s
                      where p_exercise.kind = 'survey' and s.slug = p_exercise.slug and s.results_published_at is not null)),
    'activityCode', p_exercise.activity_code,
    'youSaid',      p_exercise.you_said,
    'weDid',        p_exercise.we_did,
    'published',    p_exercise.published,
    'updatedAt',    private.iso_time(p_exercise.updated_at),
    'commitments',  coalesce((
      select jsonb_agg(jsonb_build_object(
        'id',          c.id,
        'title',       c.title,
        'description', nullif(c.description, ''),
        'status',      c.status,
        'dueOn',       c.due_on,
        'milestones',  coalesce((
          select jsonb_agg(jsonb_build_object('id', m.id, 'happenedOn', m.happened_on, 'description', m.description, 'status', m.status)
                           order by m.happened_on, m.id)
          from public.incidence_milestones m where m.commitment_id = c.id), '[]'::jsonb)
      ) order by c.id)
      from public.incidence_commitments c where c.exercise_id = p_exercise.id), '[]'::jsonb),
    'evidence',     coalesce((
      select jsonb_agg(jsonb_build_object('id', e.id, 'kind', e.kind, 'label', e.label, 'url', e.url, 'alt', e.alt)
                       order by e.added_at, e.id)
      from public.incidence_evidence e where e.exercise_id = p_exercise.id), '[]'::jsonb)
  );
$$;
comment on function private.incidence_json(public.incidence_exercises) is 'One exercise''s incidence: what was said, what was done, commitments with milestones, evidence.';
revoke execute on function private.incidence_json(public.incidence_exercises) from public;

create function public.list_incidence()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(private.incidence_json(e) order by e.activity_code nulls last, e.kind, e.title), '[]'::jsonb)
  from public.incidence_exercises e
  where e.published;
$$;
comment on function public.list_incidence() is '«Ustedes dijeron / Hicimos» of every published exercise, in plan order.';
revoke execute on function public.list_incidence() from public, anon, authenticated;
grant execute on function public.list_incidence() to anon, authenticated;

create function public.list_training_sessions()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'slug',         t.slug,
    'topic',        t.topic,
    'audience',     t.audience,
    'startsAt',     private.iso_time(t.starts_at),
    'place',        t.place,
    'attendance',   t.attendance,
    'materialsUrl', t.materials_url,
    'eventSlug',    ev.slug
  ) order by t.starts_at desc, t.id desc), '[]'::jsonb)
  from public.training_sessions t
  -- A sign-up link appears once the event is published.
  left join public.events ev on ev.slug = t.event_slug and ev.status = 'published';
$$;
comment on function public.list_training_sessions() is 'Training and awareness sessions, latest first, with the sign-up event where there is one.';
revoke execute on function public.list_training_sessions() from public, anon, authenticated;
grant execute on function public.list_training_sessions() to anon, authenticated;

create function public.list_plan_versions()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('version', v.version, 'publishedOn', v.published_on, 'changes', v.changes)
                            order by v.published_on desc, v.id desc), '[]'::jsonb)
  from public.plan_versions v;
$$;
comment on function public.list_plan_versions() is 'Version history of the participation plan, newest first.';
revoke execute on function public.list_plan_versions() from public, anon, authenticated;
grant execute on function public.list_plan_versions() to anon, authenticated;

create function public.get_participa_menu()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'code',        s.code,
    'slug',        s.slug,
    'title',       s.title,
    'description', s.description,
    'activities',  coalesce((
      select jsonb_agg(jsonb_build_object('code', a.code, 'title', a.title, 'status', a.status, 'product', a.product,
                                          'startsOn', a.starts_on, 'endsOn', a.ends_on)
                       order by a.phase_code, a.position)
      from public.participa_section_activities sa join public.plan_activities a on a.code = sa.activity_code
      where sa.section_code = s.code), '[]'::jsonb),
    'invitations', coalesce((
      select jsonb_agg(private.invitation_json(i) order by i.publish_at desc)
      from public.invitations i
      where private.invitation_shown(i) and i.activity_code in (select sa.activity_code from public.participa_section_activities sa where sa.section_code = s.code)), '[]'::jsonb),
    'results',     coalesce((
      select jsonb_agg(r.item order by r.title) from (
        select jsonb_build_object('title', sv.title, 'url', '/resultados/' || sv.slug, 'activityCode', sv.plan_activity_code) as item, sv.title
        from public.surveys sv
        where sv.status <> 'draft' and sv.results_published_at is not null
          and sv.plan_activity_code in (select sa.activity_code from public.participa_section_activities sa where sa.section_code = s.code)
        union all
        select jsonb_build_object('title', 'Incidencia: ' || e.title, 'url', '/resultados#incidencia-' || e.kind || '-' || e.slug,
                                  'activityCode', e.activity_code), 'Incidencia: ' || e.title
        from public.incidence_exercises e
        where e.published and e.activity_code in (select sa.activity_code from public.participa_section_activities sa where sa.section_code = s.code)
      ) r), '[]'::jsonb)
  ) order by s.code), '[]'::jsonb)
  from public.participa_sections s;
$$;
comment on function public.get_participa_menu() is 'The Menú Participa''s six sections, each with its plan activities, open calls and results, generated from the activity mapping.';
revoke execute on function public.get_participa_menu() from public, anon, authenticated;
grant execute on function public.get_participa_menu() to anon, authenticated;

-- MAILING LIST

create function public.get_subscription_notice()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object('version', c.version, 'text', c.body, 'purpose', c.purpose)
  from public.consent_texts c where c.version = 'invitaciones-v1';
$$;
comment on function public.get_subscription_notice() is 'The personal-data notice the invitations sign-up form shows and asks consent to.';
revoke execute on function public.get_subscription_notice() from public, anon, authenticated;
grant execute on function public.get_subscription_notice() to anon, authenticated;

create function private.subscription_mail(p_template text, p_subscriber public.invitation_subscribers, p_payload jsonb, p_dedupe_key text)
returns bigint
language sql
volatile
set search_path = ''
as $$
  -- Every message to the list carries the unsubscribe token, whatever it is about.
  select private.enqueue_email(p_template, p_subscriber.email,
    p_payload || jsonb_build_object('fullName', p_subscriber.full_name, 'unsubscribeToken', p_subscriber.unsubscribe_token),
    p_dedupe_key);
$$;
comment on function private.subscription_mail(text, public.invitation_subscribers, jsonb, text) is 'Queues a message to a subscriber with the name and unsubscribe token every list message needs; returns the outbox id.';
revoke execute on function private.subscription_mail(text, public.invitation_subscribers, jsonb, text) from public;

create function public.subscribe_to_invitations(
  p_email           text,
  p_full_name       text,
  p_organisation    text,
  p_consent         boolean,
  p_client          text default null,
  p_idempotency_key text default null,
  p_request_hash    text default null
)
returns jsonb
language plpgsql
-- security definer: anon has no privileges on the subscribers or the consents.
security definer
set search_path = ''
as $$
declare
  v_scope      text := 'subscription';
  v_replay     jsonb;
  v_email      text := lower(private.normalise_text(p_email));
  v_name       text := private.normalise_text(p_full_name);
  v_org        text := private.normalise_text(p_organisation);
  v_fields     jsonb;
  v_token      text := private.new_secret();
  v_row        public.invitation_subscribers;
  v_id         uuid := gen_random_uuid();
  v_consent_id uuid := gen_random_uuid();
  -- The same answer whether or not the address was already on the list: the form reveals nobody.
  v_ok         jsonb := jsonb_build_object('ok', true, 'value', jsonb_build_object('status', 'pending'));
begin
  v_replay := private.begin_public_write(v_scope, p_idempotency_key, p_request_hash, 'subscription', p_client);
  if v_replay is not null then
    return v_replay;
  end if;

  v_fields := jsonb_strip_nulls(jsonb_build_object(
    'email', case when v_email is null or char_length(v_email) not between 3 and 254 or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'
      then 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.' end,
    'fullName', case when v_name is not null and char_length(v_name) not between 3 and 120
      then 'Escriba su nombre (entre 3 y 120 caracteres) o deje el campo vacío.' end,
    'organisation', case when v_org is not null and char_length(v_org) not between 2 and 160
      then 'Escriba el nombre de la organización (entre 2 y 160 caracteres) o deje el campo vacío.' end,
    'consent', case when p_consent is not true
      then 'Para recibir invitaciones debe autorizar el tratamiento de sus datos personales.' end));
  if v_fields <> '{}'::jsonb then
    return private.idempotency_settle(v_scope, p_idempotency_key, private.failure('validation_failed', 'Revise los datos marcados.', v_fields));
  end if;

  select * into v_row from public.invitation_subscribers where email = v_email and status <> 'unsubscribed' for update;
  if found and v_row.status = 'confirmed' then
    return private.idempotency_settle(v_scope, p_idempotency_key, v_ok);
  end if;

  if found then
    -- Asked again before confirming: a fresh link replaces the one that may have got lost.
    update public.invitation_subscribers
    set confirm_token_hash = private.sha256_hex(v_token), full_name = coalesce(v_name, full_name),
        organisation = coalesce(v_org, organisation), created_at = now()
    where id = v_row.id
    returning * into v_row;
  else
    begin
      insert into private.consents (id, subject_table, subject_id, text_version, purpose, channel)
      select v_consent_id, 'invitation_subscribers', v_id, c.version, c.purpose, 'web'
      from public.consent_texts c where c.version = 'invitaciones-v1';
      insert into public.invitation_subscribers (id, email, full_name, organisation, confirm_token_hash, unsubscribe_token, consent_id)
      values (v_id, v_email, v_name, v_org, private.sha256_hex(v_token), private.new_secret(), v_consent_id)
      returning * into v_row;
    exception when unique_violation then
      -- The same address signed up at this very moment: that request sends the link.
      return private.idempotency_settle(v_scope, p_idempotency_key, v_ok);
    end;
  end if;

  perform private.subscription_mail('subscription-confirm', v_row, jsonb_build_object('confirmToken', v_token),
    'subscription-confirm:' || private.sha256_hex(v_token));
  return private.idempotency_settle(v_scope, p_idempotency_key, v_ok);
end;
$$;
comment on function public.subscribe_to_invitations(text, text, text, boolean, text, text, text) is 'Signs an address up for invitations, pending until the e-mailed link confirms it (double opt-in). Same answer for a new, pending or confirmed address.';
revoke execute on function public.subscribe_to_invitations(text, text, text, boolean, text, text, text) from public, anon, authenticated;
grant execute on function public.subscribe_to_invitations(text, text, text, boolean, text, text, text) to anon, authenticated;

create function public.confirm_subscription(p_token text, p_client text default null)
returns jsonb
language plpgsql
-- security definer: anon has no privileges on the subscribers.
security definer
set search_path = ''
as $$
declare
  v_retry_after integer;
  v_row         public.invitation_subscribers;
begin
  v_retry_after := private.hit_rate_limit('subscription_token', p_client);
  if v_retry_after > 0 then
    return private.rate_limited(v_retry_after);
  end if;
  select * into v_row from public.invitation_subscribers
  where confirm_token_hash = private.sha256_hex(coalesce(p_token, '')) and status <> 'unsubscribed'
  for update;
  if not found then
    return private.failure('not_found', 'Este enlace de confirmación no es válido o ya no está vigente. Inscríbase de nuevo.');
  end if;
  if v_row.status = 'pending' and v_row.created_at < now() - interval '7 days' then
    return private.failure('closed', 'Este enlace de confirmación venció. Inscríbase de nuevo para recibir uno nuevo.');
  end if;
  if v_row.status = 'pending' then
    update public.invitation_subscribers set status = 'confirmed', confirmed_at = now() where id = v_row.id returning * into v_row;
    perform private.subscription_mail('subscription-welcome', v_row, '{}'::jsonb, 'subscription-welcome:' || v_row.id);
  end if;
  -- Confirming twice (a reloaded page, a mail scanner) is the same success.
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('status', 'confirmed'));
end;
$$;
comment on function public.confirm_subscription(text, text) is 'Confirms a sign-up with the token of its e-mailed link (double opt-in); idempotent.';
revoke execute on function public.confirm_subscription(text, text) from public, anon, authenticated;
grant execute on function public.confirm_subscription(text, text) to anon, authenticated;

create function public.unsubscribe_from_invitations(p_token text, p_client text default null)
returns jsonb
language plpgsql
-- security definer: anon has no privileges on the subscribers.
security definer
set search_path = ''
as $$
declare
  v_retry_after integer;
  v_found       boolean;
begin
  v_retry_after := private.hit_rate_limit('subscription_token', p_client);
  if v_retry_after > 0 then
    return private.rate_limited(v_retry_after);
  end if;
  -- Leaving revokes the authorization (Ley 1581): name and organisation go; the address stays only as
  -- the record that it asked not to be written to.
  update public.invitation_subscribers
  set status = 'unsubscribed',
      unsubscribed_at = coalesce(unsubscribed_at, now()), full_name = null, organisation = null
  where unsubscribe_token = coalesce(p_token, '');
  v_found := found;
  if not v_found then
    return private.failure('not_found', 'Este enlace para cancelar la suscripción no es válido.');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('status', 'unsubscribed'));
end;
$$;
comment on function public.unsubscribe_from_invitations(text, text) is 'Stops every message to the address behind an unsubscribe link; idempotent.';
revoke execute on function public.unsubscribe_from_invitations(text, text) from public, anon, authenticated;
grant execute on function public.unsubscribe_from_invitations(text, text) to anon, authenticated;

-- SCHEDULED JOB: NOTICES TO THE LIST

create function public.send_invitation_notices()
returns jsonb
language plpgsql
-- security definer: the job runs as service_role, which holds no table privileges.
security definer
set search_path = ''
as $$
declare
  v_invitation public.invitations;
  v_messages   integer := 0;
  v_count      integer;
  v_done       integer := 0;
  v_forgotten  integer;
begin
  -- Sign-ups never confirmed are not consent to anything: after 30 days the address is forgotten
  -- (Ley 1581: data kept only as long as its purpose needs), with the consent record it came with.
  with gone as (
    delete from public.invitation_subscribers
    where status = 'pending' and created_at < now() - interval '30 days'
    returning consent_id
  )
  delete from private.consents c using gone where c.id = gone.consent_id;
  get diagnostics v_forgotten = row_count;

  for v_invitation in
    select * from public.invitations
    where status = 'published' and notified_at is null and publish_at <= now()
      and (expires_at is null or expires_at > now())
      -- Older invitations are not news: turning the job on never floods the list with the backlog.
      and publish_at > now() - interval '7 days'
    order by publish_at
    for update skip locked
  loop
    select count(private.subscription_mail('invitation-notice', s, jsonb_build_object('invitation', jsonb_build_object(
             'slug', v_invitation.slug, 'title', v_invitation.title, 'body', left(v_invitation.body, 600),
             'targetLabel', v_invitation.target_label, 'targetUrl', v_invitation.target_url,
             'startsAt', private.iso_time(v_invitation.starts_at))),
           'invitation-notice:' || v_invitation.id || ':' || s.id))
    into v_count
    from public.invitation_subscribers s where s.status = 'confirmed';
    update public.invitations set notified_at = now() where id = v_invitation.id;
    v_messages := v_messages + v_count;
    v_done := v_done + 1;
  end loop;
  return jsonb_build_object('invitations', v_done, 'messages', v_messages, 'forgotten', v_forgotten);
end;
$$;
comment on function public.send_invitation_notices() is 'Queues one e-mail per confirmed subscriber for each invitation that has come out since the last run, and forgets sign-ups left unconfirmed for 30 days (the scheduled job calls it).';
revoke execute on function public.send_invitation_notices() from public, anon, authenticated;
grant execute on function public.send_invitation_notices() to service_role;
