import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'renaming-column')

test('renaming a column of an existing table is an error pointing at the table', async () => {
  const [finding] = await findings('alter table profiles rename column name to full_name;')
  expect(finding).toMatchObject({ line: 1, column: 13, severity: 'error', destructive: false })
  expect(finding?.message).toContain('public.profiles.name to full_name')
})

test('renaming a column of a table created in the same file is not reported', async () => {
  expect(await findings('create table t (a int);\nalter table t rename column a to b;')).toEqual([])
})

test('renaming a constraint is not renaming a column', async () => {
  expect(await findings('alter table t rename constraint a to b;')).toEqual([])
})
