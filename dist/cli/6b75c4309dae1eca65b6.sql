-- Stand-in for pgmq: the `pgmq` schema.
-- Mirrors: pgmq as Supabase ships it (create, create_unlogged, drop_queue, send,
-- send_batch, read, pop, delete, archive, the q_<queue>/a_<queue> tables); as of 2026-08.
-- Written for change-policy. create() makes the queue's tables (migrations grant on them);
-- sending and reading do nothing. The engine skips `CREATE EXTENSION pgmq` and reports it
-- stood in.
CREATE SCHEMA IF NOT EXISTS pgmq;

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

GRANT USAGE ON SCHEMA pgmq TO service_role;
-- postgres creates queues (tables in pgmq) from migrations.
GRANT ALL ON SCHEMA pgmq TO postgres;
GRANT ALL ON ALL TABLES IN SCHEMA pgmq TO postgres, service_role;
