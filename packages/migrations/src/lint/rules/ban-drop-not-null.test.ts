import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-drop-not-null')

test('DROP NOT NULL on an existing table is reported', async () => {
  const [finding] = await findings('alter table bar alter column foo drop not null;')
  expect(finding).toMatchObject({ severity: 'warning' })
  expect(finding?.message).toContain('public.bar.foo')
})

test('on a table created in the same file it is fine', async () => {
  expect(await findings('create table bar (foo int not null);\nalter table bar alter column foo drop not null;')).toEqual([])
})
