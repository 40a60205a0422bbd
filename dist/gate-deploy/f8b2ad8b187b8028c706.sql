-- The `supabase_functions` schema: database webhooks.
-- Mirrors: supabase/postgres webhooks setup (supabase_functions.migrations, hooks,
-- http_request()) as shipped by the Supabase CLI and platform; as of 2026-08.
-- Written for change-policy. http_request() records the hook, as Supabase's does, and sends
-- nothing (net.http_post is a stand-in).
CREATE SCHEMA IF NOT EXISTS supabase_functions;
GRANT USAGE ON SCHEMA supabase_functions TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA supabase_functions TO supabase_functions_admin;
SELECT pg_temp.shim_become('supabase_functions_admin');

CREATE TABLE IF NOT EXISTS supabase_functions.migrations (
  version text NOT NULL CONSTRAINT migrations_pkey PRIMARY KEY,
  inserted_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS supabase_functions.hooks (
  id bigserial CONSTRAINT hooks_pkey PRIMARY KEY,
  hook_table_id integer NOT NULL,
  hook_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  request_id bigint
);
CREATE INDEX IF NOT EXISTS supabase_functions_hooks_h_table_id_h_name_idx ON supabase_functions.hooks (hook_table_id, hook_name);
CREATE INDEX IF NOT EXISTS supabase_functions_hooks_request_id_idx ON supabase_functions.hooks (request_id);
COMMENT ON TABLE supabase_functions.hooks IS 'Supabase Functions Hooks: Audit trail for triggered hooks.';

-- The trigger function webhooks install: http_request(url, method, headers, params, timeout_ms).
CREATE OR REPLACE FUNCTION supabase_functions.http_request() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = supabase_functions AS $$
BEGIN
  IF TG_NARGS < 2 THEN
    RAISE EXCEPTION 'supabase_functions.http_request needs at least a url and a method';
  END IF;
  INSERT INTO supabase_functions.hooks (hook_table_id, hook_name, request_id) VALUES (TG_RELID, TG_NAME, 0);
  RETURN coalesce(NEW, OLD);
END
$$;

GRANT ALL ON ALL TABLES IN SCHEMA supabase_functions TO postgres, anon, authenticated, service_role;
GRANT ALL ON ALL SEQUENCES IN SCHEMA supabase_functions TO postgres, anon, authenticated, service_role;
GRANT ALL ON ALL FUNCTIONS IN SCHEMA supabase_functions TO postgres, anon, authenticated, service_role;

RESET ROLE;
