// Applies a whole history in order to a fresh database and stops at the first failing
// statement: later files build on earlier ones, so nothing after a failure means anything.
import type { ParsedMigration } from '../parse/parse-migration'
import type { ApplyFailure, FileApplyResult, MigrationEngine } from './migration-engine'

export interface ApplyResult {
  /** Files applied in full, the base history included (the contract's `applied`). */
  applied: number
  /** Statements run in those files, stand-ins included. */
  statements: number
  failure?: ApplyFailure
  files: FileApplyResult[]
  /** Engine start-up (database creation, shim) in milliseconds. */
  startupMs: number
  /** Applying the migrations, start-up excluded. */
  applyMs: number
}

/**
 * Starts the engine, applies the migrations in the order given, and always closes it.
 * `afterApply` runs on the applied database before it is closed, when every file applied.
 */
export async function applyHistory(engine: MigrationEngine, migrations: readonly ParsedMigration[], afterApply?: (engine: MigrationEngine) => Promise<void>): Promise<ApplyResult> {
  const startStarted = performance.now()
  const files: FileApplyResult[] = []
  try {
    await engine.start()
    const startupMs = performance.now() - startStarted
    const applyStarted = performance.now()
    let failure: ApplyFailure | undefined
    for (const migration of migrations) {
      const result = await engine.apply(migration)
      files.push(result)
      if (result.failure) {
        failure = result.failure
        break
      }
    }
    const applied = files.filter((file) => file.ok)
    if (!failure && afterApply) await afterApply(engine)
    return {
      applied: applied.length,
      statements: applied.reduce((sum, file) => sum + file.statements.length, 0),
      failure,
      files,
      startupMs,
      applyMs: performance.now() - applyStarted
    }
  } finally {
    await engine.close()
  }
}
