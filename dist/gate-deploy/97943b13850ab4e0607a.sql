-- The `supabase_migrations` schema where the Supabase CLI records applied migrations.
-- Mirrors: supabase/cli pkg/migration (schema_migrations: version, statements, name,
-- created_by, idempotency_key, rollback); as of 2026-08.
-- Written for change-policy. Empty: change-policy records nothing here.
CREATE SCHEMA IF NOT EXISTS supabase_migrations;

CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (
  version text NOT NULL CONSTRAINT schema_migrations_pkey PRIMARY KEY,
  statements text[],
  name text,
  created_by text,
  idempotency_key text CONSTRAINT schema_migrations_idempotency_key_key UNIQUE,
  rollback text[]
);
