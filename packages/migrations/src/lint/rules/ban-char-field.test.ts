import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'ban-char-field')

test('char(n) and character(n) are reported', async () => {
  expect(await findings('create table t (a char(3), b character(10), c char);')).toHaveLength(3)
})

test('text, varchar and the one-byte "char" type are fine', async () => {
  expect(await findings('create table t (a text, b varchar(3), c "char");')).toEqual([])
})
