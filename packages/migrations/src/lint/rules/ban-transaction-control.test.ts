import { lintSql } from '../lint-migration'

const findings = async (sql: string, runnerWrapsFileInTransaction = true) =>
  (await lintSql(sql, { runnerWrapsFileInTransaction })).findings.filter((finding) => finding.rule === 'ban-transaction-control')

test('BEGIN and COMMIT in a file the runner wraps are each reported', async () => {
  const result = await findings('begin;\ncreate table t (a int);\ncommit;')
  expect(result.map((finding) => [finding.line, finding.message.split(' ')[0]])).toEqual([
    [1, 'BEGIN'],
    [3, 'COMMIT']
  ])
})

test('a runner that does not wrap files lets the file manage its transaction', async () => {
  expect(await findings('begin;\ncommit;', false)).toEqual([])
})

test('SAVEPOINT is not transaction control the runner conflicts with', async () => {
  expect(await findings('savepoint a;')).toEqual([])
})
