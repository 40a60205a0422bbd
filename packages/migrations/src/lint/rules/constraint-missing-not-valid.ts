import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const constraintMissingNotValid: Rule = {
  name: 'constraint-missing-not-valid',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'Adding a CHECK or FOREIGN KEY constraint checks every existing row while holding a lock that blocks writes (for a foreign key, on both tables).',
  check(statement, context) {
    const alter = nodeAs(statement.node, 'AlterTableStmt')
    if (!alter || alter.objtype !== 'OBJECT_TABLE') return []
    const table = qualifiedName(alter.relation)
    if (context.createdInFile('table', table, statement.index)) return []
    return (alter.cmds ?? [])
      .map((cmd) => nodeAs(cmd, 'AlterTableCmd'))
      .filter((cmd) => cmd?.subtype === 'AT_AddConstraint')
      .map((cmd) => nodeAs(cmd?.def, 'Constraint'))
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
