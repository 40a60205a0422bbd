import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-grant-to-anon-or-public')

test('granting a table without row level security to anon is a warning at the table', async () => {
  const [finding] = await findings('grant select on table private_notes to anon;')
  expect(finding).toMatchObject({ line: 1, column: 23, severity: 'warning' })
})

test('granting to PUBLIC is reported', async () => {
  expect(await findings('grant all on notes to public;')).toHaveLength(1)
})

test('granting a table protected by row level security to anon is the normal Supabase pattern', async () => {
  expect(await findings('create table notes (id int);\nalter table notes enable row level security;\ngrant select on notes to anon;')).toEqual([])
})

test('granting every table of a schema to anon is reported', async () => {
  expect(await findings('grant select on all tables in schema public to anon;')).toHaveLength(1)
})

test('granting to authenticated is fine', async () => {
  expect(await findings('grant select on notes to authenticated;')).toEqual([])
})

test('default privileges for anon on future tables are reported', async () => {
  expect(await findings('alter default privileges in schema public grant all on tables to anon;')).toHaveLength(1)
})
