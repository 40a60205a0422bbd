import { lintSql } from '../lint-migration'

const findings = async (sql: string) => (await lintSql(sql)).findings.filter((finding) => finding.rule === 'require-enum-value-ordering')

test.each(["alter type mood add value 'meh';", "alter type mood add value if not exists 'meh';"])('%s is reported', async (sql) => {
  expect(await findings(sql)).toHaveLength(1)
})

test.each(["alter type mood add value 'meh' before 'sad';", "alter type mood add value 'meh' after 'ok';", "alter type mood rename value 'a' to 'b';"])('%s is fine', async (sql) => {
  expect(await findings(sql)).toEqual([])
})
