import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'changing-column-type')

test('changing a column type on an existing table is a warning at the new type', async () => {
  const [finding] = await findings('alter table orders alter column total type bigint;')
  expect(finding).toMatchObject({ line: 1, column: 44, severity: 'warning' })
  expect(finding?.message).toContain('public.orders.total to int8')
})

test('changing a default is not changing a type', async () => {
  expect(await findings('alter table orders alter column total set default 0;')).toEqual([])
})

test('changing a type on a table created in the same file is not reported', async () => {
  expect(await findings('create table orders (total int);\nalter table orders alter column total type bigint;')).toEqual([])
})
