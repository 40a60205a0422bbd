import { alterOfExistingTable } from '../existing-table-alter'
import type { Rule } from '../rule'

export const banDropColumn: Rule = {
  name: 'ban-drop-column',
  defaultSeverity: 'error',
  destructive: true,
  why: "Dropping a column deletes its data, and the version of the app still running during the deploy fails when it selects or writes that column.",
  check(statement, context) {
    const existing = alterOfExistingTable(statement, context)
    if (!existing) return []
    const { table } = existing
    return existing.commands
      .filter((cmd) => cmd.subtype === 'AT_DropColumn')
      .map((cmd) => ({
        message: `ALTER TABLE ${table} DROP COLUMN ${cmd.name ?? ''} deletes the column and its data.`,
        fix: `Stop reading and writing ${cmd.name ?? 'the column'} in the app and deploy that first, then drop it in a later migration marked \`-- change-policy: allow ban-drop-column\`.`
      }))
  }
}
