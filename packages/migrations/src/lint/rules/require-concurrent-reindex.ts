import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const requireConcurrentReindex: Rule = {
  name: 'require-concurrent-reindex',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'REINDEX without CONCURRENTLY locks the table against writes and each index in ACCESS EXCLUSIVE while it rebuilds; since queries take a lock on every index of a table when they are planned, it blocks nearly all reads too.',
  check(statement, context) {
    const reindex = nodeAs(statement.node, 'ReindexStmt')
    if (!reindex || (reindex.params ?? []).some((param) => nodeAs(param, 'DefElem')?.defname === 'concurrently')) return []
    const name = qualifiedName(reindex.relation)
    const kind = reindex.kind === 'REINDEX_OBJECT_INDEX' ? 'index' : reindex.kind === 'REINDEX_OBJECT_TABLE' ? 'table' : undefined
    if (kind && name && context.createdInFile(kind, name, statement.index)) return []
    return [
      {
        message: `REINDEX ${kind ? `${kind.toUpperCase()} ${name}` : (reindex.name ?? '')} runs without CONCURRENTLY and blocks reads and writes while it rebuilds.`.replace(/\s+runs/, ' runs'),
        fix: 'Use REINDEX (CONCURRENTLY) ... (Postgres 12+), as the first statement of a migration of its own (it cannot run in a transaction block).',
        byteOffset: reindex.relation?.location
      }
    ]
  }
}
