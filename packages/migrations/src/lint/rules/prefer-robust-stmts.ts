import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { LintContext } from '../lint-context'
import type { Rule, RuleHit } from '../rule'

/**
 * Whether the last statement before `before` that touches constraint `name` of `table` is
 * `DROP CONSTRAINT IF EXISTS`: an ADD CONSTRAINT right after it re-runs cleanly; a second ADD
 * of the same name after that does not.
 */
function droppedIfExistsBefore(context: LintContext, table: string, constraint: string, before: number): boolean {
  for (const statement of context.migration.statements.slice(0, before).reverse()) {
    const alter = nodeAs(statement.node, 'AlterTableStmt')
    if (!alter || qualifiedName(alter.relation) !== table) continue
    for (const cmd of [...(alter.cmds ?? [])].reverse()) {
      const command = nodeAs(cmd, 'AlterTableCmd')
      if (command?.subtype === 'AT_DropConstraint' && command.name === constraint) return command.missing_ok === true
      if (command?.subtype === 'AT_AddConstraint' && nodeAs(command.def, 'Constraint')?.conname === constraint) return false
    }
  }
  return false
}

export const preferRobustStmts: Rule = {
  name: 'prefer-robust-stmts',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'When a file does not run as one transaction (CONCURRENTLY, an explicit COMMIT), a failure half-way leaves part of it applied, and re-running it then fails on what already exists.',
  check(statement, context) {
    // Inside one transaction (the runner's, or the file's own BEGIN ... COMMIT) a failure rolls
    // everything back and a retry starts clean: flagging every CREATE there is the noise users
    // complain about.
    if (context.fileRunsAtomically) return []
    const node = statement.node
    const hit = (what: string, fix: string, byteOffset?: number): RuleHit[] => [{ message: `${what} fails if it runs a second time after a partial apply.`, fix, byteOffset }]
    const create = nodeAs(node, 'CreateStmt')
    // A temporary table ON COMMIT DROP is gone when its transaction ends, whatever happens;
    // one without it lives as long as the server session, which a connection pooler can hand
    // to the re-run.
    if (create && create.relation?.relpersistence === 't' && create.oncommit === 'ONCOMMIT_DROP') return []
    if (create && !create.if_not_exists) return hit(`CREATE TABLE ${qualifiedName(create.relation)}`, `${create.relation?.relpersistence === 't' ? 'Add ON COMMIT DROP (or write CREATE TEMP TABLE IF NOT EXISTS).' : 'Write CREATE TABLE IF NOT EXISTS.'}`, create.relation?.location)
    const index = nodeAs(node, 'IndexStmt')
    if (index && !index.if_not_exists && index.idxname) return hit(`CREATE INDEX ${index.idxname}`, 'Write CREATE INDEX CONCURRENTLY IF NOT EXISTS (and drop an INVALID index left by a failed build first).')
    const schema = nodeAs(node, 'CreateSchemaStmt')
    if (schema && !schema.if_not_exists) return hit(`CREATE SCHEMA ${schema.schemaname ?? ''}`, 'Write CREATE SCHEMA IF NOT EXISTS.')
    const drop = nodeAs(node, 'DropStmt')
    if (drop && !drop.missing_ok) return hit('This DROP', 'Write DROP ... IF EXISTS.')
    const alter = nodeAs(node, 'AlterTableStmt')
    if (alter) {
      const table = qualifiedName(alter.relation)
      // A table this file creates is covered by the finding on its CREATE TABLE.
      if (context.createdInFile('table', table, statement.index)) return []
      for (const cmd of alter.cmds ?? []) {
        const command = nodeAs(cmd, 'AlterTableCmd')
        if (command?.subtype === 'AT_AddColumn' && !command.missing_ok) return hit(`ADD COLUMN ${nodeAs(command.def, 'ColumnDef')?.colname ?? ''}`, 'Write ADD COLUMN IF NOT EXISTS.')
        if (command?.subtype === 'AT_DropColumn' && !command.missing_ok) return hit(`DROP COLUMN ${command.name ?? ''}`, 'Write DROP COLUMN IF EXISTS.')
        if (command?.subtype === 'AT_DropConstraint' && !command.missing_ok) return hit(`DROP CONSTRAINT ${command.name ?? ''}`, 'Write DROP CONSTRAINT IF EXISTS.')
        const constraint = nodeAs(command?.def, 'Constraint')
        if (command?.subtype === 'AT_AddConstraint' && constraint) {
          const name = constraint.conname
          if (!name || !droppedIfExistsBefore(context, table, name, statement.index)) {
            return hit(`ADD CONSTRAINT ${name ?? ''}`.trim(), `ADD CONSTRAINT has no IF NOT EXISTS: put ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${name ?? '<name>'}; before it (and name the constraint).`, constraint.location)
          }
        }
      }
    }
    return []
  }
}
