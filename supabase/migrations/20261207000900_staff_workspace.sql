-- Staff workspace: the staff home ("what needs me now", by role), the e-mails that failed for good
-- with their retry, and editing a paper challenge after it was created. Reads the tables of earlier
-- migrations (accountability, advisory, tickets, surveys, outbox, improvement actions, plan).

-- STAFF HOME

create function public.staff_home()
returns jsonb
language plpgsql
stable
-- security definer: the sections count rows each role reaches only through its own functions
-- (registrations, bookings, outbox, free texts); the role checks below decide which sections are built,
-- and each section carries only what its role may already see on the page it links to.
security definer
set search_path = ''
as $$
declare
  v_today    date := private.bogota_today();
  v_admin    boolean := private.has_staff_role('admin');
  v_comms    boolean := private.has_staff_role('communications');
  v_advisor  uuid := private.caller_advisor_id();
  v_sections jsonb := '[]'::jsonb;
begin
  if not (private.has_staff_role('communications') or private.has_staff_role('advisor')
          or private.has_staff_role('interviewer') or private.has_staff_role('box_office')) then
    return private.failure('forbidden', 'Esta página es solo para el personal de la entidad.');
  end if;

  if private.has_staff_role('interviewer') then
    v_sections := v_sections || jsonb_build_object('key', 'phone_queue', 'items', coalesce((
      select jsonb_agg(jsonb_build_object('slug', s.slug, 'title', s.title, 'due', q.due, 'waiting', q.waiting) order by s.title)
      from public.surveys s
      cross join lateral (
        select count(*) filter (where c.next_call_at <= now() and (c.locked_until is null or c.locked_until <= now())) as due,
               count(*) filter (where c.next_call_at > now()) as waiting
        from public.phone_contacts c
        where c.survey_id = s.id and c.status in ('pending', 'callback')
      ) q
      where s.status = 'open' and (s.opens_at is null or s.opens_at <= now()) and (s.closes_at is null or s.closes_at > now())
        and q.due + q.waiting > 0
    ), '[]'::jsonb));
  end if;

  if private.has_staff_role('box_office') then
    v_sections := v_sections || jsonb_build_object('key', 'events_today', 'items', coalesce((
      select jsonb_agg(jsonb_build_object('slug', e.slug, 'title', e.title, 'startsAt', private.iso_time(e.starts_at),
                                          'seats', r.seats, 'checkedIn', r.checked_in) order by e.starts_at)
      from public.events e
      cross join lateral (
        select coalesce(sum(x.quantity - x.cancelled_quantity), 0) as seats,
               coalesce(sum(x.quantity - x.cancelled_quantity) filter (where x.checked_in_at is not null), 0) as checked_in
        from public.event_registrations x
        where x.event_id = e.id and x.status = 'active'
      ) r
      where e.status = 'published'
        and e.starts_at >= private.bogota_day_start(v_today) and e.starts_at < private.bogota_day_start(v_today + 1)
    ), '[]'::jsonb));
  end if;

  -- An advisor sees their own bookings; an admin every advisor's.
  if v_admin or v_advisor is not null then
    v_sections := v_sections || jsonb_build_object('key', 'advisory_bookings', 'items', coalesce((
      select jsonb_agg(jsonb_build_object('code', b.code, 'startsAt', private.iso_time(b.starts_at), 'advisor', a.name,
                                          'topic', t.label, 'tomorrow', b.starts_at >= private.bogota_day_start(v_today + 1)) order by b.starts_at)
      from public.advisory_bookings b
      join public.advisors a on a.id = b.advisor_id
      join public.advisory_topics t on t.key = b.area
      where b.status = 'booked'
        and b.starts_at >= private.bogota_day_start(v_today) and b.starts_at < private.bogota_day_start(v_today + 2)
        and (v_admin or b.advisor_id = v_advisor)
    ), '[]'::jsonb));
  end if;

  if v_comms then
    -- Unanswered questions whose 15-working-day term ends within three working days, or has ended.
    v_sections := v_sections || jsonb_build_object('key', 'hearing_questions', 'items', coalesce((
      select jsonb_agg(jsonb_build_object('slug', h.slug, 'title', h.title, 'overdue', q.overdue, 'due', q.due, 'firstDueOn', q.first_due) order by q.first_due)
      from public.hearings h
      cross join lateral (
        select count(*) filter (where x.due_on < v_today) as overdue,
               count(*) filter (where x.due_on >= v_today) as due,
               min(x.due_on) as first_due
        from public.hearing_questions x
        where x.hearing_id = h.id and x.answered_at is null and x.status in ('received', 'published')
          and x.due_on <= private.add_working_days(v_today, 3)
      ) q
      where q.overdue + q.due > 0
    ), '[]'::jsonb));

    v_sections := v_sections || jsonb_build_object('key', 'text_reviews', 'items', coalesce((
      select jsonb_agg(jsonb_build_object('slug', s.slug, 'title', s.title, 'pending', p.pending) order by s.title)
      from public.surveys s
      cross join lateral (
        select count(*) as pending
        from public.survey_questions q
        join public.survey_answers a on a.question_id = q.id
        where q.survey_id = s.id and a.text_value is not null
          and (q.type in ('short_text', 'long_text') or a.option_value = 'otro')
          and not exists (select from public.survey_text_reviews v where v.answer_id = a.id)
      ) p
      where p.pending > 0
    ), '[]'::jsonb));

    -- Closed with answers and not yet published: the evidence the plan is waiting for.
    v_sections := v_sections || jsonb_build_object('key', 'results_to_publish', 'items', coalesce((
      select jsonb_agg(jsonb_build_object('slug', s.slug, 'title', s.title, 'responses', r.responses) order by s.title)
      from public.surveys s
      cross join lateral (select coalesce(sum(c.responses), 0) as responses from private.survey_response_counts c where c.survey_id = s.id) r
      where s.results_published_at is null and s.status <> 'draft'
        and (s.status = 'closed' or s.closes_at <= now()) and r.responses > 0
    ), '[]'::jsonb));

    v_sections := v_sections || jsonb_build_object('key', 'improvement_overdue', 'items', coalesce((
      select jsonb_agg(jsonb_build_object('id', i.id, 'title', i.title, 'source', i.source, 'ownerArea', i.owner_area, 'dueOn', i.due_on) order by i.due_on)
      from public.improvement_actions i
      where i.status in ('planned', 'in_progress') and i.due_on < v_today
    ), '[]'::jsonb));

    v_sections := v_sections || jsonb_build_object('key', 'plan_overdue', 'items', coalesce((
      select jsonb_agg(jsonb_build_object('code', p.code, 'title', p.title, 'endsOn', p.ends_on) order by p.ends_on, p.code)
      from public.plan_activities p
      where p.ends_on < v_today and not exists (select from public.plan_evidence e where e.activity_code = p.code)
    ), '[]'::jsonb));
  end if;

  if v_admin then
    v_sections := v_sections || jsonb_build_object('key', 'failed_email', 'items', coalesce((
      select jsonb_agg(jsonb_build_object('id', f.id, 'template', f.template, 'failedAt', private.iso_time(f.next_attempt_at)) order by f.id desc)
      from (select o.id, o.template, o.next_attempt_at from private.email_outbox o where o.status = 'failed' order by o.id desc limit 20) f
    ), '[]'::jsonb));
  end if;

  return jsonb_build_object('ok', true, 'value', jsonb_build_object('today', v_today, 'sections', v_sections));
end;
$$;
comment on function public.staff_home() is
  'Staff: what needs the caller now, one section per duty of their roles (interviewer: call queues; box office: today''s events; advisor: own bookings today and tomorrow; communications: questions due, texts to review, results to publish, overdue actions and plan activities; admin: all, plus failed e-mails).';
revoke execute on function public.staff_home() from public, anon, authenticated;
grant execute on function public.staff_home() to authenticated;

-- FAILED E-MAILS

create index email_outbox_failed_id_idx on private.email_outbox (id desc) where status = 'failed';

-- A retry is a staff decision about a citizen's message: audited, the recipient and payload masked.
create trigger email_outbox_audit_retry
after update of status on private.email_outbox
for each row when (old.status = 'failed' and new.status <> 'failed')
execute function private.audit_row_change('id', 'recipient', 'payload');

create function public.staff_list_failed_emails()
returns jsonb
language plpgsql
stable
-- security definer: the outbox is in private; only admins read it, and only the failed rows.
security definer
set search_path = ''
as $$
begin
  if not private.has_staff_role('admin') then
    return private.failure('forbidden', 'Solo un administrador puede ver los correos que no se pudieron enviar.');
  end if;
  return jsonb_build_object('ok', true, 'value', coalesce((
    select jsonb_agg(jsonb_build_object(
             'id', o.id, 'template', o.template, 'recipient', o.recipient, 'attempts', o.attempts,
             'lastError', o.last_error, 'queuedAt', private.iso_time(o.created_at), 'failedAt', private.iso_time(o.next_attempt_at),
             -- After 30 days the payload is gone (email_purge): such a message can no longer be rendered.
             'retryable', o.payload <> '{}'::jsonb) order by o.id desc)
    from (select * from private.email_outbox where status = 'failed' order by id desc limit 200) o
  ), '[]'::jsonb));
end;
$$;
comment on function public.staff_list_failed_emails() is 'Admin: the newest 200 messages that failed for good, with their last error and whether they can still be retried.';
revoke execute on function public.staff_list_failed_emails() from public, anon, authenticated;
grant execute on function public.staff_list_failed_emails() to authenticated;

create function public.staff_retry_email(p_id bigint)
returns jsonb
language plpgsql
volatile
-- security definer: the outbox is in private; the role check is the gate, and the update only moves a
-- failed message back to pending (the sender then tries it afresh, with its attempts reset).
security definer
set search_path = ''
as $$
declare
  v_row private.email_outbox;
begin
  if not private.has_staff_role('admin') then
    return private.failure('forbidden', 'Solo un administrador puede reintentar un correo.');
  end if;
  update private.email_outbox
     set status = 'pending', attempts = 0, next_attempt_at = now(), claim_token = null, locked_until = null
   where id = p_id and status = 'failed' and payload <> '{}'::jsonb
  returning * into v_row;
  if not found then
    if exists (select from private.email_outbox where id = p_id and status = 'failed') then
      return private.failure('closed', 'Ese correo ya no guarda su contenido (pasaron 30 días): no se puede reintentar.');
    end if;
    return private.failure('not_found', 'No hay un correo fallido con ese número.');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', v_row.id, 'status', v_row.status));
end;
$$;
comment on function public.staff_retry_email(bigint) is 'Admin: queues a message that failed for good again (status pending, attempts 0); audited by email_outbox_audit_retry.';
revoke execute on function public.staff_retry_email(bigint) from public, anon, authenticated;
grant execute on function public.staff_retry_email(bigint) to authenticated;

-- PAPER CHALLENGES: EDIT

create function public.staff_paper_update_challenge(p_id bigint, p_challenge jsonb)
returns jsonb
language plpgsql
volatile
-- security definer: authenticated cannot write paper_challenges; the role check is the gate, and the
-- audit trigger of paper_challenges records the change. Points already earned keep their value (each
-- claim stores its own points); the week and the quiz stay as they are, since people may have answered.
security definer
set search_path = ''
as $$
declare
  v_row public.paper_challenges;
begin
  if not private.has_staff_role('admin') then
    return private.failure('forbidden', 'Solo un administrador puede editar retos.');
  end if;
  update public.paper_challenges
     set title = btrim(p_challenge ->> 'title'), description = btrim(p_challenge ->> 'description'),
         action_label = btrim(p_challenge ->> 'actionLabel'), points = (p_challenge ->> 'points')::integer
   where id = p_id
  returning * into v_row;
  if not found then
    return private.failure('not_found', 'El reto no existe.');
  end if;
  return jsonb_build_object('ok', true, 'value', jsonb_build_object('id', v_row.id, 'weekStart', v_row.week_start));
exception
  when unique_violation then
    return private.failure('duplicate', 'Esa semana ya tiene un reto con ese título.', jsonb_build_object('title', 'Ya existe en esa semana.'));
  when check_violation or not_null_violation or invalid_text_representation or numeric_value_out_of_range then
    return private.failure('validation_failed', 'Revise el reto: título, descripción, acción y puntos (1 a 100).');
end;
$$;
comment on function public.staff_paper_update_challenge(bigint, jsonb) is 'Admin: edits a challenge''s {title, description, actionLabel, points}; its week and quiz stay.';
revoke execute on function public.staff_paper_update_challenge(bigint, jsonb) from public, anon, authenticated;
grant execute on function public.staff_paper_update_challenge(bigint, jsonb) to authenticated;
