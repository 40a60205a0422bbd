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

test('NOT VALID followed by VALIDATE in the same file is one transaction: the VALIDATE is reported', async () => {
  const result = await findings('alter table posts add constraint c check (n > 0) not valid;\nalter table posts validate constraint c;')
  expect(result).toHaveLength(1)
  expect(result[0]).toMatchObject({ line: 2 })
  expect(result[0]?.message).toContain('same transaction (line 1)')
})

test('the same inside an explicit BEGIN ... COMMIT is reported', async () => {
  const sql = 'begin;\nalter table app_email add constraint fk_user foreign key (user_id) references app_user (id) not valid;\nalter table app_email validate constraint fk_user;\ncommit;'
  expect(await findings(sql)).toHaveLength(1)
})

test('a COMMIT between NOT VALID and VALIDATE ends the lock: nothing to report', async () => {
  const sql = 'alter table posts add constraint c check (n > 0) not valid;\ncommit;\nalter table posts validate constraint c;'
  expect(await findings(sql)).toEqual([])
})

test('NOT VALID alone, validated in a later migration, is the safe pattern', async () => {
  expect(await findings('alter table posts add constraint c check (n > 0) not valid;')).toEqual([])
  expect(await findings('alter table posts validate constraint c;')).toEqual([])
})

test('an inline foreign key in ADD COLUMN ... REFERENCES is validated at once and reported', async () => {
  const [finding] = await findings('alter table posts add column author_id bigint references profiles (id);')
  expect(finding?.message).toContain('foreign key to public.profiles')
})

test('constraints on a table created in the same file are fine', async () => {
  expect(await findings('create table t (n int);\nalter table t add constraint c check (n > 0);')).toEqual([])
})

test('UNIQUE USING INDEX validates nothing', async () => {
  expect(await findings('alter table app_email add constraint email_uniq unique using index email_idx;')).toEqual([])
})

test('without a wrapping runner, an explicit BEGIN ... COMMIT still holds the lock through VALIDATE', async () => {
  const sql = 'begin;\nalter table e add constraint c check (n > 0) not valid;\nalter table e validate constraint c;\ncommit;'
  expect((await lintSql(sql, { runnerWrapsFileInTransaction: false })).findings.filter((finding) => finding.rule === 'constraint-missing-not-valid')).toHaveLength(1)
  const separate = 'alter table e add constraint c check (n > 0) not valid;\nalter table e validate constraint c;'
  expect((await lintSql(separate, { runnerWrapsFileInTransaction: false })).findings.filter((finding) => finding.rule === 'constraint-missing-not-valid')).toEqual([])
})
