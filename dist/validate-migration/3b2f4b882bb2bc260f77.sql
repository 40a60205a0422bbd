-- The `pgbouncer` schema: the auth_query function Supabase's connection pooler calls.
-- Mirrors: supabase/postgres ansible/files/pgbouncer_config/pgbouncer_auth_schema.sql and
-- migrations/schema-15.sql (pgbouncer.get_auth); as of 2026-08.
-- Written for change-policy. It reads pg_roles (not pg_authid, which needs a superuser): the
-- password column is always NULL here.
CREATE SCHEMA IF NOT EXISTS pgbouncer;
GRANT USAGE ON SCHEMA pgbouncer TO pgbouncer, postgres;
GRANT ALL ON SCHEMA pgbouncer TO supabase_admin;
SELECT pg_temp.shim_become('supabase_admin');

CREATE OR REPLACE FUNCTION pgbouncer.get_auth(p_usename text) RETURNS TABLE (username text, password text) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT r.rolname::text, NULL::text FROM pg_catalog.pg_roles r WHERE r.rolname = p_usename AND r.rolcanlogin
$$;

REVOKE ALL ON FUNCTION pgbouncer.get_auth(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pgbouncer.get_auth(text) TO pgbouncer, postgres;

RESET ROLE;
