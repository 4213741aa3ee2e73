-- Communications (plan activities 5.1, 5.2, 5.3) and the Menú Participa (Res. 1519 de 2020, annex 2):
-- invitations, incidence («Ustedes dijeron / Hicimos»), training sessions, the plan's version history,
-- the mapping of plan activities to the menu's six sections, and the invitation mailing list.
-- Tables, constraints and policies only; functions are in …000610 (public) and …000620 (staff).

-- PERSONAL-DATA NOTICE
-- Inserted here, not in the seed: the sign-up form needs it on any database.
insert into public.consent_texts (version, capability, purpose, body, published_at) values
  ('invitaciones-v1', 'invitations',
   'Enviarle por correo las invitaciones a los ejercicios de participación ciudadana de la entidad.',
   'Aviso de privacidad (Ley 1581 de 2012 y Decreto 1377 de 2013). La agencia, como responsable del tratamiento, '
   || 'recogerá su correo electrónico y, si los da, su nombre y su organización, con la única finalidad de enviarle las '
   || 'invitaciones a encuestas, audiencias, capacitaciones y demás ejercicios de participación. Primero le enviaremos un '
   || 'correo para confirmar que la dirección es suya; sin esa confirmación no le escribiremos más. Cada mensaje trae un '
   || 'enlace para dejar de recibirlos. Como titular, usted tiene derecho a conocer, actualizar, rectificar y suprimir sus '
   || 'datos, a solicitar prueba de esta autorización y a revocarla, a través de los canales de Atención al Ciudadano. '
   || 'Consulte la política de tratamiento de datos personales en /datos-personales.',
   '2026-11-28 08:00-05')
on conflict (version) do nothing;

insert into private.rate_limit_rules (bucket, max_hits, window_seconds) values
  ('subscription', 5, 600),
  ('subscription_token', 30, 600)
on conflict (bucket) do nothing;

-- MENÚ PARTICIPA SECTIONS
create table public.participa_sections (
  code        integer primary key check (code between 1 and 6),
  slug        text    not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title       text    not null,
  description text    not null
);
comment on table public.participa_sections is 'The six sections of the Menú Participa as Res. 1519 de 2020 (annex 2) lays them out.';
comment on column public.participa_sections.slug is 'Public address: /participa/<slug>.';

alter table public.participa_sections enable row level security;
revoke all on table public.participa_sections from anon, authenticated;
grant select on table public.participa_sections to anon, authenticated;
create policy "everyone can read the participa sections"
on public.participa_sections for select
to anon, authenticated
using (true);

insert into public.participa_sections (code, slug, title, description) values
  (1, 'diagnostico', 'Participación para el diagnóstico de necesidades e identificación de problemas',
   'Ejercicios en los que la ciudadanía nos ayuda a identificar necesidades y problemas en la oferta de la entidad.'),
  (2, 'planeacion', 'Planeación y presupuesto participativo',
   'Espacios para formular con la ciudadanía planes, programas, servicios y el uso de los recursos.'),
  (3, 'consulta-ciudadana', 'Consulta ciudadana',
   'Consultas y encuestas abiertas sobre decisiones, servicios y percepción de la entidad.'),
  (4, 'colaboracion-e-innovacion', 'Colaboración e innovación abierta',
   'Ejercicios de cocreación, retos y gamificación para resolver problemas públicos con la ciudadanía.'),
  (5, 'rendicion-de-cuentas', 'Rendición de cuentas',
   'Cronograma, audiencias públicas, preguntas de la ciudadanía, respuestas e informes de la rendición de cuentas.'),
  (6, 'control-social', 'Control social',
   'Seguimiento ciudadano a la gestión: monitoreo, informes y la incidencia de la participación en las decisiones.');

create table public.participa_section_activities (
  section_code  integer not null references public.participa_sections (code),
  activity_code text    not null references public.plan_activities (code) on delete cascade,
  primary key (section_code, activity_code)
);
comment on table public.participa_section_activities is 'Which plan activities belong to which section of the Menú Participa (an activity may serve several). The sections'' pages are generated from it.';
create index participa_section_activities_activity_idx on public.participa_section_activities (activity_code);

alter table public.participa_section_activities enable row level security;
revoke all on table public.participa_section_activities from anon, authenticated;
grant select on table public.participa_section_activities to anon, authenticated;
create policy "everyone can read the participa mapping"
on public.participa_section_activities for select
to anon, authenticated
using (true);

create trigger participa_section_activities_audit
after insert or update or delete on public.participa_section_activities
for each row execute function private.audit_row_change('activity_code');

-- PLAN VERSIONS
create table public.plan_versions (
  id           bigint generated by default as identity primary key,
  version      text   not null unique check (char_length(version) between 1 and 20),
  published_on date   not null,
  changes      text   not null check (char_length(changes) between 3 and 2000)
);
comment on table public.plan_versions is 'Version history of the year''s participation plan as published (date and what changed).';
create index plan_versions_published_idx on public.plan_versions (published_on desc);

alter table public.plan_versions enable row level security;
revoke all on table public.plan_versions from anon, authenticated;
grant select on table public.plan_versions to anon, authenticated;
create policy "everyone can read plan versions"
on public.plan_versions for select
to anon, authenticated
using (true);

create trigger plan_versions_audit
after insert or update or delete on public.plan_versions
for each row execute function private.audit_row_change('id');

-- INVITATIONS
create table public.invitations (
  id            bigint      generated by default as identity primary key,
  slug          text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  title         text        not null check (char_length(title) between 3 and 160),
  body          text        not null check (char_length(body) between 10 and 4000),
  image_url     text        check (image_url ~ '^/' and image_url !~ '^//' and image_url !~ '\s' and char_length(image_url) <= 2000),
  image_alt     text        check (char_length(image_alt) between 1 and 300),
  target_kind   text        not null check (target_kind in ('survey', 'hearing', 'event', 'service', 'training', 'other')),
  target_label  text        not null check (char_length(target_label) between 3 and 120),
  target_url    text        not null check (target_url ~ '^(https://|/)' and target_url !~ '^//' and target_url !~ '\s' and char_length(target_url) <= 2000),
  activity_code text        references public.plan_activities (code),
  starts_at     timestamptz,
  ends_at       timestamptz,
  publish_at    timestamptz not null default now(),
  expires_at    timestamptz,
  status        text        not null default 'published' check (status in ('draft', 'published', 'withdrawn')),
  notified_at   timestamptz,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (expires_at > publish_at),
  check (ends_at > starts_at),
  check (ends_at is null or starts_at is not null),
  check ((image_url is null) = (image_alt is null))
);
comment on table public.invitations is 'Invitations to take part (plan 5.2): shown on /participa/convocatorias, the home page and the feeds while published, after publish_at and before expires_at.';
comment on column public.invitations.slug is 'Public address: /participa/convocatorias/<slug>; also the utm_campaign of its share links.';
comment on column public.invitations.image_url is 'Picture: a path of this site (the CSP serves images only from the site itself).';
comment on column public.invitations.image_alt is 'Text alternative of the picture (WCAG 1.1.1); required with a picture.';
comment on column public.invitations.target_kind is 'What it invites to: survey, hearing, event (tickets), service (e.g. advisory bookings), training or other.';
comment on column public.invitations.target_url is 'Where the call to action goes (site path or https URL), e.g. /encuestas/<slug> or /rendicion-de-cuentas/audiencias/audiencia-1.';
comment on column public.invitations.activity_code is 'Plan activity the invitation serves: places it in the Menú Participa sections.';
comment on column public.invitations.starts_at is 'When the invited activity happens, if it has a date: such invitations go in the iCal feed.';
comment on column public.invitations.publish_at is 'Shown from this time on, with nobody at the keyboard: every public read compares it with now().';
comment on column public.invitations.expires_at is 'Hidden from this time on (null: until withdrawn).';
comment on column public.invitations.status is 'draft (hidden), published (shown between publish_at and expires_at) or withdrawn (hidden).';
comment on column public.invitations.notified_at is 'When the mailing list was sent this invitation (the notices job), null until then.';
create index invitations_publish_idx on public.invitations (publish_at desc) where status = 'published';
create index invitations_activity_idx on public.invitations (activity_code);

alter table public.invitations enable row level security;
revoke all on table public.invitations from anon, authenticated;
grant select on table public.invitations to anon, authenticated;
-- The publishing time is a rule of the table, not of a page: nothing can read an invitation early.
create policy "anyone can read invitations being shown"
on public.invitations for select
to anon, authenticated
using (status = 'published' and publish_at <= now() and (expires_at is null or expires_at > now()));

create trigger invitations_audit
after insert or delete or update of slug, title, body, image_url, image_alt, target_kind, target_label, target_url,
  activity_code, starts_at, ends_at, publish_at, expires_at, status
on public.invitations
for each row execute function private.audit_row_change('id');

-- INCIDENCE: EXERCISES
create table public.incidence_exercises (
  id            bigint      generated by default as identity primary key,
  kind          text        not null check (kind in ('survey', 'hearing', 'ticket_service', 'advisory_service')),
  slug          text        not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  title         text        not null check (char_length(title) between 3 and 160),
  url           text        not null check (url ~ '^(https://|/)' and url !~ '^//' and char_length(url) <= 2000),
  results_url   text        check (results_url ~ '^(https://|/)' and results_url !~ '^//' and char_length(results_url) <= 2000),
  activity_code text        references public.plan_activities (code),
  you_said      text        not null check (char_length(you_said) between 10 and 4000),
  we_did        text        not null check (char_length(we_did) between 10 and 4000),
  published     boolean     not null default true,
  updated_at    timestamptz not null default now(),
  unique (kind, slug)
);
comment on table public.incidence_exercises is 'Incidence of each participation exercise (plan 5.3): what citizens said and what the agency did. The exercise is referenced by kind + slug + link, never by another capability''s keys, so hearings and bookings stay independent.';
comment on column public.incidence_exercises.kind is 'survey, hearing (accountability), ticket_service or advisory_service.';
comment on column public.incidence_exercises.slug is 'The exercise''s own slug in its capability (survey slug, hearing slug, service slug).';
comment on column public.incidence_exercises.url is 'The exercise''s public page, e.g. /encuestas/<slug>, /rendicion-de-cuentas/audiencias/audiencia-1, /servicios/asesorias.';
comment on column public.incidence_exercises.results_url is 'Where its results are published. Null for a survey: its published results page is linked when it exists.';
comment on column public.incidence_exercises.you_said is '«Ustedes dijeron»: summary of what citizens said.';
comment on column public.incidence_exercises.we_did is '«Hicimos»: what the agency decided or changed because of it.';

alter table public.incidence_exercises enable row level security;
revoke all on table public.incidence_exercises from anon, authenticated;
grant select on table public.incidence_exercises to anon, authenticated;
create policy "anyone can read published incidence"
on public.incidence_exercises for select
to anon, authenticated
using (published);

create trigger incidence_exercises_audit
after insert or update or delete on public.incidence_exercises
for each row execute function private.audit_row_change('id');

-- INCIDENCE: COMMITMENTS
create table public.incidence_commitments (
  id          bigint      generated by default as identity primary key,
  exercise_id bigint      not null references public.incidence_exercises (id) on delete cascade,
  title       text        not null check (char_length(title) between 3 and 200),
  description text        not null default '' check (char_length(description) <= 2000),
  status      text        not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'discarded')),
  due_on      date,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
comment on table public.incidence_commitments is 'What the agency committed to after an exercise, with its status (as Decidim''s accountability results).';
comment on column public.incidence_commitments.status is 'planned, in_progress, done or discarded (discarded says why in a milestone).';
create index incidence_commitments_exercise_idx on public.incidence_commitments (exercise_id, id);

alter table public.incidence_commitments enable row level security;
revoke all on table public.incidence_commitments from anon, authenticated;
grant select on table public.incidence_commitments to anon, authenticated;
create policy "anyone can read commitments of published incidence"
on public.incidence_commitments for select
to anon, authenticated
using (exists (select 1 from public.incidence_exercises e where e.id = exercise_id and e.published));

create trigger incidence_commitments_audit
after insert or update or delete on public.incidence_commitments
for each row execute function private.audit_row_change('id');

-- INCIDENCE: MILESTONES
create table public.incidence_milestones (
  id            bigint      generated by default as identity primary key,
  commitment_id bigint      not null references public.incidence_commitments (id) on delete cascade,
  happened_on   date        not null,
  description   text        not null check (char_length(description) between 3 and 1000),
  status        text        not null check (status in ('planned', 'in_progress', 'done', 'discarded')),
  created_at    timestamptz not null default now()
);
comment on table public.incidence_milestones is 'Progress of a commitment over time (as CONSUL''s milestones): each one dated, with the status it left the commitment in.';
create index incidence_milestones_commitment_idx on public.incidence_milestones (commitment_id, happened_on);

alter table public.incidence_milestones enable row level security;
revoke all on table public.incidence_milestones from anon, authenticated;
grant select on table public.incidence_milestones to anon, authenticated;
create policy "anyone can read milestones of published incidence"
on public.incidence_milestones for select
to anon, authenticated
using (exists (
  select 1 from public.incidence_commitments c join public.incidence_exercises e on e.id = c.exercise_id
  where c.id = commitment_id and e.published));

create trigger incidence_milestones_audit
after insert or update or delete on public.incidence_milestones
for each row execute function private.audit_row_change('id');

-- INCIDENCE: EVIDENCE
create table public.incidence_evidence (
  id          bigint      generated by default as identity primary key,
  exercise_id bigint      not null references public.incidence_exercises (id) on delete cascade,
  kind        text        not null check (kind in ('link', 'document', 'photo')),
  label       text        not null check (char_length(label) between 3 and 200),
  url         text        not null check (url ~ '^(https://|/)' and url !~ '^//' and url !~ '\s' and char_length(url) <= 2000),
  alt         text        check (char_length(alt) between 3 and 300),
  added_at    timestamptz not null default now(),
  check ((kind = 'photo') = (alt is not null)),
  -- A photo is shown on the page, and the CSP serves images only from the site itself.
  check (kind <> 'photo' or url !~ '^https://')
);
comment on table public.incidence_evidence is 'Evidence of an exercise''s incidence: links, documents and photos (a photo always with its text alternative).';
create index incidence_evidence_exercise_idx on public.incidence_evidence (exercise_id, added_at);

alter table public.incidence_evidence enable row level security;
revoke all on table public.incidence_evidence from anon, authenticated;
grant select on table public.incidence_evidence to anon, authenticated;
create policy "anyone can read evidence of published incidence"
on public.incidence_evidence for select
to anon, authenticated
using (exists (select 1 from public.incidence_exercises e where e.id = exercise_id and e.published));

create trigger incidence_evidence_audit
after insert or update or delete on public.incidence_evidence
for each row execute function private.audit_row_change('id');

-- TRAINING SESSIONS
create table public.training_sessions (
  id             bigint      generated by default as identity primary key,
  slug           text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  topic          text        not null check (char_length(topic) between 3 and 160),
  audience       text        not null check (char_length(audience) between 3 and 160),
  starts_at      timestamptz not null,
  place          text        not null check (char_length(place) between 2 and 160),
  attendance     integer     check (attendance between 0 and 100000),
  materials_url  text        check (materials_url ~ '^(https://|/)' and materials_url !~ '^//' and char_length(materials_url) <= 2000),
  event_slug     text        references public.events (slug) on update cascade,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
comment on table public.training_sessions is 'Training and awareness sessions on participation (plan 5.1): public list with date, audience, topic, attendance and materials.';
comment on column public.training_sessions.place is 'Where it happens: a venue, or the virtual room''s name.';
comment on column public.training_sessions.attendance is 'People who attended; null until the session is held.';
comment on column public.training_sessions.event_slug is 'The tickets event people sign up through, when the session takes sign-ups (/servicios/boleteria/<slug>).';
create index training_sessions_starts_idx on public.training_sessions (starts_at);

alter table public.training_sessions enable row level security;
revoke all on table public.training_sessions from anon, authenticated;
grant select on table public.training_sessions to anon, authenticated;
create policy "everyone can read training sessions"
on public.training_sessions for select
to anon, authenticated
using (true);

create trigger training_sessions_audit
after insert or update or delete on public.training_sessions
for each row execute function private.audit_row_change('id');

-- MAILING LIST (double opt-in)
create table public.invitation_subscribers (
  id                 uuid        primary key default gen_random_uuid(),
  email              text        not null check (char_length(email) between 3 and 254 and email like '%_@_%' and email = lower(email)),
  full_name          text        check (char_length(full_name) between 3 and 120),
  organisation       text        check (char_length(organisation) between 2 and 160),
  status             text        not null default 'pending' check (status in ('pending', 'confirmed', 'unsubscribed')),
  confirm_token_hash text        not null check (confirm_token_hash ~ '^[0-9a-f]{64}$'),
  unsubscribe_token  text        not null unique check (unsubscribe_token ~ '^[0-9a-f]{64}$'),
  consent_id         uuid        not null references private.consents (id),
  created_at         timestamptz not null default now(),
  confirmed_at       timestamptz,
  unsubscribed_at    timestamptz,
  check ((status = 'confirmed') <= (confirmed_at is not null)),
  check ((status = 'unsubscribed') = (unsubscribed_at is not null))
);
comment on table public.invitation_subscribers is 'People and organisations who asked to be invited (Menú Participa). Written only after double opt-in counts: pending until the e-mailed link is confirmed. Personal data: reached only through security definer functions.';
comment on column public.invitation_subscribers.confirm_token_hash is 'SHA-256 (hex) of the token in the confirmation link; the token is never stored outside the outbox payload.';
comment on column public.invitation_subscribers.unsubscribe_token is 'Token of the unsubscribe link every message carries. Kept in clear because every later message needs it; it can only stop the messages.';
create unique index invitation_subscribers_email_key on public.invitation_subscribers (email) where status <> 'unsubscribed';
create index invitation_subscribers_confirmed_idx on public.invitation_subscribers (created_at) where status = 'confirmed';
create index invitation_subscribers_consent_idx on public.invitation_subscribers (consent_id);

alter table public.invitation_subscribers enable row level security;
revoke all on table public.invitation_subscribers from anon, authenticated;
-- No policies: subscribers reach their row with the tokens, staff see counts only.
