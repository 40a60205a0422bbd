import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'adding-not-nullable-field')

test('adding a NOT NULL column without a default is an error at the column', async () => {
  const [finding] = await findings('alter table profiles add column plan text not null;')
  expect(finding).toMatchObject({ line: 1, column: 33, severity: 'error' })
  expect(finding?.message).toContain('public.profiles.plan')
})

test('a NOT NULL column with a default is fine', async () => {
  expect(await findings("alter table profiles add column plan text not null default 'free';")).toEqual([])
})

test('a serial column brings its own default', async () => {
  expect(await findings('alter table profiles add column n bigserial not null;')).toEqual([])
})

test('SET NOT NULL on an existing table is reported', async () => {
  const [finding] = await findings('alter table profiles alter column plan set not null;')
  expect(finding?.message).toContain('SET NOT NULL')
})

test('NOT NULL columns on a table created in the same file are fine', async () => {
  expect(await findings('create table t (a int);\nalter table t add column b int not null;')).toEqual([])
})
