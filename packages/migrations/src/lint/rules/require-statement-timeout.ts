import type { Rule } from '../rule'
import { LOCK_LEVELS_DOC } from '../statement-locks'
import { blockingLockOnExisting, firstBlockingStatement } from './require-lock-timeout'

export const requireStatementTimeout: Rule = {
  name: 'require-statement-timeout',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'A statement that scans or rewrites a table (an index build, a validation, a type change, VACUUM FULL) while holding a lock that blocks writes keeps the app waiting for as long as the table takes; statement_timeout bounds that, and the migration fails instead of the app.',
  check(statement, context) {
    // Only the first such statement: one SET at the top covers the file. Statements that
    // lock only briefly (a rename, a policy) are require-lock-timeout's, not this rule's.
    if (firstBlockingStatement(context, true) !== statement.index || context.statementTimeoutSetBefore(statement.index)) return []
    const lock = blockingLockOnExisting(statement, context, true)
    if (!lock) return []
    return [
      {
        message: `This statement reads every row of ${lock.relation} while holding ${lock.level === 'ACCESS EXCLUSIVE' || lock.level === 'EXCLUSIVE' ? 'an' : 'a'} ${lock.level} lock (${LOCK_LEVELS_DOC}), and no statement_timeout is set earlier in the file.`,
        fix: "Put SET statement_timeout = '5min'; (a bound you accept for the app waiting) at the top of the migration, or do the work without the lock (CONCURRENTLY, NOT VALID then VALIDATE).",
        byteOffset: lock.byteOffset
      }
    ]
  }
}
