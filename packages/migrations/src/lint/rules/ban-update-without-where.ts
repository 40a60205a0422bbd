import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const banUpdateWithoutWhere: Rule = {
  name: 'ban-update-without-where',
  defaultSeverity: 'error',
  destructive: true,
  why: 'An UPDATE without WHERE overwrites a column in every row; the old values are gone.',
  check(statement, context) {
    const update = nodeAs(statement.node, 'UpdateStmt')
    if (!update || update.whereClause) return []
    const table = qualifiedName(update.relation)
    if (context.createdInFile('table', table, statement.index)) return []
    const columns = (update.targetList ?? []).map((target) => nodeAs(target, 'ResTarget')?.name ?? '')
    // Backfilling columns this file just added overwrites nothing.
    if (columns.length > 0 && columns.every((column) => context.columnAddedInFile(table, column, statement.index))) return []
    return [
      {
        message: `UPDATE ${table} SET ${columns.join(', ')} has no WHERE clause and overwrites every row.`,
        fix: `Add a WHERE clause selecting the rows to change (e.g. WHERE ${columns[0] ?? 'column'} IS NULL for a backfill); if every row must change, mark the statement \`-- change-policy: allow ban-update-without-where\`.`,
        byteOffset: update.relation?.location
      }
    ]
  }
}
