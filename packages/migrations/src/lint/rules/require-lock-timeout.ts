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

const firstBlocking = new WeakMap<LintContext, { any?: number; scanning?: number }>()

/** Index of the file's first statement that blocks writes on an existing relation (computed once per file). */
export function firstBlockingStatement(context: LintContext, scanning: boolean): number {
  const cached = firstBlocking.get(context) ?? {}
  const key = scanning ? 'scanning' : 'any'
  let index = cached[key]
  if (index === undefined) {
    index = context.migration.statements.findIndex((statement) => blockingLockOnExisting(statement, context, scanning) !== undefined)
    cached[key] = index
    firstBlocking.set(context, cached)
  }
  return index
}

export const requireLockTimeout: Rule = {
  name: 'require-lock-timeout',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'A statement waiting for a lock that blocks writes (or, for ACCESS EXCLUSIVE, reads) behind one long query makes every later query on the table queue behind it: without lock_timeout, a migration can take the app down while it waits.',
  check(statement, context) {
    // One finding per file, at the first such statement: one SET at the top fixes all of them.
    if (firstBlockingStatement(context, false) !== statement.index || context.lockTimeoutSetBefore(statement.index)) return []
    const lock = blockingLockOnExisting(statement, context)
    if (!lock) return []
    const what = lock.level === 'ACCESS EXCLUSIVE' ? 'reads and writes' : 'writes'
    return [
      {
        message: `This statement takes ${lock.level === 'ACCESS EXCLUSIVE' || lock.level === 'EXCLUSIVE' ? 'an' : 'a'} ${lock.level} lock on ${lock.kind === 'table' ? '' : `${lock.kind} `}${lock.relation}, blocking ${what} while it waits and runs, and no lock_timeout is set earlier in the file (lock levels: ${LOCK_LEVELS_DOC}).`,
        fix: "Put SET lock_timeout = '5s'; at the top of the migration (and retry the deploy if it times out).",
        byteOffset: lock.byteOffset
      }
    ]
  }
}
