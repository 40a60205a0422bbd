// A PostgreSQL server reached with `database-url` (a service container, a Supabase CI
// database). SQL only ever runs in a throwaway database created for this run and dropped
// after it, never in the database the URL names.
import pg from 'pg'
import { randomBytes } from 'node:crypto'
import type { ParsedMigration } from '../parse/parse-migration'
import { supabaseShimSql } from '../supabase/supabase-shim'
import { applyMigrationFile } from './apply-migration-file'
import { MigrationEngineError } from './engine-error'
import type { EngineOptions, FileApplyResult, MigrationEngine } from './migration-engine'
import type { SqlSession } from './sql-session'

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '<database-url that is not a valid URL>'
  }
}

export class ServerEngine implements MigrationEngine {
  readonly kind = 'server'
  description = 'PostgreSQL server'
  /** The throwaway database's name, once started. */
  database?: string
  startInfo?: { durationMs: number }
  private admin?: pg.Client
  private client?: pg.Client
  private availableExtensions: ReadonlySet<string> = new Set()
  private readonly url: string
  private readonly options: EngineOptions

  constructor(url: string, options: EngineOptions) {
    this.url = url
    this.options = options
  }

  async start(): Promise<void> {
    if (this.client) return
    const started = performance.now()
    try {
      new URL(this.url)
    } catch {
      throw new MigrationEngineError('database-url is not a valid URL.', 'Give a URL such as postgresql://user:password@host:5432/postgres.')
    }
    this.admin = new pg.Client({ connectionString: this.url })
    try {
      await this.admin.connect()
    } catch (error) {
      this.admin = undefined
      throw new MigrationEngineError(
        `Could not connect to ${redacted(this.url)}: ${error instanceof Error ? error.message : String(error)}`,
        'Check that the server is running and reachable from the job (a service container needs its port mapped) and that the credentials are right.',
        { cause: error }
      )
    }
    const database = `change_policy_${Date.now()}_${randomBytes(4).toString('hex')}`
    try {
      await this.admin.query(`CREATE DATABASE ${database}`)
    } catch (error) {
      await this.close()
      throw new MigrationEngineError(
        `Could not create a throwaway database on ${redacted(this.url)}: ${error instanceof Error ? error.message : String(error)}`,
        'Connect as a role with CREATEDB (migrations are only ever run in a database created for the run and dropped after it).',
        { cause: error }
      )
    }
    this.database = database
    this.client = new pg.Client({ connectionString: withDatabase(this.url, database) })
    // Notices (e.g. "there is no transaction in progress") are expected and not errors.
    this.client.on('notice', () => undefined)
    await this.client.connect()
    if (this.options.supabase) await this.client.query(supabaseShimSql())
    const extensions = await this.client.query<{ name: string }>('select name from pg_available_extensions')
    this.availableExtensions = new Set(extensions.rows.map((row) => row.name))
    const version = await this.client.query<{ server_version: string }>('show server_version')
    this.description = `PostgreSQL ${version.rows[0]?.server_version ?? ''} server`.replace(/\s+/g, ' ')
    this.startInfo = { durationMs: performance.now() - started }
  }

  async apply(migration: ParsedMigration): Promise<FileApplyResult> {
    const client = this.client
    if (!client) throw new MigrationEngineError('The server engine was used before start().', 'Call start() first.')
    const session: SqlSession = {
      exec: async (sql) => {
        await client.query(sql)
      },
      rows: async <T>(sql: string) => (await client.query(sql)).rows as T[]
    }
    return applyMigrationFile(session, migration, { supabase: this.options.supabase, availableExtensions: this.availableExtensions })
  }

  async query<T>(sql: string): Promise<T[]> {
    if (!this.client) throw new MigrationEngineError('The server engine was used before start().', 'Call start() first.')
    return (await this.client.query(sql)).rows as T[]
  }

  async close(): Promise<void> {
    const client = this.client
    const admin = this.admin
    this.client = undefined
    this.admin = undefined
    await client?.end().catch(() => undefined)
    if (admin) {
      if (this.database) await admin.query(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`).catch(() => undefined)
      this.database = undefined
      await admin.end().catch(() => undefined)
    }
  }
}

export function createServerEngine(databaseUrl: string, options: EngineOptions): ServerEngine {
  return new ServerEngine(databaseUrl, options)
}
