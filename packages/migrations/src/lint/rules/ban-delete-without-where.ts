import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const banDeleteWithoutWhere: Rule = {
  name: 'ban-delete-without-where',
  defaultSeverity: 'error',
  destructive: true,
  why: 'A DELETE without WHERE empties the table; in a migration it runs against production data.',
  check(statement, context) {
    const remove = nodeAs(statement.node, 'DeleteStmt')
    if (!remove || remove.whereClause) return []
    const table = qualifiedName(remove.relation)
    if (context.createdInFile('table', table, statement.index)) return []
    return [
      {
        message: `DELETE FROM ${table} has no WHERE clause and deletes every row.`,
        fix: `Add a WHERE clause selecting the rows to delete; if emptying ${table} is intended, write WHERE true and mark the statement \`-- change-policy: allow ban-delete-without-where\`.`,
        byteOffset: remove.relation?.location
      }
    ]
  }
}
