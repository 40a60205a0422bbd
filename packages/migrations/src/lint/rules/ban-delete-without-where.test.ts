import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-delete-without-where')

test('DELETE without WHERE is a destructive error', async () => {
  const [finding] = await findings('delete from sessions;')
  expect(finding).toMatchObject({ line: 1, column: 13, severity: 'error', destructive: true })
})

test('DELETE with WHERE is fine', async () => {
  expect(await findings("delete from sessions where created_at < now() - interval '30 days';")).toEqual([])
})
