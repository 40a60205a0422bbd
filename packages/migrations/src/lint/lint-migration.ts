// Lints parsed migrations: every rule over every statement, then severities from the
// policy, then allow comments. Silenced findings are returned apart so that the job summary
// can list them: an acknowledged risk is still a risk a reviewer should see.
import type { Finding } from '../finding'
import { parseMigration, type ParsedMigration } from '../parse/parse-migration'
import { findAllowComments } from './allow-comments'
import { HistoryFacts, LintContext } from './lint-context'
import { EMPTY_MIGRATION, INVALID_SUPPRESSION, RULE_NAMES, STATEMENT_RULES } from './rule-registry'
import { severityOf, type RuleSeverity } from './rule-severities'

export interface LintOptions {
  /** The policy's `migrations.rules`: rule name -> error | warning | off. */
  rules?: Readonly<Record<string, RuleSeverity>>
  /** Schemas the Data API serves; tables created there need row level security. Default: public. */
  exposedSchemas?: readonly string[]
  /** The runner sends each file as one transaction (the Supabase CLI does). Default: true. */
  runnerWrapsFileInTransaction?: boolean
}

export interface LintResult {
  findings: Finding[]
  /** Findings an allow comment silenced, with their severity had they not been. */
  silenced: Finding[]
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule)
}

/**
 * Lints one migration. `history` carries what earlier migrations did (row level security)
 * and is updated with this file's effects; pass the same object through a whole history.
 */
export async function lintMigration(migration: ParsedMigration, options: LintOptions = {}, history: HistoryFacts = new HistoryFacts()): Promise<LintResult> {
  const path = migration.path
  if (migration.fatal) return { findings: [migration.fatal], silenced: [] }
  const overrides = options.rules ?? {}
  const findings: Finding[] = []
  if (migration.empty) {
    const severity = severityOf(EMPTY_MIGRATION.name, overrides)
    if (severity !== 'off') {
      findings.push({
        rule: EMPTY_MIGRATION.name,
        severity,
        file: path,
        line: 1,
        column: 1,
        message: `${path} contains no SQL statements.`,
        why: EMPTY_MIGRATION.why,
        fix: 'Add the statements this migration is for, or delete the file if it is not needed (only if it is not yet on the base branch).',
        destructive: false
      })
    }
    return { findings, silenced: [] }
  }
  const context = new LintContext(migration, {
    exposedSchemas: options.exposedSchemas ?? ['public'],
    runnerWrapsFileInTransaction: options.runnerWrapsFileInTransaction ?? true
  }, history)
  const source = migration.source
  const raised: Array<{ finding: Finding; statementIndex: number }> = []
  for (const statement of migration.statements) {
    for (const rule of STATEMENT_RULES) {
      const severity = severityOf(rule.name, overrides)
      if (severity === 'off') continue
      for (const hit of rule.check(statement, context)) {
        const at = hit.byteOffset !== undefined && hit.byteOffset >= 0 && source ? source.positionOfByte(hit.byteOffset) : { line: statement.line, column: statement.column }
        raised.push({
          statementIndex: statement.index,
          finding: { rule: rule.name, severity, file: path, line: at.line, column: at.column, message: hit.message, why: rule.why, fix: hit.fix, destructive: rule.destructive }
        })
      }
    }
  }
  context.updateHistory(history)
  const allowComments = await findAllowComments(migration)
  const silenced: Finding[] = []
  for (const { finding, statementIndex } of raised) {
    const allowed = allowComments.some((comment) => comment.statementIndex === statementIndex && comment.rules.includes(finding.rule))
    ;(allowed ? silenced : findings).push(finding)
  }
  const invalidSeverity = severityOf(INVALID_SUPPRESSION.name, overrides)
  if (invalidSeverity !== 'off') {
    for (const comment of allowComments) {
      for (const rule of comment.rules.filter((name) => !RULE_NAMES.includes(name))) {
        findings.push({
          rule: INVALID_SUPPRESSION.name,
          severity: invalidSeverity,
          file: path,
          line: comment.line,
          column: comment.column,
          message: `The allow comment names "${rule}", which is not a migration lint rule, so it silences nothing.`,
          why: INVALID_SUPPRESSION.why,
          fix: `Use one of: ${RULE_NAMES.join(', ')}.`,
          destructive: false
        })
      }
    }
  }
  return { findings: findings.sort(byPosition), silenced: silenced.sort(byPosition) }
}

/** Lints a whole history in order, carrying row level security from file to file. */
export async function lintMigrations(migrations: readonly ParsedMigration[], options: LintOptions = {}): Promise<LintResult> {
  const history = new HistoryFacts()
  const result: LintResult = { findings: [], silenced: [] }
  for (const migration of migrations) {
    const { findings, silenced } = await lintMigration(migration, options, history)
    result.findings.push(...findings)
    result.silenced.push(...silenced)
  }
  return result
}

/** Parses and lints SQL text as one migration file: for tests, the CLI and editors. */
export async function lintSql(sql: string, options: LintOptions & { path?: string } = {}): Promise<LintResult> {
  const migration = await parseMigration({ path: options.path ?? 'migration.sql', bytes: Buffer.from(sql, 'utf8') })
  return lintMigration(migration, options)
}
