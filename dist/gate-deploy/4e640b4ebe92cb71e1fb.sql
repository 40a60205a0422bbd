-- The `realtime` schema as Supabase Realtime leaves it, and the supabase_realtime publication.
-- Mirrors: supabase/realtime lib/realtime/tenants/repo/migrations up to
-- 20260709120000_fix_apply_rls_filter_role_leak (main at 833cf36c, 2026-08-21);
-- realtime.messages is partitioned by inserted_at since 20241030150047_messages_partitioning;
-- as of 2026-08.
-- Written for change-policy: type, table and function names and signatures are Supabase's,
-- the SQL is ours. The change-feed functions (apply_rls, list_changes) need a replication
-- slot and wal2json to do anything, so they return nothing here; send() really inserts.
CREATE SCHEMA IF NOT EXISTS realtime;
GRANT USAGE ON SCHEMA realtime TO postgres WITH GRANT OPTION;
GRANT USAGE ON SCHEMA realtime TO anon, authenticated, service_role;
GRANT ALL ON SCHEMA realtime TO supabase_realtime_admin, supabase_admin;


SELECT pg_temp.shim_become('supabase_admin');
CREATE TABLE IF NOT EXISTS realtime.schema_migrations (
  version bigint NOT NULL CONSTRAINT schema_migrations_pkey PRIMARY KEY,
  inserted_at timestamp(0)
);
RESET ROLE;
SELECT pg_temp.shim_become('supabase_realtime_admin');

DO $$
BEGIN
  IF to_regtype('realtime.action') IS NULL THEN
    CREATE TYPE realtime.action AS ENUM ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'ERROR');
    CREATE TYPE realtime.equality_op AS ENUM ('eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'like', 'ilike', 'is', 'match', 'imatch', 'isdistinct');
    CREATE TYPE realtime.user_defined_filter AS (column_name text, op realtime.equality_op, value text, negate boolean);
    CREATE TYPE realtime.wal_column AS (name text, type_name text, type_oid oid, value jsonb, is_pkey boolean, is_selectable boolean);
    CREATE TYPE realtime.wal_rls AS (wal jsonb, is_rls_enabled boolean, subscription_ids uuid[], errors text[]);
  END IF;
END
$$;

-- Broadcast messages. Realtime creates a partition per day; one default partition keeps
-- inserts (realtime.send) working without that job.
CREATE TABLE IF NOT EXISTS realtime.messages (
  topic text NOT NULL,
  extension text NOT NULL,
  payload jsonb,
  event text,
  private boolean DEFAULT false,
  updated_at timestamp NOT NULL DEFAULT now(),
  inserted_at timestamp NOT NULL DEFAULT now(),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  binary_payload bytea,
  CONSTRAINT messages_pkey PRIMARY KEY (id, inserted_at),
  CONSTRAINT messages_payload_exclusive CHECK (payload IS NULL OR binary_payload IS NULL)
) PARTITION BY RANGE (inserted_at);
CREATE TABLE IF NOT EXISTS realtime.messages_default PARTITION OF realtime.messages DEFAULT;
CREATE INDEX IF NOT EXISTS messages_inserted_at_topic_index ON realtime.messages (inserted_at DESC, topic) WHERE extension = 'broadcast' AND private IS TRUE;

CREATE OR REPLACE FUNCTION realtime.to_regrole(role_name text) RETURNS regrole LANGUAGE sql IMMUTABLE AS $$
  SELECT role_name::regrole
$$;

CREATE TABLE IF NOT EXISTS realtime.subscription (
  id bigint NOT NULL GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_subscription PRIMARY KEY,
  subscription_id uuid NOT NULL,
  entity regclass NOT NULL,
  filters realtime.user_defined_filter[] NOT NULL DEFAULT '{}',
  claims jsonb NOT NULL,
  claims_role regrole NOT NULL GENERATED ALWAYS AS (realtime.to_regrole(claims ->> 'role')) STORED,
  created_at timestamp NOT NULL DEFAULT timezone('utc', now()),
  action_filter text DEFAULT '*' CONSTRAINT subscription_action_filter_check CHECK (action_filter IN ('*', 'INSERT', 'UPDATE', 'DELETE')),
  selected_columns text[]
);
CREATE INDEX IF NOT EXISTS ix_realtime_subscription_entity ON realtime.subscription (entity);
CREATE UNIQUE INDEX IF NOT EXISTS subscription_subscription_id_entity_filters_action_filter_selec ON realtime.subscription (subscription_id, entity, filters, action_filter, coalesce(selected_columns, '{}'));

-- The topic of the broadcast being authorised, set by Realtime for realtime.messages policies.
CREATE OR REPLACE FUNCTION realtime.topic() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('realtime.topic', true), '')
$$;

CREATE OR REPLACE FUNCTION realtime.send(payload jsonb, event text, topic text, private boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('realtime.topic', topic, true);
  INSERT INTO realtime.messages (payload, event, topic, private, extension) VALUES (payload, event, topic, private, 'broadcast');
EXCEPTION WHEN others THEN
  RAISE WARNING 'realtime.send did not store the message: %', SQLERRM;
END
$$;

CREATE OR REPLACE FUNCTION realtime.send_binary(payload bytea, event text, topic text, private boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('realtime.topic', topic, true);
  INSERT INTO realtime.messages (binary_payload, event, topic, private, extension) VALUES (payload, event, topic, private, 'broadcast');
EXCEPTION WHEN others THEN
  RAISE WARNING 'realtime.send_binary did not store the message: %', SQLERRM;
END
$$;

-- Called from row triggers: broadcasts the change on topic_name.
CREATE OR REPLACE FUNCTION realtime.broadcast_changes(topic_name text, event_name text, operation text, table_name text, table_schema text, new record, old record, level text DEFAULT 'ROW') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF level = 'STATEMENT' THEN
    RAISE EXCEPTION 'realtime.broadcast_changes runs for each row, not for each statement';
  END IF;
  IF operation NOT IN ('INSERT', 'UPDATE', 'DELETE') THEN
    RAISE EXCEPTION 'realtime.broadcast_changes: unexpected operation %', operation;
  END IF;
  PERFORM realtime.send(jsonb_build_object('old_record', old, 'record', new, 'operation', operation, 'table', table_name, 'schema', table_schema), event_name, topic_name);
END
$$;

CREATE OR REPLACE FUNCTION realtime."cast"(val text, type_ regtype) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  result jsonb;
BEGIN
  IF type_ = 'bytea'::regtype THEN
    RETURN to_jsonb(val);
  END IF;
  EXECUTE format('SELECT to_jsonb(%L::%s)', val, type_) INTO result;
  RETURN result;
END
$$;

CREATE OR REPLACE FUNCTION realtime.check_equality_op(op realtime.equality_op, type_ regtype, val_1 text, val_2 text, negate boolean) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
  result boolean;
BEGIN
  IF op = 'is' THEN
    EXECUTE format('SELECT %L::%s IS %s', val_1, type_, upper(val_2)) INTO result;
  ELSIF op = 'isdistinct' THEN
    EXECUTE format('SELECT %L::%s IS DISTINCT FROM %L::%s', val_1, type_, val_2, type_) INTO result;
  ELSIF op = 'in' THEN
    EXECUTE format('SELECT %L::%s = ANY (%L::%s[])', val_1, type_, val_2, type_) INTO result;
  ELSE
    EXECUTE format('SELECT %L::%s %s %L::%s', val_1, type_,
      CASE op WHEN 'eq' THEN '=' WHEN 'neq' THEN '<>' WHEN 'lt' THEN '<' WHEN 'lte' THEN '<=' WHEN 'gt' THEN '>' WHEN 'gte' THEN '>='
        WHEN 'like' THEN 'LIKE' WHEN 'ilike' THEN 'ILIKE' WHEN 'match' THEN '~' WHEN 'imatch' THEN '~*' END,
      val_2, type_) INTO result;
  END IF;
  RETURN CASE WHEN negate THEN NOT result ELSE result END;
END
$$;

CREATE OR REPLACE FUNCTION realtime.check_equality_op(op realtime.equality_op, type_ regtype, val_1 text, val_2 text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT realtime.check_equality_op(op, type_, val_1, val_2, false)
$$;

CREATE OR REPLACE FUNCTION realtime.is_visible_through_filters(columns realtime.wal_column[], filters realtime.user_defined_filter[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(bool_and(c.name IS NOT NULL AND realtime.check_equality_op(f.op, coalesce(c.type_oid::regtype, c.type_name::regtype), c.value #>> '{}', f.value, coalesce(f.negate, false))), true)
  FROM unnest(filters) f LEFT JOIN unnest(columns) c ON c.name = f.column_name
$$;

CREATE OR REPLACE FUNCTION realtime.build_prepared_statement_sql(prepared_statement_name text, entity regclass, columns realtime.wal_column[]) RETURNS text LANGUAGE sql AS $$
  SELECT format('PREPARE %s AS SELECT EXISTS (SELECT 1 FROM %s WHERE %s)', prepared_statement_name, entity,
    string_agg(format('%I = %L', c.name, c.value #>> '{}'), ' AND '))
  FROM unnest(columns) c WHERE c.is_pkey
$$;

CREATE OR REPLACE FUNCTION realtime.wal2json_escape_identifier(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT regexp_replace(name, '([\\,.[:space:]])', '\\\1', 'g')
$$;

CREATE OR REPLACE FUNCTION realtime.quote_wal2json(entity regclass) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT realtime.wal2json_escape_identifier(n.nspname) || '.' || realtime.wal2json_escape_identifier(c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = entity
$$;

CREATE OR REPLACE FUNCTION realtime.apply_rls(wal jsonb, max_record_bytes integer DEFAULT 1024 * 1024) RETURNS SETOF realtime.wal_rls LANGUAGE sql AS $$
  SELECT NULL::jsonb, NULL::boolean, NULL::uuid[], NULL::text[] WHERE false
$$;

CREATE OR REPLACE FUNCTION realtime.list_changes(publication name, slot_name name, max_changes integer, max_record_bytes integer)
RETURNS TABLE (wal jsonb, is_rls_enabled boolean, subscription_ids uuid[], errors text[], slot_changes_count bigint) LANGUAGE sql AS $$
  SELECT NULL::jsonb, NULL::boolean, NULL::uuid[], NULL::text[], 0::bigint WHERE false
$$;

-- Keeps subscription filters valid and in a canonical order.
CREATE OR REPLACE FUNCTION realtime.subscription_check_filters() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  filter realtime.user_defined_filter;
BEGIN
  FOREACH filter IN ARRAY NEW.filters LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = NEW.entity AND a.attname = filter.column_name AND a.attnum > 0 AND NOT a.attisdropped) THEN
      RAISE EXCEPTION 'invalid column for filter %', filter.column_name;
    END IF;
  END LOOP;
  NEW.filters := coalesce((SELECT array_agg(f ORDER BY f.column_name, f.op, f.value, f.negate) FROM unnest(NEW.filters) f), '{}');
  RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER tr_check_filters BEFORE INSERT OR UPDATE ON realtime.subscription FOR EACH ROW EXECUTE FUNCTION realtime.subscription_check_filters();

ALTER TABLE realtime.messages ENABLE ROW LEVEL SECURITY;
RESET ROLE;

GRANT ALL ON ALL TABLES IN SCHEMA realtime TO postgres, dashboard_user;
GRANT SELECT, INSERT, UPDATE ON realtime.messages TO anon, authenticated, service_role;
GRANT SELECT ON realtime.subscription TO anon, authenticated, service_role;
GRANT ALL ON ALL SEQUENCES IN SCHEMA realtime TO postgres, dashboard_user;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA realtime TO anon, authenticated, service_role;
GRANT ALL ON ALL FUNCTIONS IN SCHEMA realtime TO postgres, dashboard_user;
GRANT ALL ON FUNCTION realtime.apply_rls(jsonb, integer), realtime.build_prepared_statement_sql(text, regclass, realtime.wal_column[]), realtime."cast"(text, regtype),
  realtime.check_equality_op(realtime.equality_op, regtype, text, text), realtime.check_equality_op(realtime.equality_op, regtype, text, text, boolean),
  realtime.is_visible_through_filters(realtime.wal_column[], realtime.user_defined_filter[]), realtime.quote_wal2json(regclass),
  realtime.subscription_check_filters(), realtime.to_regrole(text) TO anon, authenticated, service_role;

-- The publication Realtime streams Postgres changes from; projects add their tables to it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
    CREATE PUBLICATION supabase_realtime;
    -- postgres owns it on Supabase, so migrations may add tables and restate its owner.
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'postgres') THEN
      ALTER PUBLICATION supabase_realtime OWNER TO postgres;
    END IF;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  NULL;
END
$$;
