-- Survey results and open data, tables: publication by staff, moderation of free texts and follower
-- counts per social network (reach). The kept counts, the aggregates, the open data and the staff
-- functions follow in migrations 0610–0640. Evidence for plan activities 1.1, 2.2 and 5.3.

-- PUBLICATION
alter table public.surveys add column results_published_at timestamptz;
comment on column public.surveys.results_published_at is 'When staff published the results (/resultados/<slug>, the results API and the open data); null: not public.';

-- Publishing is a staff write on surveys: the surveys' audit trigger (migration 0300) logs it.

-- FREE-TEXT REVIEWS
create table public.survey_text_reviews (
  answer_id     bigint      primary key references public.survey_answers (id) on delete cascade,
  publishable   boolean     not null,
  redacted_text text        check (char_length(redacted_text) between 1 and 2000),
  reviewed_by   text,
  reviewed_at   timestamptz not null default now()
);
comment on table public.survey_text_reviews is 'Staff review of a free-text answer (text questions and the words of "otro"): only publishable ones appear in results and open data (Ley 1581: respondents may write personal data).';
comment on column public.survey_text_reviews.publishable is 'True: the text (or its redacted version) may be published.';
comment on column public.survey_text_reviews.redacted_text is 'Text to publish instead of the original, with personal data removed; null: publish the original.';
comment on column public.survey_text_reviews.reviewed_by is 'Email (or JWT sub) of the staff member who reviewed it.';

-- RLS on and no policies: read and written only through the staff functions below.
alter table public.survey_text_reviews enable row level security;
revoke all on table public.survey_text_reviews from anon, authenticated;

create trigger survey_text_reviews_audit
after insert or update or delete on public.survey_text_reviews
for each row execute function private.audit_row_change('answer_id');

-- SOCIAL FOLLOWERS
create table public.social_followers (
  network     text    not null check (network in ('facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube')),
  measured_on date    not null,
  followers   integer not null check (followers >= 0),
  primary key (network, measured_on)
);
comment on table public.social_followers is 'Followers of the agency per social network and date, entered by staff; the latest one per network gives responses per 1,000 followers (plan 2.2, 4.1).';
comment on column public.social_followers.measured_on is 'Day the count was read on the network.';

alter table public.social_followers enable row level security;
revoke all on table public.social_followers from anon, authenticated;
grant select on table public.social_followers to anon, authenticated;

create policy "anyone can read follower counts"
on public.social_followers for select
to anon, authenticated
using (true);

-- The primary key is (network, measured_on); the audit entry is keyed by network and carries the date.
create trigger social_followers_audit
after insert or update or delete on public.social_followers
for each row execute function private.audit_row_change('network');

-- INDEXES
-- The moderation list and the published texts find free texts by question.
create index survey_answers_texts_idx on public.survey_answers (question_id) where text_value is not null;

-- NETWORKS
create function private.network_of(p_source text)
returns text
language sql
immutable
set search_path = ''
as $$
  -- Sources are typed by whoever shares a link (utm_source): only the networks the agency uses are
  -- shown by name, so no invented word ever reaches a public page.
  select case
    when nullif(btrim(p_source), '') is null then 'sin_red'
    when lower(btrim(p_source)) in ('facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube') then lower(btrim(p_source))
    else 'otra'
  end;
$$;
comment on function private.network_of(text) is 'Network of a response source: facebook, instagram, x, tiktok, whatsapp, youtube, otra (any other source) or sin_red (none).';
revoke execute on function private.network_of(text) from public;
