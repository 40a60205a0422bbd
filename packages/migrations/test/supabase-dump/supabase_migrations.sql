-- The Supabase CLI's migration history table, as some dumps reference it (written for
-- change-policy in that shape).
GRANT SELECT ON TABLE "supabase_migrations"."schema_migrations" TO "postgres";
select count(*) from "supabase_migrations"."schema_migrations";
