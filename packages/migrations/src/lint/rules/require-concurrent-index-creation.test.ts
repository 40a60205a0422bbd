import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'require-concurrent-index-creation')

test('an index on an existing table without CONCURRENTLY is a warning at the table name', async () => {
  const [finding] = await findings('create index posts_author_idx on posts (author_id);')
  expect(finding).toMatchObject({ line: 1, column: 34, severity: 'warning' })
  expect(finding?.message).toContain('posts_author_idx on public.posts')
})

test('CREATE INDEX CONCURRENTLY is fine', async () => {
  expect(await findings('create index concurrently posts_author_idx on posts (author_id);')).toEqual([])
})

test('an index on a table created in the same file cannot block anyone', async () => {
  expect(await findings('create table posts (author_id uuid);\ncreate index on posts (author_id);')).toEqual([])
})

test('a table of the same name in another schema is a different table', async () => {
  expect(await findings('create table private.posts (author_id uuid);\ncreate index on public.posts (author_id);')).toHaveLength(1)
})
