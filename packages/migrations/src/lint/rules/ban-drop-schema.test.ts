import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-drop-schema')

test('dropping a schema with CASCADE is a destructive error that says so', async () => {
  const [finding] = await findings('drop schema billing cascade;')
  expect(finding).toMatchObject({ line: 1, column: 1, severity: 'error', destructive: true })
  expect(finding?.message).toContain('every object in it')
})

test('creating a schema is not reported', async () => {
  expect(await findings('create schema billing;')).toEqual([])
})

test('dropping a schema created in the same file is not reported', async () => {
  expect(await findings('create schema tmp;\ndrop schema tmp;')).toEqual([])
})
