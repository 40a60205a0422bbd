import { lintSql } from '../lint-migration'

const findings = async (sql: string, runnerWrapsFileInTransaction = true) =>
  (await lintSql(sql, { runnerWrapsFileInTransaction })).findings.filter((finding) => finding.rule === 'prefer-robust-stmts')

test('inside the runner transaction a CREATE without IF NOT EXISTS is fine: a failure rolls back', async () => {
  expect(await findings('create table t (a int);')).toEqual([])
})

test('a file that cannot run in one transaction must be safe to re-run', async () => {
  const result = await findings('create table t (a int);\ncreate index concurrently t_a on t (a);', true)
  expect(result.map((finding) => finding.line)).toEqual([1, 2])
})

test('without a wrapping transaction a plain CREATE TABLE is reported', async () => {
  const [finding] = await findings('create table t (a int);', false)
  expect(finding).toMatchObject({ line: 1, column: 14, severity: 'warning' })
})

test('IF NOT EXISTS and IF EXISTS are robust', async () => {
  expect(await findings('create table if not exists t (a int);\ndrop table if exists u;\nalter table t add column if not exists b int;', false)).toEqual([])
})
