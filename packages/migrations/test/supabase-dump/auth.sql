-- What `supabase db dump` / `db pull` files hold about the auth schema (written for
-- change-policy in that shape). Every statement must apply on the shim as it does on Supabase.
ALTER TABLE "auth"."users" OWNER TO "supabase_auth_admin";
ALTER TABLE "auth"."identities" OWNER TO "supabase_auth_admin";
ALTER FUNCTION "auth"."uid"() OWNER TO "supabase_auth_admin";
ALTER TYPE "auth"."aal_level" OWNER TO "supabase_auth_admin";
COMMENT ON TABLE "auth"."users" IS 'Auth: Stores user login data within a secure schema.';
COMMENT ON FUNCTION "auth"."uid"() IS 'Deprecated. Use auth.jwt() -> ''sub'' instead.';
COMMENT ON INDEX "auth"."users_email_partial_key" IS 'Auth: A partial unique index that applies only when is_sso_user is false';
GRANT SELECT ON TABLE "auth"."users" TO "postgres" WITH GRANT OPTION;
GRANT INSERT,REFERENCES,DELETE,TRIGGER,TRUNCATE,UPDATE ON TABLE "auth"."users" TO "postgres";
GRANT ALL ON TABLE "auth"."sso_providers", "auth"."sso_domains", "auth"."saml_providers", "auth"."saml_relay_states", "auth"."flow_state", "auth"."one_time_tokens" TO "dashboard_user";
GRANT ALL ON SEQUENCE "auth"."refresh_tokens_id_seq" TO "dashboard_user";
GRANT ALL ON FUNCTION "auth"."jwt"() TO "dashboard_user";

CREATE TABLE IF NOT EXISTS "public"."profiles" (
    "id" "uuid" NOT NULL,
    "username" "text",
    "avatar_url" "text",
    "updated_at" timestamp with time zone DEFAULT "now"(),
    CONSTRAINT "profiles_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "profiles_id_fkey" FOREIGN KEY ("id") REFERENCES "auth"."users"("id") ON DELETE CASCADE
);
ALTER TABLE "public"."profiles" OWNER TO "postgres";
ALTER TABLE "public"."profiles" ENABLE ROW LEVEL SECURITY;

CREATE OR REPLACE FUNCTION "public"."handle_new_user"() RETURNS "trigger"
    LANGUAGE "plpgsql" SECURITY DEFINER
    SET "search_path" TO ''
    AS $$
begin
  insert into public.profiles (id, username) values (new.id, new.raw_user_meta_data ->> 'user_name');
  return new;
end;
$$;
ALTER FUNCTION "public"."handle_new_user"() OWNER TO "postgres";
CREATE OR REPLACE TRIGGER "on_auth_user_created" AFTER INSERT ON "auth"."users" FOR EACH ROW EXECUTE FUNCTION "public"."handle_new_user"();

CREATE POLICY "Users update their own profile" ON "public"."profiles" FOR UPDATE TO "authenticated" USING ((( SELECT "auth"."uid"() AS "uid") = "id"));
CREATE POLICY "Admins read all profiles" ON "public"."profiles" FOR SELECT USING (((("auth"."jwt"() -> 'app_metadata'::"text") ->> 'role'::"text") = 'admin'::"text"));
CREATE POLICY "Service role writes" ON "public"."profiles" FOR INSERT WITH CHECK (("auth"."role"() = 'service_role'::"text"));
CREATE POLICY "Owner by email" ON "public"."profiles" FOR DELETE USING (("auth"."email"() IS NOT NULL));

CREATE OR REPLACE VIEW "public"."user_emails" WITH ("security_invoker"='on') AS
 SELECT "users"."id", "users"."email", "users"."last_sign_in_at", "users"."is_anonymous" FROM "auth"."users";
ALTER VIEW "public"."user_emails" OWNER TO "postgres";
GRANT SELECT ON TABLE "public"."user_emails" TO "service_role";

-- The trigger fires and auth.uid() reads the JWT claims as PostgREST sets them.
INSERT INTO "auth"."users" ("id", "email", "raw_user_meta_data", "aud", "role") VALUES ('00000000-0000-0000-0000-0000000000a1', 'a@example.com', '{"user_name": "ada"}', 'authenticated', 'authenticated');
DO $$
BEGIN
  IF (SELECT username FROM public.profiles WHERE id = '00000000-0000-0000-0000-0000000000a1') IS DISTINCT FROM 'ada' THEN
    RAISE EXCEPTION 'on_auth_user_created did not run';
  END IF;
  PERFORM set_config('request.jwt.claims', '{"sub": "00000000-0000-0000-0000-0000000000a1", "role": "authenticated", "email": "a@example.com"}', true);
  IF auth.uid() IS DISTINCT FROM '00000000-0000-0000-0000-0000000000a1'::uuid OR auth.role() <> 'authenticated' OR auth.email() <> 'a@example.com' OR auth.jwt() ->> 'sub' IS NULL THEN
    RAISE EXCEPTION 'auth.uid()/role()/email()/jwt() do not read request.jwt.claims';
  END IF;
  PERFORM set_config('request.jwt.claims', '', true);
  PERFORM set_config('request.jwt.claim.sub', '00000000-0000-0000-0000-0000000000b2', true);
  IF auth.uid() IS DISTINCT FROM '00000000-0000-0000-0000-0000000000b2'::uuid THEN
    RAISE EXCEPTION 'auth.uid() does not read the older request.jwt.claim.sub';
  END IF;
END
$$;
DELETE FROM "auth"."users" WHERE "id" = '00000000-0000-0000-0000-0000000000a1';
