/** An engine could not start or stop: what failed and what to do about it. */
export class MigrationEngineError extends Error {
  readonly fix: string

  constructor(message: string, fix: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'MigrationEngineError'
    this.fix = fix
  }
}
