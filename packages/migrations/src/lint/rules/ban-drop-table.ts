import { nameList, nodeAs, qualifiedNameOfList } from '../../parse/ast-nodes'
import type { Rule } from '../rule'

export const banDropTable: Rule = {
  name: 'ban-drop-table',
  defaultSeverity: 'error',
  destructive: true,
  why: 'Dropping a table deletes its rows for good and breaks every running version of the app that still reads it.',
  check(statement, context) {
    const drop = nodeAs(statement.node, 'DropStmt')
    if (drop?.removeType !== 'OBJECT_TABLE') return []
    return (drop.objects ?? [])
      .map((object) => qualifiedNameOfList(nameList(nodeAs(object, 'List')?.items)))
      .filter((table) => !context.createdInFile('table', table, statement.index))
      .map((table) => ({
        message: `DROP TABLE ${table} deletes the table and every row in it.`,
        fix: `Remove every use of ${table} from the app and deploy that first, keep a backup of its data, then drop it in a migration of its own marked \`-- change-policy: allow ban-drop-table\`.`
      }))
  }
}
