import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'prefer-bigint-over-int')

test.each([
  'create table users (id int);',
  'create table users (id integer primary key);',
  'create table users (n serial);',
  'create table users (n int4 generated always as identity);',
  'create table posts (author_id int);',
  'alter table posts add column owner_id integer;',
  'create table t (k smallint, primary key (k));'
])('%s: a key-like 4-byte column is reported', async (sql) => {
  expect(await findings(sql)).toHaveLength(1)
})

test.each(['create table users (id bigint, n bigserial, m int8);', 'create table items (quantity int, rank smallint);'])('%s is fine', async (sql) => {
  expect(await findings(sql)).toEqual([])
})
