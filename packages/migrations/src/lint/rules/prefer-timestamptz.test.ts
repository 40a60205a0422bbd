import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'prefer-timestamptz')

test('timestamp without time zone is reported in CREATE TABLE, ADD COLUMN and ALTER TYPE', async () => {
  const sql = 'create table t (a timestamp, b timestamp without time zone);\nalter table t add column c timestamp;\nalter table t alter column d type timestamp;'
  expect((await findings(sql)).map((finding) => finding.message)).toEqual([
    'Column public.t.a is timestamp without time zone.',
    'Column public.t.b is timestamp without time zone.',
    'Column public.t.c is timestamp without time zone.',
    'Column public.t.d is timestamp without time zone.'
  ])
})

test('timestamptz is fine', async () => {
  expect(await findings('create table t (a timestamptz, b timestamp with time zone, c date, d time);')).toEqual([])
})
