import { lintMigrations, lintSql } from '../lint-migration'
import { parseMigration } from '../../parse/parse-migration'

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

test('SET NOT NULL after a validated CHECK (col IS NOT NULL) in the same file needs no scan', async () => {
  const sql = 'alter table profiles add constraint plan_not_null check (plan is not null) not valid;\nalter table profiles validate constraint plan_not_null;\nalter table profiles alter column plan set not null;'
  expect(await findings(sql)).toEqual([])
})

test('SET NOT NULL after a CHECK added NOT VALID in an earlier migration and validated in this one is fine', async () => {
  const earlier = await parseMigration({ path: 'a.sql', bytes: Buffer.from('alter table profiles add constraint plan_nn check (plan is not null) not valid;') })
  const later = await parseMigration({ path: 'b.sql', bytes: Buffer.from('alter table profiles validate constraint plan_nn;\nalter table profiles alter column plan set not null;') })
  const { findings: all } = await lintMigrations([earlier, later])
  expect(all.filter((finding) => finding.rule === 'adding-not-nullable-field')).toEqual([])
})

test('a CHECK that is never validated does not make SET NOT NULL safe', async () => {
  const sql = 'alter table profiles add constraint plan_nn check (plan is not null) not valid;\nalter table profiles alter column plan set not null;'
  expect(await findings(sql)).toHaveLength(1)
})

test('a CHECK on another column does not make SET NOT NULL safe', async () => {
  const sql = 'alter table profiles add constraint c check (other is not null);\nalter table profiles alter column plan set not null;'
  expect(await findings(sql)).toHaveLength(1)
})
