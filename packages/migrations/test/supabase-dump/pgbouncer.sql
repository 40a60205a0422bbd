-- What dumps hold about the pgbouncer schema (written for change-policy in that shape).
ALTER FUNCTION "pgbouncer"."get_auth"("p_usename" "text") OWNER TO "supabase_admin";
REVOKE ALL ON FUNCTION "pgbouncer"."get_auth"("p_usename" "text") FROM PUBLIC;
GRANT ALL ON FUNCTION "pgbouncer"."get_auth"("p_usename" "text") TO "pgbouncer";
GRANT ALL ON FUNCTION "pgbouncer"."get_auth"("p_usename" "text") TO "postgres";
select * from pgbouncer.get_auth('postgres');
