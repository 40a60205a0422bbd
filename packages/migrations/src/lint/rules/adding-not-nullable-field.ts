import { nameList, nodeAs } from '../../parse/ast-nodes'
import { alterOfExistingTable } from '../existing-table-alter'
import type { Rule, RuleHit } from '../rule'

// serial types bring their own default.
const SELF_DEFAULTING_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2'])

export const addingNotNullableField: Rule = {
  name: 'adding-not-nullable-field',
  defaultSeverity: 'error',
  destructive: false,
  why: 'A NOT NULL column without a default cannot be added to a table that has rows, and SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock.',
  check(statement, context) {
    const existing = alterOfExistingTable(statement, context)
    if (!existing) return []
    const { table } = existing
    const hits: RuleHit[] = []
    for (const command of existing.commands) {
      if (command.subtype === 'AT_AddColumn') {
        const column = nodeAs(command.def, 'ColumnDef')
        const constraints = (column?.constraints ?? []).map((constraint) => nodeAs(constraint, 'Constraint')?.contype)
        const notNull = constraints.includes('CONSTR_NOTNULL') || constraints.includes('CONSTR_PRIMARY')
        const hasDefault = constraints.some((type) => type === 'CONSTR_DEFAULT' || type === 'CONSTR_IDENTITY' || type === 'CONSTR_GENERATED')
        const typeName = nameList(column?.typeName?.names).pop() ?? ''
        if (notNull && !hasDefault && !SELF_DEFAULTING_TYPES.has(typeName)) {
          hits.push({
            message: `Column ${table}.${column?.colname ?? ''} is added NOT NULL without a default; this fails as soon as ${table} has a row.`,
            fix: `Give it a default (ADD COLUMN ${column?.colname ?? ''} ... NOT NULL DEFAULT <value>), or add it nullable, backfill it, and set NOT NULL in a later migration.`,
            byteOffset: column?.location
          })
        }
      }
      // Postgres 12+ skips the scan when a validated CHECK (col IS NOT NULL) proves the column
      // has no NULLs: the sequence this rule's fix recommends must not be reported.
      if (command.subtype === 'AT_SetNotNull' && !context.notNullCheckedBefore(table, command.name ?? '', statement.index)) {
        hits.push({
          message: `SET NOT NULL on ${table}.${command.name ?? ''} scans the whole table while holding an ACCESS EXCLUSIVE lock.`,
          fix: `In one migration add CONSTRAINT <name> CHECK (${command.name ?? 'column'} IS NOT NULL) NOT VALID; in the next, VALIDATE CONSTRAINT <name> and then SET NOT NULL, which Postgres 12+ does without a scan (drop the CHECK afterwards).`
        })
      }
    }
    return hits
  }
}
