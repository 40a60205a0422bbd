import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-truncate')

test('TRUNCATE of an existing table is a destructive error at the table', async () => {
  const [finding] = await findings('truncate table audit_log;')
  expect(finding).toMatchObject({ line: 1, column: 16, severity: 'error', destructive: true })
})

test('TRUNCATE of a table created in the same file is fine', async () => {
  expect(await findings('create table staging (a int);\ntruncate staging;')).toEqual([])
})
