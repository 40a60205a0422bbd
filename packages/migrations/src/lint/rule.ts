// What a lint rule is: a name users can put in the policy and in allow comments, a default
// severity, whether what it finds can lose data, one line of why, and a check over one
// parsed statement with what the file (and the history before it) already did.
import type { Severity } from '../finding'
import type { Statement } from '../parse/parse-migration'
import type { LintContext } from './lint-context'

export interface RuleHit {
  /** What is wrong, naming the object. */
  message: string
  /** How to fix it, as an instruction. */
  fix: string
  /** UTF-8 byte offset in the file to point at; the statement's start when absent. */
  byteOffset?: number
}

export interface Rule {
  name: string
  defaultSeverity: Severity
  destructive: boolean
  why: string
  check(statement: Statement, context: LintContext): RuleHit[]
}
