// `supabase: auto`: a project is a Supabase one when supabase/config.toml exists at the
// repository root or the migrations live in a `supabase/migrations` folder.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export type SupabaseSetting = 'auto' | boolean

export function isSupabaseProject(repoDir: string, migrationsPath: string, setting: SupabaseSetting = 'auto'): boolean {
  if (setting !== 'auto') return setting
  const normalized = migrationsPath.replace(/\\/g, '/').replace(/\/+$/, '')
  if (normalized === 'supabase/migrations' || normalized.endsWith('/supabase/migrations')) return true
  return existsSync(join(repoDir, 'supabase', 'config.toml'))
}
