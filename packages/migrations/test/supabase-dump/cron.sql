-- pg_cron calls as migrations and dumps hold them (written for change-policy in that shape).
-- `supabase db dump` writes the grants postgres cannot restate on pg_cron objects as comments.
CREATE EXTENSION IF NOT EXISTS "pg_cron" WITH SCHEMA "pg_catalog";
-- GRANT USAGE ON SCHEMA "cron" TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON FUNCTION "cron"."job_cache_invalidate"() TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON FUNCTION "cron"."schedule"("schedule" "text", "command" "text") TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON FUNCTION "cron"."schedule"("job_name" "text", "schedule" "text", "command" "text") TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON FUNCTION "cron"."schedule_in_database"("job_name" "text", "schedule" "text", "command" "text", "database" "text", "username" "text", "active" boolean) TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON FUNCTION "cron"."unschedule"("job_id" bigint) TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON FUNCTION "cron"."unschedule"("job_name" "name") TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON FUNCTION "cron"."alter_job"("job_id" bigint, "schedule" "text", "command" "text", "database" "text", "username" "text", "active" boolean) TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON SEQUENCE "cron"."jobid_seq" TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON SEQUENCE "cron"."runid_seq" TO "postgres" WITH GRANT OPTION;
-- GRANT SELECT ON TABLE "cron"."job" TO "postgres" WITH GRANT OPTION;
-- GRANT ALL ON TABLE "cron"."job_run_details" TO "postgres" WITH GRANT OPTION;
select cron.schedule('nightly-digest', '0 3 * * *', $$ select net.http_post(url := 'https://example.com/digest') $$);
select cron.schedule('nightly-digest', '0 4 * * *', $$ select 1 $$);
select cron.schedule('*/5 * * * *', 'select 1');
select cron.alter_job((select jobid from cron.job where jobname = 'nightly-digest'), active := false);
select cron.schedule_in_database('weekly', '0 0 * * 0', 'vacuum', current_database());
select cron.unschedule('weekly');
DO $$
BEGIN
  IF (SELECT schedule || ' ' || active FROM cron.job WHERE jobname = 'nightly-digest') <> '0 4 * * * false' OR EXISTS (SELECT 1 FROM cron.job WHERE jobname = 'weekly') THEN
    RAISE EXCEPTION 'cron.schedule/alter_job/unschedule';
  END IF;
  BEGIN
    PERFORM cron.unschedule('no-such-job');
    RAISE EXCEPTION 'cron.unschedule accepted a job that does not exist';
  EXCEPTION WHEN raise_exception THEN
    IF SQLERRM NOT LIKE 'could not find valid entry%' THEN
      RAISE;
    END IF;
  END;
END
$$;
