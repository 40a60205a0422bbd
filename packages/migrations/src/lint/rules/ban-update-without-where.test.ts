import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-update-without-where')

test('UPDATE without WHERE is a destructive error', async () => {
  const [finding] = await findings('update profiles set plan = null;')
  expect(finding).toMatchObject({ line: 1, column: 8, severity: 'error', destructive: true })
  expect(finding?.message).toContain('SET plan')
})

test('UPDATE with WHERE is fine', async () => {
  expect(await findings("update profiles set plan = 'free' where plan is null;")).toEqual([])
})

test('backfilling a column added earlier in the file overwrites nothing', async () => {
  expect(await findings("alter table profiles add column plan text;\nupdate profiles set plan = 'free';")).toEqual([])
})

test('a backfill that also sets an old column is reported', async () => {
  expect(await findings("alter table profiles add column plan text;\nupdate profiles set plan = 'free', name = '';")).toHaveLength(1)
})
