import { nodeAs, stringValue } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const banDropSchema: Rule = {
  name: 'ban-drop-schema',
  defaultSeverity: 'error',
  destructive: true,
  why: 'Dropping a schema (with CASCADE, everything in it) deletes tables, functions and data in one statement.',
  check(statement, context) {
    const drop = nodeAs(statement.node, 'DropStmt')
    if (drop?.removeType !== 'OBJECT_SCHEMA') return []
    return (drop.objects ?? [])
      .map((object) => stringValue(object) ?? '')
      .filter((schema) => !context.createdInFile('schema', schema, statement.index))
      .map((schema) => ({
        message: `DROP SCHEMA ${schema}${drop.behavior === 'DROP_CASCADE' ? ' CASCADE' : ''} deletes the schema${drop.behavior === 'DROP_CASCADE' ? ' and every object in it' : ''}.`,
        fix: `Drop the objects in ${schema} one by one in reviewed migrations, or mark this statement \`-- change-policy: allow ban-drop-schema\` once you have a backup.`
      }))
  }
}
