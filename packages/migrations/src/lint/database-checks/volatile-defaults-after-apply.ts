// adding-field-with-default for defaults that call the database's own functions: whether
// such a default rewrites the table depends on the function's volatility, which only the
// database knows (pg_proc.provolatile: 'v' volatile, 's' stable, 'i' immutable). The text
// alone decides the built-in ones (column-defaults.ts).
import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { Statement } from '../../parse/parse-migration'
import type { ColumnDef } from 'libpg-query'
import { defaultVolatility } from '../column-defaults'
import { rewriteHit } from '../rules/adding-field-with-default'
import { sqlLiteral, type DatabaseCheckInput, type Hit } from './catalog-query'

const RULE = 'adding-field-with-default'

/** A table created earlier in the same file is empty and unseen: rewriting it harms no one. */
function createdEarlierInFile(statements: readonly Statement[], table: string, index: number): boolean {
  return statements.slice(0, index).some((statement) => qualifiedName(nodeAs(statement.node, 'CreateStmt')?.relation) === table)
}

export async function volatileDefaultsAfterApply(input: DatabaseCheckInput): Promise<Hit[]> {
  const hits: Hit[] = []
  const candidates: Array<Omit<Hit, 'message' | 'fix' | 'rule'> & { table: string; column: ColumnDef; functions: string[] }> = []
  for (const migration of input.changed) {
    for (const statement of migration.statements) {
      const alter = nodeAs(statement.node, 'AlterTableStmt')
      if (!alter || alter.objtype !== 'OBJECT_TABLE') continue
      const table = qualifiedName(alter.relation)
      if (createdEarlierInFile(migration.statements, table, statement.index)) continue
      for (const cmd of alter.cmds ?? []) {
        const command = nodeAs(cmd, 'AlterTableCmd')
        const column = nodeAs(command?.def, 'ColumnDef')
        if (command?.subtype !== 'AT_AddColumn' || !column) continue
        const { volatile, unknownFunctions } = defaultVolatility(column)
        if (volatile) hits.push({ rule: RULE, migration, statement, ...rewriteHit(table, column, volatile) })
        if (volatile || unknownFunctions.length === 0) continue
        candidates.push({ migration, statement, byteOffset: column.location, table, column, functions: unknownFunctions })
      }
    }
  }
  if (candidates.length === 0) return hits
  const names = [...new Set(candidates.flatMap((candidate) => candidate.functions.map((name) => name.split('.').pop() ?? name)))]
  const rows = await input.query<{ name: string; schema: string; volatility: string }>(`
    select p.proname as name, n.nspname as schema, p.provolatile as volatility
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where p.proname = any(array[${names.map(sqlLiteral).join(', ')}]::text[])`)
  for (const candidate of candidates) {
    const volatile = candidate.functions.find((name) => {
      const [schema, fn] = name.includes('.') ? name.split('.') : [undefined, name]
      return rows.some((row) => row.name === fn && (schema === undefined || row.schema === schema) && row.volatility === 'v')
    })
    if (!volatile) continue
    hits.push({ rule: RULE, migration: candidate.migration, statement: candidate.statement, ...rewriteHit(candidate.table, candidate.column, `a default calling ${volatile}(), which the database says is VOLATILE,`) })
  }
  return hits
}
