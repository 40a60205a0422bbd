-- Stand-in for pg_net: the `net` schema.
-- Mirrors: pg_net as Supabase projects' dumps show it (http_request_queue, _http_response,
-- http_get, http_post, http_delete with its newer body argument, worker_restart,
-- wait_until_running) plus http_collect_response from older pg_net, which older projects still
-- run and their dumps grant on; as of 2026-08. Older pg_net's four-argument http_delete is
-- not here: next to the current one, a call http_delete(url) would be ambiguous.
-- Written for change-policy. Requests are queued (so a migration can read its request id)
-- and never sent. The engine skips `CREATE EXTENSION pg_net` and reports it stood in.
CREATE SCHEMA IF NOT EXISTS net;
GRANT USAGE ON SCHEMA net TO postgres, anon, authenticated, service_role, supabase_functions_admin;
GRANT ALL ON SCHEMA net TO supabase_admin;
SELECT pg_temp.shim_become('supabase_admin');

DO $$
BEGIN
  IF to_regtype('net.request_status') IS NULL THEN
    CREATE TYPE net.request_status AS ENUM ('PENDING', 'SUCCESS', 'ERROR');
    CREATE TYPE net.http_response AS (status_code integer, headers jsonb, body text);
    CREATE TYPE net.http_response_result AS (status net.request_status, message text, response net.http_response);
  END IF;
END
$$;

CREATE UNLOGGED TABLE IF NOT EXISTS net.http_request_queue (
  id bigserial NOT NULL,
  method text NOT NULL,
  url text NOT NULL,
  headers jsonb NOT NULL,
  body bytea,
  timeout_milliseconds integer NOT NULL
);

CREATE UNLOGGED TABLE IF NOT EXISTS net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out boolean,
  error_msg text,
  created timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS _http_response_created_idx ON net._http_response (created);

CREATE OR REPLACE FUNCTION net.http_get(url text, params jsonb DEFAULT '{}', headers jsonb DEFAULT '{}', timeout_milliseconds integer DEFAULT 5000) RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO net.http_request_queue (method, url, headers, timeout_milliseconds) VALUES ('GET', url, headers, timeout_milliseconds) RETURNING id
$$;

CREATE OR REPLACE FUNCTION net.http_post(url text, body jsonb DEFAULT '{}', params jsonb DEFAULT '{}', headers jsonb DEFAULT '{"Content-Type": "application/json"}', timeout_milliseconds integer DEFAULT 5000) RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds) VALUES ('POST', url, headers, convert_to(body::text, 'utf8'), timeout_milliseconds) RETURNING id
$$;

CREATE OR REPLACE FUNCTION net.http_delete(url text, params jsonb DEFAULT '{}', headers jsonb DEFAULT '{}', timeout_milliseconds integer DEFAULT 5000, body jsonb DEFAULT NULL) RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds) VALUES ('DELETE', url, headers, convert_to(body::text, 'utf8'), timeout_milliseconds) RETURNING id
$$;

CREATE OR REPLACE FUNCTION net.http_collect_response(request_id bigint, async boolean DEFAULT true) RETURNS net.http_response_result LANGUAGE sql AS $$
  SELECT ROW('PENDING', 'request not sent: pg_net is stood in by change-policy', NULL)::net.http_response_result
$$;

CREATE OR REPLACE FUNCTION net.worker_restart() RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE OR REPLACE FUNCTION net.wait_until_running() RETURNS void LANGUAGE sql AS $$ SELECT $$;

GRANT ALL ON ALL TABLES IN SCHEMA net TO postgres, service_role, supabase_functions_admin;
GRANT ALL ON ALL SEQUENCES IN SCHEMA net TO postgres, service_role, supabase_functions_admin;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA net FROM PUBLIC;
GRANT ALL ON ALL FUNCTIONS IN SCHEMA net TO postgres, anon, authenticated, service_role, supabase_functions_admin;

RESET ROLE;
