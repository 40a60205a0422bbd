import { nameList, nodeAs } from '../../parse/ast-nodes'
import { alterOfExistingTable } from '../existing-table-alter'
import type { Rule } from '../rule'

export const changingColumnType: Rule = {
  name: 'changing-column-type',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'Most type changes rewrite the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes for as long as that takes, and can break clients that expect the old type.',
  check(statement, context) {
    const existing = alterOfExistingTable(statement, context)
    if (!existing) return []
    const { table } = existing
    return existing.commands
      .filter((cmd) => cmd.subtype === 'AT_AlterColumnType')
      .map((cmd) => {
        const typeName = nodeAs(cmd.def, 'ColumnDef')?.typeName
        const type = nameList(typeName?.names).filter((name) => name !== 'pg_catalog').join('.')
        return {
          message: `Changing the type of ${table}.${cmd.name ?? ''} to ${type} may rewrite the table while holding an ACCESS EXCLUSIVE lock.`,
          fix: `Add a new column of type ${type}, backfill it in batches, switch the app over, then drop the old column; or mark this statement \`-- change-policy: allow changing-column-type\` if the table is small or the change needs no rewrite (e.g. varchar(n) to text).`,
          byteOffset: typeName?.location
        }
      })
  }
}
