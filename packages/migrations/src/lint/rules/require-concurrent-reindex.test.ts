import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'require-concurrent-reindex')

test.each(['reindex table posts;', 'reindex index posts_a;'])('%s is reported', async (sql) => {
  expect(await findings(sql)).toHaveLength(1)
})

test.each(['reindex (concurrently) table posts;', 'reindex table concurrently posts;', 'create table t (a int);\nreindex table t;'])('%s is fine', async (sql) => {
  expect(await findings(sql)).toEqual([])
})
