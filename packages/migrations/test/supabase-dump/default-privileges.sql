-- The default privileges a dump restates, and what they mean for new tables (written for
-- change-policy in that shape).
ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "public" GRANT ALL ON SEQUENCES TO "anon";
ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "public" GRANT ALL ON FUNCTIONS TO "authenticated";
ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "public" GRANT ALL ON TABLES TO "service_role";
-- ALTER DEFAULT PRIVILEGES FOR ROLE "supabase_admin" IN SCHEMA "public" GRANT ALL ON TABLES TO "anon";
ALTER DEFAULT PRIVILEGES FOR ROLE "supabase_auth_admin" IN SCHEMA "auth" GRANT ALL ON TABLES TO "dashboard_user";
ALTER SCHEMA "public" OWNER TO "pg_database_owner";
GRANT USAGE ON SCHEMA "public" TO "postgres";
GRANT USAGE ON SCHEMA "public" TO "anon";
GRANT ALL ON SCHEMA "auth" TO "postgres";
GRANT USAGE ON SCHEMA "storage" TO "service_role";
CREATE TABLE "public"."dp_probe" ("id" bigint PRIMARY KEY);
ALTER TABLE "public"."dp_probe" ENABLE ROW LEVEL SECURITY;
DO $$
BEGIN
  IF NOT has_table_privilege('anon', 'public.dp_probe', 'SELECT') OR NOT has_table_privilege('authenticated', 'public.dp_probe', 'INSERT') THEN
    RAISE EXCEPTION 'a table postgres creates in public is not granted to the API roles, as Supabase does';
  END IF;
END
$$;
