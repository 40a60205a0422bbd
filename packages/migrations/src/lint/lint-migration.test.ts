import { parseMigration } from '../parse/parse-migration'
import { lintMigrations, lintSql } from './lint-migration'

test('an allow comment on the line above silences that rule for that statement only', async () => {
  const sql = '-- change-policy: allow ban-drop-table\ndrop table old_a;\ndrop table old_b;'
  const { findings, silenced } = await lintSql(sql)
  expect(silenced.map((finding) => [finding.rule, finding.line])).toEqual([['ban-drop-table', 2]])
  expect(findings.filter((finding) => finding.rule === 'ban-drop-table').map((finding) => finding.line)).toEqual([3])
})

test('an allow comment at the end of the statement line silences that statement, not the next', async () => {
  const sql = 'drop table old_a; -- change-policy: allow ban-drop-table\ndrop table old_b;'
  const { findings, silenced } = await lintSql(sql)
  expect(silenced.map((finding) => finding.line)).toEqual([1])
  expect(findings.filter((finding) => finding.rule === 'ban-drop-table').map((finding) => finding.line)).toEqual([2])
})

test('one allow comment can name several rules, and a reason may follow in the comment block', async () => {
  const sql = '-- change-policy: allow ban-drop-column, require-lock-timeout\n-- the column was unused since #123\nalter table t drop column legacy;'
  const { findings, silenced } = await lintSql(sql)
  expect(silenced.map((finding) => finding.rule).sort()).toEqual(['ban-drop-column', 'require-lock-timeout'])
  expect(findings).toEqual([])
})

test('an allow comment for a different rule silences nothing', async () => {
  const { findings, silenced } = await lintSql('-- change-policy: allow ban-truncate\ndrop table t;')
  expect(silenced).toEqual([])
  expect(findings.map((finding) => finding.rule)).toContain('ban-drop-table')
})

test('the allow words inside a string literal are not a comment', async () => {
  const { silenced } = await lintSql("select '-- change-policy: allow ban-drop-table';\ndrop table t;")
  expect(silenced).toEqual([])
})

test('an allow comment naming an unknown rule is reported', async () => {
  const { findings } = await lintSql('-- change-policy: allow ban-drop-tabel\ndrop table t;')
  expect(findings.find((finding) => finding.rule === 'invalid-suppression')).toMatchObject({ line: 1, column: 1, severity: 'warning' })
})

test('the policy can raise, lower or turn off a rule', async () => {
  const sql = 'create index i on t (a);\ndrop table t;'
  const { findings } = await lintSql(sql, { rules: { 'require-concurrent-index-creation': 'error', 'ban-drop-table': 'off', 'require-statement-timeout': 'off' } })
  expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([
    ['require-concurrent-index-creation', 'error'],
    ['require-lock-timeout', 'warning']
  ])
})

test('an empty file is a warning, not an error', async () => {
  const { findings } = await lintSql('')
  expect(findings).toEqual([expect.objectContaining({ rule: 'empty-migration', severity: 'warning', line: 1, column: 1 })])
})

test('a finding after multi-byte text points at the right character', async () => {
  const { findings } = await lintSql("comment on table t is 'ünïcødé 😀'; drop table t;")
  expect(findings.find((finding) => finding.rule === 'ban-drop-table')).toMatchObject({ line: 1, column: 36 })
})

test('row level security enabled in an earlier migration covers grants in a later one', async () => {
  const first = await parseMigration({ path: '1.sql', bytes: Buffer.from('create table notes (id int);\nalter table notes enable row level security;') })
  const second = await parseMigration({ path: '2.sql', bytes: Buffer.from('grant select on notes to anon;') })
  const { findings } = await lintMigrations([first, second])
  expect(findings.filter((finding) => finding.rule === 'ban-grant-to-anon-or-public')).toEqual([])
})

test('a syntax error is the only finding of its file', async () => {
  const { findings } = await lintSql('drop table t;\ncreate tabel x ();')
  expect(findings.map((finding) => [finding.rule, finding.line, finding.column])).toEqual([['syntax-error', 2, 8]])
})
