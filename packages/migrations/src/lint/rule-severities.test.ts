import { RULE_NAMES } from './rule-registry'
import { checkRuleSeverities, severityOf } from './rule-severities'

test('an unknown rule name in the policy is a problem that lists the valid names', () => {
  const [problem, ...rest] = checkRuleSeverities({ 'ban-drop-tabel': 'off', 'ban-drop-table': 'warning' })
  expect(rest).toEqual([])
  expect(problem?.message).toContain('"ban-drop-tabel"')
  expect(problem?.fix).toContain('ban-drop-table')
})

test('a fixed check cannot be configured and a bad severity is a problem', () => {
  expect(checkRuleSeverities({ 'syntax-error': 'off', 'ban-truncate': 'fatal' }).map((problem) => problem.rule)).toEqual(['syntax-error', 'ban-truncate'])
})

test('rule names are unique kebab-case and include the squawk names users know', () => {
  expect(new Set(RULE_NAMES).size).toBe(RULE_NAMES.length)
  for (const name of RULE_NAMES) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/)
  expect(RULE_NAMES).toEqual(expect.arrayContaining(['ban-drop-column', 'require-concurrent-index-creation', 'adding-not-nullable-field', 'prefer-robust-stmts']))
})

test('overrides win over defaults', () => {
  expect(severityOf('ban-drop-table')).toBe('error')
  expect(severityOf('ban-drop-table', { 'ban-drop-table': 'warning' })).toBe('warning')
})
