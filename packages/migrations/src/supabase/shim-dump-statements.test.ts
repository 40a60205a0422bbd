// The Supabase shim against what `supabase db dump` / `db pull` files contain. Two kinds of
// fixtures: statements generated for every object the shim creates (owner and grant lines, as
// pg_dump writes them), and test/supabase-dump/<schema>.sql, hand-written in dump shape
// (policies on storage.objects, triggers on auth.users, publication changes, cron/net/vault
// calls) with checks that raise when a function does not behave as Supabase's. The catalog
// test makes an object added to the shim without being listed in shim-catalog.ts fail.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sqlMigration } from '../../test/corpus'
import { SHIM_RELATIONS, SHIM_ROUTINES, SHIM_TYPES } from '../../test/supabase-dump/shim-catalog'
import { createPgliteEngine, type PgliteEngine } from '../engines/pglite-engine'
import { createServerEngine, type ServerEngine } from '../engines/server-engine'
import { SUPABASE_SHIM_FILES } from './supabase-shim'

const DUMP_DIR = fileURLToPath(new URL('../../test/supabase-dump', import.meta.url))
const SHIM_SCHEMAS = ['auth', 'storage', 'realtime', 'extensions', 'vault', 'graphql', 'graphql_public', 'supabase_functions', 'pgbouncer', 'net', 'cron', 'pgmq', 'supabase_migrations']

const quoted = (schema: string, name: string) => `"${schema}"."${name}"`

/** The owner and grant lines pg_dump writes for each listed object. */
function generatedDumpStatements(standIns: { vector: boolean }): string {
  const lines: string[] = []
  for (const relation of SHIM_RELATIONS) {
    const name = quoted(relation.schema, relation.name)
    const alter = relation.kind === 'view' ? 'VIEW' : relation.kind === 'sequence' ? 'SEQUENCE' : 'TABLE'
    if (relation.owner) lines.push(`ALTER ${alter} ${name} OWNER TO "${relation.owner}";`)
    lines.push(`GRANT ALL ON ${relation.kind === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${name} TO "postgres";`)
  }
  for (const routine of SHIM_ROUTINES) {
    if (routine.standIn === 'vector' && !standIns.vector) continue
    if (routine.owner) lines.push(`ALTER FUNCTION ${routine.signature} OWNER TO "${routine.owner}";`)
    lines.push(`GRANT ALL ON FUNCTION ${routine.signature} TO "postgres";`)
  }
  for (const type of SHIM_TYPES) {
    if (type.standIn === 'vector' && !standIns.vector) continue
    if (type.owner) lines.push(`ALTER TYPE ${quoted(type.schema, type.name)} OWNER TO "${type.owner}";`)
  }
  return `${lines.join('\n')}\n`
}

const FIXTURES = readdirSync(DUMP_DIR).filter((name) => name.endsWith('.sql')).sort()

// Owners as the catalog shows them, with signatures printed schema-qualified (search_path pg_catalog).
const CATALOG_SQL = `
SELECT 'relation' AS what, n.nspname || '.' || c.relname AS name, c.relowner::regrole::text AS owner
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = ANY ($SCHEMAS) AND c.relkind IN ('r', 'p', 'v', 'S')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
UNION ALL
SELECT 'routine', p.oid::regprocedure::text, p.proowner::regrole::text
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = ANY ($SCHEMAS) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
UNION ALL
SELECT 'type', n.nspname || '.' || t.typname, t.typowner::regrole::text
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_class c ON c.oid = t.typrelid
  WHERE n.nspname = ANY ($SCHEMAS) AND t.typtype IN ('e', 'c', 'b') AND (t.typrelid = 0 OR c.relkind = 'c') AND t.typcategory <> 'A'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2`.replaceAll('$SCHEMAS', `ARRAY[${SHIM_SCHEMAS.map((schema) => `'${schema}'`).join(', ')}]`)

type Engine = PgliteEngine | ServerEngine
type EngineFactory = () => Engine
const SERVER_URL = process.env.TEST_DATABASE_URL
const ENGINES: Array<[string, EngineFactory]> = [['PGlite', () => createPgliteEngine({ supabase: true, dataDirCache: false })]]
if (SERVER_URL) ENGINES.push(['a PostgreSQL server', () => createServerEngine(SERVER_URL, { supabase: true })])
else test.todo('the shim against dump statements on a PostgreSQL server NOT RUN: TEST_DATABASE_URL is not set')

test('the shim is loaded from one file per schema, roles first and default privileges last', () => {
  expect(SUPABASE_SHIM_FILES[0]).toBe('00-roles.sql')
  expect(SUPABASE_SHIM_FILES[SUPABASE_SHIM_FILES.length - 1]).toBe('default-privileges.sql')
  // Every shim schema file has a dump fixture, except the roles file (roles are exercised by every fixture).
  expect(SUPABASE_SHIM_FILES.filter((name) => name !== '00-roles.sql').sort()).toEqual(FIXTURES)
  for (const name of SUPABASE_SHIM_FILES) {
    const head = readFileSync(new URL(`./shim/${name}`, import.meta.url), 'utf8').split('\n').slice(0, 6).join('\n')
    expect({ name, mirrors: /Mirrors: .*(as of \d{4}-\d{2})/s.test(head) }).toEqual({ name, mirrors: true })
  }
})

describe.each(ENGINES)('on %s', (_label, makeEngine) => {
  let engine: Engine
  let vectorStandIn = false
  let position = 0
  const apply = async (name: string, sql: string) => {
    position += 1
    const result = await engine.apply(await sqlMigration(`supabase/migrations/2024010100${String(position).padStart(4, '0')}_${name}.sql`, sql))
    return result.ok ? 'applied' : `${result.failure?.message} (${result.failure?.sqlstate}) at line ${result.failure?.line}`
  }

  beforeAll(async () => {
    engine = makeEngine()
    await engine.start()
    vectorStandIn = (await engine.query<{ n: number }>("select count(*)::int as n from pg_type where typname = 'vector' and typnamespace = 'extensions'::regnamespace and not exists (select 1 from pg_depend d where d.objid = pg_type.oid and d.deptype = 'e')"))[0]?.n === 1
  })

  afterAll(async () => {
    await engine.close()
  })

  test('its catalog is exactly the listed objects, each owned by the role Supabase has own it', async () => {
    await engine.query('set search_path = pg_catalog')
    const rows = await engine.query<{ what: string; name: string; owner: string }>(CATALOG_SQL)
    await engine.query('reset search_path')
    const expected = [
      ...SHIM_RELATIONS.map((relation) => ({ what: 'relation', name: `${relation.schema}.${relation.name}`, owner: relation.owner })),
      ...SHIM_ROUTINES.filter((routine) => vectorStandIn || routine.standIn !== 'vector').map((routine) => ({ what: 'routine', name: routine.signature, owner: routine.owner })),
      ...SHIM_TYPES.filter((type) => vectorStandIn || type.standIn !== 'vector').map((type) => ({ what: 'type', name: `${type.schema}.${type.name}`, owner: type.owner }))
    ]
    const byKey = (item: { what: string; name: string }) => `${item.what} ${item.name}`
    expect(rows.map(byKey).sort()).toEqual(expected.map(byKey).sort())
    const owners = new Map(rows.map((row) => [byKey(row), row.owner]))
    const wrongOwners = expected.filter((item) => item.owner !== null && owners.get(byKey(item)) !== item.owner).map((item) => `${byKey(item)}: ${owners.get(byKey(item))}, not ${item.owner}`)
    expect(wrongOwners).toEqual([])
  })

  test('an owner and a grant line for every listed table, view, sequence, function and type apply', async () => {
    expect(await apply('generated_owner_and_grants', generatedDumpStatements({ vector: vectorStandIn }))).toBe('applied')
  })

  test.each(FIXTURES)('the dump-style statements of %s apply', async (fixture) => {
    expect(await apply(fixture.replace(/\W/g, '_'), readFileSync(join(DUMP_DIR, fixture), 'utf8'))).toBe('applied')
  })
})
