-- The `graphql_public` schema (PostgREST's GraphQL entry point) and a stand-in for pg_graphql
-- (`graphql` schema).
-- Mirrors: supabase/postgres migrations/db (graphql_public.graphql placeholder) and
-- pg_graphql (graphql.resolve, graphql.comment_directive); as of 2026-08.
-- Written for change-policy. Both answer with an error object, as Supabase's placeholder
-- does while pg_graphql is off: there is no GraphQL to resolve in a migration check.
CREATE SCHEMA IF NOT EXISTS graphql;
CREATE SCHEMA IF NOT EXISTS graphql_public;
GRANT USAGE ON SCHEMA graphql, graphql_public TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA graphql, graphql_public TO supabase_admin;
SELECT pg_temp.shim_become('supabase_admin');

CREATE OR REPLACE FUNCTION graphql.resolve(query text, variables jsonb DEFAULT '{}', "operationName" text DEFAULT NULL, extensions jsonb DEFAULT NULL) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('errors', jsonb_build_array(jsonb_build_object('message', 'pg_graphql is stood in by change-policy: queries are not resolved')))
$$;

CREATE OR REPLACE FUNCTION graphql.comment_directive(comment_ text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN comment_ LIKE '@graphql(%' THEN substring(comment_ FROM '^@graphql\((.*)\)')::jsonb END
$$;

CREATE OR REPLACE FUNCTION graphql_public.graphql("operationName" text DEFAULT NULL, query text DEFAULT NULL, variables jsonb DEFAULT NULL, extensions jsonb DEFAULT NULL) RETURNS jsonb LANGUAGE sql AS $$
  SELECT graphql.resolve(query, coalesce(variables, '{}'), "operationName", extensions)
$$;

GRANT ALL ON ALL FUNCTIONS IN SCHEMA graphql, graphql_public TO postgres, anon, authenticated, service_role;

RESET ROLE;
