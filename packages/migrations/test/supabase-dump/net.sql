-- pg_net calls as migrations and dumps hold them (written for change-policy in that shape).
CREATE EXTENSION IF NOT EXISTS "pg_net" WITH SCHEMA "extensions";
GRANT USAGE ON SCHEMA "net" TO "anon";
REVOKE ALL ON FUNCTION "net"."http_get"("url" "text", "params" "jsonb", "headers" "jsonb", "timeout_milliseconds" integer) FROM PUBLIC;
GRANT ALL ON FUNCTION "net"."http_get"("url" "text", "params" "jsonb", "headers" "jsonb", "timeout_milliseconds" integer) TO "supabase_functions_admin";
GRANT ALL ON FUNCTION "net"."http_post"("url" "text", "body" "jsonb", "params" "jsonb", "headers" "jsonb", "timeout_milliseconds" integer) TO "service_role";
GRANT ALL ON FUNCTION "net"."http_delete"("url" "text", "params" "jsonb", "headers" "jsonb", "timeout_milliseconds" integer, "body" "jsonb") TO "service_role";
GRANT ALL ON FUNCTION "net"."http_collect_response"("request_id" bigint, "async" boolean) TO "postgres";
GRANT ALL ON FUNCTION "net"."worker_restart"() TO "postgres";
GRANT ALL ON FUNCTION "net"."wait_until_running"() TO "postgres";
GRANT ALL ON TABLE "net"."_http_response" TO "service_role";
GRANT ALL ON TABLE "net"."http_request_queue" TO "service_role";
select net.http_post(url := 'https://example.com/hook', body := '{"hello": "world"}'::jsonb, headers := '{"Authorization": "Bearer x"}'::jsonb, timeout_milliseconds := 1000);
select net.http_get('https://example.com/health');
select net.http_delete('https://example.com/item/1');
DO $$
BEGIN
  IF (SELECT array_agg(method ORDER BY id) FROM net.http_request_queue) <> ARRAY['POST', 'GET', 'DELETE'] THEN
    RAISE EXCEPTION 'net.http_post/http_get/http_delete did not queue their requests';
  END IF;
END
$$;
