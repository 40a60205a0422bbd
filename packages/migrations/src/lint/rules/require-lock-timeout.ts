import { nameList, nodeAs, qualifiedName, qualifiedNameOfList } from '../../parse/ast-nodes'
import type { Statement } from '../../parse/parse-migration'
import type { LintContext } from '../lint-context'
import type { Rule } from '../rule'

// ALTER TABLE subcommands that take a lock weaker than one blocking reads or writes.
const WEAK_LOCK_SUBCOMMANDS = new Set(['AT_ValidateConstraint', 'AT_SetStatistics', 'AT_ClusterOn', 'AT_DropCluster', 'AT_AttachPartition', 'AT_SetRelOptions', 'AT_ResetRelOptions'])

/** The existing table a statement locks against reads or writes, if any. */
function blockingLockTarget(statement: Statement, context: LintContext): string | undefined {
  const node = statement.node
  const existing = (table: string): string | undefined => (context.createdInFile('table', table, statement.index) ? undefined : table)
  const alter = nodeAs(node, 'AlterTableStmt')
  if (alter && alter.objtype === 'OBJECT_TABLE') {
    const strong = (alter.cmds ?? []).some((cmd) => {
      const command = nodeAs(cmd, 'AlterTableCmd')
      if (command?.subtype === 'AT_DetachPartition') return !nodeAs(command.def, 'PartitionCmd')?.concurrent
      return !WEAK_LOCK_SUBCOMMANDS.has(command?.subtype ?? '')
    })
    return strong ? existing(qualifiedName(alter.relation)) : undefined
  }
  const rename = nodeAs(node, 'RenameStmt')
  if (rename && ['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT'].includes(rename.renameType ?? '')) return existing(qualifiedName(rename.relation))
  const drop = nodeAs(node, 'DropStmt')
  if (drop?.removeType === 'OBJECT_TABLE') {
    return (drop.objects ?? []).map((object) => qualifiedNameOfList(nameList(nodeAs(object, 'List')?.items))).find((table) => existing(table))
  }
  const truncate = nodeAs(node, 'TruncateStmt')
  if (truncate) return (truncate.relations ?? []).map((relation) => qualifiedName(nodeAs(relation, 'RangeVar'))).find((table) => existing(table))
  return undefined
}

export const requireLockTimeout: Rule = {
  name: 'require-lock-timeout',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'A statement waiting for an ACCESS EXCLUSIVE lock behind one long query makes every later query on the table queue behind it: without lock_timeout, a migration can take the app down while it waits.',
  check(statement, context) {
    if (context.lockTimeoutSetBefore(statement.index)) return []
    const table = blockingLockTarget(statement, context)
    if (!table) return []
    // One finding per file: one SET at the top fixes all of them.
    const earlier = context.migration.statements.slice(0, statement.index).some((before) => blockingLockTarget(before, context) !== undefined)
    if (earlier) return []
    return [
      {
        message: `This statement locks ${table} against reads and writes, and no lock_timeout is set earlier in the file.`,
        fix: "Put SET lock_timeout = '5s'; at the top of the migration (and retry the deploy if it times out)."
      }
    ]
  }
}
