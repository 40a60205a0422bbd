import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'identifier-too-long')

const long = 'a'.repeat(64)

test.each([
  `create table ${long} (id bigint);`,
  `create table t (${long} int);`,
  `create index ${long} on t (a);`,
  `alter table t add constraint ${long} check (a > 0);`,
  `alter table t rename to ${long};`,
  `create function ${long}() returns int language sql as 'select 1';`
])('a 64-byte name is reported', async (sql) => {
  const [finding] = await findings(sql)
  expect(finding?.message).toContain(`"${'a'.repeat(63)}"`)
})

test('63 bytes is the limit; multi-byte characters count as their bytes', async () => {
  expect(await findings(`create table ${'a'.repeat(63)} (id bigint);`)).toEqual([])
  expect(await findings(`create table "${'é'.repeat(32)}" (id bigint);`)).toHaveLength(1)
})
