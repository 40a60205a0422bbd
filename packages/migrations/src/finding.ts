// The one shape every check reports in (lint rules, file checks, history checks, a failed
// apply), so the action can turn any of them into an annotation and a summary row.

export type Severity = 'error' | 'warning'

export interface Finding {
  /** Stable kebab-case name: a lint rule, or a fixed check such as `syntax-error`. */
  rule: string
  severity: Severity
  /** Path relative to the repository root, with forward slashes. */
  file: string
  /** 1-based. */
  line: number
  /** 1-based, in characters (Unicode code points). */
  column: number
  /** What is wrong, naming the object. */
  message: string
  /** One line: why this matters. */
  why: string
  /** What to do about it, phrased as an instruction. */
  fix: string
  /** The statement can lose data (drops, truncates, unqualified deletes...). */
  destructive: boolean
  /** For a failed apply: the Postgres error code. */
  sqlstate?: string
  /**
   * Whether this finding can fail the step. Set by `validateMigrations`: false for a
   * migration already on the base branch and unchanged (contract: those never fail).
   */
  blocking?: boolean
}
