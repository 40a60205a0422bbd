// Our lint against squawk's own rule tests, for the rules both linters have. The cases are
// read at run time from a checkout of squawk (github.com/sbdchd/squawk; nothing of it is
// copied here): each `#[test]` of crates/squawk_linter/src/rules/<rule>.rs with its SQL and
// whether squawk expects the rule to fire (lint_errors*) or not (lint_ok*). A case agrees when
// our mapped rule fires exactly when squawk's test expects its rule to. With SQUAWK set, the
// squawk binary runs on the same cases too (a check that the cases were read right).
//   SQUAWK_REPO=/path/to/squawk [SQUAWK=/path/to/squawk-binary] [VERBOSE=1] \
//     node --import ./bench/ts-loader.mjs bench/migrations/squawk-rule-tests.bench.ts
// SQUAWK_REPO may be a work tree or a bare git directory (read with git show).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lintSql } from '../../packages/migrations/src/lint/lint-migration'
import { RULE_NAMES } from '../../packages/migrations/src/lint/rule-registry'

const repo = process.env['SQUAWK_REPO']
if (!repo) {
  console.log('squawk rule tests: SQUAWK_REPO is not set; skipped (see the comment at the top of this file).')
  process.exit(0)
}
const squawk = process.env['SQUAWK']

/** squawk's rule -> ours (a squawk rule can correspond to more than one of ours). */
const SHARED: Readonly<Record<string, readonly string[]>> = {
  'adding-field-with-default': ['adding-field-with-default'],
  'adding-foreign-key-constraint': ['constraint-missing-not-valid'],
  'adding-not-nullable-field': ['adding-not-nullable-field'],
  'adding-required-field': ['adding-not-nullable-field'],
  'adding-serial-primary-key-field': ['adding-field-with-default', 'disallowed-unique-constraint'],
  'ban-char-field': ['ban-char-field'],
  'ban-concurrent-index-creation-in-transaction': ['ban-concurrent-index-creation-in-transaction'],
  'ban-drop-column': ['ban-drop-column'],
  'ban-drop-database': ['ban-drop-database'],
  'ban-drop-not-null': ['ban-drop-not-null'],
  'ban-drop-table': ['ban-drop-table'],
  'ban-truncate-cascade': ['ban-truncate'],
  'changing-column-type': ['changing-column-type'],
  'constraint-missing-not-valid': ['constraint-missing-not-valid'],
  'disallowed-unique-constraint': ['disallowed-unique-constraint'],
  'identifier-too-long': ['identifier-too-long'],
  'prefer-bigint-over-int': ['prefer-bigint-over-int'],
  'prefer-identity': ['prefer-identity'],
  'prefer-robust-stmts': ['prefer-robust-stmts'],
  'prefer-text-field': ['prefer-text-field'],
  'prefer-timestamp-tz': ['prefer-timestamptz'],
  'renaming-column': ['renaming-column'],
  'renaming-table': ['renaming-table'],
  'require-concurrent-index-creation': ['require-concurrent-index-creation'],
  'require-concurrent-index-deletion': ['require-concurrent-index-deletion'],
  'require-concurrent-reindex': ['require-concurrent-reindex'],
  'require-enum-value-ordering': ['require-enum-value-ordering'],
  'require-lock-timeout': ['require-lock-timeout'],
  'require-statement-timeout': ['require-statement-timeout'],
  'require-timeout-settings': ['require-lock-timeout', 'require-statement-timeout'],
  'transaction-nesting': ['ban-transaction-control']
}

const bare = !existsSync(join(repo, '.git')) && existsSync(join(repo, 'HEAD'))
function read(path: string): string {
  return bare ? execFileSync('git', ['--git-dir', repo as string, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) : readFileSync(join(repo as string, path), 'utf8')
}
function list(folder: string): string[] {
  if (!bare) return execFileSync('git', ['-C', repo as string, 'ls-files', folder], { encoding: 'utf8' }).split('\n').filter(Boolean)
  return execFileSync('git', ['--git-dir', repo as string, 'ls-tree', '-r', '--name-only', 'HEAD', folder], { encoding: 'utf8' }).split('\n').filter(Boolean)
}

interface Case {
  squawkRule: string
  test: string
  sql: string
  expectError: boolean
  assumeInTransaction: boolean
}

// squawk's Rule enum names its rules in lib.rs (`Rule::PreferTimestampTz => "prefer-timestamp-tz"`).
const ruleNames = new Map([...read('crates/squawk_linter/src/lib.rs').matchAll(/Rule::(\w+) => "([a-z-]+)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']))

function casesOf(path: string): Case[] {
  const text = read(path)
  const tests = text.slice(text.indexOf('#[cfg(test)]'))
  const cases: Case[] = []
  for (const chunk of tests.split('#[test]').slice(1)) {
    const name = /fn\s+(\w+)/.exec(chunk)?.[1] ?? '?'
    const sql = /r#"([\s\S]*?)"#/.exec(chunk)?.[1]
    // Fix tests check squawk's rewrites, not whether the rule fires.
    if (!sql || /fix_sql|fix\(/.test(chunk.split('\n').slice(0, 4).join('\n')) || /\bfix\(sql\)|fix_sql/.test(chunk)) continue
    const expectError = /lint_errors/.test(chunk)
    if (!expectError && !/lint_ok/.test(chunk)) continue
    // Settings we cannot mirror (old Postgres versions, opt-in flags) are left out.
    if (/pg_version|Version::new/.test(chunk)) continue
    const enumName = /Rule::(\w+)/.exec(chunk)?.[1] ?? /Rule::(\w+)/.exec(text)?.[1]
    const squawkRule = ruleNames.get(enumName ?? '') ?? ''
    cases.push({ squawkRule, test: name, sql, expectError, assumeInTransaction: /assume_in_transaction:\s*true/.test(chunk) })
  }
  return cases
}

const all = list('crates/squawk_linter/src/rules').filter((path) => path.endsWith('.rs') && !path.endsWith('mod.rs')).flatMap(casesOf)
const shared = all.filter((testCase) => SHARED[testCase.squawkRule])
const dir = mkdtempSync(join(tmpdir(), 'bench-squawk-tests-'))

interface Outcome {
  testCase: Case
  ours: boolean
  squawk?: boolean
}
const outcomes: Outcome[] = []
let oursMs = 0
try {
  for (const [index, testCase] of shared.entries()) {
    const ourRules = (SHARED[testCase.squawkRule] ?? []).filter((rule) => RULE_NAMES.includes(rule))
    const started = performance.now()
    const { findings } = await lintSql(testCase.sql, { runnerWrapsFileInTransaction: testCase.assumeInTransaction })
    oursMs += performance.now() - started
    const ours = findings.some((finding) => ourRules.includes(finding.rule))
    const outcome: Outcome = { testCase, ours }
    if (squawk) {
      const file = join(dir, `${index}.sql`)
      writeFileSync(file, testCase.sql)
      const run = spawnSync(squawk, ['--reporter', 'json', ...(testCase.assumeInTransaction ? ['--assume-in-transaction'] : []), file], { encoding: 'utf8' })
      const reported = (JSON.parse(run.stdout || '[]') as Array<{ rule_name?: string }>).map((finding) => finding.rule_name)
      outcome.squawk = reported.includes(testCase.squawkRule)
    }
    outcomes.push(outcome)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const byRule = new Map<string, Outcome[]>()
for (const outcome of outcomes) byRule.set(outcome.testCase.squawkRule, [...(byRule.get(outcome.testCase.squawkRule) ?? []), outcome])
const agree = (outcome: Outcome): boolean => outcome.ours === outcome.testCase.expectError
console.log(`squawk rule tests for the rules we share: ${outcomes.length} cases from ${byRule.size} squawk rules (${all.length - shared.length} cases of rules we do not have left out)`)
for (const [rule, list] of [...byRule].sort()) {
  const ours = list.filter(agree).length
  const squawkAgrees = squawk ? ` squawk binary ${list.filter((outcome) => outcome.squawk === outcome.testCase.expectError).length}/${list.length}` : ''
  console.log(`  ${rule.padEnd(46)} ours ${String(ours).padStart(3)}/${String(list.length).padEnd(3)}${squawkAgrees}`)
}
const total = outcomes.filter(agree).length
console.log(`agreement with squawk's expectations: ours ${total}/${outcomes.length}${squawk ? `, squawk binary ${outcomes.filter((outcome) => outcome.squawk === outcome.testCase.expectError).length}/${outcomes.length}` : ''}; our lint took ${oursMs.toFixed(0)} ms for all cases`)
if (process.env['VERBOSE']) {
  for (const outcome of outcomes.filter((candidate) => !agree(candidate))) {
    const { testCase } = outcome
    console.log(`\n--- ${testCase.squawkRule} :: ${testCase.test} (squawk expects ${testCase.expectError ? 'a finding' : 'none'}${testCase.assumeInTransaction ? ', assume in transaction' : ''}; ours ${outcome.ours ? 'reports' : 'is quiet'})\n${testCase.sql.trim()}`)
  }
}
