-- What `supabase db dump` / `db pull` files hold about the storage schema (written for
-- change-policy in that shape).
ALTER TABLE "storage"."objects" OWNER TO "supabase_storage_admin";
ALTER TABLE "storage"."s3_multipart_uploads" OWNER TO "supabase_storage_admin";
ALTER FUNCTION "storage"."search"("prefix" "text", "bucketname" "text", "limits" integer, "levels" integer, "offsets" integer, "search" "text", "sortcolumn" "text", "sortorder" "text") OWNER TO "supabase_storage_admin";
GRANT ALL ON TABLE "storage"."objects" TO "anon";
GRANT ALL ON TABLE "storage"."objects" TO "authenticated";
GRANT ALL ON TABLE "storage"."objects" TO "service_role";
GRANT ALL ON TABLE "storage"."objects" TO "postgres" WITH GRANT OPTION;
revoke select on table "storage"."s3_multipart_uploads" from "anon";
revoke select on table "storage"."s3_multipart_uploads" from "authenticated";
revoke delete on table "storage"."s3_multipart_uploads_parts" from "service_role";
grant select on table "storage"."s3_multipart_uploads" to "anon";
grant select on table "storage"."s3_multipart_uploads_parts" to "authenticated";
grant all on table "storage"."buckets_analytics" to "service_role";
grant select on table "storage"."vector_indexes" to "authenticated";
GRANT ALL ON FUNCTION "storage"."foldername"("name" "text") TO "anon";
GRANT ALL ON FUNCTION "storage"."can_insert_object"("bucketid" "text", "name" "text", "owner" "uuid", "metadata" "jsonb") TO "authenticated";
GRANT ALL ON FUNCTION "storage"."list_multipart_uploads_with_delimiter"("bucket_id" "text", "prefix_param" "text", "delimiter_param" "text", "max_keys" integer, "next_key_token" "text", "next_upload_token" "text") TO "service_role";
GRANT ALL ON FUNCTION "storage"."list_objects_with_delimiter"("_bucket_id" "text", "prefix_param" "text", "delimiter_param" "text", "max_keys" integer, "start_after" "text", "next_token" "text", "sort_order" "text") TO "service_role";
GRANT ALL ON FUNCTION "storage"."get_size_by_bucket"() TO "service_role";
GRANT ALL ON FUNCTION "storage"."operation"() TO "authenticated";

insert into "storage"."buckets" ("id", "name", "public", "file_size_limit", "allowed_mime_types") values ('avatars', 'avatars', true, 5242880, '{image/png,image/jpeg}') on conflict ("id") do nothing;

CREATE POLICY "Avatar owners update" ON "storage"."objects" FOR UPDATE TO "authenticated" USING ((("bucket_id" = 'avatars'::"text") AND ("auth"."uid"() = "owner")));
CREATE POLICY "Avatars are public" ON "storage"."objects" FOR SELECT USING (("bucket_id" = 'avatars'::"text"));
CREATE POLICY "Users upload into their folder" ON "storage"."objects" FOR INSERT TO "authenticated" WITH CHECK ((("bucket_id" = 'avatars'::"text") AND ((( SELECT "auth"."uid"() AS "uid"))::"text" = ("storage"."foldername"("name"))[1]) AND ("storage"."extension"("name") = ANY (ARRAY['png'::"text", 'jpg'::"text"]))));
CREATE POLICY "Only uploads" ON "storage"."objects" FOR INSERT TO "authenticated" WITH CHECK ("storage"."allow_only_operation"('storage.object.upload'::"text"));
CREATE POLICY "Buckets are listed" ON "storage"."buckets" FOR SELECT USING (true);

CREATE OR REPLACE FUNCTION "public"."on_avatar_upload"() RETURNS "trigger" LANGUAGE "plpgsql" AS $$ begin return new; end; $$;
CREATE OR REPLACE TRIGGER "avatar_uploaded" AFTER INSERT ON "storage"."objects" FOR EACH ROW EXECUTE FUNCTION "public"."on_avatar_upload"();

-- The helpers behave as Supabase's, and a direct DELETE is refused as on a current project.
insert into "storage"."objects" ("bucket_id", "name", "metadata") values ('avatars', 'u1/face.png', '{"size": 10}'), ('avatars', 'u1/old/face.jpg', '{"size": 5}');
DO $$
BEGIN
  IF storage.foldername('u1/old/face.jpg') <> ARRAY['u1', 'old'] OR storage.filename('u1/old/face.jpg') <> 'face.jpg' OR storage.extension('u1/old/face.jpg') <> 'jpg' THEN
    RAISE EXCEPTION 'storage.foldername/filename/extension';
  END IF;
  IF (SELECT size FROM storage.get_size_by_bucket() WHERE bucket_id = 'avatars') <> 15 THEN
    RAISE EXCEPTION 'storage.get_size_by_bucket';
  END IF;
  IF (SELECT array_agg(name ORDER BY name) FROM storage.list_objects_with_delimiter('avatars', 'u1/', '/')) <> ARRAY['u1/face.png', 'u1/old'] THEN
    RAISE EXCEPTION 'storage.list_objects_with_delimiter';
  END IF;
  IF (SELECT count(*) FROM storage.search('u1/', 'avatars')) <> 2 THEN
    RAISE EXCEPTION 'storage.search';
  END IF;
  BEGIN
    DELETE FROM storage.objects WHERE bucket_id = 'avatars';
    RAISE EXCEPTION 'a direct DELETE on storage.objects was allowed';
  EXCEPTION WHEN insufficient_privilege THEN
    NULL;
  END;
  PERFORM set_config('storage.allow_delete_query', 'true', true);
  DELETE FROM storage.objects WHERE bucket_id = 'avatars';
END
$$;
