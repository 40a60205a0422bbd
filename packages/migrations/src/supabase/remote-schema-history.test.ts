// A history as `supabase db pull` leaves it (test/remote-schema: our own SQL in the shape of
// `supabase db dump` / `db diff` output), validated end to end: the dump refers to what a
// current Supabase project has (storage.s3_multipart_uploads, storage.buckets_analytics, the
// supabase_realtime publication, triggers on auth.users, webhooks), and a new migration on top
// of it must be judged on its own merits, not fail on a missing Supabase object.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateMigrations } from '../validate-migrations'

const REMOTE_SCHEMA_MIGRATIONS = fileURLToPath(new URL('../../test/remote-schema/supabase/migrations', import.meta.url))
const roots: string[] = []
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })))

function pulledRepository(newMigrations: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'remote-schema-'))
  roots.push(root)
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' })
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.com')
  git('config', 'user.name', 'test')
  const folder = join(root, 'supabase', 'migrations')
  mkdirSync(folder, { recursive: true })
  cpSync(REMOTE_SCHEMA_MIGRATIONS, folder, { recursive: true })
  git('add', '.')
  git('commit', '-q', '-m', 'db pull')
  git('branch', 'base')
  for (const [name, sql] of Object.entries(newMigrations)) writeFileSync(join(folder, name), sql)
  return root
}

const NEW_MIGRATION = `-- Owners may see the parts of their multipart uploads; stale uploads are cleaned hourly.
set lock_timeout = '5s';
create policy "Owners see their upload parts" on storage.s3_multipart_uploads_parts
  for select to authenticated using (owner_id = (select auth.uid())::text);

select cron.schedule('stale-uploads', '0 * * * *', $$ select net.http_post(url := 'https://example.com/cleanup') $$);

alter publication supabase_realtime add table public.accounts;
`

const ENGINES: Array<[string, string | undefined]> = [['PGlite', undefined]]
if (process.env.TEST_DATABASE_URL) ENGINES.push(['a PostgreSQL server', process.env.TEST_DATABASE_URL])
else test.todo('a db pull history on a PostgreSQL server NOT RUN: TEST_DATABASE_URL is not set')

test.each(ENGINES)('a db pull history and a new migration on top apply on %s, the new file judged on its own', async (_label, databaseUrl) => {
  const root = pulledRepository({ '20240801000000_upload_parts_policy.sql': NEW_MIGRATION })
  const report = await validateMigrations({ repoDir: root, baseRef: 'base', databaseUrl })
  expect(report.apply?.failure).toBeUndefined()
  expect(report.applied).toBe(3)
  // pg_net, pgsodium, pg_graphql, pg_stat_statements, pgjwt and supabase_vault are stood in.
  expect(report.apply?.stoodIn).toBe(6)
  expect(report.newMigrations).toEqual(['supabase/migrations/20240801000000_upload_parts_policy.sql'])
  expect(report.findings.filter((finding) => finding.blocking)).toEqual([])
  expect(report.valid).toBe(true)
})

test('the same history fails where Supabase fails: a policy on a storage table that does not exist', async () => {
  const root = pulledRepository({ '20240801000000_typo.sql': 'create policy "p" on storage.s3_multipart_upload for select using (true);\n' })
  const report = await validateMigrations({ repoDir: root, baseRef: 'base' })
  expect(report.valid).toBe(false)
  expect(report.findings.find((finding) => finding.rule === 'apply-failed')).toMatchObject({ file: 'supabase/migrations/20240801000000_typo.sql', line: 1 })
  expect(report.apply?.failure).toMatchObject({ sqlstate: '42P01' })
})
