// Extensions a Supabase database runs that the embedded engine or a stock PostgreSQL
// lacks. The shim (shim/<schema>.sql) creates the schemas, tables and functions migrations
// use from them (recording calls, doing nothing else), and the engines skip
// `CREATE EXTENSION` for these names, reporting the statement as stood in. They are stood in even where the server has the real one: the
// shim's objects would clash with the extension's own. pgvector is the exception (see
// CONDITIONAL_STAND_INS): its stand-in exists only where the database lacks it.
export const STAND_IN_EXTENSIONS: ReadonlySet<string> = new Set([
  'pg_cron',
  'pg_net',
  'supabase_vault',
  'pgsodium',
  'pgmq',
  'pg_graphql',
  'http',
  'pgjwt',
  'pg_stat_statements',
  'pg_stat_monitor',
  'pg_jsonschema',
  'pg_hashids',
  'index_advisor',
  'pgaudit',
  'plpgsql_check',
  'pgtap',
  'pg_repack',
  'hypopg',
  'wrappers',
  'dblink',
  'vector'
])

/** Stood in only where the database cannot create the real extension. */
export const CONDITIONAL_STAND_INS: ReadonlySet<string> = new Set(['vector'])

/** Index methods of stood-in extensions: building such an index is skipped, not run. */
export const STAND_IN_INDEX_METHODS: ReadonlyMap<string, string> = new Map([
  ['hnsw', 'vector'],
  ['ivfflat', 'vector']
])
