import type { AlterTableCmd, AlterTableStmt } from 'libpg-query'
import { nodeAs, qualifiedName } from '../parse/ast-nodes'
import type { Statement } from '../parse/parse-migration'
import type { LintContext } from './lint-context'

export interface ExistingTableAlter {
  alter: AlterTableStmt
  /** Schema-qualified, as findings name it. */
  table: string
  commands: AlterTableCmd[]
}

/**
 * The ALTER TABLE of a statement, when it changes a table that existed before this file.
 * A table created earlier in the same migration is empty and unseen by any running app, so
 * locking it, rewriting it or dropping its columns harms no one: the rules stay quiet there
 * (the noise users complain about in other linters).
 */
export function alterOfExistingTable(statement: Statement, context: LintContext): ExistingTableAlter | undefined {
  const alter = nodeAs(statement.node, 'AlterTableStmt')
  if (!alter || alter.objtype !== 'OBJECT_TABLE') return undefined
  const table = qualifiedName(alter.relation)
  if (context.createdInFile('table', table, statement.index)) return undefined
  const commands = (alter.cmds ?? []).map((cmd) => nodeAs(cmd, 'AlterTableCmd')).filter((cmd): cmd is AlterTableCmd => cmd !== undefined)
  return { alter, table, commands }
}
