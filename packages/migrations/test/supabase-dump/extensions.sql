-- What `supabase db dump` files hold about the extensions schema (written for change-policy in
-- that shape). The CREATE EXTENSION lines for extensions the engine lacks are stood in.
CREATE EXTENSION IF NOT EXISTS "pg_stat_statements" WITH SCHEMA "extensions";
CREATE EXTENSION IF NOT EXISTS "pgcrypto" WITH SCHEMA "extensions";
CREATE EXTENSION IF NOT EXISTS "pgjwt" WITH SCHEMA "extensions";
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA "extensions";
CREATE EXTENSION IF NOT EXISTS "http" WITH SCHEMA "extensions";
COMMENT ON EXTENSION "pgcrypto" IS 'cryptographic functions';
GRANT ALL ON FUNCTION "extensions"."grant_pg_cron_access"() TO "postgres" WITH GRANT OPTION;
GRANT ALL ON FUNCTION "extensions"."grant_pg_graphql_access"() TO "postgres" WITH GRANT OPTION;
GRANT ALL ON FUNCTION "extensions"."grant_pg_net_access"() TO "dashboard_user";
GRANT ALL ON FUNCTION "extensions"."pgrst_ddl_watch"() TO "postgres" WITH GRANT OPTION;
GRANT ALL ON FUNCTION "extensions"."pgrst_drop_watch"() TO "postgres" WITH GRANT OPTION;
GRANT ALL ON FUNCTION "extensions"."set_graphql_placeholder"() TO "postgres" WITH GRANT OPTION;
GRANT ALL ON FUNCTION "extensions"."pg_stat_statements"("showtext" boolean, OUT "userid" "oid", OUT "dbid" "oid", OUT "toplevel" boolean, OUT "queryid" bigint, OUT "query" "text", OUT "calls" bigint) TO "dashboard_user";
GRANT ALL ON FUNCTION "extensions"."pg_stat_statements_reset"("userid" "oid", "dbid" "oid", "queryid" bigint) TO "dashboard_user";
GRANT ALL ON TABLE "extensions"."pg_stat_statements" TO "dashboard_user";
GRANT ALL ON TABLE "extensions"."pg_stat_statements_info" TO "postgres" WITH GRANT OPTION;
GRANT ALL ON FUNCTION "extensions"."algorithm_sign"("signables" "text", "secret" "text", "algorithm" "text") TO "dashboard_user";
GRANT ALL ON FUNCTION "extensions"."sign"("payload" "json", "secret" "text", "algorithm" "text") TO "dashboard_user";
GRANT ALL ON FUNCTION "extensions"."verify"("token" "text", "secret" "text", "algorithm" "text") TO "dashboard_user";
GRANT ALL ON FUNCTION "extensions"."url_decode"("data" "text") TO "dashboard_user";
GRANT ALL ON FUNCTION "extensions"."url_encode"("data" "bytea") TO "dashboard_user";
GRANT ALL ON FUNCTION "extensions"."try_cast_double"("inp" "text") TO "dashboard_user";
GRANT ALL ON FUNCTION "extensions"."uuid_generate_v4"() TO "dashboard_user";
GRANT ALL ON FUNCTION "extensions"."gen_random_bytes"(integer) TO "dashboard_user";
GRANT ALL ON FUNCTION "extensions"."crypt"("text", "text") TO "dashboard_user";
CREATE TABLE IF NOT EXISTS "public"."api_keys" ("id" "uuid" DEFAULT "extensions"."uuid_generate_v4"() NOT NULL PRIMARY KEY, "hash" "text" DEFAULT "extensions"."crypt"('k', "extensions"."gen_salt"('bf')));
ALTER TABLE "public"."api_keys" ENABLE ROW LEVEL SECURITY;
DO $$
DECLARE
  token text := extensions.sign('{"sub": "1"}', 'secret');
BEGIN
  IF NOT (SELECT valid FROM extensions.verify(token, 'secret')) OR (SELECT valid FROM extensions.verify(token, 'other')) THEN
    RAISE EXCEPTION 'extensions.sign/verify do not round-trip';
  END IF;
END
$$;
