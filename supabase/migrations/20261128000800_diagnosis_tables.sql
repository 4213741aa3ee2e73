-- Self-diagnosis of the legal participation requirements (plan activity 1.3): the checklist, the
-- yearly assessments and their answers. Everyone may read the checklist and the published
-- assessments (they are the activity's evidence); drafts and every write go through the admin
-- functions of …000820_diagnosis_functions.sql.

-- DIMENSIONS
create table public.diagnosis_dimensions (
  code     text    primary key check (code ~ '^[a-z]+$'),
  name     text    not null,
  position integer not null unique
);
comment on table public.diagnosis_dimensions is 'The areas of the self-diagnosis a score is given for (planning, accountability, digital channels, personal data).';

alter table public.diagnosis_dimensions enable row level security;
revoke all on table public.diagnosis_dimensions from anon, authenticated;
grant select on table public.diagnosis_dimensions to anon, authenticated;

create policy "everyone can read diagnosis dimensions"
on public.diagnosis_dimensions for select
to anon, authenticated
using (true);

-- REQUIREMENTS
create table public.diagnosis_requirements (
  code             text        primary key check (code ~ '^[A-Z]{2,6}-[0-9]{2,3}$'),
  dimension_code   text        not null references public.diagnosis_dimensions (code),
  title            text        not null check (char_length(title) between 5 and 300),
  legal_source     text        not null check (char_length(legal_source) between 3 and 300),
  evidence_asked   text        not null check (char_length(evidence_asked) between 3 and 500),
  responsible_area text        not null check (char_length(responsible_area) between 2 and 120),
  created_at       timestamptz not null default now(),
  retired_at       timestamptz,
  check (retired_at is null or retired_at >= created_at)
);
comment on table public.diagnosis_requirements is 'Checklist of legal participation requirements the agency assesses itself against each year. Never deleted: a requirement that no longer applies is retired, so past reports keep it.';
comment on column public.diagnosis_requirements.code is 'Stable code, e.g. RC-03: it names the requirement in reports, CSV files and improvement actions (source_ref).';
comment on column public.diagnosis_requirements.legal_source is 'The norm that asks for it, e.g. "Ley 1757 de 2015, art. 2".';
comment on column public.diagnosis_requirements.evidence_asked is 'What proves compliance (a published plan, a report, a form…).';
comment on column public.diagnosis_requirements.retired_at is 'When staff retired it; assessments published before keep it, later ones leave it out.';
create index diagnosis_requirements_dimension_idx on public.diagnosis_requirements (dimension_code, code);

alter table public.diagnosis_requirements enable row level security;
revoke all on table public.diagnosis_requirements from anon, authenticated;
grant select on table public.diagnosis_requirements to anon, authenticated;

create policy "everyone can read diagnosis requirements"
on public.diagnosis_requirements for select
to anon, authenticated
using (true);

create trigger diagnosis_requirements_audit
after insert or update or delete on public.diagnosis_requirements
for each row execute function private.audit_row_change('code');

-- ASSESSMENTS
create table public.diagnosis_assessments (
  year         integer     primary key check (year between 2000 and 2200),
  started_at   timestamptz not null default now(),
  published_at timestamptz,
  check (published_at is null or published_at >= started_at)
);
comment on table public.diagnosis_assessments is 'One self-diagnosis per year: a draft while staff assess, frozen and public once published (evidence of plan activity 1.3).';
comment on column public.diagnosis_assessments.published_at is 'Null while a draft. Published assessments accept no more answers, and cover the requirements that were active at that moment.';

alter table public.diagnosis_assessments enable row level security;
revoke all on table public.diagnosis_assessments from anon, authenticated;
grant select on table public.diagnosis_assessments to anon, authenticated;

create policy "everyone can read published assessments"
on public.diagnosis_assessments for select
to anon, authenticated
using (published_at is not null);

create trigger diagnosis_assessments_audit
after insert or update or delete on public.diagnosis_assessments
for each row execute function private.audit_row_change('year');

-- ANSWERS
create table public.diagnosis_answers (
  year             integer     not null references public.diagnosis_assessments (year) on delete cascade,
  requirement_code text        not null references public.diagnosis_requirements (code),
  verdict          text        not null check (verdict in ('complies', 'partial', 'does_not', 'not_applicable')),
  evidence_links   text[]      not null default '{}' check (cardinality(evidence_links) <= 10),
  proposed_action  text        check (char_length(proposed_action) between 3 and 1000),
  updated_at       timestamptz not null default now(),
  primary key (year, requirement_code)
);
comment on table public.diagnosis_answers is 'How the agency meets one requirement in one year''s assessment, with the evidence and what it proposes to improve.';
comment on column public.diagnosis_answers.verdict is 'complies (1 point), partial (½), does_not (0); not_applicable is left out of the score.';
comment on column public.diagnosis_answers.evidence_links is 'Site paths or http(s) URLs of the evidence, checked by the staff function.';
comment on column public.diagnosis_answers.proposed_action is 'Improvement proposed; may become an improvement action (source diagnosis, source_ref the requirement code).';
create index diagnosis_answers_requirement_idx on public.diagnosis_answers (requirement_code);

alter table public.diagnosis_answers enable row level security;
revoke all on table public.diagnosis_answers from anon, authenticated;
grant select on table public.diagnosis_answers to anon, authenticated;

create policy "everyone can read answers of published assessments"
on public.diagnosis_answers for select
to anon, authenticated
using (exists (
  select from public.diagnosis_assessments a
  where a.year = diagnosis_answers.year and a.published_at is not null
));

create trigger diagnosis_answers_audit
after insert or update or delete on public.diagnosis_answers
for each row execute function private.audit_row_change('requirement_code');
