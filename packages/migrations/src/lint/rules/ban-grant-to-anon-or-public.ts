import { nodeAs, qualifiedName, stringValue } from '../../parse/ast-nodes'
import type { GrantStmt, Node } from 'libpg-query'
import type { Rule, RuleHit } from '../rule'

/** The grantee that is anon or PUBLIC, as written, if any. */
function exposedGrantee(grantees: Node[] | undefined): string | undefined {
  for (const grantee of grantees ?? []) {
    const role = nodeAs(grantee, 'RoleSpec')
    if (role?.roletype === 'ROLESPEC_PUBLIC') return 'PUBLIC'
    if (role?.rolename === 'anon') return 'anon'
  }
  return undefined
}

function tableGrantHits(grant: GrantStmt, rowLevelSecurity: ReadonlySet<string>): RuleHit[] {
  if (!grant.is_grant || grant.objtype !== 'OBJECT_TABLE') return []
  const grantee = exposedGrantee(grant.grantees)
  if (!grantee) return []
  if (grant.targtype === 'ACL_TARGET_ALL_IN_SCHEMA') {
    const schemas = (grant.objects ?? []).map((object) => stringValue(object) ?? '').join(', ')
    return [
      {
        message: `GRANT ... ON ALL TABLES IN SCHEMA ${schemas} TO ${grantee} exposes every table there, including ones without row level security.`,
        fix: `Grant on the tables you mean to expose, one by one, each with row level security enabled and policies.`
      }
    ]
  }
  // A grant on a table protected by row level security is Supabase's normal pattern.
  return (grant.objects ?? [])
    .map((object) => nodeAs(object, 'RangeVar'))
    .filter((relation) => !rowLevelSecurity.has(qualifiedName(relation)))
    .map((relation) => ({
      message: `GRANT on ${qualifiedName(relation)} TO ${grantee}, a table with no row level security enabled in this migration history: every row is reachable with the public anon key.`,
      fix: `Enable row level security on ${qualifiedName(relation)} (ALTER TABLE ... ENABLE ROW LEVEL SECURITY) with policies, or grant to authenticated instead of ${grantee}.`,
      byteOffset: relation?.location
    }))
}

export const banGrantToAnonOrPublic: Rule = {
  name: 'ban-grant-to-anon-or-public',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'anon and PUBLIC include every visitor holding the public anon key; a table granted to them is open unless row level security filters its rows.',
  check(statement, context) {
    const grant = nodeAs(statement.node, 'GrantStmt')
    if (grant) return tableGrantHits(grant, context.rowLevelSecurity)
    const defaults = nodeAs(statement.node, 'AlterDefaultPrivilegesStmt')
    const action = defaults?.action
    if (action?.is_grant && action.objtype === 'OBJECT_TABLE') {
      const grantee = exposedGrantee(action.grantees)
      if (grantee) {
        return [
          {
            message: `ALTER DEFAULT PRIVILEGES grants future tables to ${grantee}: every table created later is reachable with the anon key unless it enables row level security.`,
            fix: `Grant future tables to authenticated (or no one) and grant to ${grantee} table by table, on tables with row level security.`
          }
        ]
      }
    }
    return []
  }
}
