import type { ColumnDef } from 'libpg-query'
import { nodeAs } from '../../parse/ast-nodes'
import { defaultVolatility } from '../column-defaults'
import { alterOfExistingTable } from '../existing-table-alter'
import type { Rule, RuleHit } from '../rule'

/** The finding for an added column whose value is computed per row; the database check says the same. */
export function rewriteHit(table: string, column: ColumnDef | undefined, reason: string, certain = true): RuleHit {
  return {
    message: `Adding ${table}.${column?.colname ?? ''} with ${reason} ${certain ? 'rewrites' : 'may rewrite'} every row of ${table} under an ACCESS EXCLUSIVE lock.`,
    fix: `Add the column without the default, then ALTER COLUMN ${column?.colname ?? ''} SET DEFAULT ... (applies to new rows only), and backfill existing rows in batches.`,
    byteOffset: column?.location
  }
}

export const addingFieldWithDefault: Rule = {
  name: 'adding-field-with-default',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'Adding a column whose value is computed per row (a volatile default such as gen_random_uuid() or clock_timestamp(), a serial or identity, a stored generated column) rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes until it is done. A constant or stable default (now(), a literal) is stored once and rewrites nothing (Postgres 11+).',
  check(statement, context) {
    const existing = alterOfExistingTable(statement, context)
    if (!existing) return []
    const hits: RuleHit[] = []
    for (const command of existing.commands) {
      if (command.subtype !== 'AT_AddColumn') continue
      const column = nodeAs(command.def, 'ColumnDef')
      const { volatile, unknownFunctions } = defaultVolatility(column)
      if (volatile) hits.push(rewriteHit(existing.table, column, volatile))
      // From the text alone a function of the database's own may be volatile. With the applied
      // database in hand, pg_proc.provolatile decides instead (database-checks).
      else if (unknownFunctions.length > 0) hits.push(rewriteHit(existing.table, column, `a default calling ${unknownFunctions.map((name) => `${name}()`).join(', ')} (volatile or not: the text cannot tell)`, false))
    }
    return hits
  }
}
