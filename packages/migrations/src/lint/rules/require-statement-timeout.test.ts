import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'require-statement-timeout')

test('an index build on an existing table without statement_timeout is reported once', async () => {
  const result = await findings('create index a on posts (a);\ncreate index b on posts (b);')
  expect(result).toHaveLength(1)
  expect(result[0]?.message).toContain('SHARE lock')
})

test.each(['alter table posts add constraint c check (n > 0);', 'alter table posts alter column n type bigint;', 'vacuum full posts;', 'alter table posts add column t uuid default gen_random_uuid();'])('%s scans under a blocking lock', async (sql) => {
  expect(await findings(sql)).toHaveLength(1)
})

test('statement_timeout set earlier covers the file', async () => {
  expect(await findings("set statement_timeout = '5min';\ncreate index a on posts (a);")).toEqual([])
})

test.each([
  'alter table posts rename column a to b;',
  'create policy p on posts for select using (true);',
  'alter table posts add constraint c check (n > 0) not valid;',
  'create index concurrently a on posts (a);',
  'create table t (a int);\ncreate index on t (a);'
])('%s holds no blocking lock while it scans', async (sql) => {
  expect(await findings(sql)).toEqual([])
})
