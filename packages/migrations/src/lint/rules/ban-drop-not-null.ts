import { alterOfExistingTable } from '../existing-table-alter'
import type { Rule } from '../rule'

export const banDropNotNull: Rule = {
  name: 'ban-drop-not-null',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'Code and queries written against the column (the version still running during the deploy, reports, other services) assume it is never NULL; once NULLs are written they fail or give wrong results, and setting NOT NULL again means a backfill and a full scan.',
  check(statement, context) {
    const existing = alterOfExistingTable(statement, context)
    if (!existing) return []
    return existing.commands
      .filter((command) => command.subtype === 'AT_DropNotNull')
      .map((command) => ({
        message: `DROP NOT NULL on ${existing.table}.${command.name ?? ''} lets NULLs into a column everything reading it expects to be set.`,
        fix: 'Make sure every reader copes with NULL first (deploy that), then drop NOT NULL with an allow comment; or keep NOT NULL and give the column a default.'
      }))
  }
}
