import { sqlMigration } from '../../../test/corpus'
import { createPgliteEngine, type PgliteEngine } from '../../engines/pglite-engine'
import type { ParsedMigration } from '../../parse/parse-migration'
import { lintMigrations } from '../lint-migration'
import { runDatabaseChecks } from './run-database-checks'

// One engine for the file: start-up is the slow part. Tests use distinct table names.
let engine: PgliteEngine

beforeAll(async () => {
  engine = createPgliteEngine({ supabase: true, extensions: [] })
  await engine.start()
})

afterAll(async () => {
  await engine.close()
})

async function applyAndCheck(files: Array<[string, string]>, rules = {}) {
  const migrations: ParsedMigration[] = []
  for (const [path, sql] of files) {
    const migration = await sqlMigration(path, sql)
    const result = await engine.apply(migration)
    expect(result.failure).toBeUndefined()
    migrations.push(migration)
  }
  return runDatabaseChecks({ query: (sql) => engine.query(sql), changed: migrations, exposedSchemas: ['public'], rules })
}

test('a table given row level security by a later migration of the same change is fine (the file-by-file rule reports it)', async () => {
  const files: Array<[string, string]> = [
    ['m/1_notes.sql', 'create table public.notes_a (id bigint primary key);'],
    ['m/2_notes_rls.sql', 'alter table public.notes_a enable row level security;']
  ]
  const perFile = await lintMigrations(await Promise.all(files.map(([path, sql]) => sqlMigration(path, sql))))
  expect(perFile.findings.filter((finding) => finding.rule === 'require-rls-on-exposed-table')).toHaveLength(1)
  expect((await applyAndCheck(files)).findings).toEqual([])
})

test('a table left without row level security after the change is an error at its CREATE TABLE', async () => {
  const { findings } = await applyAndCheck([['m/3_open.sql', 'select 1;\ncreate table public.notes_b (id bigint primary key);']])
  expect(findings).toHaveLength(1)
  expect(findings[0]).toMatchObject({ rule: 'require-rls-on-exposed-table', severity: 'error', file: 'm/3_open.sql', line: 2, column: 14 })
  expect(findings[0]?.message).toContain('After this pull request')
})

test('row level security enabled and then disabled again is reported', async () => {
  const { findings } = await applyAndCheck([
    ['m/4_a.sql', 'create table public.notes_c (id bigint);\nalter table public.notes_c enable row level security;'],
    ['m/5_b.sql', 'alter table public.notes_c disable row level security;']
  ])
  expect(findings.map((finding) => finding.file)).toEqual(['m/4_a.sql'])
})

test('an allow comment at the CREATE TABLE silences the database finding too', async () => {
  const result = await applyAndCheck([['m/6_ok.sql', '-- change-policy: allow require-rls-on-exposed-table\ncreate table public.notes_d (id bigint);']])
  expect(result.findings).toEqual([])
  expect(result.silenced).toHaveLength(1)
})

test('with default privileges in the schema, a table granted to no API role is not served and not reported', async () => {
  const { findings } = await applyAndCheck([
    // The Supabase shim's default privileges grant every new public table to anon and
    // authenticated, as Supabase's do: a project that keeps a table private revokes them.
    ['m/7_private.sql', 'create schema if not exists p2;\nalter default privileges in schema public revoke all on tables from anon, authenticated;\nalter default privileges in schema public grant select on tables to service_role;\ncreate table public.notes_e (id bigint);'],
    ['m/8_granted.sql', 'create table public.notes_f (id bigint);\ngrant select on public.notes_f to anon;']
  ])
  expect(findings.map((finding) => finding.message.match(/public\.notes_\w/)?.[0])).toEqual(['public.notes_f'])
  expect(findings[0]?.message).toContain('granted to anon')
})

test('a default that calls a VOLATILE function of the database rewrites the table; a STABLE one does not', async () => {
  const { findings } = await applyAndCheck([
    ['m/9_fns.sql', "create table public.orders_g (id bigint);\nalter table public.orders_g enable row level security;\ncreate function public.next_code() returns text language sql volatile as $$ select md5(random()::text) $$;\ncreate function public.tenant() returns text language sql stable as $$ select 'x' $$;"],
    ['m/10_cols.sql', 'alter table public.orders_g add column code text default public.next_code();\nalter table public.orders_g add column tenant text default public.tenant();']
  ])
  expect(findings.map((finding) => [finding.rule, finding.line])).toEqual([['adding-field-with-default', 1]])
  expect(findings[0]?.message).toContain('next_code(), which the database says is VOLATILE')
})
