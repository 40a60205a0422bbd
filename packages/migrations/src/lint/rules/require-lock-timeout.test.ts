import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'require-lock-timeout')

test('an ALTER TABLE on an existing table with no lock_timeout is reported once per file', async () => {
  const result = await findings('alter table profiles add column a text;\nalter table profiles add column b text;')
  expect(result).toHaveLength(1)
  expect(result[0]).toMatchObject({ line: 1, column: 1, severity: 'warning' })
})

test('SET lock_timeout earlier in the file covers the ALTERs after it', async () => {
  expect(await findings("set lock_timeout = '5s';\nalter table profiles add column a text;")).toEqual([])
})

test('a lock_timeout set after the ALTER does not count', async () => {
  expect(await findings("alter table profiles add column a text;\nset lock_timeout = '5s';")).toHaveLength(1)
})

test('lock_timeout = 0 disables the timeout and does not count', async () => {
  expect(await findings('set lock_timeout = 0;\nalter table profiles add column a text;')).toHaveLength(1)
})

test('ALTERs of a table created in the same file take no lock anyone waits on', async () => {
  expect(await findings('create table t (a int);\nalter table t enable row level security;')).toEqual([])
})

test('VALIDATE CONSTRAINT takes a lock that does not block reads or writes', async () => {
  expect(await findings('alter table t validate constraint c;')).toEqual([])
})
