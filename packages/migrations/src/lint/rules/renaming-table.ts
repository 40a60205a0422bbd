import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const renamingTable: Rule = {
  name: 'renaming-table',
  defaultSeverity: 'error',
  destructive: false,
  why: 'The version of the app still running during the deploy uses the old table name and fails until the new version is live.',
  check(statement, context) {
    const rename = nodeAs(statement.node, 'RenameStmt')
    if (rename?.renameType !== 'OBJECT_TABLE') return []
    const table = qualifiedName(rename.relation)
    if (context.createdInFile('table', table, statement.index)) return []
    return [
      {
        message: `Renaming table ${table} to ${rename.newname ?? ''} breaks every query that still uses the old name.`,
        fix: `Create a view named ${table} over the renamed table for the old app version to use, and drop it once the new version is deployed; or mark this statement \`-- change-policy: allow renaming-table\` if nothing uses the table yet.`,
        byteOffset: rename.relation?.location
      }
    ]
  }
}
