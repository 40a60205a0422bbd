import { nodeAs } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

const CONTROL = new Map([
  ['TRANS_STMT_BEGIN', 'BEGIN'],
  ['TRANS_STMT_START', 'START TRANSACTION'],
  ['TRANS_STMT_COMMIT', 'COMMIT'],
  ['TRANS_STMT_ROLLBACK', 'ROLLBACK'],
  ['TRANS_STMT_PREPARE', 'PREPARE TRANSACTION'],
  ['TRANS_STMT_COMMIT_PREPARED', 'COMMIT PREPARED'],
  ['TRANS_STMT_ROLLBACK_PREPARED', 'ROLLBACK PREPARED']
])

export const banTransactionControl: Rule = {
  name: 'ban-transaction-control',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'The migration runner already wraps each file in a transaction; a COMMIT inside ends it early, so a later failure leaves the file half-applied and unrecorded.',
  check(statement, context) {
    if (!context.options.runnerWrapsFileInTransaction) return []
    const transaction = nodeAs(statement.node, 'TransactionStmt')
    const keyword = CONTROL.get(transaction?.kind ?? '')
    if (!keyword) return []
    return [
      {
        message: `${keyword} inside a migration: the runner already runs this file in one transaction.`,
        fix: `Remove the ${keyword}; the runner commits the file as a whole. Move statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY) to a migration of their own.`
      }
    ]
  }
}
