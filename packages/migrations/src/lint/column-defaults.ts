// Whether adding a column rewrites the table. Since Postgres 11, ADD COLUMN with a default
// stores the default once in the catalog and rewrites nothing, as long as the default is not
// volatile: a volatile default (random(), gen_random_uuid(), clock_timestamp(), a sequence's
// nextval) must be computed per row, so Postgres rewrites every row under ACCESS EXCLUSIVE.
// https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES
// Functions of the database's own (a user's function) cannot be judged from the text: they
// are returned as `unknownFunctions` for the database check, which reads pg_proc.provolatile.
import type { ColumnDef, Node } from 'libpg-query'
import { nameList, nodeAs } from '../parse/ast-nodes'

/** Built-in and Supabase-provided functions that are VOLATILE (pg_proc.provolatile = 'v'). */
const VOLATILE_FUNCTIONS = new Set([
  'random',
  'random_normal',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'gen_salt',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'setval',
  'txid_current',
  'pg_current_xact_id',
  'setseed'
])

/** Built-in functions that are STABLE or IMMUTABLE: a default made of them is stored once. */
const NON_VOLATILE_FUNCTIONS = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_setting',
  'to_jsonb',
  'jsonb_build_object',
  'json_build_object',
  'jsonb_build_array',
  'array',
  'lower',
  'upper',
  'concat',
  'coalesce',
  'make_interval',
  'to_timestamp',
  'timezone',
  'date_trunc',
  'auth.uid',
  'auth.role',
  'auth.jwt',
  'auth.email'
])

const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2'])

export interface DefaultVolatility {
  /** Why the column's value is computed per row (and the table rewritten); undefined when it is not known to be. */
  volatile?: string
  /** Functions in the default that are neither known volatile nor known stable. */
  unknownFunctions: string[]
}

function functionNames(node: unknown, into: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) functionNames(item, into)
    return
  }
  if (node === null || typeof node !== 'object') return
  const call = nodeAs(node as Node, 'FuncCall')
  if (call) {
    const names = nameList(call.funcname)
    into.push(names.filter((name) => name !== 'pg_catalog').join('.'))
  }
  for (const value of Object.values(node)) functionNames(value, into)
}

/** What makes an added column's value per-row, from its definition alone. */
export function defaultVolatility(column: ColumnDef | undefined): DefaultVolatility {
  if (!column) return { unknownFunctions: [] }
  const typeName = nameList(column.typeName?.names).pop() ?? ''
  if (SERIAL_TYPES.has(typeName)) return { volatile: `${typeName} (its default is nextval())`, unknownFunctions: [] }
  const constraints = (column.constraints ?? []).map((constraint) => nodeAs(constraint, 'Constraint'))
  if (constraints.some((constraint) => constraint?.contype === 'CONSTR_IDENTITY')) return { volatile: 'an identity column (each row gets the next sequence value)', unknownFunctions: [] }
  const generated = constraints.find((constraint) => constraint?.contype === 'CONSTR_GENERATED')
  // Stored generated columns are computed for every existing row; virtual ones (Postgres 18) are not.
  if (generated && generated.generated_kind !== 'v' && !/\bvirtual\b/i.test(JSON.stringify(generated))) return { volatile: 'a stored generated column (computed for every row)', unknownFunctions: [] }
  const expression = constraints.find((constraint) => constraint?.contype === 'CONSTR_DEFAULT')?.raw_expr
  if (!expression) return { unknownFunctions: [] }
  const names: string[] = []
  functionNames(expression, names)
  const volatile = names.find((name) => VOLATILE_FUNCTIONS.has(name.split('.').pop() ?? name))
  if (volatile) return { volatile: `the volatile default ${volatile}()`, unknownFunctions: [] }
  const unknownFunctions = [...new Set(names.filter((name) => !NON_VOLATILE_FUNCTIONS.has(name) && !NON_VOLATILE_FUNCTIONS.has(name.split('.').pop() ?? name)))]
  return { unknownFunctions }
}

/** Why adding this column rewrites the table, when that is known from the text. */
export function volatileDefaultOf(column: ColumnDef | undefined): string | undefined {
  return defaultVolatility(column).volatile
}
