// Applies one parsed migration the way the Supabase CLI does: settings reset first
// (`RESET ALL`, then Supabase's search path), then the file's statements as one transaction
// (the CLI sends them as one implicit-transaction batch, so an enum value added and used in
// the same file fails here as it does there). Files holding statements that cannot run in a
// transaction block (CREATE INDEX CONCURRENTLY...) or managing their own transaction run
// statement by statement instead. Statements are the parser's, never a split on semicolons.
import { nodeAs, stringValue } from '../parse/ast-nodes'
import type { ParsedMigration, Statement } from '../parse/parse-migration'
import { CONDITIONAL_STAND_INS, STAND_IN_EXTENSIONS, STAND_IN_INDEX_METHODS } from '../supabase/stand-in-extensions'
import type { ApplyFailure, FileApplyResult, StatementResult } from './migration-engine'
import { asPostgresError, type SqlSession } from './sql-session'

export interface ApplySettings {
  supabase: boolean
  /** Extensions the database can really create (decides the conditional stand-ins). */
  availableExtensions: ReadonlySet<string>
}

export const SUPABASE_SEARCH_PATH = '"$user", public, extensions'

function needsOwnTransactionControl(statement: Statement): boolean {
  const node = statement.node
  if (nodeAs(node, 'TransactionStmt')) return true
  if (nodeAs(node, 'IndexStmt')?.concurrent || nodeAs(node, 'DropStmt')?.concurrent) return true
  if (nodeAs(node, 'VacuumStmt') || nodeAs(node, 'CreatedbStmt') || nodeAs(node, 'DropdbStmt') || nodeAs(node, 'AlterSystemStmt')) return true
  if ((nodeAs(node, 'ReindexStmt')?.params ?? []).some((param) => nodeAs(param, 'DefElem')?.defname === 'concurrently')) return true
  const alter = nodeAs(node, 'AlterTableStmt')
  return (alter?.cmds ?? []).some((cmd) => nodeAs(nodeAs(cmd, 'AlterTableCmd')?.def, 'PartitionCmd')?.concurrent === true)
}

/** The extension a statement creates, alters, drops or comments on, if any. */
function extensionOf(statement: Statement): string | undefined {
  const node = statement.node
  const create = nodeAs(node, 'CreateExtensionStmt')
  if (create) return create.extname
  const alter = nodeAs(node, 'AlterExtensionStmt') ?? nodeAs(node, 'AlterExtensionContentsStmt')
  if (alter) return alter.extname
  const drop = nodeAs(node, 'DropStmt')
  if (drop?.removeType === 'OBJECT_EXTENSION') return stringValue(drop.objects?.[0])
  const comment = nodeAs(node, 'CommentStmt')
  if (comment?.objtype === 'OBJECT_EXTENSION') return stringValue(comment.object)
  const schema = nodeAs(node, 'AlterObjectSchemaStmt')
  if (schema?.objectType === 'OBJECT_EXTENSION') return stringValue(schema.object)
  return undefined
}

function isStoodIn(statement: Statement, settings: ApplySettings): boolean {
  if (!settings.supabase) return false
  const method = STAND_IN_INDEX_METHODS.get(nodeAs(statement.node, 'IndexStmt')?.accessMethod ?? '')
  if (method) return !settings.availableExtensions.has(method)
  const extension = extensionOf(statement)
  if (extension === undefined || !STAND_IN_EXTENSIONS.has(extension)) return false
  return !CONDITIONAL_STAND_INS.has(extension) || !settings.availableExtensions.has(extension)
}

function failureOf(error: unknown, migration: ParsedMigration, statement: Statement): ApplyFailure {
  const postgres = asPostgresError(error)
  let line = statement.line
  let column = statement.column
  const position = Number(postgres?.position ?? 0)
  const source = migration.source
  if (source && position > 0) {
    // Postgres counts the position in characters from 1 within the statement sent.
    const byte = source.byteOfCodePoint(source.codePointsBeforeByte(statement.startByte) + position - 1)
    ;({ line, column } = source.positionOfByte(byte))
  }
  return {
    file: migration.path,
    line,
    column,
    message: postgres?.message ?? (error instanceof Error ? error.message : String(error)),
    sqlstate: postgres?.code ?? 'XX000',
    detail: postgres?.detail || undefined,
    hint: postgres?.hint || undefined,
    where: postgres?.where || undefined,
    statementIndex: statement.index
  }
}

export async function applyMigrationFile(session: SqlSession, migration: ParsedMigration, settings: ApplySettings): Promise<FileApplyResult> {
  const started = performance.now()
  const results: StatementResult[] = []
  if (migration.fatal) {
    const { line, column, message } = migration.fatal
    return {
      path: migration.path,
      ok: false,
      statements: [],
      durationMs: 0,
      transactional: false,
      failure: { file: migration.path, line, column, message: `not applied: ${message}`, sqlstate: '', statementIndex: -1 }
    }
  }
  const transactional = !migration.statements.some(needsOwnTransactionControl)
  await session.exec(settings.supabase ? `RESET ALL; SET search_path TO ${SUPABASE_SEARCH_PATH}` : 'RESET ALL')
  const began = transactional && migration.statements.length > 0
  if (began) await session.exec('BEGIN')
  let failure: ApplyFailure | undefined
  for (const statement of migration.statements) {
    const statementStarted = performance.now()
    const base = { index: statement.index, line: statement.line, column: statement.column }
    if (isStoodIn(statement, settings)) {
      results.push({ ...base, outcome: 'stood-in', durationMs: 0 })
      continue
    }
    try {
      await session.exec(statement.text)
      results.push({ ...base, outcome: 'applied', durationMs: performance.now() - statementStarted })
    } catch (error) {
      results.push({ ...base, outcome: 'failed', durationMs: performance.now() - statementStarted })
      failure = failureOf(error, migration, statement)
      break
    }
  }
  // End whatever transaction is open (ours, or one the file began and left open) so the
  // next file starts clean; after a failure the history stops here anyway.
  if (failure || began || migration.statements.some((statement) => nodeAs(statement.node, 'TransactionStmt'))) {
    await session.exec(failure ? 'ROLLBACK' : 'COMMIT').catch(() => undefined)
  }
  return { path: migration.path, ok: !failure, statements: results, durationMs: performance.now() - started, failure, transactional }
}

/** Names of the extensions a history creates, for engines that load them up front. */
export function extensionsCreatedBy(migrations: readonly ParsedMigration[]): string[] {
  const names = new Set<string>()
  for (const migration of migrations) {
    for (const statement of migration.statements) {
      const name = nodeAs(statement.node, 'CreateExtensionStmt')?.extname
      if (name) names.add(name)
    }
  }
  return [...names].sort()
}
