-- Stand-in for pg_cron: the `cron` schema.
-- Mirrors: pg_cron as Supabase projects' dumps show it (cron.job, cron.job_run_details,
-- schedule, schedule_in_database, unschedule, alter_job, job_cache_invalidate); as of 2026-08.
-- Written for change-policy. Jobs are recorded (a migration can read or unschedule them) and
-- never run. The functions run as their owner, as pg_cron's do, since postgres may only read
-- cron.job. The engine skips `CREATE EXTENSION pg_cron` and reports it stood in.
CREATE SCHEMA IF NOT EXISTS cron;
GRANT USAGE ON SCHEMA cron TO postgres WITH GRANT OPTION;
GRANT ALL ON SCHEMA cron TO supabase_admin;
SELECT pg_temp.shim_become('supabase_admin');

CREATE SEQUENCE IF NOT EXISTS cron.jobid_seq;
CREATE SEQUENCE IF NOT EXISTS cron.runid_seq;

CREATE TABLE IF NOT EXISTS cron.job (
  jobid bigint NOT NULL DEFAULT nextval('cron.jobid_seq') CONSTRAINT job_pkey PRIMARY KEY,
  schedule text NOT NULL,
  command text NOT NULL,
  nodename text NOT NULL DEFAULT 'localhost',
  nodeport integer NOT NULL DEFAULT 5432,
  database text NOT NULL DEFAULT current_database(),
  username text NOT NULL DEFAULT current_user,
  active boolean NOT NULL DEFAULT true,
  jobname text,
  CONSTRAINT jobname_username_uniq UNIQUE (jobname, username)
);

CREATE TABLE IF NOT EXISTS cron.job_run_details (
  jobid bigint,
  runid bigint NOT NULL DEFAULT nextval('cron.runid_seq') CONSTRAINT job_run_details_pkey PRIMARY KEY,
  job_pid integer,
  database text,
  username text,
  command text,
  status text,
  return_message text,
  start_time timestamptz,
  end_time timestamptz
);

CREATE OR REPLACE FUNCTION cron.schedule(job_name text, schedule text, command text) RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $$
  INSERT INTO cron.job (jobname, schedule, command) VALUES (job_name, schedule, command)
  ON CONFLICT (jobname, username) DO UPDATE SET schedule = excluded.schedule, command = excluded.command
  RETURNING jobid
$$;

CREATE OR REPLACE FUNCTION cron.schedule(schedule text, command text) RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $$
  INSERT INTO cron.job (schedule, command) VALUES (schedule, command) RETURNING jobid
$$;

CREATE OR REPLACE FUNCTION cron.schedule_in_database(job_name text, schedule text, command text, database text, username text DEFAULT NULL, active boolean DEFAULT true) RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $$
  INSERT INTO cron.job (jobname, schedule, command, database, username, active) VALUES (job_name, schedule, command, database, coalesce(username, current_user), active)
  ON CONFLICT (jobname, username) DO UPDATE SET schedule = excluded.schedule, command = excluded.command, database = excluded.database, active = excluded.active
  RETURNING jobid
$$;

-- pg_cron raises when there is no such job; so does this.
CREATE OR REPLACE FUNCTION cron.unschedule(job_id bigint) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  DELETE FROM cron.job WHERE jobid = job_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'could not find valid entry for job %', job_id;
  END IF;
  RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION cron.unschedule(job_name name) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  DELETE FROM cron.job WHERE jobname = job_name AND username = current_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'could not find valid entry for job ''%''', job_name;
  END IF;
  RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION cron.alter_job(job_id bigint, schedule text DEFAULT NULL, command text DEFAULT NULL, database text DEFAULT NULL, username text DEFAULT NULL, active boolean DEFAULT NULL) RETURNS void LANGUAGE sql SECURITY DEFINER AS $$
  UPDATE cron.job SET
    schedule = coalesce(alter_job.schedule, job.schedule),
    command = coalesce(alter_job.command, job.command),
    database = coalesce(alter_job.database, job.database),
    username = coalesce(alter_job.username, job.username),
    active = coalesce(alter_job.active, job.active)
  WHERE jobid = job_id
$$;

CREATE OR REPLACE FUNCTION cron.job_cache_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER cron_job_cache_invalidate AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON cron.job FOR EACH STATEMENT EXECUTE FUNCTION cron.job_cache_invalidate();

-- Supabase revoked writes on cron.job from postgres (jobs change through the functions).
GRANT SELECT ON cron.job TO postgres WITH GRANT OPTION;
GRANT ALL ON cron.job_run_details TO postgres WITH GRANT OPTION;
GRANT ALL ON ALL SEQUENCES IN SCHEMA cron TO postgres WITH GRANT OPTION;
GRANT ALL ON ALL FUNCTIONS IN SCHEMA cron TO postgres WITH GRANT OPTION;

RESET ROLE;
