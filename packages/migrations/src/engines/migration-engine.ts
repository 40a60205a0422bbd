// One interface over the two real databases a history is applied to: the embedded
// PostgreSQL (PGlite, the default) and a server reached with `database-url`.
import type { ParsedMigration } from '../parse/parse-migration'

export interface ApplyFailure {
  file: string
  /** 1-based, in the migration file: where Postgres says the error is, else the statement's start. */
  line: number
  column: number
  /** The Postgres error message. */
  message: string
  /** SQLSTATE, e.g. 42P01 for a missing table. */
  sqlstate: string
  detail?: string
  hint?: string
  /** Postgres' context (the PL/pgSQL line for an error inside a DO block or function). */
  where?: string
  /** 0-based index of the failing statement in the file; -1 when the file could not be run at all. */
  statementIndex: number
}

export type StatementOutcome = 'applied' | 'stood-in' | 'failed'

export interface StatementResult {
  index: number
  line: number
  column: number
  outcome: StatementOutcome
  durationMs: number
}

export interface FileApplyResult {
  path: string
  ok: boolean
  /** Statements run, in order, up to and including a failed one. */
  statements: StatementResult[]
  durationMs: number
  failure?: ApplyFailure
  /** Whether the file ran as one transaction, as the Supabase CLI runs it. */
  transactional: boolean
}

export interface MigrationEngine {
  readonly kind: 'pglite' | 'server'
  /** For the job summary, e.g. "PGlite 0.5.16 (PostgreSQL 18.6)". */
  readonly description: string
  /** Creates the throwaway database (and the Supabase shim when asked). Idempotent. */
  start(): Promise<void>
  /** Applies one migration; stops at its first failing statement. */
  apply(migration: ParsedMigration): Promise<FileApplyResult>
  /** Runs a read-only query on the applied database (the database checks read the catalog). */
  query?<T>(sql: string): Promise<T[]>
  /** Releases the database; always call it, even after a failure. */
  close(): Promise<void>
}

export interface EngineOptions {
  /** Create what a Supabase database already has before the first migration. */
  supabase: boolean
}
