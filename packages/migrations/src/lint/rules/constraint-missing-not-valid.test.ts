import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'constraint-missing-not-valid')

test('a foreign key added to an existing table without NOT VALID is a warning at the constraint', async () => {
  const [finding] = await findings('alter table posts add constraint posts_author_fk foreign key (author_id) references profiles (id);')
  expect(finding).toMatchObject({ line: 1, column: 23, severity: 'warning' })
  expect(finding?.fix).toContain('VALIDATE CONSTRAINT posts_author_fk')
})

test('a check constraint without NOT VALID is reported', async () => {
  expect(await findings('alter table posts add constraint positive check (n > 0);')).toHaveLength(1)
})

test('NOT VALID followed by VALIDATE is the safe pattern', async () => {
  expect(await findings('alter table posts add constraint c check (n > 0) not valid;\nalter table posts validate constraint c;')).toEqual([])
})

test('constraints on a table created in the same file are fine', async () => {
  expect(await findings('create table t (n int);\nalter table t add constraint c check (n > 0);')).toEqual([])
})
