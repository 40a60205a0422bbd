import type { Statement } from '../../parse/parse-migration'
import type { LintContext } from '../lint-context'
import type { Rule } from '../rule'
import { LOCK_LEVELS_DOC, blocksWrites, locksOf, type StatementLock } from '../statement-locks'

/**
 * The first lock of the statement that blocks the app's writes on a relation that existed
 * before this file: a table created earlier in the same file is invisible to every other
 * session until the migration commits, so nobody can queue behind a lock on it.
 */
export function blockingLockOnExisting(statement: Statement, context: LintContext, scanning = false): StatementLock | undefined {
  return locksOf(statement).find((lock) => {
    if (!blocksWrites(lock.level) || (scanning && !lock.scans)) return false
    if (lock.kind === 'index') return !context.createdInFile('index', lock.relation, statement.index)
    return !context.createdInFile('table', lock.relation, statement.index)
  })
}

export const requireLockTimeout: Rule = {
  name: 'require-lock-timeout',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'A statement waiting for a lock that blocks writes (or, for ACCESS EXCLUSIVE, reads) behind one long query makes every later query on the table queue behind it: without lock_timeout, a migration can take the app down while it waits.',
  check(statement, context) {
    if (context.lockTimeoutSetBefore(statement.index)) return []
    const lock = blockingLockOnExisting(statement, context)
    if (!lock) return []
    // One finding per file: one SET at the top fixes all of them.
    const earlier = context.migration.statements.slice(0, statement.index).some((before) => blockingLockOnExisting(before, context) !== undefined)
    if (earlier) return []
    const what = lock.level === 'ACCESS EXCLUSIVE' ? 'reads and writes' : 'writes'
    return [
      {
        message: `This statement takes a ${lock.level} lock on ${lock.kind === 'table' ? '' : `${lock.kind} `}${lock.relation}, blocking ${what} while it waits and runs, and no lock_timeout is set earlier in the file (lock levels: ${LOCK_LEVELS_DOC}).`,
        fix: "Put SET lock_timeout = '5s'; at the top of the migration (and retry the deploy if it times out).",
        byteOffset: lock.byteOffset
      }
    ]
  }
}
