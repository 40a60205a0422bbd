-- The shape of a later `supabase db pull`: the diff of the managed schemas' grants the
-- platform changed, then the project's own changes.
revoke delete on table "storage"."s3_multipart_uploads" from "anon";

revoke insert on table "storage"."s3_multipart_uploads" from "anon";

revoke select on table "storage"."s3_multipart_uploads" from "authenticated";

revoke delete on table "storage"."s3_multipart_uploads_parts" from "service_role";

revoke references on table "storage"."s3_multipart_uploads_parts" from "anon";

grant select on table "storage"."s3_multipart_uploads" to "authenticated";

grant all on table "storage"."buckets_analytics" to "service_role";

grant select on table "storage"."iceberg_namespaces" to "anon";

grant select on table "storage"."vector_indexes" to "authenticated";

CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION handle_new_user();

create policy "Account avatars are public"
on "storage"."objects"
as permissive
for select
to public
using ((bucket_id = 'avatars'::text));


create policy "Owners manage their avatars"
on "storage"."objects"
as permissive
for all
to authenticated
using (((bucket_id = 'avatars'::text) AND (auth.uid() = owner)))
with check (((bucket_id = 'avatars'::text) AND ((storage.foldername(name))[1] = (auth.uid())::text)));


create policy "Owners list their multipart uploads"
on "storage"."s3_multipart_uploads"
as permissive
for select
to authenticated
using ((owner_id = (auth.uid())::text));


CREATE TRIGGER "notify_uploads" AFTER INSERT ON "public"."uploads" FOR EACH ROW EXECUTE FUNCTION "supabase_functions"."http_request"('https://example.functions.supabase.co/uploads', 'POST', '{"Content-type":"application/json"}', '{}', '5000');
