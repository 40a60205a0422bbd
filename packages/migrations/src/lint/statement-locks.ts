// The table-level lock each statement takes, from Postgres's documentation:
//   https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES
//   https://www.postgresql.org/docs/current/sql-altertable.html (the lock of each subcommand)
// and the pages of the statements themselves (CREATE INDEX, REINDEX, CREATE TRIGGER, ...).
// Rules ask this one table what a statement locks, never their own list: a lock level
// written in two places drifts. A lock that conflicts with ROW EXCLUSIVE blocks the app's
// writes; ACCESS EXCLUSIVE also blocks its reads. While such a lock waits, every later
// query on the table queues behind it, which is why the timeouts matter.
import type { AlterTableCmd, Node, RangeVar } from 'libpg-query'
import { nameList, nodeAs, qualifiedName, qualifiedNameOfList } from '../parse/ast-nodes'
import type { Statement } from '../parse/parse-migration'
import { volatileDefaultOf } from './column-defaults'

export const LOCK_LEVELS_DOC = 'https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES'

export type LockLevel =
  | 'ACCESS SHARE'
  | 'ROW SHARE'
  | 'ROW EXCLUSIVE'
  | 'SHARE UPDATE EXCLUSIVE'
  | 'SHARE'
  | 'SHARE ROW EXCLUSIVE'
  | 'EXCLUSIVE'
  | 'ACCESS EXCLUSIVE'

/** In Postgres's order: each level conflicts with at least what the one before does. */
const LEVELS: readonly LockLevel[] = ['ACCESS SHARE', 'ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE']

export interface StatementLock {
  /** What is locked: `schema.name`. */
  relation: string
  kind: 'table' | 'index' | 'type'
  level: LockLevel
  /** The lock is held while the statement reads or rewrites every row (an index build, a validation, a rewrite). */
  scans: boolean
  /** Byte offset of the relation's name in the file, when the parser gives one. */
  byteOffset?: number
}

/** UPDATE, INSERT, DELETE take ROW EXCLUSIVE: anything stronger than SHARE UPDATE EXCLUSIVE conflicts with it. */
export function blocksWrites(level: LockLevel): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf('SHARE')
}

/** SELECT takes ACCESS SHARE: only ACCESS EXCLUSIVE conflicts with it. */
export function blocksReads(level: LockLevel): boolean {
  return level === 'ACCESS EXCLUSIVE'
}

export function strongest(a: LockLevel, b: LockLevel): LockLevel {
  return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b
}

/** `LOCK TABLE ... IN <mode>`: the parser gives the mode as Postgres's LOCKMODE number. */
const LOCK_MODE_NUMBERS: Readonly<Record<number, LockLevel>> = {
  1: 'ACCESS SHARE',
  2: 'ROW SHARE',
  3: 'ROW EXCLUSIVE',
  4: 'SHARE UPDATE EXCLUSIVE',
  5: 'SHARE',
  6: 'SHARE ROW EXCLUSIVE',
  7: 'EXCLUSIVE',
  8: 'ACCESS EXCLUSIVE'
}

/**
 * ALTER TABLE subcommands that take less than ACCESS EXCLUSIVE (sql-altertable.html, each
 * subcommand's paragraph); every other subcommand takes ACCESS EXCLUSIVE. With several
 * subcommands, the statement takes the strongest.
 */
const ALTER_TABLE_SUBCOMMAND_LOCKS: Readonly<Partial<Record<string, LockLevel>>> = {
  AT_SetStatistics: 'SHARE UPDATE EXCLUSIVE',
  AT_SetOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_ResetOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_ValidateConstraint: 'SHARE UPDATE EXCLUSIVE',
  AT_ClusterOn: 'SHARE UPDATE EXCLUSIVE',
  AT_DropCluster: 'SHARE UPDATE EXCLUSIVE',
  AT_SetRelOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_ResetRelOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_AttachPartition: 'SHARE UPDATE EXCLUSIVE',
  AT_EnableTrig: 'SHARE ROW EXCLUSIVE',
  AT_EnableAlwaysTrig: 'SHARE ROW EXCLUSIVE',
  AT_EnableReplicaTrig: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrig: 'SHARE ROW EXCLUSIVE',
  AT_EnableTrigAll: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrigAll: 'SHARE ROW EXCLUSIVE',
  AT_EnableTrigUser: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrigUser: 'SHARE ROW EXCLUSIVE'
}

/** Subcommands that read or rewrite every row while holding their lock. */
const SCANNING_SUBCOMMANDS = new Set(['AT_AlterColumnType', 'AT_SetLogged', 'AT_SetUnLogged', 'AT_SetAccessMethod', 'AT_SetTableSpace', 'AT_AttachPartition'])

function relationLock(relation: RangeVar | undefined, kind: StatementLock['kind'], level: LockLevel, scans: boolean): StatementLock[] {
  const name = qualifiedName(relation)
  if (!name) return []
  return [{ relation: name, kind, level, scans, byteOffset: relation?.location }]
}

function listLock(object: Node | undefined, kind: StatementLock['kind'], level: LockLevel, dropLast: boolean): StatementLock[] {
  const names = nameList(nodeAs(object, 'List')?.items)
  const relation = dropLast ? names.slice(0, -1) : names
  if (relation.length === 0) return []
  return [{ relation: qualifiedNameOfList(relation), kind, level, scans: false }]
}

/** Foreign keys lock the table they reference in SHARE ROW EXCLUSIVE (sql-createtable.html, sql-altertable.html). */
function referencedTables(constraints: readonly (Node | undefined)[], validates: boolean): StatementLock[] {
  return constraints
    .map((constraint) => nodeAs(constraint, 'Constraint'))
    .filter((constraint) => constraint?.contype === 'CONSTR_FOREIGN')
    .flatMap((constraint) => relationLock(constraint?.pktable, 'table', 'SHARE ROW EXCLUSIVE', validates && !constraint?.skip_validation))
}

function alterTableCommandLock(command: AlterTableCmd): { level: LockLevel; scans: boolean } {
  const constraint = nodeAs(command.def, 'Constraint')
  if (command.subtype === 'AT_AddConstraint' && constraint) {
    const validates = !constraint.skip_validation
    if (constraint.contype === 'CONSTR_FOREIGN') return { level: 'SHARE ROW EXCLUSIVE', scans: validates }
    // UNIQUE / PRIMARY KEY build an index unless USING INDEX names a built one.
    if (constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY' || constraint.contype === 'CONSTR_EXCLUSION') return { level: 'ACCESS EXCLUSIVE', scans: !constraint.indexname }
    return { level: 'ACCESS EXCLUSIVE', scans: validates && constraint.contype === 'CONSTR_CHECK' }
  }
  if (command.subtype === 'AT_DetachPartition' && nodeAs(command.def, 'PartitionCmd')?.concurrent) return { level: 'SHARE UPDATE EXCLUSIVE', scans: false }
  if (command.subtype === 'AT_AddColumn') {
    // A volatile default rewrites the table (adding-field-with-default); a constant one does not.
    const column = nodeAs(command.def, 'ColumnDef')
    return { level: 'ACCESS EXCLUSIVE', scans: volatileDefaultOf(column) !== undefined }
  }
  return { level: ALTER_TABLE_SUBCOMMAND_LOCKS[command.subtype ?? ''] ?? 'ACCESS EXCLUSIVE', scans: SCANNING_SUBCOMMANDS.has(command.subtype ?? '') || command.subtype === 'AT_SetNotNull' }
}

/**
 * Every table, index and type a statement locks, with the level. Statements that take no
 * table lock beyond ROW EXCLUSIVE (INSERT, UPDATE, GRANT, CREATE FUNCTION, ALTER TYPE ...
 * ADD VALUE, which locks only the type's catalog row) return nothing.
 */
export function locksOf(statement: Statement): StatementLock[] {
  let locks = cache.get(statement)
  if (!locks) {
    locks = locksTakenBy(statement)
    cache.set(statement, locks)
  }
  return locks
}

const cache = new WeakMap<Statement, StatementLock[]>()

function locksTakenBy(statement: Statement): StatementLock[] {
  const node = statement.node
  const alter = nodeAs(node, 'AlterTableStmt')
  if (alter) {
    const commands = (alter.cmds ?? []).map((cmd) => nodeAs(cmd, 'AlterTableCmd')).filter((cmd): cmd is AlterTableCmd => cmd !== undefined)
    if (commands.length === 0) return []
    let level: LockLevel = 'ACCESS SHARE'
    let scans = false
    const referenced: StatementLock[] = []
    for (const command of commands) {
      const lock = alterTableCommandLock(command)
      level = strongest(level, lock.level)
      scans ||= lock.scans
      const constraint = nodeAs(command.def, 'Constraint')
      if (command.subtype === 'AT_AddConstraint' && constraint) referenced.push(...referencedTables([command.def], true))
      if (command.subtype === 'AT_AddColumn') referenced.push(...referencedTables(nodeAs(command.def, 'ColumnDef')?.constraints ?? [], true))
    }
    // ALTER INDEX / ALTER TYPE (composite) / ALTER VIEW use the same statement node.
    const kind: StatementLock['kind'] = alter.objtype === 'OBJECT_INDEX' ? 'index' : alter.objtype === 'OBJECT_TYPE' ? 'type' : 'table'
    return [...relationLock(alter.relation, kind, level, scans), ...referenced]
  }
  const create = nodeAs(node, 'CreateStmt')
  if (create) {
    const constraints = (create.tableElts ?? []).flatMap((element) => {
      const column = nodeAs(element, 'ColumnDef')
      return column ? (column.constraints ?? []) : [element]
    })
    // CREATE TABLE ... PARTITION OF locks the parent in ACCESS EXCLUSIVE (sql-createtable.html).
    const parent = create.partbound ? (create.inhRelations ?? []).flatMap((relation) => relationLock(nodeAs(relation, 'RangeVar'), 'table', 'ACCESS EXCLUSIVE', false)) : []
    // A new table has no rows: its foreign keys check nothing, but still lock what they reference.
    return [...referencedTables(constraints, false), ...parent]
  }
  const index = nodeAs(node, 'IndexStmt')
  if (index) return relationLock(index.relation, 'table', index.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', true)
  const rename = nodeAs(node, 'RenameStmt')
  if (rename) {
    // Renaming an index takes SHARE UPDATE EXCLUSIVE since Postgres 12 (sql-alterindex.html).
    if (rename.renameType === 'OBJECT_INDEX') return relationLock(rename.relation, 'index', 'SHARE UPDATE EXCLUSIVE', false)
    if (['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_VIEW', 'OBJECT_MATVIEW'].includes(rename.renameType ?? '')) return relationLock(rename.relation, 'table', 'ACCESS EXCLUSIVE', false)
    if (rename.renameType === 'OBJECT_TRIGGER' || rename.renameType === 'OBJECT_POLICY') return relationLock(rename.relation, 'table', 'ACCESS EXCLUSIVE', false)
    return []
  }
  const drop = nodeAs(node, 'DropStmt')
  if (drop) {
    const objects = drop.objects ?? []
    switch (drop.removeType) {
      case 'OBJECT_TABLE':
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW':
        return objects.flatMap((object) => listLock(object, 'table', 'ACCESS EXCLUSIVE', false))
      case 'OBJECT_INDEX':
        // DROP INDEX locks the index's table in ACCESS EXCLUSIVE; CONCURRENTLY, SHARE UPDATE EXCLUSIVE.
        return objects.flatMap((object) => listLock(object, 'index', drop.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE', false))
      case 'OBJECT_TRIGGER':
      case 'OBJECT_POLICY':
      case 'OBJECT_RULE':
        // The object list is [schema?, table, name]: the table is locked in ACCESS EXCLUSIVE.
        return objects.flatMap((object) => listLock(object, 'table', 'ACCESS EXCLUSIVE', true))
      default:
        return []
    }
  }
  const truncate = nodeAs(node, 'TruncateStmt')
  if (truncate) return (truncate.relations ?? []).flatMap((relation) => relationLock(nodeAs(relation, 'RangeVar'), 'table', 'ACCESS EXCLUSIVE', false))
  const lock = nodeAs(node, 'LockStmt')
  if (lock) {
    const level = LOCK_MODE_NUMBERS[lock.mode ?? 8] ?? 'ACCESS EXCLUSIVE'
    return (lock.relations ?? []).flatMap((relation) => relationLock(nodeAs(relation, 'RangeVar'), 'table', level, false))
  }
  const reindex = nodeAs(node, 'ReindexStmt')
  if (reindex) {
    const concurrent = (reindex.params ?? []).some((param) => nodeAs(param, 'DefElem')?.defname === 'concurrently')
    // REINDEX INDEX locks the index in ACCESS EXCLUSIVE (queries planning on the table then
    // wait too); REINDEX TABLE locks the table in SHARE and each index in ACCESS EXCLUSIVE.
    if (reindex.kind === 'REINDEX_OBJECT_INDEX') return relationLock(reindex.relation, 'index', concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE', true)
    if (reindex.kind === 'REINDEX_OBJECT_TABLE') return relationLock(reindex.relation, 'table', concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', true)
    return []
  }
  const vacuum = nodeAs(node, 'VacuumStmt')
  if (vacuum) {
    const full = (vacuum.options ?? []).some((option) => nodeAs(option, 'DefElem')?.defname === 'full')
    if (!vacuum.is_vacuumcmd) return []
    return (vacuum.rels ?? []).flatMap((relation) => relationLock(nodeAs(relation, 'VacuumRelation')?.relation, 'table', full ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE', true))
  }
  const cluster = nodeAs(node, 'ClusterStmt')
  if (cluster) return relationLock(cluster.relation, 'table', 'ACCESS EXCLUSIVE', true)
  const refresh = nodeAs(node, 'RefreshMatViewStmt')
  if (refresh) return relationLock(refresh.relation, 'table', refresh.concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE', true)
  const trigger = nodeAs(node, 'CreateTrigStmt')
  if (trigger) return relationLock(trigger.relation, 'table', 'SHARE ROW EXCLUSIVE', false)
  const policy = nodeAs(node, 'CreatePolicyStmt') ?? nodeAs(node, 'AlterPolicyStmt')
  if (policy) return relationLock(policy.table, 'table', 'ACCESS EXCLUSIVE', false)
  const rule = nodeAs(node, 'RuleStmt')
  if (rule) return relationLock(rule.relation, 'table', 'ACCESS EXCLUSIVE', false)
  const view = nodeAs(node, 'ViewStmt')
  if (view?.replace) return relationLock(view.view, 'table', 'ACCESS EXCLUSIVE', false)
  return []
}
