-- Roles a Supabase database has before the first migration runs.
-- Mirrors: supabase/postgres init scripts and migrations/db/migrations (roles, memberships),
-- supabase/storage and supabase/realtime setup (their admin roles); as of 2026-08.
-- Written for change-policy: names and memberships are Supabase's, the SQL is ours.
--
-- Roles are cluster-wide: a server given as database-url may already have some, so every
-- statement here is idempotent. Role settings (statement_timeout, search_path) are left
-- alone: they would change the server for every other database on it.
DO $$
DECLARE
  role_name text;
BEGIN
  FOREACH role_name IN ARRAY ARRAY[
    'anon', 'authenticated', 'service_role', 'authenticator', 'postgres',
    'supabase_admin', 'supabase_auth_admin', 'supabase_storage_admin',
    'supabase_realtime_admin', 'supabase_replication_admin', 'supabase_read_only_user',
    'supabase_functions_admin', 'supabase_etl_admin', 'dashboard_user', 'pgbouncer',
    'pgsodium_keyholder', 'pgsodium_keyiduser', 'pgsodium_keymaker'
  ] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
    END IF;
  END LOOP;
END
$$;

-- The API roles: PostgREST switches from authenticator to one of them per request, and
-- service_role skips row level security.
ALTER ROLE service_role BYPASSRLS;
ALTER ROLE supabase_admin BYPASSRLS;
ALTER ROLE authenticator NOINHERIT;
ALTER ROLE supabase_auth_admin NOINHERIT CREATEROLE;
ALTER ROLE supabase_storage_admin NOINHERIT CREATEROLE;
ALTER ROLE supabase_replication_admin REPLICATION;
ALTER ROLE dashboard_user CREATEROLE CREATEDB REPLICATION;
GRANT anon, authenticated, service_role TO authenticator;
GRANT authenticator TO supabase_storage_admin;
-- postgres, the role migrations run as on Supabase, may act as the API roles and as the
-- auth, storage and realtime admins (so `ALTER TABLE auth.users OWNER TO supabase_auth_admin`
-- in a dump applies, and policies can be created on storage.objects and realtime.messages),
-- and reads everything.
GRANT anon, authenticated, service_role, supabase_auth_admin, supabase_storage_admin, supabase_realtime_admin TO postgres;
GRANT pg_read_all_data, pg_signal_backend, pg_monitor TO postgres;
GRANT pg_read_all_data TO supabase_read_only_user;
GRANT pgsodium_keyiduser TO pgsodium_keyholder;
GRANT pgsodium_keyholder TO pgsodium_keymaker;

-- Objects are created by the role Supabase has own them (supabase_auth_admin for auth,
-- supabase_storage_admin for storage, ...), so a dump's `ALTER ... OWNER TO` and `GRANT`
-- statements meet the owners they expect. Each file switches to its role with this and ends
-- with RESET ROLE. A server user that may not become the role (not a superuser, not a
-- member) stays itself and owns the objects: the shim still applies. These helpers live in
-- pg_temp, never in the database migrations see, and are dropped at the end of the shim.
CREATE OR REPLACE FUNCTION pg_temp.shim_become(role_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('role', role_name, false);
EXCEPTION WHEN insufficient_privilege THEN
  NULL;
END
$$;

CREATE OR REPLACE FUNCTION pg_temp.shim_set_schema_owner(schema_name text, owner_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER SCHEMA %I OWNER TO %I', schema_name, owner_name);
EXCEPTION WHEN insufficient_privilege THEN
  NULL;
END
$$;
