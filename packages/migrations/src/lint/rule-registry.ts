// Every lint rule, in the order findings are listed. A rule's name is public: users write it
// in the policy (`migrations.rules`) and in allow comments, so names never change.
import type { Severity } from '../finding'
import type { Rule } from './rule'
import { addingFieldWithDefault } from './rules/adding-field-with-default'
import { banConcurrentIndexCreationInTransaction } from './rules/ban-concurrent-index-creation-in-transaction'
import { preferTimestamptz } from './rules/prefer-timestamptz'
import { preferBigintOverInt } from './rules/prefer-bigint-over-int'
import { preferIdentity } from './rules/prefer-identity'
import { preferTextField } from './rules/prefer-text-field'
import { banCharField } from './rules/ban-char-field'
import { banDropNotNull } from './rules/ban-drop-not-null'
import { requireStatementTimeout } from './rules/require-statement-timeout'
import { requireEnumValueOrdering } from './rules/require-enum-value-ordering'
import { requireConcurrentReindex } from './rules/require-concurrent-reindex'
import { identifierTooLong } from './rules/identifier-too-long'
import { addingNotNullableField } from './rules/adding-not-nullable-field'
import { banDeleteWithoutWhere } from './rules/ban-delete-without-where'
import { banDropColumn } from './rules/ban-drop-column'
import { banDropDatabase } from './rules/ban-drop-database'
import { banDropSchema } from './rules/ban-drop-schema'
import { banDropTable } from './rules/ban-drop-table'
import { banGrantToAnonOrPublic } from './rules/ban-grant-to-anon-or-public'
import { banTransactionControl } from './rules/ban-transaction-control'
import { banTruncate } from './rules/ban-truncate'
import { banUpdateWithoutWhere } from './rules/ban-update-without-where'
import { changingColumnType } from './rules/changing-column-type'
import { constraintMissingNotValid } from './rules/constraint-missing-not-valid'
import { disallowedUniqueConstraint } from './rules/disallowed-unique-constraint'
import { preferRobustStmts } from './rules/prefer-robust-stmts'
import { renamingColumn } from './rules/renaming-column'
import { renamingTable } from './rules/renaming-table'
import { requireConcurrentIndexCreation } from './rules/require-concurrent-index-creation'
import { requireConcurrentIndexDeletion } from './rules/require-concurrent-index-deletion'
import { requireLockTimeout } from './rules/require-lock-timeout'
import { requireRlsOnExposedTable } from './rules/require-rls-on-exposed-table'

export const STATEMENT_RULES: readonly Rule[] = [
  banDropTable,
  banDropColumn,
  banDropSchema,
  banDropDatabase,
  banTruncate,
  banDeleteWithoutWhere,
  banUpdateWithoutWhere,
  renamingColumn,
  renamingTable,
  changingColumnType,
  addingNotNullableField,
  addingFieldWithDefault,
  banDropNotNull,
  constraintMissingNotValid,
  requireConcurrentIndexCreation,
  requireConcurrentIndexDeletion,
  banConcurrentIndexCreationInTransaction,
  requireConcurrentReindex,
  disallowedUniqueConstraint,
  requireLockTimeout,
  requireStatementTimeout,
  preferRobustStmts,
  banTransactionControl,
  requireRlsOnExposedTable,
  banGrantToAnonOrPublic,
  preferTimestamptz,
  preferBigintOverInt,
  preferIdentity,
  preferTextField,
  banCharField,
  requireEnumValueOrdering,
  identifierTooLong
]

/** What the summary and docs show about a rule. */
export interface RuleInfo {
  name: string
  defaultSeverity: Severity
  destructive: boolean
  why: string
}

/** A whole-file rule: checked on the file, not on a statement. */
export const EMPTY_MIGRATION: RuleInfo = {
  name: 'empty-migration',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'An empty migration is recorded as applied but changes nothing, usually a file created and never filled in.'
}

/** Reported when an allow comment names a rule that does not exist. */
export const INVALID_SUPPRESSION: RuleInfo = {
  name: 'invalid-suppression',
  defaultSeverity: 'warning',
  destructive: false,
  why: 'An allow comment with a misspelt rule name silences nothing, so the finding it meant to acknowledge still shows.'
}

/** Rules whose severity the policy may set (`migrations.rules`: name -> error | warning | off). */
export const RULES: readonly RuleInfo[] = [...STATEMENT_RULES, EMPTY_MIGRATION, INVALID_SUPPRESSION].map(({ name, defaultSeverity, destructive, why }) => ({
  name,
  defaultSeverity,
  destructive,
  why
}))

export const RULE_NAMES: readonly string[] = RULES.map((rule) => rule.name)

/**
 * Checks that always report as errors and cannot be turned off: the file cannot be read,
 * parsed, applied, or its place in the history is wrong.
 */
export const FIXED_CHECK_NAMES: readonly string[] = [
  'file-too-large',
  'invalid-encoding',
  'syntax-error',
  'apply-failed',
  'migration-file-name',
  'duplicate-version',
  'out-of-order',
  'edited-migration',
  'deleted-migration'
]
