import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Rule, RuleHit } from '../rule'

export const preferRobustStmts: Rule = {
  name: 'prefer-robust-stmts',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'When a file does not run as one transaction (CONCURRENTLY, an explicit COMMIT), a failure half-way leaves part of it applied, and re-running it then fails on what already exists.',
  check(statement, context) {
    // Inside the runner's transaction a failure rolls everything back and a retry starts
    // clean: flagging every CREATE there is the noise users complain about.
    if (context.fileRunsAtomically) return []
    const node = statement.node
    const hit = (what: string, fix: string, byteOffset?: number): RuleHit[] => [{ message: `${what} fails if it runs a second time after a partial apply.`, fix, byteOffset }]
    const create = nodeAs(node, 'CreateStmt')
    if (create && !create.if_not_exists) return hit(`CREATE TABLE ${qualifiedName(create.relation)}`, 'Write CREATE TABLE IF NOT EXISTS.', create.relation?.location)
    const index = nodeAs(node, 'IndexStmt')
    if (index && !index.if_not_exists && index.idxname) return hit(`CREATE INDEX ${index.idxname}`, 'Write CREATE INDEX CONCURRENTLY IF NOT EXISTS (and drop an INVALID index left by a failed build first).')
    const schema = nodeAs(node, 'CreateSchemaStmt')
    if (schema && !schema.if_not_exists) return hit(`CREATE SCHEMA ${schema.schemaname ?? ''}`, 'Write CREATE SCHEMA IF NOT EXISTS.')
    const drop = nodeAs(node, 'DropStmt')
    if (drop && !drop.missing_ok) return hit('This DROP', 'Write DROP ... IF EXISTS.')
    const alter = nodeAs(node, 'AlterTableStmt')
    if (alter) {
      for (const cmd of alter.cmds ?? []) {
        const command = nodeAs(cmd, 'AlterTableCmd')
        if (command?.subtype === 'AT_AddColumn' && !command.missing_ok) return hit(`ADD COLUMN ${nodeAs(command.def, 'ColumnDef')?.colname ?? ''}`, 'Write ADD COLUMN IF NOT EXISTS.')
        if (command?.subtype === 'AT_DropColumn' && !command.missing_ok) return hit(`DROP COLUMN ${command.name ?? ''}`, 'Write DROP COLUMN IF EXISTS.')
      }
    }
    return []
  }
}
