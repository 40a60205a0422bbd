-- The `extensions` schema: where Supabase installs extensions, and the helper functions
-- its platform puts there.
-- Mirrors: supabase/postgres migrations/schema-15.sql and migrations/db (extensions schema,
-- event-trigger helpers), and the signatures dumps grant on for pgjwt, http, dblink,
-- pg_stat_statements and pgvector; as of 2026-08.
-- Written for change-policy: names and signatures are the extensions', the SQL is ours.
CREATE SCHEMA IF NOT EXISTS extensions;

GRANT USAGE ON SCHEMA extensions TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA extensions TO postgres, dashboard_user, supabase_admin;

-- Installed for real: the engine has them, as Supabase does. Created as postgres where the
-- runner may switch to it (both are trusted extensions), so postgres owns them as on
-- Supabase and a dump's COMMENT ON EXTENSION applies; otherwise as the runner.
DO $$
BEGIN
  BEGIN
    PERFORM set_config('role', 'postgres', false);
    CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;
    CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;
  EXCEPTION WHEN insufficient_privilege OR invalid_parameter_value THEN
    NULL;
  END;
  PERFORM set_config('role', 'none', false);
END
$$;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;
SELECT pg_temp.shim_become('supabase_admin');

-- Supabase runs these from event triggers (grants on pg_cron/pg_net/pg_graphql objects,
-- PostgREST schema reloads). Creating event triggers needs a superuser and they would
-- fire on every migration, so only the functions exist: dumps grant on them.
CREATE OR REPLACE FUNCTION extensions.grant_pg_cron_access() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE OR REPLACE FUNCTION extensions.grant_pg_graphql_access() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE OR REPLACE FUNCTION extensions.grant_pg_net_access() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE OR REPLACE FUNCTION extensions.pgrst_ddl_watch() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE OR REPLACE FUNCTION extensions.pgrst_drop_watch() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE OR REPLACE FUNCTION extensions.set_graphql_placeholder() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
COMMENT ON FUNCTION extensions.grant_pg_cron_access() IS 'Grants access to pg_cron';
COMMENT ON FUNCTION extensions.grant_pg_graphql_access() IS 'Grants access to pg_graphql';
COMMENT ON FUNCTION extensions.grant_pg_net_access() IS 'Grants access to pg_net';
COMMENT ON FUNCTION extensions.set_graphql_placeholder() IS 'Reintroduces placeholder function for graphql_public.graphql';

-- Stand-in: pg_stat_statements (statistics the engine does not collect: always empty).
CREATE OR REPLACE FUNCTION extensions.pg_stat_statements(showtext boolean, OUT userid oid, OUT dbid oid, OUT toplevel boolean, OUT queryid bigint, OUT query text, OUT calls bigint, OUT total_exec_time double precision, OUT rows bigint)
RETURNS SETOF record LANGUAGE sql AS $$ SELECT NULL::oid, NULL::oid, NULL::boolean, NULL::bigint, NULL::text, NULL::bigint, NULL::float8, NULL::bigint WHERE false $$;
CREATE OR REPLACE FUNCTION extensions.pg_stat_statements_reset(userid oid DEFAULT 0, dbid oid DEFAULT 0, queryid bigint DEFAULT 0) RETURNS void LANGUAGE sql AS $$ SELECT $$;
CREATE OR REPLACE FUNCTION extensions.pg_stat_statements_info(OUT dealloc bigint, OUT stats_reset timestamptz) RETURNS record LANGUAGE sql AS $$ SELECT 0::bigint, now() $$;
CREATE OR REPLACE VIEW extensions.pg_stat_statements AS SELECT * FROM extensions.pg_stat_statements(true);
CREATE OR REPLACE VIEW extensions.pg_stat_statements_info AS SELECT * FROM extensions.pg_stat_statements_info();

-- Stand-in: http -------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'extensions' AND t.typname = 'http_response') THEN
    CREATE TYPE extensions.http_header AS (field varchar, value varchar);
    CREATE TYPE extensions.http_response AS (status integer, content_type varchar, headers extensions.http_header[], content varchar);
    CREATE TYPE extensions.http_request AS (method varchar, uri varchar, headers extensions.http_header[], content_type varchar, content varchar);
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION extensions.http(request extensions.http_request) RETURNS extensions.http_response LANGUAGE sql AS $$
  SELECT ROW(200, 'text/plain', ARRAY[]::extensions.http_header[], '')::extensions.http_response
$$;

CREATE OR REPLACE FUNCTION extensions.http_get(uri varchar) RETURNS extensions.http_response LANGUAGE sql AS $$
  SELECT ROW(200, 'text/plain', ARRAY[]::extensions.http_header[], '')::extensions.http_response
$$;

CREATE OR REPLACE FUNCTION extensions.http_post(uri varchar, content varchar, content_type varchar) RETURNS extensions.http_response LANGUAGE sql AS $$
  SELECT ROW(200, 'text/plain', ARRAY[]::extensions.http_header[], '')::extensions.http_response
$$;

CREATE OR REPLACE FUNCTION extensions.http_header(field varchar, value varchar) RETURNS extensions.http_header LANGUAGE sql AS $$
  SELECT ROW(field, value)::extensions.http_header
$$;

-- Stand-in: pgjwt --------------------------------------------------------------------
CREATE OR REPLACE FUNCTION extensions.url_encode(data bytea) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT translate(encode(data, 'base64'), E'+/=\n', '-_')
$$;
CREATE OR REPLACE FUNCTION extensions.url_decode(data text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT decode(rpad(translate(data, '-_', '+/'), 4 * ((length(data) + 3) / 4), '='), 'base64')
$$;
CREATE OR REPLACE FUNCTION extensions.algorithm_sign(signables text, secret text, algorithm text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT extensions.url_encode(extensions.hmac(signables, secret, CASE algorithm WHEN 'HS384' THEN 'sha384' WHEN 'HS512' THEN 'sha512' ELSE 'sha256' END))
$$;
CREATE OR REPLACE FUNCTION extensions.sign(payload json, secret text, algorithm text DEFAULT 'HS256') RETURNS text LANGUAGE sql IMMUTABLE AS $$
  WITH parts AS (
    SELECT extensions.url_encode(convert_to(json_build_object('alg', algorithm, 'typ', 'JWT')::text, 'utf8')) || '.' ||
           extensions.url_encode(convert_to(payload::text, 'utf8')) AS signables
  )
  SELECT signables || '.' || extensions.algorithm_sign(signables, secret, algorithm) FROM parts
$$;
CREATE OR REPLACE FUNCTION extensions.try_cast_double(inp text) RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN inp::double precision;
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION extensions.verify(token text, secret text, algorithm text DEFAULT 'HS256') RETURNS TABLE (header json, payload json, valid boolean) LANGUAGE sql IMMUTABLE AS $$
  SELECT convert_from(extensions.url_decode(split_part(token, '.', 1)), 'utf8')::json,
         convert_from(extensions.url_decode(split_part(token, '.', 2)), 'utf8')::json,
         split_part(token, '.', 3) = extensions.algorithm_sign(split_part(token, '.', 1) || '.' || split_part(token, '.', 2), secret, algorithm)
$$;

-- Stand-in: dblink -----------------------------------------------------------------
CREATE OR REPLACE FUNCTION extensions.dblink_connect(connstr text) RETURNS text LANGUAGE sql AS $$ SELECT 'OK'::text $$;
CREATE OR REPLACE FUNCTION extensions.dblink_connect(connname text, connstr text) RETURNS text LANGUAGE sql AS $$ SELECT 'OK'::text $$;
CREATE OR REPLACE FUNCTION extensions.dblink_disconnect() RETURNS text LANGUAGE sql AS $$ SELECT 'OK'::text $$;
CREATE OR REPLACE FUNCTION extensions.dblink_disconnect(connname text) RETURNS text LANGUAGE sql AS $$ SELECT 'OK'::text $$;
CREATE OR REPLACE FUNCTION extensions.dblink_exec(sql text) RETURNS text LANGUAGE sql AS $$ SELECT 'OK'::text $$;
CREATE OR REPLACE FUNCTION extensions.dblink_exec(connname text, sql text) RETURNS text LANGUAGE sql AS $$ SELECT 'OK'::text $$;
CREATE OR REPLACE FUNCTION extensions.dblink(sql text) RETURNS SETOF record LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE OR REPLACE FUNCTION extensions.dblink(connname text, sql text) RETURNS SETOF record LANGUAGE plpgsql AS $$ BEGIN END $$;

RESET ROLE;

-- Stand-in: pgvector, where the database lacks it ---------------------------------
-- The types accept and print their text form and take a dimension (vector(1536)); the
-- distance operators return 0. Index builds with hnsw or ivfflat are skipped by the engine.
-- Declaring a C-level (internal) input function needs a superuser; without one the
-- stand-in is left out and migrations using vector fail with Postgres' own error.
DO $$
DECLARE
  type_name text;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector')
     OR EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'extensions' AND t.typname = 'vector') THEN
    RETURN;
  END IF;
  FOREACH type_name IN ARRAY ARRAY['vector', 'halfvec', 'sparsevec'] LOOP
    EXECUTE format('CREATE TYPE extensions.%I', type_name);
    EXECUTE format('CREATE FUNCTION extensions.%I(cstring, oid, integer) RETURNS extensions.%I LANGUAGE internal IMMUTABLE STRICT AS %L', type_name || '_in', type_name, 'textin');
    EXECUTE format('CREATE FUNCTION extensions.%I(extensions.%I) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS %L', type_name || '_out', type_name, 'textout');
    EXECUTE format('CREATE FUNCTION extensions.%I(cstring[]) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS %L', type_name || '_typmod_in', 'varchartypmodin');
    EXECUTE format('CREATE TYPE extensions.%I (INPUT = extensions.%I, OUTPUT = extensions.%I, TYPMOD_IN = extensions.%I, INTERNALLENGTH = VARIABLE, STORAGE = extended)', type_name, type_name || '_in', type_name || '_out', type_name || '_typmod_in');
    EXECUTE format('CREATE FUNCTION extensions.%I(extensions.%I, extensions.%I) RETURNS float8 LANGUAGE sql IMMUTABLE AS %L', type_name || '_stand_in_distance', type_name, type_name, 'SELECT 0::float8');
    EXECUTE format('CREATE OPERATOR extensions.<=> (LEFTARG = extensions.%I, RIGHTARG = extensions.%I, FUNCTION = extensions.%I)', type_name, type_name, type_name || '_stand_in_distance');
    EXECUTE format('CREATE OPERATOR extensions.<-> (LEFTARG = extensions.%I, RIGHTARG = extensions.%I, FUNCTION = extensions.%I)', type_name, type_name, type_name || '_stand_in_distance');
    EXECUTE format('CREATE OPERATOR extensions.<#> (LEFTARG = extensions.%I, RIGHTARG = extensions.%I, FUNCTION = extensions.%I)', type_name, type_name, type_name || '_stand_in_distance');
    EXECUTE format('CREATE OPERATOR extensions.<+> (LEFTARG = extensions.%I, RIGHTARG = extensions.%I, FUNCTION = extensions.%I)', type_name, type_name, type_name || '_stand_in_distance');
    EXECUTE format('CREATE FUNCTION extensions.cosine_distance(extensions.%I, extensions.%I) RETURNS float8 LANGUAGE sql IMMUTABLE AS %L', type_name, type_name, 'SELECT 0::float8');
    EXECUTE format('CREATE FUNCTION extensions.l2_distance(extensions.%I, extensions.%I) RETURNS float8 LANGUAGE sql IMMUTABLE AS %L', type_name, type_name, 'SELECT 0::float8');
    EXECUTE format('CREATE FUNCTION extensions.inner_product(extensions.%I, extensions.%I) RETURNS float8 LANGUAGE sql IMMUTABLE AS %L', type_name, type_name, 'SELECT 0::float8');
    EXECUTE format('CREATE FUNCTION extensions.vector_dims(extensions.%I) RETURNS integer LANGUAGE sql IMMUTABLE AS %L', type_name, 'SELECT 0');
  END LOOP;
  -- Casts migrations write when building embeddings from arrays.
  CREATE FUNCTION extensions.vector_from_real_array(real[], integer, boolean) RETURNS extensions.vector LANGUAGE sql IMMUTABLE AS $f$ SELECT NULL::extensions.vector $f$;
  CREATE CAST (real[] AS extensions.vector) WITH FUNCTION extensions.vector_from_real_array(real[], integer, boolean) AS ASSIGNMENT;
  CREATE FUNCTION extensions.vector_from_float8_array(float8[], integer, boolean) RETURNS extensions.vector LANGUAGE sql IMMUTABLE AS $f$ SELECT NULL::extensions.vector $f$;
  CREATE CAST (float8[] AS extensions.vector) WITH FUNCTION extensions.vector_from_float8_array(float8[], integer, boolean) AS ASSIGNMENT;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pgvector stand-in skipped: %', SQLERRM;
END
$$;

