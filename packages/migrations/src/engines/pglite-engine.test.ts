import { corpusMigrations, sqlMigration } from '../../test/corpus'
import { lintMigrations } from '../lint/lint-migration'
import { extensionsCreatedBy } from './apply-migration-file'
import { createPgliteEngine, type PgliteEngine } from './pglite-engine'

// One engine for the whole file: start-up is the slow part. Tests use distinct names.
let engine: PgliteEngine

beforeAll(async () => {
  engine = createPgliteEngine({ supabase: true, extensions: extensionsCreatedBy(await corpusMigrations()) })
  await engine.start()
})

afterAll(async () => {
  await engine.close()
})

test('the Supabase corpus applies cleanly, with pg_cron and pg_net stood in', async () => {
  const results = []
  for (const migration of await corpusMigrations()) results.push(await engine.apply(migration))
  expect(results.filter((result) => !result.ok).map((result) => result.failure)).toEqual([])
  const stoodIn = results.flatMap((result) => result.statements.filter((statement) => statement.outcome === 'stood-in'))
  expect(stoodIn).toHaveLength(2)
  expect(await engine.query('select jobname from cron.job order by jobname')).toEqual([{ jobname: 'roll-up-post-views' }, { jobname: 'send-digest' }])
  expect(await engine.query("select count(*)::int as n from pg_policies where tablename in ('profiles', 'posts', 'objects')")).toEqual([{ n: 9 }])
  // The index file ran statement by statement: CONCURRENTLY cannot run in a transaction.
  expect(results.find((result) => result.path.endsWith('posts_author_index.sql'))?.transactional).toBe(false)
})

test('the corpus lints without a single finding', async () => {
  const { findings, silenced } = await lintMigrations(await corpusMigrations())
  expect(findings).toEqual([])
  expect(silenced).toEqual([])
})

test('a statement on a missing table fails with the file, line, column, message and SQLSTATE', async () => {
  const migration = await sqlMigration('supabase/migrations/20240201000000_bad.sql', 'create table kept_if_atomic (id int);\n\ninsert into missing_téble values (1);\nselect 1;')
  const result = await engine.apply(migration)
  expect(result.ok).toBe(false)
  expect(result.failure).toMatchObject({
    file: 'supabase/migrations/20240201000000_bad.sql',
    line: 3,
    column: 13,
    sqlstate: '42P01',
    message: 'relation "missing_téble" does not exist',
    statementIndex: 1
  })
  expect(result.statements.map((statement) => statement.outcome)).toEqual(['applied', 'failed'])
  // The file ran as one transaction, so its first statement was rolled back with it.
  expect(await engine.query("select to_regclass('public.kept_if_atomic') as t")).toEqual([{ t: null }])
})

test('an enum value added and used in the same file is refused, as the Supabase CLI refuses it', async () => {
  const migration = await sqlMigration('m.sql', "create type mood as enum ('ok');")
  expect((await engine.apply(migration)).ok).toBe(true)
  const addAndUse = await sqlMigration('n.sql', "alter type mood add value 'great';\nselect 'great'::mood;")
  expect((await engine.apply(addAndUse)).failure).toMatchObject({ sqlstate: '55P04', line: 2 })
})

test('settings a file changes do not leak into the next file', async () => {
  expect((await engine.apply(await sqlMigration('a.sql', "select pg_catalog.set_config('search_path', '', false);\nset lock_timeout = '1s';"))).ok).toBe(true)
  const next = await engine.apply(await sqlMigration('b.sql', 'create table leak_check (id uuid default uuid_generate_v4());'))
  expect(next.failure).toBeUndefined()
  expect(await engine.query("select current_setting('lock_timeout') as t")).toEqual([{ t: '0' }])
})

test('a file that does not parse is not applied and stops the history there', async () => {
  const result = await engine.apply(await sqlMigration('broken.sql', 'create tabel x ();'))
  expect(result).toMatchObject({ ok: false, failure: { file: 'broken.sql', line: 1, column: 8, statementIndex: -1 } })
  expect(result.failure?.message).toContain('syntax error')
})

test('an empty migration applies as nothing and the history goes on', async () => {
  const result = await engine.apply(await sqlMigration('empty.sql', ''))
  expect(result).toMatchObject({ ok: true, statements: [] })
})
