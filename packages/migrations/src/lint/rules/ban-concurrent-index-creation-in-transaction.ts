import { nodeAs } from '../../parse/ast-nodes'
import type { Statement } from '../../parse/parse-migration'
import { runsInTransactionBlock } from '../lint-context'
import type { Rule } from '../rule'

/** What the statement is called in Postgres's error message. */
function statementName(text: string): string {
  return (/^\s*(create\s+(unique\s+)?index\s+concurrently|drop\s+index\s+concurrently|reindex|vacuum|alter\s+table|create\s+database|drop\s+database|alter\s+system)/i.exec(text)?.[1] ?? 'This statement').replace(/\s+/g, ' ').toUpperCase()
}

/** The statements this rule is about: index and table maintenance that must run outside a transaction. */
function isMaintenance(statement: Statement): boolean {
  const node = statement.node
  return nodeAs(node, 'IndexStmt') !== undefined || nodeAs(node, 'DropStmt') !== undefined || nodeAs(node, 'ReindexStmt') !== undefined || nodeAs(node, 'VacuumStmt') !== undefined || nodeAs(node, 'AlterTableStmt') !== undefined
}

// The Supabase CLI sends a migration file's statements as one pgx batch (extended protocol,
// one Sync at the end: pkg/migration/file.go, ExecBatch). Postgres runs such a pipeline as
// one implicit transaction, and a statement that cannot run in a transaction block fails
// there with SQLSTATE 25001 "... cannot be executed within a pipeline" unless it is the first
// statement of the file or comes right after a COMMIT (measured on Postgres 15.18 with
// pgbench's \startpipeline; inside BEGIN it fails with "cannot run inside a transaction block").
export const banConcurrentIndexCreationInTransaction: Rule = {
  name: 'ban-concurrent-index-creation-in-transaction',
  defaultSeverity: 'error',
  destructive: false,
  why: 'CREATE INDEX CONCURRENTLY (and DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM) cannot run in a transaction; the Supabase CLI sends each file as one batch, so such a statement fails the deploy unless it is the first statement of its file.',
  check(statement, context) {
    // CREATE/DROP DATABASE and ALTER SYSTEM fail the same way, but have rules (or no place) of their own.
    if (runsInTransactionBlock(statement) || !isMaintenance(statement)) return []
    const statements = context.migration.statements
    const before = statements.slice(0, statement.index)
    let inBlock = false
    for (const earlier of before) {
      const kind = nodeAs(earlier.node, 'TransactionStmt')?.kind
      if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') inBlock = true
      if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') inBlock = false
    }
    const previous = before[before.length - 1]
    const previousKind = previous ? nodeAs(previous.node, 'TransactionStmt')?.kind : undefined
    const afterCommit = previousKind === 'TRANS_STMT_COMMIT' || previousKind === 'TRANS_STMT_ROLLBACK'
    const name = statementName(statement.text)
    if (inBlock) {
      return [{ message: `${name} is inside BEGIN ... COMMIT, where Postgres refuses it (cannot run inside a transaction block).`, fix: 'Move it out of the transaction, to the start of a migration file of its own.' }]
    }
    if (!context.options.runnerWrapsFileInTransaction || previous === undefined || afterCommit) return []
    return [
      {
        message: `${name} is not the first statement of the file: the Supabase CLI sends the file as one batch, and Postgres refuses it there ("${name} cannot be executed within a pipeline", SQLSTATE 25001), failing the deploy.`,
        fix: 'Put it in a migration file of its own (one such statement per file, with nothing before it, not even SET lock_timeout).'
      }
    ]
  }
}
