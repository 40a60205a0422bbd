import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'require-concurrent-index-deletion')

test('DROP INDEX without CONCURRENTLY is a warning', async () => {
  const [finding] = await findings('drop index if exists posts_author_idx;')
  expect(finding).toMatchObject({ line: 1, column: 1, severity: 'warning' })
  expect(finding?.fix).toContain('DROP INDEX CONCURRENTLY IF EXISTS public.posts_author_idx')
})

test('DROP INDEX CONCURRENTLY is fine', async () => {
  expect(await findings('drop index concurrently posts_author_idx;')).toEqual([])
})

test('dropping an index created in the same file is fine', async () => {
  expect(await findings('create index concurrently i on posts (a);\ndrop index i;')).toEqual([])
})
