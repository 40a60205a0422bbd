import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { RangeVar } from 'libpg-query'
import type { Rule } from '../rule'

export const requireRlsOnExposedTable: Rule = {
  name: 'require-rls-on-exposed-table',
  defaultSeverity: 'error',
  destructive: false,
  why: 'Supabase serves every table in an exposed schema over its Data API; without row level security anyone holding the public anon key can read and change every row.',
  check(statement, context) {
    const create = nodeAs(statement.node, 'CreateStmt')
    const createAs = nodeAs(statement.node, 'CreateTableAsStmt')
    let relation: RangeVar | undefined
    if (create) relation = create.relation
    else if (createAs?.objtype === 'OBJECT_TABLE') relation = createAs.into?.rel
    if (!relation || relation.relpersistence === 't') return []
    const schema = relation.schemaname ?? 'public'
    if (!context.isExposedSchema(schema)) return []
    const table = qualifiedName(relation)
    if (context.rowLevelSecurity.has(table)) return []
    return [
      {
        message: `Table ${table} is created in the exposed schema ${schema} without row level security; the Data API serves all of its rows to anyone with the anon key.`,
        fix: `Add ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; to this migration, with policies for the access you intend (none means only service_role can reach it).`,
        byteOffset: relation.location
      }
    ]
  }
}
