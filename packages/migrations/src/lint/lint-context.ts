// Facts about one file that rules need to stay quiet where a finding would be noise: an
// index or constraint on a table created earlier in the same file cannot block anyone (no
// one else can see the table until the migration commits), a backfill of a column the file
// just added loses nothing, a lock_timeout set at the top covers the ALTERs below it.
import { nodeAs, qualifiedName } from '../parse/ast-nodes'
import type { ParsedMigration, Statement } from '../parse/parse-migration'

/** Row level security state carried from one migration to the next, in history order. */
export class HistoryFacts {
  readonly rowLevelSecurity = new Set<string>()
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

  constructor(migration: ParsedMigration, options: LintContextOptions, history: HistoryFacts = new HistoryFacts()) {
    this.migration = migration
    this.options = options
    const rls = new Set(history.rowLevelSecurity)
    let firstLockTimeout = Number.POSITIVE_INFINITY
    let atomic = options.runnerWrapsFileInTransaction
    for (const statement of migration.statements) {
      this.recordCreations(statement)
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
      if (setsLockTimeout(statement) && statement.index < firstLockTimeout) firstLockTimeout = statement.index
      if (breaksAtomicity(statement)) atomic = false
    }
    this.rowLevelSecurity = rls
    this.firstLockTimeout = firstLockTimeout
    this.fileRunsAtomically = atomic
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

  isExposedSchema(schema: string): boolean {
    return this.options.exposedSchemas.includes(schema)
  }

  /** What this file leaves behind for the next migration's context. */
  updateHistory(history: HistoryFacts): void {
    history.rowLevelSecurity.clear()
    for (const table of this.rowLevelSecurity) history.rowLevelSecurity.add(table)
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
function setsLockTimeout(statement: Statement): boolean {
  const set = nodeAs(statement.node, 'VariableSetStmt')
  if (set?.name === 'lock_timeout' && set.kind === 'VAR_SET_VALUE') {
    const value = nodeAs(set.args?.[0], 'A_Const')
    const text = value?.sval?.sval ?? String(value?.ival?.ival ?? 0)
    return !/^\s*0\s*(ms|s|min)?\s*$/.test(text)
  }
  // SELECT set_config('lock_timeout', ...): found by text, the parse tree is deep for it.
  return statement.kind === 'SelectStmt' && /set_config\s*\(\s*'lock_timeout'/i.test(statement.text)
}

/** Statements that cannot run inside the runner's transaction, or end it early. */
function breaksAtomicity(statement: Statement): boolean {
  const node = statement.node
  const transaction = nodeAs(node, 'TransactionStmt')
  if (transaction) return transaction.kind !== 'TRANS_STMT_SAVEPOINT' && transaction.kind !== 'TRANS_STMT_RELEASE' && transaction.kind !== 'TRANS_STMT_ROLLBACK_TO'
  if (nodeAs(node, 'IndexStmt')?.concurrent) return true
  if (nodeAs(node, 'DropStmt')?.concurrent) return true
  if (nodeAs(node, 'VacuumStmt')) return true
  const reindex = nodeAs(node, 'ReindexStmt')
  if (reindex && (reindex.params ?? []).some((param) => nodeAs(param, 'DefElem')?.defname === 'concurrently')) return true
  return false
}
