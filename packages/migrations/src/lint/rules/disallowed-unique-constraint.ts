import { nodeAs } from '../../parse/ast-nodes'
import { alterOfExistingTable } from '../existing-table-alter'
import type { Rule, RuleHit } from '../rule'

export const disallowedUniqueConstraint: Rule = {
  name: 'disallowed-unique-constraint',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'Adding a UNIQUE or PRIMARY KEY constraint builds its index while holding an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole build.',
  check(statement, context) {
    const existing = alterOfExistingTable(statement, context)
    if (!existing) return []
    const { table } = existing
    const hits: RuleHit[] = []
    for (const command of existing.commands) {
      const constraints =
        command.subtype === 'AT_AddConstraint'
          ? [nodeAs(command.def, 'Constraint')]
          : command.subtype === 'AT_AddColumn'
            ? (nodeAs(command.def, 'ColumnDef')?.constraints ?? []).map((constraint) => nodeAs(constraint, 'Constraint'))
            : []
      for (const constraint of constraints) {
        if (constraint?.contype !== 'CONSTR_UNIQUE' && constraint?.contype !== 'CONSTR_PRIMARY') continue
        if (constraint.indexname) continue
        const kind = constraint.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY'
        const name = constraint.conname ?? `${existing.alter.relation?.relname ?? 'table'}_key`
        hits.push({
          message: `Adding a ${kind} constraint to ${table} builds its index under an ACCESS EXCLUSIVE lock.`,
          fix: `Build the index first with CREATE UNIQUE INDEX CONCURRENTLY ${name}_idx ON ${table} (...) in a migration of its own, then ALTER TABLE ${table} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name}_idx.`,
          byteOffset: constraint.location
        })
      }
    }
    return hits
  }
}
