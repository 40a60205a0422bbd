// The contrib extensions the embedded engine can load: those Supabase offers that PGlite
// ships. Each loaded bundle costs start-up time (all 18: about 0.4 s more than two), so an
// engine loads only those the history creates plus the two the shim installs; a dumped
// data directory is keyed by that set, since it only starts again with the same bundles.
// Static imports, so a bundler sees every file.
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { citext } from '@electric-sql/pglite/contrib/citext'
import { cube } from '@electric-sql/pglite/contrib/cube'
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance'
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch'
import { hstore } from '@electric-sql/pglite/contrib/hstore'
import { intarray } from '@electric-sql/pglite/contrib/intarray'
import { isn } from '@electric-sql/pglite/contrib/isn'
import { lo } from '@electric-sql/pglite/contrib/lo'
import { ltree } from '@electric-sql/pglite/contrib/ltree'
import { moddatetime } from '@electric-sql/pglite/contrib/moddatetime'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import { seg } from '@electric-sql/pglite/contrib/seg'
import { tablefunc } from '@electric-sql/pglite/contrib/tablefunc'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp'

export const PGLITE_EXTENSIONS = {
  btree_gin,
  btree_gist,
  citext,
  cube,
  earthdistance,
  fuzzystrmatch,
  hstore,
  intarray,
  isn,
  lo,
  ltree,
  moddatetime,
  pg_trgm,
  pgcrypto,
  seg,
  tablefunc,
  unaccent,
  uuid_ossp
}

type BundleKey = keyof typeof PGLITE_EXTENSIONS

/** Extension names as CREATE EXTENSION spells them. */
export const PGLITE_EXTENSION_NAMES: ReadonlySet<string> = new Set(Object.keys(PGLITE_EXTENSIONS).map((key) => key.replace('uuid_ossp', 'uuid-ossp')))

/** Always loaded: the shim installs them, as Supabase does. */
const BASE_EXTENSIONS = ['uuid-ossp', 'pgcrypto']

/** The bundles to load for these extension names (unknown names are left to fail in Postgres). */
export function pgliteBundlesFor(names: Iterable<string>): Partial<typeof PGLITE_EXTENSIONS> {
  const bundles: Partial<typeof PGLITE_EXTENSIONS> = {}
  for (const name of [...BASE_EXTENSIONS, ...names]) {
    const key = name.replace('-', '_') as BundleKey
    if (key in PGLITE_EXTENSIONS) Object.assign(bundles, { [key]: PGLITE_EXTENSIONS[key] })
  }
  return bundles
}
