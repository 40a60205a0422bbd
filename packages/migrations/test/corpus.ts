// The hand-written Supabase corpus under test/corpus, parsed, for engine and validation tests.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { parseMigration, type ParsedMigration } from '../src/parse/parse-migration'

export const CORPUS_DIR = fileURLToPath(new URL('./corpus', import.meta.url))
export const CORPUS_MIGRATIONS_DIR = join(CORPUS_DIR, 'supabase', 'migrations')

export async function corpusMigrations(): Promise<ParsedMigration[]> {
  const names = readdirSync(CORPUS_MIGRATIONS_DIR).filter((name) => name.endsWith('.sql')).sort()
  return Promise.all(names.map((name) => parseMigration({ path: `supabase/migrations/${name}`, bytes: readFileSync(join(CORPUS_MIGRATIONS_DIR, name)) })))
}

export function sqlMigration(path: string, sql: string): Promise<ParsedMigration> {
  return parseMigration({ path, bytes: Buffer.from(sql, 'utf8') })
}
