import { lintSql } from '../lint-migration'

const findings = async (sql: string, runnerWrapsFileInTransaction = true) =>
  (await lintSql(sql, { runnerWrapsFileInTransaction })).findings.filter((finding) => finding.rule === 'prefer-robust-stmts')

test('inside the runner transaction a CREATE without IF NOT EXISTS is fine: a failure rolls back', async () => {
  expect(await findings('create table t (a int);\ncreate table u (a int);')).toEqual([])
})

test('a file that cannot run in one transaction must be safe to re-run', async () => {
  const result = await findings('create index concurrently t_a on t (a);\ncreate table u (a int);', true)
  expect(result.map((finding) => finding.line)).toEqual([1, 2])
})

test('without a wrapping transaction a plain CREATE TABLE is reported', async () => {
  const [finding] = await findings('create table t (a int);\ncreate table u (a int);', false)
  expect(finding).toMatchObject({ line: 1, column: 14, severity: 'warning' })
})

test('IF NOT EXISTS and IF EXISTS are robust', async () => {
  expect(await findings('create table if not exists t (a int);\ndrop table if exists u;\nalter table t add column if not exists b int;', false)).toEqual([])
})

test('DROP CONSTRAINT without IF EXISTS is reported', async () => {
  const [finding] = await findings('alter table posts drop constraint posts_fk;\nalter table posts add column if not exists a int;', false)
  expect(finding?.message).toContain('DROP CONSTRAINT posts_fk')
})

test('ADD CONSTRAINT fails on a re-run unless DROP CONSTRAINT IF EXISTS comes first', async () => {
  expect(await findings('alter table posts add constraint c check (n > 0);\nalter table posts add column if not exists a int;', false)).toHaveLength(1)
  expect(await findings('alter table posts drop constraint if exists c;\nalter table posts add constraint c check (n > 0);', false)).toEqual([])
})

test('a file wrapped in its own BEGIN ... COMMIT is atomic', async () => {
  expect(await findings('begin;\ncreate table t (a int);\nalter table posts drop constraint c;\ncommit;', false)).toEqual([])
})

test('a COMMIT in the middle of the file breaks atomicity', async () => {
  expect(await findings('begin;\ncreate table t (a int);\ncommit;\ncreate table u (a int);', false)).toHaveLength(2)
})

test('CREATE TEMP TABLE ... ON COMMIT DROP never meets itself on a re-run', async () => {
  expect(await findings('create temp table scratch (a int) on commit drop;\ncreate table if not exists u (a int);', false)).toEqual([])
})

test('a temporary table without ON COMMIT DROP can outlive the failed run on a pooled connection', async () => {
  const [finding] = await findings('select 1;\ncreate temp table scratch (a int);', false)
  expect(finding?.fix).toContain('ON COMMIT DROP')
})

test('a second ADD CONSTRAINT of the same name after the DROP IF EXISTS is not robust', async () => {
  const sql = 'alter table e drop constraint if exists u;\nalter table e add constraint u unique using index i;\nalter table e add constraint u unique using index i;'
  expect((await findings(sql, false)).map((finding) => finding.line)).toEqual([3])
})
