import { nodeAs } from '../../parse/ast-nodes'
import { alterOfExistingTable } from '../existing-table-alter'
import type { Rule } from '../rule'

export const constraintMissingNotValid: Rule = {
  name: 'constraint-missing-not-valid',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'Adding a CHECK or FOREIGN KEY constraint checks every existing row while holding a lock that blocks writes (for a foreign key, on both tables).',
  check(statement, context) {
    const existing = alterOfExistingTable(statement, context)
    if (!existing) return []
    const { table } = existing
    return existing.commands
      .filter((cmd) => cmd.subtype === 'AT_AddConstraint')
      .map((cmd) => nodeAs(cmd.def, 'Constraint'))
      .filter((constraint) => (constraint?.contype === 'CONSTR_FOREIGN' || constraint?.contype === 'CONSTR_CHECK') && !constraint.skip_validation)
      .map((constraint) => {
        const kind = constraint?.contype === 'CONSTR_FOREIGN' ? 'foreign key' : 'check constraint'
        const name = constraint?.conname ?? '<name>'
        return {
          message: `Adding ${kind} ${constraint?.conname ?? ''} to ${table} validates every existing row while blocking writes.`.replace('  ', ' '),
          fix: `Add it with NOT VALID (ALTER TABLE ${table} ADD CONSTRAINT ${name} ... NOT VALID), then run ALTER TABLE ${table} VALIDATE CONSTRAINT ${name} in a later migration; validation does not block writes.`,
          byteOffset: constraint?.location
        }
      })
  }
}
