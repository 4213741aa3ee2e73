-- Least privilege, as tests/db/least-privilege.test.ts reads it from the catalogue. The API roles
-- reach data only through the security definer functions granted to them and the published rows
-- their select policies show; everything else they get is taken back here.

-- SEQUENCES
-- A Supabase project's default privileges gave anon and authenticated every right on each identity
-- sequence created in public (nextval, and setval: anyone could push an id counter forward or back).
-- No API role inserts directly, so none needs one.
revoke all on all sequences in schema public from anon, authenticated;

-- DEFAULT PRIVILEGES
-- Those same defaults grant everything on every new table, sequence and function in public to anon
-- and authenticated, and PostgreSQL lets PUBLIC execute every new function. A migration that forgot
-- its revoke would open the object to the API; from here on a new object is closed until its
-- migration grants what it means. service_role keeps Supabase's defaults: it is the server's own key.
-- Extensions a later migration creates get no PUBLIC execute either: grant what the API must call.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;
alter default privileges revoke execute on functions from public;
