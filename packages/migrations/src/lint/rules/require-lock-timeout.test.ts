import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'require-lock-timeout')

test('an ALTER TABLE on an existing table with no lock_timeout is reported once per file', async () => {
  const result = await findings('alter table profiles add column a text;\nalter table profiles add column b text;')
  expect(result).toHaveLength(1)
  expect(result[0]).toMatchObject({ line: 1, column: 13, severity: 'warning' })
  expect(result[0]?.message).toContain('ACCESS EXCLUSIVE lock on public.profiles')
})

test('SET lock_timeout earlier in the file covers the ALTERs after it', async () => {
  expect(await findings("set lock_timeout = '5s';\nalter table profiles add column a text;")).toEqual([])
})

test('a lock_timeout set after the ALTER does not count', async () => {
  expect(await findings("alter table profiles add column a text;\nset lock_timeout = '5s';")).toHaveLength(1)
})

test('lock_timeout = 0 disables the timeout and does not count', async () => {
  expect(await findings('set lock_timeout = 0;\nalter table profiles add column a text;')).toHaveLength(1)
})

test('ALTERs of a table created in the same file take no lock anyone waits on', async () => {
  expect(await findings('create table t (a int);\nalter table t enable row level security;')).toEqual([])
})

test('VALIDATE CONSTRAINT takes a lock that does not block reads or writes', async () => {
  expect(await findings('alter table t validate constraint c;')).toEqual([])
})

test.each([
  ['create index i on posts (a);', 'SHARE lock on public.posts'],
  ['reindex table posts;', 'SHARE lock on public.posts'],
  ['reindex index posts_a;', 'ACCESS EXCLUSIVE lock on index public.posts_a'],
  ['lock table posts in share row exclusive mode;', 'SHARE ROW EXCLUSIVE lock on public.posts'],
  ['lock table posts;', 'ACCESS EXCLUSIVE lock on public.posts'],
  ['create trigger t before insert on posts for each row execute function f();', 'SHARE ROW EXCLUSIVE lock on public.posts'],
  ['create table comments (id bigint, post_id bigint references posts (id));', 'SHARE ROW EXCLUSIVE lock on public.posts'],
  ['alter table comments add column post_id bigint references posts (id);', 'ACCESS EXCLUSIVE lock on public.comments'],
  ['create policy p on posts for select using (true);', 'ACCESS EXCLUSIVE lock on public.posts'],
  ['vacuum full posts;', 'ACCESS EXCLUSIVE lock on public.posts'],
  ['cluster posts using posts_pkey;', 'ACCESS EXCLUSIVE lock on public.posts'],
  ['refresh materialized view stats;', 'ACCESS EXCLUSIVE lock on public.stats'],
  ['alter table posts disable trigger t;', 'SHARE ROW EXCLUSIVE lock on public.posts'],
  ['drop trigger t on posts;', 'ACCESS EXCLUSIVE lock on public.posts'],
  ['truncate posts;', 'ACCESS EXCLUSIVE lock on public.posts'],
  ['create table posts_2026 partition of posts for values in (2026);', 'ACCESS EXCLUSIVE lock on public.posts']
])('%s takes the lock Postgres documents for it', async (sql, lock) => {
  const [finding] = await findings(sql)
  expect(finding?.message).toContain(lock)
})

test.each([
  'create index concurrently i on posts (a);',
  'vacuum posts;',
  "alter type mood add value 'meh';",
  'grant select on posts to authenticated;',
  'insert into posts (a) values (1);',
  'create table t (a int);\ncreate index on t (a);\ncreate trigger x before insert on t for each row execute function f();'
])('%s blocks no reads or writes of an existing table', async (sql) => {
  expect(await findings(sql)).toEqual([])
})

test('a foreign key to a table created in the same file locks nothing anyone uses', async () => {
  expect(await findings('create table a (id bigint primary key);\ncreate table b (a_id bigint references a (id));')).toEqual([])
})
