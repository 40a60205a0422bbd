// The Supabase shim is plain SQL kept in shim.sql beside this file, read at run time so it
// can be reviewed and run by hand (psql -f). Bundlers must ship it next to the code:
// ncc's asset relocator copies files referenced as `new URL('./shim.sql', import.meta.url)`.
// CHANGE_POLICY_SUPABASE_SHIM overrides the location (a bundle that put it elsewhere).
import { readFileSync } from 'node:fs'

let cached: string | undefined

export function supabaseShimSql(): string {
  if (cached === undefined) {
    const override = process.env.CHANGE_POLICY_SUPABASE_SHIM
    cached = readFileSync(override ? override : new URL('./shim.sql', import.meta.url), 'utf8')
  }
  return cached
}
