-- What dumps hold about graphql_public and pg_graphql (written for change-policy in that shape).
CREATE EXTENSION IF NOT EXISTS "pg_graphql" WITH SCHEMA "graphql";
COMMENT ON SCHEMA "public" IS e'@graphql({"inflect_names": true})';
ALTER FUNCTION "graphql_public"."graphql"("operationName" "text", "query" "text", "variables" "jsonb", "extensions" "jsonb") OWNER TO "supabase_admin";
GRANT ALL ON FUNCTION "graphql_public"."graphql"("operationName" "text", "query" "text", "variables" "jsonb", "extensions" "jsonb") TO "anon";
GRANT USAGE ON SCHEMA "graphql_public" TO "authenticated";
GRANT ALL ON FUNCTION "graphql"."resolve"("query" "text", "variables" "jsonb", "operationName" "text", "extensions" "jsonb") TO "authenticated";
select graphql_public.graphql(query => '{ __typename }');
DO $$
BEGIN
  IF graphql.comment_directive(obj_description('public'::regnamespace, 'pg_namespace')) ->> 'inflect_names' <> 'true' THEN
    RAISE EXCEPTION 'graphql.comment_directive';
  END IF;
END
$$;
