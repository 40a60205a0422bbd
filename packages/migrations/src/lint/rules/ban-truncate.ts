import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const banTruncate: Rule = {
  name: 'ban-truncate',
  defaultSeverity: 'error',
  destructive: true,
  why: 'TRUNCATE deletes every row of the table (and, with CASCADE, of tables referencing it) with no way back.',
  check(statement, context) {
    const truncate = nodeAs(statement.node, 'TruncateStmt')
    if (!truncate) return []
    return (truncate.relations ?? [])
      .map((relation) => nodeAs(relation, 'RangeVar'))
      .filter((relation) => !context.createdInFile('table', qualifiedName(relation), statement.index))
      .map((relation) => ({
        message: `TRUNCATE ${qualifiedName(relation)} deletes every row of the table.`,
        fix: `Delete only the rows you mean to with DELETE ... WHERE, or mark this statement \`-- change-policy: allow ban-truncate\` once the data is backed up.`,
        byteOffset: relation?.location
      }))
  }
}
