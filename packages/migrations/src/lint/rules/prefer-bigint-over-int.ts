import { nodeAs } from '../../parse/ast-nodes'
import { columnDefinitions, type ColumnDefinition } from '../column-definitions'
import type { Rule } from '../rule'

const FOUR_BYTE_TYPES = new Set(['int4', 'serial', 'serial4', 'int2', 'smallserial', 'serial2'])
const SMALL = new Set(['int2', 'smallserial', 'serial2'])

/**
 * Columns that count rows: keys, identities, serials and the columns that refer to them
 * (`id`, `*_id`). A 4-byte counter runs out at 2,147,483,647 rows and the fix then rewrites
 * the table; a plain `quantity int` never does, so it is not reported (the noise other
 * linters make by flagging every integer).
 */
function countsRows(column: ColumnDefinition): boolean {
  if (column.primaryKey || /^(id|.+_id)$/i.test(column.column) || column.type.includes('serial')) return true
  return (column.definition?.constraints ?? []).some((constraint) => nodeAs(constraint, 'Constraint')?.contype === 'CONSTR_IDENTITY')
}

export const preferBigintOverInt: Rule = {
  name: 'prefer-bigint-over-int',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'A key or identity column of type integer runs out at about 2.1 billion values (smallint at 32,767); changing it to bigint later rewrites the table and every table referring to it under an ACCESS EXCLUSIVE lock.',
  check(statement) {
    return columnDefinitions(statement)
      .filter((column) => FOUR_BYTE_TYPES.has(column.type) && countsRows(column))
      .map((column) => ({
        message: `Column ${column.table}.${column.column} is a key-like ${column.type} column, which can run out of values.`,
        fix: SMALL.has(column.type) || column.type.includes('serial') ? 'Use bigint (bigint generated always as identity for a new key).' : 'Use bigint: it costs 4 bytes more per row and never runs out.',
        byteOffset: column.byteOffset
      }))
  }
}
