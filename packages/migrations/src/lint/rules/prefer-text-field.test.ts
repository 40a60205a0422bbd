import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'prefer-text-field')

test('varchar(n) is reported, in CREATE TABLE and ALTER TYPE', async () => {
  expect(await findings('create table t (a varchar(100));\nalter table t alter column b type character varying(20);')).toHaveLength(2)
})

test('text and varchar without a limit are fine', async () => {
  expect(await findings('create table t (a text, b varchar);')).toEqual([])
})
