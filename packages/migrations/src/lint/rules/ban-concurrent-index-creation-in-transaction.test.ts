import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-concurrent-index-creation-in-transaction')

test('CONCURRENTLY as the first statement of its file runs on its own: fine', async () => {
  expect(await findings('create index concurrently posts_a on posts (a);\nselect 1;')).toEqual([])
})

test('CONCURRENTLY after another statement fails in the CLI batch and is an error', async () => {
  const [finding] = await findings("set lock_timeout = '5s';\ncreate index concurrently posts_a on posts (a);")
  expect(finding).toMatchObject({ line: 2, severity: 'error' })
  expect(finding?.message).toContain('CREATE INDEX CONCURRENTLY cannot be executed within a pipeline')
})

test('a second CONCURRENTLY in the same file fails too', async () => {
  expect(await findings('create index concurrently a on posts (a);\ncreate index concurrently b on posts (b);')).toHaveLength(1)
})

test('inside BEGIN ... COMMIT it cannot run at all', async () => {
  const [finding] = await findings('begin;\ncreate index concurrently a on posts (a);\ncommit;')
  expect(finding?.message).toContain('inside BEGIN')
})

test('right after a COMMIT it starts a new transaction: fine', async () => {
  expect(await findings('create table t (a int);\ncommit;\ncreate index concurrently a on posts (a);')).toEqual([])
})

test.each(['drop index concurrently a;', 'reindex (concurrently) index a;', 'vacuum posts;'])('%s counts the same', async (sql) => {
  expect(await findings(`select 1;\n${sql}`)).toHaveLength(1)
})

test('DROP DATABASE after another statement is ban-drop-database\'s business, not this rule\'s', async () => {
  expect(await findings('select 1;\ndrop database if exists analytics;')).toEqual([])
})
