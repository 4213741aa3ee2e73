-- Social-network monitoring (plan 4.1), tables: the agency's account on each network, and the
-- follower counts survey 2.2 already keeps (public.social_followers, migration 0600) grown into full
-- snapshots: posts, reach and engagement beside the followers. The same rows still give the 2.2
-- reach per 1,000 followers.

-- NETWORKS
-- LinkedIn joins the networks followed; WhatsApp stays for the history and the 2.2 share links.
alter table public.social_followers drop constraint social_followers_network_check;
alter table public.social_followers add constraint social_followers_network_check
  check (network in ('facebook', 'instagram', 'x', 'tiktok', 'youtube', 'linkedin', 'whatsapp'));

-- SNAPSHOTS
alter table public.social_followers
  add column posts      integer check (posts >= 0),
  add column reach      integer check (reach >= 0),
  add column engagement integer check (engagement >= 0);
comment on table public.social_followers is 'Snapshot of the agency''s account on a social network on a date (followers, and posts, reach and engagement when known), entered by staff or imported from CSV; the latest followers per network give survey 2.2 its responses per 1,000 followers (plan 2.2, 4.1).';
comment on column public.social_followers.posts is 'Posts published since the previous snapshot, as the network''s statistics show them; null: not recorded.';
comment on column public.social_followers.reach is 'People reached since the previous snapshot; null: not recorded.';
comment on column public.social_followers.engagement is 'Interactions (reactions, comments, shares, clicks) since the previous snapshot; null: not recorded.';

-- ACCOUNTS
create table public.social_accounts (
  network    text        primary key check (network in ('facebook', 'instagram', 'x', 'tiktok', 'youtube', 'linkedin', 'whatsapp')),
  handle     text        not null check (char_length(handle) between 1 and 100),
  url        text        check (url ~ '^https://' and char_length(url) <= 500),
  updated_at timestamptz not null default now()
);
comment on table public.social_accounts is 'The agency''s account on each social network it follows (plan 4.1): the reports name it and link to it.';
comment on column public.social_accounts.handle is 'Name of the account as the network shows it, e.g. @agencia.';

alter table public.social_accounts enable row level security;
revoke all on table public.social_accounts from anon, authenticated;
grant select on table public.social_accounts to anon, authenticated;

create policy "anyone can read the agency's social accounts"
on public.social_accounts for select
to anon, authenticated
using (true);

create trigger social_accounts_audit
after insert or update or delete on public.social_accounts
for each row execute function private.audit_row_change('network');
