-- What a Supabase database already has before the first migration runs, so that a
-- project's migrations apply to a plain PostgreSQL (the embedded engine, or a server
-- given as database-url). Written for change-policy; it mirrors the names, columns and
-- signatures migrations use, not Supabase's implementation. Every statement is
-- idempotent: roles are cluster-wide and a server may already have some of this.
--
-- Extensions Supabase runs but plain Postgres lacks (pg_cron, pg_net, vault, pgmq,
-- pg_graphql, http, pgjwt, dblink; pgvector where missing) are stood in for by schemas and functions that do nothing;
-- the engine skips `CREATE EXTENSION` for those names (see supabase/stand-in-extensions.ts).

-- Roles ----------------------------------------------------------------------------
DO $$
DECLARE
  role_name text;
BEGIN
  FOREACH role_name IN ARRAY ARRAY[
    'anon', 'authenticated', 'service_role', 'authenticator', 'postgres',
    'supabase_admin', 'supabase_auth_admin', 'supabase_storage_admin',
    'supabase_realtime_admin', 'supabase_replication_admin', 'supabase_read_only_user',
    'dashboard_user', 'pgbouncer', 'pgsodium_keyholder', 'pgsodium_keyiduser', 'pgsodium_keymaker'
  ] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
    END IF;
  END LOOP;
END
$$;

ALTER ROLE service_role BYPASSRLS;
ALTER ROLE supabase_admin BYPASSRLS;
GRANT anon, authenticated, service_role TO authenticator;
GRANT anon, authenticated, service_role TO postgres;

-- Schemas --------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE SCHEMA IF NOT EXISTS auth;
CREATE SCHEMA IF NOT EXISTS storage;
CREATE SCHEMA IF NOT EXISTS realtime;
CREATE SCHEMA IF NOT EXISTS graphql;
CREATE SCHEMA IF NOT EXISTS graphql_public;
CREATE SCHEMA IF NOT EXISTS vault;
CREATE SCHEMA IF NOT EXISTS cron;
CREATE SCHEMA IF NOT EXISTS net;
CREATE SCHEMA IF NOT EXISTS pgmq;
CREATE SCHEMA IF NOT EXISTS supabase_functions;
CREATE SCHEMA IF NOT EXISTS supabase_migrations;

GRANT USAGE ON SCHEMA public, extensions, graphql_public, storage, realtime TO anon, authenticated, service_role;
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role, supabase_auth_admin, dashboard_user;
GRANT ALL ON SCHEMA auth TO supabase_auth_admin;
GRANT ALL ON SCHEMA storage TO supabase_storage_admin;
GRANT ALL ON SCHEMA public TO postgres, anon, authenticated, service_role;

-- Extensions Supabase installs into `extensions` and the engine has -----------------
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;

-- auth -----------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'auth' AND t.typname = 'aal_level') THEN
    CREATE TYPE auth.aal_level AS ENUM ('aal1', 'aal2', 'aal3');
    CREATE TYPE auth.factor_type AS ENUM ('totp', 'webauthn', 'phone');
    CREATE TYPE auth.factor_status AS ENUM ('unverified', 'verified');
    CREATE TYPE auth.code_challenge_method AS ENUM ('s256', 'plain');
    CREATE TYPE auth.one_time_token_type AS ENUM ('confirmation_token', 'reauthentication_token', 'recovery_token', 'email_change_token_new', 'email_change_token_current', 'phone_change_token');
  END IF;
END
$$;

CREATE TABLE IF NOT EXISTS auth.instances (
  id uuid PRIMARY KEY,
  uuid uuid,
  raw_base_config text,
  created_at timestamptz,
  updated_at timestamptz
);

CREATE TABLE IF NOT EXISTS auth.users (
  instance_id uuid,
  id uuid PRIMARY KEY,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text UNIQUE DEFAULT NULL,
  phone_confirmed_at timestamptz,
  phone_change text DEFAULT '',
  phone_change_token varchar(255) DEFAULT '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
  email_change_token_current varchar(255) DEFAULT '',
  email_change_confirm_status smallint DEFAULT 0 CHECK (email_change_confirm_status >= 0 AND email_change_confirm_status <= 2),
  banned_until timestamptz,
  reauthentication_token varchar(255) DEFAULT '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean NOT NULL DEFAULT false,
  deleted_at timestamptz,
  is_anonymous boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS users_instance_id_idx ON auth.users (instance_id);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_partial_key ON auth.users (email) WHERE is_sso_user = false;

CREATE TABLE IF NOT EXISTS auth.identities (
  provider_id text NOT NULL,
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  identity_data jsonb NOT NULL,
  provider text NOT NULL,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text GENERATED ALWAYS AS (lower(identity_data ->> 'email')) STORED,
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  UNIQUE (provider_id, provider)
);

CREATE TABLE IF NOT EXISTS auth.sessions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  created_at timestamptz,
  updated_at timestamptz,
  factor_id uuid,
  aal auth.aal_level,
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet,
  tag text
);

CREATE TABLE IF NOT EXISTS auth.refresh_tokens (
  instance_id uuid,
  id bigserial PRIMARY KEY,
  token varchar(255) UNIQUE,
  user_id varchar(255),
  revoked boolean,
  created_at timestamptz,
  updated_at timestamptz,
  parent varchar(255),
  session_id uuid REFERENCES auth.sessions (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS auth.mfa_factors (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  friendly_name text,
  factor_type auth.factor_type NOT NULL,
  status auth.factor_status NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  secret text,
  phone text,
  last_challenged_at timestamptz UNIQUE,
  web_authn_credential jsonb,
  web_authn_aaguid uuid
);

CREATE TABLE IF NOT EXISTS auth.mfa_challenges (
  id uuid PRIMARY KEY,
  factor_id uuid NOT NULL REFERENCES auth.mfa_factors (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  verified_at timestamptz,
  ip_address inet NOT NULL,
  otp_code text,
  web_authn_session_data jsonb
);

CREATE TABLE IF NOT EXISTS auth.mfa_amr_claims (
  session_id uuid NOT NULL REFERENCES auth.sessions (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  authentication_method text NOT NULL,
  id uuid PRIMARY KEY,
  UNIQUE (session_id, authentication_method)
);

CREATE TABLE IF NOT EXISTS auth.one_time_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  token_type auth.one_time_token_type NOT NULL,
  token_hash text NOT NULL,
  relates_to text NOT NULL,
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS auth.audit_log_entries (
  instance_id uuid,
  id uuid PRIMARY KEY,
  payload json,
  created_at timestamptz,
  ip_address varchar(64) NOT NULL DEFAULT ''
);

CREATE TABLE IF NOT EXISTS auth.schema_migrations (version varchar(255) PRIMARY KEY);

-- The JWT claims of the current request, as PostgREST sets them.
CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

CREATE OR REPLACE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

CREATE OR REPLACE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

GRANT EXECUTE ON FUNCTION auth.uid(), auth.role(), auth.email(), auth.jwt() TO PUBLIC;
GRANT SELECT ON ALL TABLES IN SCHEMA auth TO supabase_auth_admin, dashboard_user, postgres;
GRANT REFERENCES ON auth.users TO postgres, authenticated, service_role;

-- storage --------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS storage.buckets (
  id text PRIMARY KEY,
  name text NOT NULL,
  owner uuid,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  public boolean DEFAULT false,
  avif_autodetection boolean DEFAULT false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text
);
CREATE UNIQUE INDEX IF NOT EXISTS bname ON storage.buckets (name);

CREATE TABLE IF NOT EXISTS storage.objects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bucket_id text REFERENCES storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  last_accessed_at timestamptz DEFAULT now(),
  metadata jsonb,
  path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED,
  version text,
  owner_id text,
  user_metadata jsonb
);
CREATE UNIQUE INDEX IF NOT EXISTS bucketid_objname ON storage.objects (bucket_id, name);

CREATE TABLE IF NOT EXISTS storage.migrations (
  id integer PRIMARY KEY,
  name varchar(100) UNIQUE NOT NULL,
  hash varchar(40) NOT NULL,
  executed_at timestamp DEFAULT CURRENT_TIMESTAMP
);

ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.migrations ENABLE ROW LEVEL SECURITY;

CREATE OR REPLACE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  _parts text[];
BEGIN
  SELECT string_to_array(name, '/') INTO _parts;
  RETURN _parts[1:array_length(_parts, 1) - 1];
END
$$;

CREATE OR REPLACE FUNCTION storage.filename(name text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  _parts text[];
BEGIN
  SELECT string_to_array(name, '/') INTO _parts;
  RETURN _parts[array_length(_parts, 1)];
END
$$;

CREATE OR REPLACE FUNCTION storage.extension(name text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  _parts text[];
  _filename text;
BEGIN
  SELECT string_to_array(name, '/') INTO _parts;
  SELECT _parts[array_length(_parts, 1)] INTO _filename;
  RETURN reverse(split_part(reverse(_filename), '.', 1));
END
$$;

GRANT ALL ON storage.buckets, storage.objects TO anon, authenticated, service_role, postgres, supabase_storage_admin;

-- realtime -------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS realtime.messages (
  topic text NOT NULL,
  extension text NOT NULL,
  payload jsonb,
  event text,
  private boolean DEFAULT false,
  updated_at timestamp NOT NULL DEFAULT now(),
  inserted_at timestamp NOT NULL DEFAULT now(),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  PRIMARY KEY (id, inserted_at)
);
ALTER TABLE realtime.messages ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON realtime.messages TO anon, authenticated, service_role;

CREATE OR REPLACE FUNCTION realtime.topic() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('realtime.topic', true), '')::text
$$;

CREATE OR REPLACE FUNCTION realtime.send(payload jsonb, event text, topic text, private boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
END
$$;

CREATE OR REPLACE FUNCTION realtime.broadcast_changes(topic_name text, event_name text, operation text, table_name text, table_schema text, new record, old record, level text DEFAULT 'ROW') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
END
$$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
    CREATE PUBLICATION supabase_realtime;
  END IF;
END
$$;

-- Stand-in: supabase_vault ---------------------------------------------------------
CREATE TABLE IF NOT EXISTS vault.secrets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text UNIQUE,
  description text NOT NULL DEFAULT '',
  secret text NOT NULL,
  key_id uuid,
  nonce bytea,
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE OR REPLACE VIEW vault.decrypted_secrets AS
  SELECT id, name, description, secret, secret AS decrypted_secret, key_id, nonce, created_at, updated_at FROM vault.secrets;

CREATE OR REPLACE FUNCTION vault.create_secret(new_secret text, new_name text DEFAULT NULL, new_description text DEFAULT '', new_key_id uuid DEFAULT NULL) RETURNS uuid LANGUAGE sql AS $$
  INSERT INTO vault.secrets (secret, name, description, key_id) VALUES (new_secret, new_name, new_description, new_key_id) RETURNING id
$$;

CREATE OR REPLACE FUNCTION vault.update_secret(secret_id uuid, new_secret text DEFAULT NULL, new_name text DEFAULT NULL, new_description text DEFAULT NULL, new_key_id uuid DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
  UPDATE vault.secrets SET
    secret = coalesce(new_secret, secret),
    name = coalesce(new_name, name),
    description = coalesce(new_description, description),
    key_id = coalesce(new_key_id, key_id),
    updated_at = now()
  WHERE id = secret_id
$$;

-- Stand-in: pg_cron ----------------------------------------------------------------
CREATE TABLE IF NOT EXISTS cron.job (
  jobid bigserial PRIMARY KEY,
  schedule text NOT NULL,
  command text NOT NULL,
  nodename text NOT NULL DEFAULT 'localhost',
  nodeport integer NOT NULL DEFAULT 5432,
  database text NOT NULL DEFAULT current_database(),
  username text NOT NULL DEFAULT current_user,
  active boolean NOT NULL DEFAULT true,
  jobname text UNIQUE
);

CREATE TABLE IF NOT EXISTS cron.job_run_details (
  jobid bigint,
  runid bigserial PRIMARY KEY,
  job_pid integer,
  database text,
  username text,
  command text,
  status text,
  return_message text,
  start_time timestamptz,
  end_time timestamptz
);

CREATE OR REPLACE FUNCTION cron.schedule(job_name text, schedule text, command text) RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO cron.job (jobname, schedule, command) VALUES (job_name, schedule, command)
  ON CONFLICT (jobname) DO UPDATE SET schedule = excluded.schedule, command = excluded.command
  RETURNING jobid
$$;

CREATE OR REPLACE FUNCTION cron.schedule(schedule text, command text) RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO cron.job (schedule, command) VALUES (schedule, command) RETURNING jobid
$$;

CREATE OR REPLACE FUNCTION cron.schedule_in_database(job_name text, schedule text, command text, database text, username text DEFAULT NULL, active boolean DEFAULT true) RETURNS bigint LANGUAGE sql AS $$
  SELECT cron.schedule(job_name, schedule, command)
$$;

CREATE OR REPLACE FUNCTION cron.unschedule(job_id bigint) RETURNS boolean LANGUAGE sql AS $$
  WITH deleted AS (DELETE FROM cron.job WHERE jobid = job_id RETURNING 1) SELECT count(*) > 0 FROM deleted
$$;

CREATE OR REPLACE FUNCTION cron.unschedule(job_name text) RETURNS boolean LANGUAGE sql AS $$
  WITH deleted AS (DELETE FROM cron.job WHERE jobname = job_name RETURNING 1) SELECT count(*) > 0 FROM deleted
$$;

CREATE OR REPLACE FUNCTION cron.alter_job(job_id bigint, schedule text DEFAULT NULL, command text DEFAULT NULL, database text DEFAULT NULL, username text DEFAULT NULL, active boolean DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
  UPDATE cron.job SET schedule = coalesce(alter_job.schedule, job.schedule), command = coalesce(alter_job.command, job.command), active = coalesce(alter_job.active, job.active) WHERE jobid = job_id
$$;

-- Stand-in: pg_net -----------------------------------------------------------------
CREATE TABLE IF NOT EXISTS net.http_request_queue (
  id bigserial PRIMARY KEY,
  method text NOT NULL,
  url text NOT NULL,
  headers jsonb NOT NULL,
  body bytea,
  timeout_milliseconds integer NOT NULL
);

CREATE TABLE IF NOT EXISTS net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out boolean,
  error_msg text,
  created timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION net.http_get(url text, params jsonb DEFAULT '{}', headers jsonb DEFAULT '{}', timeout_milliseconds integer DEFAULT 5000) RETURNS bigint LANGUAGE sql AS $$
  SELECT 0::bigint
$$;

CREATE OR REPLACE FUNCTION net.http_post(url text, body jsonb DEFAULT '{}', params jsonb DEFAULT '{}', headers jsonb DEFAULT '{"Content-Type": "application/json"}', timeout_milliseconds integer DEFAULT 5000) RETURNS bigint LANGUAGE sql AS $$
  SELECT 0::bigint
$$;

CREATE OR REPLACE FUNCTION net.http_delete(url text, params jsonb DEFAULT '{}', headers jsonb DEFAULT '{}', timeout_milliseconds integer DEFAULT 5000) RETURNS bigint LANGUAGE sql AS $$
  SELECT 0::bigint
$$;

-- Supabase database webhooks call this trigger function.
CREATE OR REPLACE FUNCTION supabase_functions.http_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN NEW;
END
$$;

-- Stand-in: pgmq -------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'pgmq' AND t.typname = 'message_record') THEN
    CREATE TYPE pgmq.message_record AS (msg_id bigint, read_ct integer, enqueued_at timestamptz, vt timestamptz, message jsonb);
  END IF;
END
$$;

-- pgmq keeps each queue in tables pgmq.q_<name> and pgmq.a_<name>; migrations grant on them.
CREATE OR REPLACE FUNCTION pgmq.create(queue_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TABLE IF NOT EXISTS pgmq.%I (msg_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, read_ct integer NOT NULL DEFAULT 0, enqueued_at timestamptz NOT NULL DEFAULT now(), vt timestamptz NOT NULL DEFAULT now(), message jsonb)', 'q_' || queue_name);
  EXECUTE format('CREATE TABLE IF NOT EXISTS pgmq.%I (msg_id bigint PRIMARY KEY, read_ct integer NOT NULL DEFAULT 0, enqueued_at timestamptz NOT NULL DEFAULT now(), archived_at timestamptz NOT NULL DEFAULT now(), vt timestamptz NOT NULL, message jsonb)', 'a_' || queue_name);
END
$$;

CREATE OR REPLACE FUNCTION pgmq.create_unlogged(queue_name text) RETURNS void LANGUAGE sql AS $$
  SELECT pgmq.create(queue_name)
$$;

CREATE OR REPLACE FUNCTION pgmq.drop_queue(queue_name text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DROP TABLE IF EXISTS pgmq.%I', 'q_' || queue_name);
  EXECUTE format('DROP TABLE IF EXISTS pgmq.%I', 'a_' || queue_name);
  RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION pgmq.send(queue_name text, msg jsonb, delay integer DEFAULT 0) RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT 0::bigint
$$;

CREATE OR REPLACE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], delay integer DEFAULT 0) RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT 0::bigint WHERE false
$$;

CREATE OR REPLACE FUNCTION pgmq.read(queue_name text, vt integer, qty integer) RETURNS SETOF pgmq.message_record LANGUAGE sql AS $$
  SELECT NULL::bigint, NULL::integer, NULL::timestamptz, NULL::timestamptz, NULL::jsonb WHERE false
$$;

CREATE OR REPLACE FUNCTION pgmq.pop(queue_name text) RETURNS SETOF pgmq.message_record LANGUAGE sql AS $$
  SELECT NULL::bigint, NULL::integer, NULL::timestamptz, NULL::timestamptz, NULL::jsonb WHERE false
$$;

CREATE OR REPLACE FUNCTION pgmq.delete(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE sql AS $$
  SELECT false
$$;

CREATE OR REPLACE FUNCTION pgmq.archive(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE sql AS $$
  SELECT false
$$;

-- Stand-in: pg_graphql -------------------------------------------------------------
CREATE OR REPLACE FUNCTION graphql.resolve(query text, variables jsonb DEFAULT '{}', "operationName" text DEFAULT NULL, extensions jsonb DEFAULT NULL) RETURNS jsonb LANGUAGE sql AS $$
  SELECT '{}'::jsonb
$$;

CREATE OR REPLACE FUNCTION graphql_public.graphql("operationName" text DEFAULT NULL, query text DEFAULT NULL, variables jsonb DEFAULT NULL, extensions jsonb DEFAULT NULL) RETURNS jsonb LANGUAGE sql AS $$
  SELECT '{}'::jsonb
$$;

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

-- Stand-in: pgjwt ------------------------------------------------------------------
CREATE OR REPLACE FUNCTION extensions.sign(payload json, secret text, algorithm text DEFAULT 'HS256') RETURNS text LANGUAGE sql AS $$
  SELECT ''::text
$$;

CREATE OR REPLACE FUNCTION extensions.verify(token text, secret text, algorithm text DEFAULT 'HS256') RETURNS TABLE (header json, payload json, valid boolean) LANGUAGE sql AS $$
  SELECT NULL::json, NULL::json, false
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

GRANT USAGE ON SCHEMA graphql, graphql_public, net, cron, vault, pgmq, supabase_functions TO postgres, service_role;
GRANT ALL ON ALL TABLES IN SCHEMA cron, net, vault, pgmq TO postgres, service_role;

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
