import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'renaming-table')

test('renaming an existing table is an error', async () => {
  const [finding] = await findings('alter table public.posts rename to articles;')
  expect(finding).toMatchObject({ line: 1, column: 13, severity: 'error' })
  expect(finding?.message).toContain('public.posts to articles')
})

test('renaming a column is not renaming a table', async () => {
  expect(await findings('alter table posts rename column a to b;')).toEqual([])
})
