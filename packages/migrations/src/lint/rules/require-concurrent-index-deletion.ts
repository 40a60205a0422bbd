import { nameList, nodeAs, qualifiedNameOfList } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const requireConcurrentIndexDeletion: Rule = {
  name: 'require-concurrent-index-deletion',
  defaultSeverity: 'warning',
  destructive: false,
  why: "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table, blocking reads and writes while it waits and runs.",
  check(statement, context) {
    const drop = nodeAs(statement.node, 'DropStmt')
    if (drop?.removeType !== 'OBJECT_INDEX' || drop.concurrent) return []
    return (drop.objects ?? [])
      .map((object) => qualifiedNameOfList(nameList(nodeAs(object, 'List')?.items)))
      .filter((index) => !context.createdInFile('index', index, statement.index))
      .map((index) => ({
        message: `DROP INDEX ${index} without CONCURRENTLY locks its table against reads and writes.`,
        fix: `Use DROP INDEX CONCURRENTLY${drop.missing_ok ? ' IF EXISTS' : ''} ${index}, in a migration of its own (it cannot run inside a transaction block).`
      }))
  }
}
