// The Supabase shim is plain SQL, one file per schema in shim/ beside this file, read at run
// time so it can be reviewed and run by hand (psql -f each, in this order). Each file says
// which Supabase versions it mirrors. Bundlers must ship them next to the code: ncc's asset
// relocator copies files referenced as `new URL('./shim/<file>', import.meta.url)`, so every
// file is named here literally.
// CHANGE_POLICY_SUPABASE_SHIM overrides the location: a directory holding these files.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The shim's files in the order they apply: roles first, owners and default privileges last. */
const SHIM_FILES: ReadonlyArray<readonly [string, URL]> = [
  ['00-roles.sql', new URL('./shim/00-roles.sql', import.meta.url)],
  ['extensions.sql', new URL('./shim/extensions.sql', import.meta.url)],
  ['auth.sql', new URL('./shim/auth.sql', import.meta.url)],
  ['storage.sql', new URL('./shim/storage.sql', import.meta.url)],
  ['realtime.sql', new URL('./shim/realtime.sql', import.meta.url)],
  ['vault.sql', new URL('./shim/vault.sql', import.meta.url)],
  ['graphql_public.sql', new URL('./shim/graphql_public.sql', import.meta.url)],
  ['net.sql', new URL('./shim/net.sql', import.meta.url)],
  ['supabase_functions.sql', new URL('./shim/supabase_functions.sql', import.meta.url)],
  ['pgbouncer.sql', new URL('./shim/pgbouncer.sql', import.meta.url)],
  ['cron.sql', new URL('./shim/cron.sql', import.meta.url)],
  ['pgmq.sql', new URL('./shim/pgmq.sql', import.meta.url)],
  ['supabase_migrations.sql', new URL('./shim/supabase_migrations.sql', import.meta.url)],
  ['default-privileges.sql', new URL('./shim/default-privileges.sql', import.meta.url)]
]

/** The shim's file names, in apply order. */
export const SUPABASE_SHIM_FILES: readonly string[] = SHIM_FILES.map(([name]) => name)

let cached: string | undefined

/** The whole shim as one SQL text: the files in order, each introduced by a comment naming it. */
export function supabaseShimSql(): string {
  if (cached === undefined) {
    const override = process.env.CHANGE_POLICY_SUPABASE_SHIM
    cached = SHIM_FILES.map(([name, url]) => `-- shim/${name}\n${readFileSync(override ? join(override, name) : url, 'utf8')}`).join('\n')
  }
  return cached
}
