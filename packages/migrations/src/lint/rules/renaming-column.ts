import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const renamingColumn: Rule = {
  name: 'renaming-column',
  defaultSeverity: 'error',
  destructive: false,
  why: 'The version of the app still running during the deploy uses the old column name and fails until the new version is live.',
  check(statement, context) {
    const rename = nodeAs(statement.node, 'RenameStmt')
    if (rename?.renameType !== 'OBJECT_COLUMN') return []
    const table = qualifiedName(rename.relation)
    if (context.createdInFile('table', table, statement.index)) return []
    return [
      {
        message: `Renaming column ${table}.${rename.subname ?? ''} to ${rename.newname ?? ''} breaks every query that still uses the old name.`,
        fix: `Add the new column ${rename.newname ?? ''}, write to both and backfill, move the app to it, then drop ${rename.subname ?? 'the old one'} later; or mark this statement \`-- change-policy: allow renaming-column\` if nothing reads the column yet.`,
        byteOffset: rename.relation?.location
      }
    ]
  }
}
