// Facts about one file that rules need to stay quiet where a finding would be noise: an
// index or constraint on a table created earlier in the same file cannot block anyone (no
// one else can see the table until the migration commits), a backfill of a column the file
// just added loses nothing, a lock_timeout set at the top covers the ALTERs below it.
import { nameList, nodeAs, qualifiedName } from '../parse/ast-nodes'
import type { ParsedMigration, Statement } from '../parse/parse-migration'

/** Row level security state carried from one migration to the next, in history order. */
export class HistoryFacts {
  readonly rowLevelSecurity = new Set<string>()
  /** `table.column` with a validated CHECK (column IS NOT NULL): SET NOT NULL then needs no scan. */
  readonly notNullChecked = new Set<string>()
  /** `table.constraint` -> column, for CHECK (column IS NOT NULL) constraints added NOT VALID and not yet validated. */
  readonly pendingNotNullChecks = new Map<string, string>()
}

export interface LintContextOptions {
  /** Schemas the Data API exposes (Supabase: public). */
  exposedSchemas: readonly string[]
  /** The runner sends each file as one transaction (the Supabase CLI does). */
  runnerWrapsFileInTransaction: boolean
}

type ObjectKind = 'table' | 'index' | 'schema'

export class LintContext {
  readonly migration: ParsedMigration
  readonly options: LintContextOptions
  /** Tables with row level security enabled by earlier migrations or anywhere in this one. */
  readonly rowLevelSecurity: ReadonlySet<string>
  /** False when a failure half-way would leave part of the file applied. */
  readonly fileRunsAtomically: boolean
  private readonly created = new Map<string, number>()
  private readonly addedColumns = new Map<string, number>()
  private readonly firstLockTimeout: number
  private readonly firstStatementTimeout: number
  private readonly segments: number[] = []
  /** `table.column` -> index of the statement after which a validated CHECK (column IS NOT NULL) exists. */
  private readonly notNullChecks = new Map<string, number>()
  private readonly pendingNotNullChecks: Map<string, string>

  constructor(migration: ParsedMigration, options: LintContextOptions, history: HistoryFacts = new HistoryFacts()) {
    this.migration = migration
    this.options = options
    const rls = new Set(history.rowLevelSecurity)
    for (const column of history.notNullChecked) this.notNullChecks.set(column, -1)
    this.pendingNotNullChecks = new Map(history.pendingNotNullChecks)
    let firstLockTimeout = Number.POSITIVE_INFINITY
    let firstStatementTimeout = Number.POSITIVE_INFINITY
    let segment = 0
    let inBlock = false
    for (const statement of migration.statements) {
      this.recordCreations(statement)
      this.recordNotNullChecks(statement)
      const kind = nodeAs(statement.node, 'TransactionStmt')?.kind
      if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') inBlock = true
      this.segments.push(segment)
      if (endsTransaction(statement)) inBlock = false
      // Under a runner that wraps the file, only a COMMIT or a statement that commits on its
      // own ends the transaction; without one, every statement outside BEGIN ... COMMIT does.
      if (endsTransaction(statement) || !runsInTransactionBlock(statement) || (!options.runnerWrapsFileInTransaction && !inBlock)) segment++
      const node = statement.node
      const alter = nodeAs(node, 'AlterTableStmt')
      if (alter) {
        const table = qualifiedName(alter.relation)
        for (const cmd of alter.cmds ?? []) {
          const subtype = nodeAs(cmd, 'AlterTableCmd')?.subtype
          if (subtype === 'AT_EnableRowSecurity' || subtype === 'AT_ForceRowSecurity') rls.add(table)
          if (subtype === 'AT_DisableRowSecurity') rls.delete(table)
        }
      }
      if (setsTimeout(statement, 'lock_timeout') && statement.index < firstLockTimeout) firstLockTimeout = statement.index
      if (setsTimeout(statement, 'statement_timeout') && statement.index < firstStatementTimeout) firstStatementTimeout = statement.index
    }
    this.rowLevelSecurity = rls
    this.firstLockTimeout = firstLockTimeout
    this.firstStatementTimeout = firstStatementTimeout
    this.fileRunsAtomically = runsAtomically(migration.statements, options.runnerWrapsFileInTransaction)
  }

  /** Whether a statement before `beforeIndex` in this file created the object. */
  createdInFile(kind: ObjectKind, name: string, beforeIndex: number): boolean {
    const at = this.created.get(`${kind}:${name}`)
    return at !== undefined && at < beforeIndex
  }

  /** Whether a statement before `beforeIndex` in this file added the column to the table. */
  columnAddedInFile(table: string, column: string, beforeIndex: number): boolean {
    const at = this.addedColumns.get(`${table}.${column}`)
    return at !== undefined && at < beforeIndex
  }

  lockTimeoutSetBefore(index: number): boolean {
    return this.firstLockTimeout < index
  }

  statementTimeoutSetBefore(index: number): boolean {
    return this.firstStatementTimeout < index
  }

  /**
   * Whether two statements of this file run in the same transaction, so that locks the
   * first takes are still held by the second. The runner sends a file as one transaction;
   * a COMMIT, or a statement that cannot run in a transaction block (it commits at once),
   * starts a new one.
   */
  sameTransaction(a: number, b: number): boolean {
    return this.segments[a] !== undefined && this.segments[a] === this.segments[b]
  }

  isExposedSchema(schema: string): boolean {
    return this.options.exposedSchemas.includes(schema)
  }

  /** Whether a validated CHECK (column IS NOT NULL) exists before statement `beforeIndex` (this file or earlier ones). */
  notNullCheckedBefore(table: string, column: string, beforeIndex: number): boolean {
    const at = this.notNullChecks.get(`${table}.${column}`)
    return at !== undefined && at < beforeIndex
  }

  /** What this file leaves behind for the next migration's context. */
  updateHistory(history: HistoryFacts): void {
    history.rowLevelSecurity.clear()
    for (const table of this.rowLevelSecurity) history.rowLevelSecurity.add(table)
    for (const column of this.notNullChecks.keys()) history.notNullChecked.add(column)
    history.pendingNotNullChecks.clear()
    for (const [constraint, column] of this.pendingNotNullChecks) history.pendingNotNullChecks.set(constraint, column)
  }

  private recordNotNullChecks(statement: Statement): void {
    const alter = nodeAs(statement.node, 'AlterTableStmt')
    if (!alter) return
    const table = qualifiedName(alter.relation)
    for (const cmd of alter.cmds ?? []) {
      const command = nodeAs(cmd, 'AlterTableCmd')
      const constraint = nodeAs(command?.def, 'Constraint')
      if (command?.subtype === 'AT_AddConstraint' && constraint?.contype === 'CONSTR_CHECK') {
        const test = nodeAs(constraint.raw_expr, 'NullTest')
        const column = nameList(nodeAs(test?.arg, 'ColumnRef')?.fields).pop()
        if (test?.nulltesttype !== 'IS_NOT_NULL' || !column) continue
        if (constraint.skip_validation) this.pendingNotNullChecks.set(`${table}.${constraint.conname ?? ''}`, column)
        else if (!this.notNullChecks.has(`${table}.${column}`)) this.notNullChecks.set(`${table}.${column}`, statement.index)
      }
      if (command?.subtype === 'AT_ValidateConstraint') {
        const column = this.pendingNotNullChecks.get(`${table}.${command.name ?? ''}`)
        if (column && !this.notNullChecks.has(`${table}.${column}`)) this.notNullChecks.set(`${table}.${column}`, statement.index)
      }
    }
  }

  private recordCreations(statement: Statement): void {
    const remember = (kind: ObjectKind, name: string): void => {
      if (name && !this.created.has(`${kind}:${name}`)) this.created.set(`${kind}:${name}`, statement.index)
    }
    const node = statement.node
    const create = nodeAs(node, 'CreateStmt')
    if (create) remember('table', qualifiedName(create.relation))
    const createAs = nodeAs(node, 'CreateTableAsStmt')
    if (createAs) remember('table', qualifiedName(createAs.into?.rel))
    const index = nodeAs(node, 'IndexStmt')
    if (index?.idxname) remember('index', `${index.relation?.schemaname ?? 'public'}.${index.idxname}`)
    const schema = nodeAs(node, 'CreateSchemaStmt')
    if (schema?.schemaname) remember('schema', schema.schemaname)
    const alter = nodeAs(node, 'AlterTableStmt')
    if (alter) {
      const table = qualifiedName(alter.relation)
      for (const cmd of alter.cmds ?? []) {
        const command = nodeAs(cmd, 'AlterTableCmd')
        const column = nodeAs(command?.def, 'ColumnDef')?.colname
        if (command?.subtype === 'AT_AddColumn' && column && !this.addedColumns.has(`${table}.${column}`)) {
          this.addedColumns.set(`${table}.${column}`, statement.index)
        }
      }
    }
  }
}

/** `SET lock_timeout = '5s'` (or SET LOCAL, or set_config) with a value other than 0. */
function setsTimeout(statement: Statement, setting: 'lock_timeout' | 'statement_timeout'): boolean {
  const set = nodeAs(statement.node, 'VariableSetStmt')
  if (set?.name === setting && set.kind === 'VAR_SET_VALUE') {
    const value = nodeAs(set.args?.[0], 'A_Const')
    const text = value?.sval?.sval ?? String(value?.ival?.ival ?? 0)
    return !/^\s*0\s*(ms|s|min)?\s*$/.test(text)
  }
  // SELECT set_config('lock_timeout', ...): found by text, the parse tree is deep for it.
  return statement.kind === 'SelectStmt' && new RegExp(`set_config\\s*\\(\\s*'${setting}'`, 'i').test(statement.text)
}

/** COMMIT, ROLLBACK, END: the statements after it run in a new transaction. */
function endsTransaction(statement: Statement): boolean {
  const kind = nodeAs(statement.node, 'TransactionStmt')?.kind
  return kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK' || kind === 'TRANS_STMT_PREPARE' || kind === 'TRANS_STMT_COMMIT_PREPARED'
}

/**
 * False for statements Postgres refuses inside a transaction block (PreventInTransactionBlock):
 * they commit on their own, and with the Supabase CLI they must come first in the file or
 * right after a COMMIT (ban-concurrent-index-creation-in-transaction).
 */
export function runsInTransactionBlock(statement: Statement): boolean {
  const node = statement.node
  if (nodeAs(node, 'IndexStmt')?.concurrent) return false
  if (nodeAs(node, 'DropStmt')?.concurrent) return false
  if (nodeAs(node, 'VacuumStmt')) return false
  if (nodeAs(node, 'CreatedbStmt') || nodeAs(node, 'DropdbStmt') || nodeAs(node, 'AlterSystemStmt') || nodeAs(node, 'CreateTableSpaceStmt') || nodeAs(node, 'DropTableSpaceStmt')) return false
  const reindex = nodeAs(node, 'ReindexStmt')
  if (reindex && ((reindex.params ?? []).some((param) => nodeAs(param, 'DefElem')?.defname === 'concurrently') || reindex.kind === 'REINDEX_OBJECT_SYSTEM' || reindex.kind === 'REINDEX_OBJECT_DATABASE')) return false
  const alter = nodeAs(node, 'AlterTableStmt')
  if ((alter?.cmds ?? []).some((cmd) => nodeAs(nodeAs(cmd, 'AlterTableCmd')?.def, 'PartitionCmd')?.concurrent === true)) return false
  return true
}

/**
 * Whether a failure half-way through the file rolls all of it back. True when the file is
 * one statement, wraps itself in BEGIN ... COMMIT, or (under a runner that sends the file
 * as one transaction) has nothing that commits early: a COMMIT before the end, or a
 * statement that cannot run in a transaction block (it commits on its own).
 */
function runsAtomically(statements: readonly Statement[], runnerWrapsFileInTransaction: boolean): boolean {
  if (statements.length <= 1) return true
  const kinds = statements.map((statement) => nodeAs(statement.node, 'TransactionStmt')?.kind)
  const inner = statements.slice(1, -1)
  const innerKinds = kinds.slice(1, -1)
  const controlsTransaction = (kind: string | undefined): boolean => kind !== undefined && kind !== 'TRANS_STMT_SAVEPOINT' && kind !== 'TRANS_STMT_RELEASE' && kind !== 'TRANS_STMT_ROLLBACK_TO'
  const wrapped =
    (kinds[0] === 'TRANS_STMT_BEGIN' || kinds[0] === 'TRANS_STMT_START') &&
    kinds[kinds.length - 1] === 'TRANS_STMT_COMMIT' &&
    !innerKinds.some(controlsTransaction) &&
    inner.every(runsInTransactionBlock)
  if (wrapped) return true
  if (!runnerWrapsFileInTransaction) return false
  const beforeLast = statements.slice(0, -1)
  const last = statements[statements.length - 1]
  return (
    beforeLast.every((statement) => !endsTransaction(statement) && runsInTransactionBlock(statement)) &&
    last !== undefined &&
    runsInTransactionBlock(last) &&
    (kinds[kinds.length - 1] === undefined || kinds[kinds.length - 1] === 'TRANS_STMT_COMMIT' || !controlsTransaction(kinds[kinds.length - 1]))
  )
}

