import type { Constraint } from 'libpg-query'
import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Statement } from '../../parse/parse-migration'
import { alterOfExistingTable } from '../existing-table-alter'
import type { LintContext } from '../lint-context'
import type { Rule, RuleHit } from '../rule'

/** The statement, earlier in this file, that added `constraint` to `table` NOT VALID. */
function notValidAddedEarlier(context: LintContext, table: string, constraint: string, before: number): Statement | undefined {
  return context.migration.statements.slice(0, before).find((statement) => {
    const alter = nodeAs(statement.node, 'AlterTableStmt')
    if (!alter || qualifiedName(alter.relation) !== table) return false
    return (alter.cmds ?? []).some((cmd) => {
      const command = nodeAs(cmd, 'AlterTableCmd')
      const added = nodeAs(command?.def, 'Constraint')
      return command?.subtype === 'AT_AddConstraint' && added?.skip_validation === true && added.conname === constraint
    })
  })
}

function validatingConstraint(constraint: Constraint | undefined): boolean {
  return (constraint?.contype === 'CONSTR_FOREIGN' || constraint?.contype === 'CONSTR_CHECK') && !constraint.skip_validation
}

export const constraintMissingNotValid: Rule = {
  name: 'constraint-missing-not-valid',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'Adding a CHECK or FOREIGN KEY constraint checks every existing row while holding a lock that blocks writes (for a foreign key, on both tables); NOT VALID followed by VALIDATE in the same transaction still holds that lock through the whole check.',
  check(statement, context) {
    const existing = alterOfExistingTable(statement, context)
    if (!existing) return []
    const { table } = existing
    const hits: RuleHit[] = []
    for (const command of existing.commands) {
      const constraint = nodeAs(command.def, 'Constraint')
      if (command.subtype === 'AT_AddConstraint' && constraint && validatingConstraint(constraint)) {
        const kind = constraint.contype === 'CONSTR_FOREIGN' ? 'foreign key' : 'check constraint'
        const name = constraint.conname ?? '<name>'
        hits.push({
          message: `Adding ${kind} ${constraint.conname ?? ''} to ${table} validates every existing row while blocking writes.`.replace('  ', ' '),
          fix: `Add it with NOT VALID (ALTER TABLE ${table} ADD CONSTRAINT ${name} ... NOT VALID), then run ALTER TABLE ${table} VALIDATE CONSTRAINT ${name} in a later migration; validation does not block writes.`,
          byteOffset: constraint.location
        })
      }
      // ADD COLUMN ... REFERENCES validates the new column's foreign key at once; it cannot be NOT VALID.
      if (command.subtype === 'AT_AddColumn') {
        const column = nodeAs(command.def, 'ColumnDef')
        for (const inline of (column?.constraints ?? []).map((node) => nodeAs(node, 'Constraint'))) {
          if (inline?.contype !== 'CONSTR_FOREIGN') continue
          const referenced = qualifiedName(inline.pktable)
          hits.push({
            message: `Column ${table}.${column?.colname ?? ''} is added with a foreign key to ${referenced}, which is validated at once while both tables are locked against writes.`,
            fix: `Add the column without REFERENCES, then ALTER TABLE ${table} ADD CONSTRAINT <name> FOREIGN KEY (${column?.colname ?? ''}) REFERENCES ${referenced} ... NOT VALID, and VALIDATE CONSTRAINT in a later migration.`,
            byteOffset: inline.location
          })
        }
      }
      // The locks ADD CONSTRAINT took are held until the transaction ends: validating in the
      // same transaction checks every row under them, exactly what NOT VALID was meant to avoid.
      if (command.subtype === 'AT_ValidateConstraint' && command.name) {
        const added = notValidAddedEarlier(context, table, command.name, statement.index)
        if (added && context.sameTransaction(added.index, statement.index)) {
          hits.push({
            message: `Constraint ${command.name} is added NOT VALID and validated in the same transaction (line ${added.line}), so the validation still runs under the lock ADD CONSTRAINT took.`,
            fix: `Move ALTER TABLE ${table} VALIDATE CONSTRAINT ${command.name} to a later migration (each migration file runs as one transaction).`
          })
        }
      }
    }
    return hits
  }
}
