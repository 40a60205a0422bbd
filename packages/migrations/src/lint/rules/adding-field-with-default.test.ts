import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'adding-field-with-default')

test.each([
  'alter table recipes add column token uuid default gen_random_uuid();',
  'alter table recipes add column r float default random();',
  'alter table recipes add column at timestamptz default clock_timestamp();',
  'alter table recipes add column n bigserial;',
  'alter table recipes add column n bigint generated always as identity;',
  'alter table recipes add column total int generated always as (a + b) stored;'
])('%s rewrites the table', async (sql) => {
  const [finding] = await findings(sql)
  expect(finding?.message).toContain('rewrites every row of public.recipes')
})

test.each([
  'alter table recipes add column n integer default 10;',
  "alter table recipes add column s text default 'x';",
  "alter table recipes add column j jsonb default '{}'::jsonb;",
  'alter table recipes add column at timestamptz not null default now();',
  "alter table recipes add column at timestamptz default now() - interval '100 years';",
  'alter table recipes add column a bigint[] default array[]::bigint[];',
  'create table t (id uuid default gen_random_uuid());\nalter table t add column b uuid default gen_random_uuid();'
])('%s rewrites nothing', async (sql) => {
  expect(await findings(sql)).toEqual([])
})

test('a default calling a function of the database may rewrite: the text cannot tell (the database check decides)', async () => {
  const [finding] = await findings('alter table recipes add column j jsonb default make_settings();')
  expect(finding?.message).toContain('make_settings() (volatile or not: the text cannot tell) may rewrite every row')
})
