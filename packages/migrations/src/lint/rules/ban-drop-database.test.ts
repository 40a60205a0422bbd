import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-drop-database')

test('dropping a database is a destructive error', async () => {
  const [finding] = await findings('\ndrop database app;')
  expect(finding).toMatchObject({ line: 2, column: 1, severity: 'error', destructive: true })
})

test('dropping a table is not dropping a database', async () => {
  expect(await findings('drop table app;')).toEqual([])
})
