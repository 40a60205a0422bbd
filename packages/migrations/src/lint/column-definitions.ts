// Every column a statement defines or retypes, with its table: CREATE TABLE's columns,
// ALTER TABLE ... ADD COLUMN and ALTER COLUMN ... TYPE. The type rules (prefer-timestamptz,
// prefer-text-field, ...) judge these and nothing else.
import type { ColumnDef, TypeName } from 'libpg-query'
import { nameList, nodeAs, qualifiedName } from '../parse/ast-nodes'
import type { Statement } from '../parse/parse-migration'

export interface ColumnDefinition {
  table: string
  column: string
  /** Type name without pg_catalog (`int4`, `varchar`, `timestamp`). */
  type: string
  typeName: TypeName | undefined
  /** The ColumnDef, absent for ALTER COLUMN ... TYPE. */
  definition?: ColumnDef
  how: 'create-table' | 'add-column' | 'alter-type'
  /** A PRIMARY KEY on this column, inline or in the table's constraints. */
  primaryKey: boolean
  byteOffset?: number
}

function typeOf(typeName: TypeName | undefined): string {
  return nameList(typeName?.names).filter((name) => name !== 'pg_catalog').join('.')
}

const cache = new WeakMap<Statement, ColumnDefinition[]>()

/** The columns of a statement; computed once per statement, as several rules ask. */
export function columnDefinitions(statement: Statement): ColumnDefinition[] {
  let columns = cache.get(statement)
  if (!columns) {
    columns = definitionsOf(statement)
    cache.set(statement, columns)
  }
  return columns
}

function definitionsOf(statement: Statement): ColumnDefinition[] {
  const node = statement.node
  const create = nodeAs(node, 'CreateStmt')
  if (create) {
    const table = qualifiedName(create.relation)
    const keyColumns = new Set(
      (create.tableElts ?? [])
        .map((element) => nodeAs(element, 'Constraint'))
        .filter((constraint) => constraint?.contype === 'CONSTR_PRIMARY')
        .flatMap((constraint) => nameList(constraint?.keys))
    )
    return (create.tableElts ?? [])
      .map((element) => nodeAs(element, 'ColumnDef'))
      .filter((column): column is ColumnDef => column !== undefined && column.typeName !== undefined)
      .map((column) => ({
        table,
        column: column.colname ?? '',
        type: typeOf(column.typeName),
        typeName: column.typeName,
        definition: column,
        how: 'create-table' as const,
        primaryKey: keyColumns.has(column.colname ?? '') || (column.constraints ?? []).some((constraint) => nodeAs(constraint, 'Constraint')?.contype === 'CONSTR_PRIMARY'),
        byteOffset: column.typeName?.location ?? column.location
      }))
  }
  const alter = nodeAs(node, 'AlterTableStmt')
  if (alter && alter.objtype === 'OBJECT_TABLE') {
    const table = qualifiedName(alter.relation)
    const columns: ColumnDefinition[] = []
    for (const cmd of alter.cmds ?? []) {
      const command = nodeAs(cmd, 'AlterTableCmd')
      const column = nodeAs(command?.def, 'ColumnDef')
      if (!column?.typeName) continue
      if (command?.subtype === 'AT_AddColumn') {
        const primaryKey = (column.constraints ?? []).some((constraint) => nodeAs(constraint, 'Constraint')?.contype === 'CONSTR_PRIMARY')
        columns.push({ table, column: column.colname ?? '', type: typeOf(column.typeName), typeName: column.typeName, definition: column, how: 'add-column', primaryKey, byteOffset: column.typeName.location ?? column.location })
      }
      if (command?.subtype === 'AT_AlterColumnType') {
        columns.push({ table, column: command.name ?? '', type: typeOf(column.typeName), typeName: column.typeName, how: 'alter-type', primaryKey: false, byteOffset: column.typeName.location })
      }
    }
    return columns
  }
  return []
}
