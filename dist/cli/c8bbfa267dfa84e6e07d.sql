-- The `storage` schema as Supabase Storage leaves it.
-- Mirrors: supabase/storage migrations/tenant up to 0063-fix-search-name-relative-to-prefix
-- (master at 4fa61fba, 2026-08-21), over supabase/postgres
-- init-scripts/00000000000002-storage-schema.sql; as of 2026-08. storage.prefixes and its triggers (0026-0041) were dropped again by 0052
-- and are not here, as on a current project.
-- Written for change-policy: table, column, constraint, index, trigger and function names and
-- signatures are Supabase's (dumps and diffs name them), the SQL is ours. Functions do what
-- Supabase's do where that is cheap; the listing functions are plain queries.
CREATE SCHEMA IF NOT EXISTS storage;
GRANT USAGE ON SCHEMA storage TO anon, authenticated, service_role;
GRANT ALL ON SCHEMA storage TO supabase_storage_admin, dashboard_user, postgres;
SELECT pg_temp.shim_become('supabase_storage_admin');

DO $$
BEGIN
  IF to_regtype('storage.buckettype') IS NULL THEN
    CREATE TYPE storage.buckettype AS ENUM ('STANDARD', 'ANALYTICS', 'VECTOR');
  END IF;
END
$$;

CREATE TABLE IF NOT EXISTS storage.migrations (
  id integer NOT NULL CONSTRAINT migrations_pkey PRIMARY KEY,
  name varchar(100) NOT NULL CONSTRAINT migrations_name_key UNIQUE,
  hash varchar(40) NOT NULL,
  executed_at timestamp DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS storage.buckets (
  id text NOT NULL CONSTRAINT buckets_pkey PRIMARY KEY,
  name text NOT NULL,
  owner uuid,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  public boolean DEFAULT false,
  avif_autodetection boolean DEFAULT false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type storage.buckettype NOT NULL DEFAULT 'STANDARD',
  versioning_status text NOT NULL DEFAULT 'DISABLED'
    CONSTRAINT buckets_versioning_status_check CHECK (versioning_status IN ('DISABLED', 'ENABLED', 'SUSPENDED'))
    CONSTRAINT buckets_versioning_dark_check CHECK (versioning_status = 'DISABLED'),
  CONSTRAINT buckets_versioning_standard_only_check CHECK (type = 'STANDARD' OR versioning_status = 'DISABLED')
);
CREATE UNIQUE INDEX IF NOT EXISTS bname ON storage.buckets (name);

CREATE TABLE IF NOT EXISTS storage.objects (
  id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT objects_pkey PRIMARY KEY,
  bucket_id text CONSTRAINT "objects_bucketId_fkey" REFERENCES storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  last_accessed_at timestamptz DEFAULT now(),
  metadata jsonb,
  path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED,
  version text,
  owner_id text,
  user_metadata jsonb,
  archived_at timestamptz,
  is_delete_marker boolean NOT NULL DEFAULT false,
  is_versioned boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX IF NOT EXISTS bucketid_objname ON storage.objects (bucket_id, name);
CREATE INDEX IF NOT EXISTS idx_objects_bucket_id_name ON storage.objects (bucket_id, name COLLATE "C");
CREATE INDEX IF NOT EXISTS idx_objects_bucket_id_name_lower ON storage.objects (bucket_id, lower(name) COLLATE "C");
CREATE INDEX IF NOT EXISTS name_prefix_search ON storage.objects (name text_pattern_ops);
COMMENT ON COLUMN storage.buckets.owner IS 'Field is deprecated, use owner_id instead';
COMMENT ON COLUMN storage.objects.owner IS 'Field is deprecated, use owner_id instead';

CREATE TABLE IF NOT EXISTS storage.s3_multipart_uploads (
  id text NOT NULL CONSTRAINT s3_multipart_uploads_pkey PRIMARY KEY,
  in_progress_size bigint NOT NULL DEFAULT 0,
  upload_signature text NOT NULL,
  bucket_id text NOT NULL CONSTRAINT s3_multipart_uploads_bucket_id_fkey REFERENCES storage.buckets (id),
  key text COLLATE "C" NOT NULL,
  version text NOT NULL,
  owner_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  user_metadata jsonb,
  metadata jsonb
);
CREATE INDEX IF NOT EXISTS idx_multipart_uploads_list ON storage.s3_multipart_uploads (bucket_id, key, created_at);

CREATE TABLE IF NOT EXISTS storage.s3_multipart_uploads_parts (
  id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT s3_multipart_uploads_parts_pkey PRIMARY KEY,
  upload_id text NOT NULL CONSTRAINT s3_multipart_uploads_parts_upload_id_fkey REFERENCES storage.s3_multipart_uploads (id) ON DELETE CASCADE,
  size bigint NOT NULL DEFAULT 0,
  part_number integer NOT NULL,
  bucket_id text NOT NULL CONSTRAINT s3_multipart_uploads_parts_bucket_id_fkey REFERENCES storage.buckets (id),
  key text COLLATE "C" NOT NULL,
  etag text NOT NULL,
  owner_id text,
  version text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Analytics (Iceberg) and vector buckets (storage 2025-2026).
CREATE TABLE IF NOT EXISTS storage.buckets_analytics (
  name text NOT NULL,
  type storage.buckettype NOT NULL DEFAULT 'ANALYTICS',
  format text NOT NULL DEFAULT 'ICEBERG',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT buckets_analytics_pkey PRIMARY KEY,
  deleted_at timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS buckets_analytics_unique_name_idx ON storage.buckets_analytics (name) WHERE deleted_at IS NULL;

CREATE TABLE IF NOT EXISTS storage.iceberg_namespaces (
  id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT iceberg_namespaces_pkey PRIMARY KEY,
  bucket_name text NOT NULL,
  name text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  metadata jsonb NOT NULL DEFAULT '{}',
  catalog_id uuid NOT NULL CONSTRAINT iceberg_namespaces_catalog_id_fkey REFERENCES storage.buckets_analytics (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_iceberg_namespaces_bucket_id ON storage.iceberg_namespaces (catalog_id, name);

CREATE TABLE IF NOT EXISTS storage.iceberg_tables (
  id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT iceberg_tables_pkey PRIMARY KEY,
  namespace_id uuid NOT NULL CONSTRAINT iceberg_tables_namespace_id_fkey REFERENCES storage.iceberg_namespaces (id) ON DELETE CASCADE,
  bucket_name text NOT NULL,
  name text COLLATE "C" NOT NULL,
  location text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  remote_table_id text,
  shard_key text,
  shard_id text,
  catalog_id uuid NOT NULL CONSTRAINT iceberg_tables_catalog_id_fkey REFERENCES storage.buckets_analytics (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_iceberg_tables_location ON storage.iceberg_tables (location);
CREATE UNIQUE INDEX IF NOT EXISTS idx_iceberg_tables_namespace_id ON storage.iceberg_tables (catalog_id, namespace_id, name);

CREATE TABLE IF NOT EXISTS storage.buckets_vectors (
  id text NOT NULL CONSTRAINT buckets_vectors_pkey PRIMARY KEY,
  type storage.buckettype NOT NULL DEFAULT 'VECTOR',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS storage.vector_indexes (
  id text NOT NULL DEFAULT gen_random_uuid() CONSTRAINT vector_indexes_pkey PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  bucket_id text NOT NULL CONSTRAINT vector_indexes_bucket_id_fkey REFERENCES storage.buckets_vectors (id),
  data_type text NOT NULL,
  dimension integer NOT NULL,
  distance_metric text NOT NULL,
  metadata_configuration jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS vector_indexes_name_bucket_id_idx ON storage.vector_indexes (name, bucket_id);

-- Path helpers policies use: foldername('a/b/c.png') = {a,b}, filename = 'c.png', extension = 'png'.
CREATE OR REPLACE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT (string_to_array(name, '/'))[1:cardinality(string_to_array(name, '/')) - 1]
$$;

CREATE OR REPLACE FUNCTION storage.filename(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT (string_to_array(name, '/'))[cardinality(string_to_array(name, '/'))]
$$;

CREATE OR REPLACE FUNCTION storage.extension(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN position('.' IN storage.filename(name)) = 0 THEN '' ELSE regexp_replace(storage.filename(name), '^.*\.', '') END
$$;

-- The Storage API sets storage.operation (e.g. 'storage.object.upload') per request.
CREATE OR REPLACE FUNCTION storage.operation() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT current_setting('storage.operation', true)
$$;

CREATE OR REPLACE FUNCTION storage.allow_only_operation(expected_operation text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(expected_operation, '') IS NOT NULL
    AND regexp_replace(storage.operation(), '^storage\.', '') = regexp_replace(expected_operation, '^storage\.', ''), false)
$$;

CREATE OR REPLACE FUNCTION storage.allow_any_operation(expected_operations text[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(bool_or(storage.allow_only_operation(expected)), false) FROM unnest(expected_operations) AS expected
$$;

CREATE OR REPLACE FUNCTION storage.get_size_by_bucket() RETURNS TABLE (size bigint, bucket_id text) LANGUAGE sql STABLE AS $$
  SELECT sum((o.metadata ->> 'size')::bigint)::bigint, o.bucket_id FROM storage.objects o GROUP BY o.bucket_id
$$;

-- Whether the current role may insert this object: the insert runs against the policies and
-- is then undone by the error the Storage API expects ('ROLLBACK', SQLSTATE PT200).
CREATE OR REPLACE FUNCTION storage.can_insert_object(bucketid text, name text, owner uuid, metadata jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO storage.objects (bucket_id, name, owner, metadata) VALUES (bucketid, name, owner, metadata);
  RAISE SQLSTATE 'PT200' USING MESSAGE = 'ROLLBACK', DETAIL = 'the test insert is undone';
END
$$;

-- The first path segment below p_prefix, with its delimiter ('a/b/' for key 'a/b/c', prefix 'a/'); NULL for a leaf.
CREATE OR REPLACE FUNCTION storage.get_common_prefix(p_key text, p_prefix text, p_delimiter text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN strpos(substr(p_key, length(p_prefix) + 1), p_delimiter) > 0
    THEN left(p_key, length(p_prefix) + strpos(substr(p_key, length(p_prefix) + 1), p_delimiter))
  END
$$;

CREATE OR REPLACE FUNCTION storage.search(prefix text, bucketname text, limits integer DEFAULT 100, levels integer DEFAULT 1, offsets integer DEFAULT 0, search text DEFAULT '', sortcolumn text DEFAULT 'name', sortorder text DEFAULT 'asc')
RETURNS TABLE (name text, id uuid, updated_at timestamptz, created_at timestamptz, last_accessed_at timestamptz, metadata jsonb) LANGUAGE sql STABLE AS $$
  SELECT o.name, o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
  FROM storage.objects o
  WHERE o.bucket_id = bucketname AND o.name COLLATE "C" LIKE prefix || '%' AND o.name ILIKE '%' || search || '%'
  ORDER BY CASE WHEN lower(sortorder) = 'desc' THEN o.name END DESC, o.name
  LIMIT limits OFFSET offsets
$$;

CREATE OR REPLACE FUNCTION storage.search_v2(prefix text, bucket_name text, limits integer DEFAULT 100, levels integer DEFAULT 1, start_after text DEFAULT '', sort_order text DEFAULT 'asc', sort_column text DEFAULT 'name', sort_column_after text DEFAULT '')
RETURNS TABLE (key text, name text, id uuid, updated_at timestamptz, created_at timestamptz, last_accessed_at timestamptz, metadata jsonb) LANGUAGE sql STABLE AS $$
  SELECT o.name, o.name, o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
  FROM storage.objects o
  WHERE o.bucket_id = bucket_name AND o.name COLLATE "C" LIKE prefix || '%' AND o.name COLLATE "C" > start_after
  ORDER BY CASE WHEN lower(sort_order) = 'desc' THEN o.name END DESC, o.name
  LIMIT limits
$$;

CREATE OR REPLACE FUNCTION storage.search_by_timestamp(p_prefix text, p_bucket_id text, p_limit integer, p_level integer, p_start_after text, p_sort_order text, p_sort_column text, p_sort_column_after text)
RETURNS TABLE (key text, name text, id uuid, updated_at timestamptz, created_at timestamptz, last_accessed_at timestamptz, metadata jsonb) LANGUAGE sql STABLE AS $$
  SELECT o.name, o.name, o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
  FROM storage.objects o
  WHERE o.bucket_id = p_bucket_id AND o.name COLLATE "C" LIKE p_prefix || '%'
  ORDER BY CASE WHEN lower(p_sort_order) = 'desc' THEN o.updated_at END DESC, o.updated_at
  LIMIT p_limit
$$;

-- S3 ListObjectsV2 / ListMultipartUploads: keys under the prefix, folded at the delimiter.
CREATE OR REPLACE FUNCTION storage.list_objects_with_delimiter(_bucket_id text, prefix_param text, delimiter_param text, max_keys integer DEFAULT 100, start_after text DEFAULT '', next_token text DEFAULT '', sort_order text DEFAULT 'asc')
RETURNS TABLE (name text, id uuid, metadata jsonb, updated_at timestamptz, created_at timestamptz, last_accessed_at timestamptz) LANGUAGE sql STABLE AS $$
  WITH keyed AS (
    SELECT coalesce(rtrim(storage.get_common_prefix(o.name, coalesce(prefix_param, ''), delimiter_param), delimiter_param), o.name) AS entry, o.*
    FROM storage.objects o
    WHERE o.bucket_id = _bucket_id AND o.name COLLATE "C" LIKE coalesce(prefix_param, '') || '%'
      AND o.name COLLATE "C" > coalesce(nullif(next_token, ''), start_after, '')
  )
  SELECT DISTINCT ON (k.entry COLLATE "C") k.entry,
    CASE WHEN k.entry = k.name THEN k.id END, CASE WHEN k.entry = k.name THEN k.metadata END,
    CASE WHEN k.entry = k.name THEN k.updated_at END, CASE WHEN k.entry = k.name THEN k.created_at END,
    CASE WHEN k.entry = k.name THEN k.last_accessed_at END
  FROM keyed k
  ORDER BY k.entry COLLATE "C"
  LIMIT max_keys
$$;

CREATE OR REPLACE FUNCTION storage.list_multipart_uploads_with_delimiter(bucket_id text, prefix_param text, delimiter_param text, max_keys integer DEFAULT 100, next_key_token text DEFAULT '', next_upload_token text DEFAULT '')
RETURNS TABLE (key text, id text, created_at timestamptz) LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (folded COLLATE "C") folded, u.id, u.created_at
  FROM storage.s3_multipart_uploads u,
    LATERAL (SELECT coalesce(storage.get_common_prefix(u.key, prefix_param, delimiter_param), u.key) AS folded) f
  WHERE u.bucket_id = list_multipart_uploads_with_delimiter.bucket_id AND u.key ILIKE prefix_param || '%'
    AND (next_key_token = '' OR folded COLLATE "C" > next_key_token)
    AND (next_upload_token = '' OR u.id COLLATE "C" > next_upload_token)
  ORDER BY folded COLLATE "C", u.created_at
  LIMIT max_keys
$$;

CREATE OR REPLACE FUNCTION storage.update_updated_at_column() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION storage.enforce_bucket_name_length() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF length(NEW.name) > 100 THEN
    RAISE EXCEPTION 'bucket name "%" is too long (% characters), at most 100', NEW.name, length(NEW.name);
  END IF;
  RETURN NEW;
END
$$;

-- Current Supabase refuses DELETE on storage.objects and storage.buckets (the files would be
-- orphaned) unless storage.allow_delete_query is 'true': a migration deleting from them fails
-- there, so it fails here.
CREATE OR REPLACE FUNCTION storage.protect_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('storage.allow_delete_query', true), '') <> 'true' THEN
    RAISE EXCEPTION 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      USING ERRCODE = '42501', HINT = 'Supabase blocks DELETE on storage.objects and storage.buckets unless storage.allow_delete_query is set to true.';
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER update_objects_updated_at BEFORE UPDATE ON storage.objects FOR EACH ROW EXECUTE FUNCTION storage.update_updated_at_column();
CREATE OR REPLACE TRIGGER enforce_bucket_name_length_trigger BEFORE INSERT OR UPDATE OF name ON storage.buckets FOR EACH ROW EXECUTE FUNCTION storage.enforce_bucket_name_length();
CREATE OR REPLACE TRIGGER protect_buckets_delete BEFORE DELETE ON storage.buckets FOR EACH STATEMENT EXECUTE FUNCTION storage.protect_delete();
CREATE OR REPLACE TRIGGER protect_objects_delete BEFORE DELETE ON storage.objects FOR EACH STATEMENT EXECUTE FUNCTION storage.protect_delete();

ALTER TABLE storage.migrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.s3_multipart_uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.s3_multipart_uploads_parts ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.buckets_analytics ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.iceberg_namespaces ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.iceberg_tables ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.buckets_vectors ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.vector_indexes ENABLE ROW LEVEL SECURITY;

GRANT ALL ON storage.buckets, storage.objects TO postgres WITH GRANT OPTION;
GRANT ALL ON storage.buckets, storage.objects, storage.migrations, storage.buckets_analytics TO anon, authenticated, service_role;
GRANT ALL ON storage.migrations TO postgres;
GRANT ALL ON storage.s3_multipart_uploads, storage.s3_multipart_uploads_parts, storage.iceberg_namespaces, storage.iceberg_tables TO service_role;
GRANT SELECT ON storage.s3_multipart_uploads, storage.s3_multipart_uploads_parts, storage.iceberg_namespaces, storage.iceberg_tables, storage.buckets_vectors, storage.vector_indexes TO anon, authenticated;
GRANT SELECT ON storage.buckets_vectors, storage.vector_indexes TO service_role;
GRANT ALL ON ALL FUNCTIONS IN SCHEMA storage TO anon, authenticated, service_role, postgres, dashboard_user;

RESET ROLE;
