import { nodeAs } from '../../parse/ast-nodes'
import { defaultVolatility } from '../column-defaults'
import { alterOfExistingTable } from '../existing-table-alter'
import type { Rule, RuleHit } from '../rule'

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
      const { volatile } = defaultVolatility(column)
      // Defaults calling the database's own functions are judged after apply, from pg_proc.provolatile.
      if (!volatile) continue
      hits.push({
        message: `Adding ${existing.table}.${column?.colname ?? ''} with ${volatile} rewrites every row of ${existing.table} under an ACCESS EXCLUSIVE lock.`,
        fix: `Add the column without the default, then ALTER COLUMN ${column?.colname ?? ''} SET DEFAULT ... (applies to new rows only), and backfill existing rows in batches.`,
        byteOffset: column?.location
      })
    }
    return hits
  }
}
