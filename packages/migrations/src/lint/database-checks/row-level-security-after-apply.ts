// require-rls-on-exposed-table, judged on the database the pull request leaves behind rather
// than file by file: a table created in one new migration and given row level security in a
// later one of the same pull request is fine, and a table whose grants to anon and
// authenticated were revoked is not served by the Data API at all. The catalog knows both:
// pg_class.relrowsecurity, and has_table_privilege for the API's roles.
import { nodeAs, qualifiedName } from '../../parse/ast-nodes'
import type { ParsedMigration, Statement } from '../../parse/parse-migration'
import { sqlLiteral, type DatabaseCheckInput, type Hit } from './catalog-query'

const RULE = 'require-rls-on-exposed-table'
/** The roles the Data API runs requests as (Supabase's PostgREST). */
const API_ROLES = ['anon', 'authenticated']

interface TableState {
  schema: string
  name: string
  rls: boolean
  /** API roles holding SELECT, INSERT, UPDATE or DELETE on the table. */
  granted: string[] | null
  /** Whether the schema has default privileges for tables; without them Supabase's own apply. */
  has_default_acl: boolean
}

/** The last CREATE TABLE of each table in the changed migrations, in history order. */
function createdTables(changed: readonly ParsedMigration[], exposedSchemas: readonly string[]): Map<string, { migration: ParsedMigration; statement: Statement; location?: number }> {
  const created = new Map<string, { migration: ParsedMigration; statement: Statement; location?: number }>()
  for (const migration of changed) {
    for (const statement of migration.statements) {
      const create = nodeAs(statement.node, 'CreateStmt')
      const createAs = nodeAs(statement.node, 'CreateTableAsStmt')
      const relation = create ? create.relation : createAs?.objtype === 'OBJECT_TABLE' ? createAs.into?.rel : undefined
      if (!relation || relation.relpersistence === 't' || !exposedSchemas.includes(relation.schemaname ?? 'public')) continue
      created.set(qualifiedName(relation), { migration, statement, location: relation.location })
    }
  }
  return created
}

export async function rowLevelSecurityAfterApply(input: DatabaseCheckInput): Promise<Hit[]> {
  const created = createdTables(input.changed, input.exposedSchemas)
  if (created.size === 0) return []
  const roles = `array[${API_ROLES.map(sqlLiteral).join(', ')}]`
  const tables = await input.query<TableState>(`
    select n.nspname as schema, c.relname as name, c.relrowsecurity as rls,
      array(select r.rolname::text from pg_roles r where r.rolname = any(${roles})
            and has_table_privilege(r.oid, c.oid, 'SELECT,INSERT,UPDATE,DELETE')) as granted,
      exists (select 1 from pg_default_acl d where d.defaclnamespace = n.oid and d.defaclobjtype = 'r') as has_default_acl
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname = any(array[${input.exposedSchemas.map(sqlLiteral).join(', ')}]::text[])`)
  const hits: Hit[] = []
  for (const table of tables) {
    const name = `${table.schema}.${table.name}`
    const origin = created.get(name)
    if (!origin || table.rls) continue
    const granted = table.granted ?? []
    // Supabase grants every new table in public to anon and authenticated by default
    // privileges; a database without any default privileges for the schema did not model
    // them, so the table counts as granted unless the migrations said otherwise.
    const exposed = granted.length > 0 || !table.has_default_acl
    if (!exposed) continue
    const to = granted.length > 0 ? granted.join(' and ') : 'anon and authenticated (Supabase grants new tables to them by default)'
    hits.push({
      rule: RULE,
      migration: origin.migration,
      statement: origin.statement,
      byteOffset: origin.location,
      message: `After this pull request's migrations, table ${name} in the exposed schema ${table.schema} has no row level security and is granted to ${to}: the Data API serves all of its rows to anyone with the anon key.`,
      fix: `Add ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY; (in this migration or a later one of the pull request), with policies for the access you intend, or REVOKE ALL ON ${name} FROM anon, authenticated.`
    })
  }
  return hits
}
