// The little the apply logic needs from a database connection; PGlite and pg both fit.

export interface SqlSession {
  /** Runs SQL with the simple query protocol (one or more statements, no parameters). */
  exec(sql: string): Promise<void>
  /** Runs one query and returns its rows. */
  rows<T>(sql: string): Promise<T[]>
}

/** The fields Postgres errors carry, as both PGlite and pg expose them. */
export interface PostgresErrorFields {
  message: string
  code?: string
  position?: string
  detail?: string
  hint?: string
  where?: string
}

export function asPostgresError(error: unknown): PostgresErrorFields | undefined {
  if (!(error instanceof Error)) return undefined
  const code: unknown = (error as Error & { code?: unknown }).code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? (error as PostgresErrorFields) : undefined
}
