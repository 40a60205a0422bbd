// What the database checks need from an engine once the history is applied: one query that
// returns rows. Both engines have it (`query`); checks never change the database.
import type { Finding } from '../../finding'
import type { ParsedMigration, Statement } from '../../parse/parse-migration'
import { findAllowComments } from '../allow-comments'
import { severityOf, type RuleSeverity } from '../rule-severities'
import { STATEMENT_RULES } from '../rule-registry'

export type CatalogQuery = <T>(sql: string) => Promise<T[]>

export interface DatabaseCheckInput {
  query: CatalogQuery
  /** The new and edited migrations, parsed: findings point into them. */
  changed: readonly ParsedMigration[]
  exposedSchemas: readonly string[]
  rules: Readonly<Record<string, RuleSeverity>>
}

export interface DatabaseCheckResult {
  findings: Finding[]
  silenced: Finding[]
}

/** A SQL string literal: catalog queries take no parameters through the engines' `query`. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

export interface Hit {
  rule: string
  migration: ParsedMigration
  statement: Statement
  message: string
  fix: string
  byteOffset?: number
}

/** Turns hits into findings with the policy's severity, honouring allow comments as lint does. */
export async function findingsOf(hits: readonly Hit[], rules: Readonly<Record<string, RuleSeverity>>): Promise<DatabaseCheckResult> {
  const result: DatabaseCheckResult = { findings: [], silenced: [] }
  const comments = new Map<ParsedMigration, Awaited<ReturnType<typeof findAllowComments>>>()
  for (const hit of hits) {
    const severity = severityOf(hit.rule, rules)
    const rule = STATEMENT_RULES.find((candidate) => candidate.name === hit.rule)
    if (severity === 'off' || !rule) continue
    if (!comments.has(hit.migration)) comments.set(hit.migration, await findAllowComments(hit.migration))
    const source = hit.migration.source
    const at = hit.byteOffset !== undefined && hit.byteOffset >= 0 && source ? source.positionOfByte(hit.byteOffset) : { line: hit.statement.line, column: hit.statement.column }
    const finding: Finding = { rule: hit.rule, severity, file: hit.migration.path, line: at.line, column: at.column, message: hit.message, why: rule.why, fix: hit.fix, destructive: rule.destructive }
    const allowed = (comments.get(hit.migration) ?? []).some((comment) => comment.statementIndex === hit.statement.index && comment.rules.includes(hit.rule))
    ;(allowed ? result.silenced : result.findings).push(finding)
  }
  return result
}
