import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'disallowed-unique-constraint')

test('adding a UNIQUE constraint to an existing table is a warning at the constraint', async () => {
  const [finding] = await findings('alter table profiles add constraint profiles_username_key unique (username);')
  expect(finding).toMatchObject({ line: 1, column: 26, severity: 'warning' })
  expect(finding?.fix).toContain('USING INDEX')
})

test('a new column declared UNIQUE builds an index under the lock too', async () => {
  expect(await findings('alter table profiles add column handle text unique;')).toHaveLength(1)
})

test('UNIQUE USING INDEX on an index built concurrently is the safe pattern', async () => {
  expect(await findings('alter table profiles add constraint profiles_username_key unique using index profiles_username_idx;')).toEqual([])
})

test('unique constraints on a table created in the same file are fine', async () => {
  expect(await findings('create table t (a int);\nalter table t add primary key (a);')).toEqual([])
})
