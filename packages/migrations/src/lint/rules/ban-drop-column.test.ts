import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-drop-column')

test('dropping a column of an existing table is a destructive error', async () => {
  const [finding] = await findings('alter table profiles drop column bio;')
  expect(finding).toMatchObject({ line: 1, column: 1, severity: 'error', destructive: true })
  expect(finding?.message).toContain('public.profiles DROP COLUMN bio')
})

test('adding a column is not reported', async () => {
  expect(await findings('alter table profiles add column bio text;')).toEqual([])
})

test('dropping a column of a table created in the same file is not reported', async () => {
  expect(await findings('create table t (a int, b int);\nalter table t drop column b;')).toEqual([])
})
