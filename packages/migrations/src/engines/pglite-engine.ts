// The default engine: a real PostgreSQL (18, compiled to WebAssembly) in this process,
// created fresh for each run and thrown away after. Nothing to install, nothing to reach.
import { PGlite } from '@electric-sql/pglite'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { ParsedMigration } from '../parse/parse-migration'
import { supabaseShimSql } from '../supabase/supabase-shim'
import { applyMigrationFile } from './apply-migration-file'
import { MigrationEngineError } from './engine-error'
import type { EngineOptions, FileApplyResult, MigrationEngine } from './migration-engine'
import { cachedDataDirPath, dataDirKey, readCachedDataDir, writeCachedDataDir } from './pglite-data-dir'
import { PGLITE_EXTENSION_NAMES, pgliteBundlesFor } from './pglite-extensions'
import type { SqlSession } from './sql-session'

// Bump with the @electric-sql/pglite dependency: a dump only loads into the version that made it.
const PGLITE_DATA_DIR_FORMAT = 'pglite-0.5.16'

export interface PgliteEngineOptions extends EngineOptions {
  /** Directory for cached data directory dumps; false: always start cold. Default: <os temp>/change-policy-pglite. */
  dataDirCache?: string | false
  /** A read-only directory of dumps shipped with a bundle (see buildPgliteDataDir). */
  prebuiltDataDirs?: string
  /** Extensions the history creates (extensionsCreatedBy): their bundles are loaded at start. */
  extensions?: Iterable<string>
}

export type DataDirSource = 'prebuilt' | 'cache' | 'cold'

export class PgliteEngine implements MigrationEngine {
  readonly kind = 'pglite'
  description = 'PGlite (embedded PostgreSQL)'
  /** How the last start went: where the data directory came from and how long it took. */
  startInfo?: { dataDir: DataDirSource; durationMs: number }
  private db?: PGlite
  private readonly options: PgliteEngineOptions

  private readonly bundles: ReturnType<typeof pgliteBundlesFor>

  constructor(options: PgliteEngineOptions) {
    this.options = options
    this.bundles = pgliteBundlesFor(options.extensions ?? [])
  }

  /** The cache key of the data directory this engine starts from. */
  get dataDirKey(): string {
    return dataDirKey([PGLITE_DATA_DIR_FORMAT, Object.keys(this.bundles).sort().join(','), this.options.supabase ? supabaseShimSql() : 'plain'])
  }

  async start(): Promise<void> {
    if (this.db) return
    const started = performance.now()
    const key = this.dataDirKey
    const cacheDir = this.options.dataDirCache === false ? undefined : (this.options.dataDirCache ?? join(tmpdir(), 'change-policy-pglite'))
    const candidates: Array<[DataDirSource, string]> = []
    if (this.options.prebuiltDataDirs) candidates.push(['prebuilt', cachedDataDirPath(key, this.options.prebuiltDataDirs)], ['prebuilt', `${cachedDataDirPath(key, this.options.prebuiltDataDirs)}.gz`])
    if (cacheDir) candidates.push(['cache', cachedDataDirPath(key, cacheDir)])
    for (const [source, path] of candidates) {
      const dump = readCachedDataDir(path)
      if (!dump) continue
      try {
        this.db = await PGlite.create({ loadDataDir: dump, extensions: this.bundles })
        this.startInfo = { dataDir: source, durationMs: performance.now() - started }
        break
      } catch {
        // A dump this PGlite cannot load (another version wrote it): fall back to a cold start.
        this.db = undefined
      }
    }
    if (!this.db) {
      try {
        this.db = await PGlite.create({ extensions: this.bundles })
        if (this.options.supabase) await this.db.exec(supabaseShimSql())
      } catch (error) {
        await this.close()
        throw new MigrationEngineError(
          `The embedded PostgreSQL (PGlite) did not start: ${error instanceof Error ? error.message : String(error)}`,
          'Check that the runner has about 1 GB of free memory, or give a PostgreSQL server with the database-url input.',
          { cause: error }
        )
      }
      if (cacheDir) {
        // Best effort: a read-only temp dir only costs the next run its fast start.
        await writeCachedDataDir(cachedDataDirPath(key, cacheDir), await this.db.dumpDataDir('none')).catch(() => undefined)
      }
      this.startInfo = { dataDir: 'cold', durationMs: performance.now() - started }
    }
    const version = await this.db.query<{ version: string }>('select version()')
    this.description = (version.rows[0]?.version ?? '').replace(/^PostgreSQL ([\d.]+) \((PGlite [\d.]+)\).*$/, '$2 (PostgreSQL $1)')
  }

  async apply(migration: ParsedMigration): Promise<FileApplyResult> {
    const db = this.db
    if (!db) throw new MigrationEngineError('The PGlite engine was used before start().', 'Call start() first.')
    const session: SqlSession = {
      exec: async (sql) => {
        await db.exec(sql)
      },
      rows: async <T>(sql: string) => (await db.query<T>(sql)).rows
    }
    return applyMigrationFile(session, migration, { supabase: this.options.supabase, availableExtensions: PGLITE_EXTENSION_NAMES })
  }

  /** Runs a query on the engine's database: for tests and for inspecting the result. */
  async query<T>(sql: string): Promise<T[]> {
    if (!this.db) throw new MigrationEngineError('The PGlite engine was used before start().', 'Call start() first.')
    return (await this.db.query<T>(sql)).rows
  }

  /** Dumps the started engine's data directory (before any migration) for a bundle to ship. */
  async dumpDataDir(compression: 'gzip' | 'none' = 'gzip'): Promise<Blob> {
    if (!this.db) throw new MigrationEngineError('The PGlite engine was used before start().', 'Call start() first.')
    return this.db.dumpDataDir(compression)
  }

  async close(): Promise<void> {
    // Without close() the process lingers about 10 s after its work is done.
    const db = this.db
    this.db = undefined
    if (db && !db.closed) await db.close()
  }
}

export function createPgliteEngine(options: PgliteEngineOptions): PgliteEngine {
  return new PgliteEngine(options)
}

/**
 * Writes a data directory dump (gzip) for `prebuiltDataDirs`, named by its key, so a bundle
 * can ship it and skip initdb on first start. Returns the file written.
 */
export async function buildPgliteDataDir(directory: string, options: EngineOptions & { extensions?: Iterable<string> }): Promise<string> {
  const engine = new PgliteEngine({ ...options, dataDirCache: false })
  await engine.start()
  try {
    const path = `${cachedDataDirPath(engine.dataDirKey, directory)}.gz`
    await writeCachedDataDir(path, await engine.dumpDataDir('gzip'))
    return path
  } finally {
    await engine.close()
  }
}
