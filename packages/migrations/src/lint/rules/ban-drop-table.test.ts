import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-drop-table')

test('dropping an existing table is a destructive error at the statement', async () => {
  const [finding, ...rest] = await findings('select 1;\n  drop table if exists public.profiles cascade;')
  expect(rest).toEqual([])
  expect(finding).toMatchObject({ line: 2, column: 3, severity: 'error', destructive: true })
  expect(finding?.message).toContain('public.profiles')
})

test('every table in one DROP TABLE is reported', async () => {
  expect((await findings('drop table a, b;')).map((finding) => finding.message)).toEqual([expect.stringContaining('public.a'), expect.stringContaining('public.b')])
})

test('dropping a table created earlier in the same file is not reported', async () => {
  expect(await findings('create table scratch (id int);\ndrop table scratch;')).toEqual([])
})

test('dropping a view is not dropping a table', async () => {
  expect(await findings('drop view v;')).toEqual([])
})
