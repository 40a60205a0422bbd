import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const requireConcurrentIndexCreation: Rule = {
  name: 'require-concurrent-index-creation',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'CREATE INDEX without CONCURRENTLY blocks every write to the table until the index is built.',
  check(statement, context) {
    const index = nodeAs(statement.node, 'IndexStmt')
    if (!index || index.concurrent) return []
    const table = qualifiedName(index.relation)
    // A table created earlier in this file is invisible to everyone else: nothing to block.
    if (context.createdInFile('table', table, statement.index)) return []
    const name = index.idxname ? `${index.idxname} ` : ''
    return [
      {
        message: `Index ${name}on ${table} is built without CONCURRENTLY, blocking writes to ${table} while it builds.`,
        fix: `Use CREATE INDEX CONCURRENTLY${index.if_not_exists ? ' IF NOT EXISTS' : ''}, in a migration of its own (it cannot run inside a transaction block).`,
        byteOffset: index.relation?.location
      }
    ]
  }
}
