-- Stand-in for supabase_vault: the `vault` schema.
-- Mirrors: supabase_vault as current projects' dumps show it (secrets table, decrypted_secrets view, create_secret,
-- update_secret, the _crypto_aead_det_* helpers); as of 2026-08.
-- Written for change-policy. Secrets are stored as given, not encrypted: this database is
-- thrown away after the run, and migrations only need the names and signatures to exist.
-- The engine skips `CREATE EXTENSION supabase_vault` (and pgsodium) and reports it stood in.
-- create_secret and update_secret run as the table's owner, as Vault's do: postgres may only
-- read and delete secrets directly.
CREATE SCHEMA IF NOT EXISTS vault;
GRANT USAGE ON SCHEMA vault TO postgres WITH GRANT OPTION;
GRANT USAGE ON SCHEMA vault TO service_role;
GRANT ALL ON SCHEMA vault TO supabase_admin;
SELECT pg_temp.shim_become('supabase_admin');

CREATE OR REPLACE FUNCTION vault._crypto_aead_det_noncegen() RETURNS bytea LANGUAGE sql AS $$
  SELECT extensions.gen_random_bytes(16)
$$;
CREATE OR REPLACE FUNCTION vault._crypto_aead_det_encrypt(message bytea, additional bytea, key_id bigint, context bytea DEFAULT '\x7067736f6469756d', nonce bytea DEFAULT NULL) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT message
$$;
CREATE OR REPLACE FUNCTION vault._crypto_aead_det_decrypt(message bytea, additional bytea, key_id bigint, context bytea DEFAULT '\x7067736f6469756d', nonce bytea DEFAULT NULL) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT message
$$;

CREATE TABLE IF NOT EXISTS vault.secrets (
  id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT secrets_pkey PRIMARY KEY,
  name text,
  description text NOT NULL DEFAULT '',
  secret text NOT NULL,
  key_id uuid,
  nonce bytea DEFAULT vault._crypto_aead_det_noncegen(),
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX IF NOT EXISTS secrets_name_idx ON vault.secrets (name) WHERE name IS NOT NULL;
COMMENT ON TABLE vault.secrets IS 'Table with encrypted `secret` column for storing sensitive information on disk.';

CREATE OR REPLACE VIEW vault.decrypted_secrets AS
  SELECT id, name, description, secret, secret AS decrypted_secret, key_id, nonce, created_at, updated_at FROM vault.secrets;

CREATE OR REPLACE FUNCTION vault.create_secret(new_secret text, new_name text DEFAULT NULL, new_description text DEFAULT '', new_key_id uuid DEFAULT NULL) RETURNS uuid LANGUAGE sql SECURITY DEFINER SET search_path = '' AS $$
  INSERT INTO vault.secrets (secret, name, description, key_id) VALUES (new_secret, new_name, new_description, new_key_id) RETURNING id
$$;

CREATE OR REPLACE FUNCTION vault.update_secret(secret_id uuid, new_secret text DEFAULT NULL, new_name text DEFAULT NULL, new_description text DEFAULT NULL, new_key_id uuid DEFAULT NULL) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = '' AS $$
  UPDATE vault.secrets SET
    secret = coalesce(new_secret, secret),
    name = coalesce(new_name, name),
    description = coalesce(new_description, description),
    key_id = coalesce(new_key_id, key_id),
    updated_at = now()
  WHERE id = secret_id
$$;

GRANT SELECT, DELETE ON vault.secrets, vault.decrypted_secrets TO postgres WITH GRANT OPTION;
GRANT SELECT, DELETE ON vault.secrets, vault.decrypted_secrets TO service_role;
GRANT ALL ON ALL FUNCTIONS IN SCHEMA vault TO postgres WITH GRANT OPTION;
GRANT ALL ON ALL FUNCTIONS IN SCHEMA vault TO service_role;

RESET ROLE;
