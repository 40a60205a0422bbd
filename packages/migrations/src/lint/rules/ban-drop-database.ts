import { nodeAs } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const banDropDatabase: Rule = {
  name: 'ban-drop-database',
  defaultSeverity: 'error',
  destructive: true,
  why: 'A migration that drops a database deletes all of its data; no schema change needs that.',
  check(statement) {
    const drop = nodeAs(statement.node, 'DropdbStmt')
    if (!drop) return []
    return [
      {
        message: `DROP DATABASE ${drop.dbname ?? ''} deletes the whole database.`,
        fix: 'Remove this statement: databases are created and dropped by whoever operates the server, not by migrations.'
      }
    ]
  }
}
