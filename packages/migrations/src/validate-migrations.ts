// The whole check the validate-migration action and the local command run: read the
// history against the base ref, parse and lint every file, apply the full history to a
// fresh database, and summarise what each new migration changes. Findings on migrations
// already on the base branch and unchanged are reported but never block (contract).
import type { Finding, Severity } from './finding'
import { applyHistory } from './engines/apply-history'
import { extensionsCreatedBy } from './engines/apply-migration-file'
import type { ApplyFailure, MigrationEngine } from './engines/migration-engine'
import { createPgliteEngine, type DataDirSource, type PgliteEngineOptions } from './engines/pglite-engine'
import { createServerEngine } from './engines/server-engine'
import { readMigrationHistory, type MigrationStatus } from './history/read-migration-history'
import { lintMigrations } from './lint/lint-migration'
import type { DatabaseCheckResult } from './lint/database-checks/catalog-query'
import { DATABASE_JUDGED_RULES, runDatabaseChecks } from './lint/database-checks/run-database-checks'
import type { RuleSeverity } from './lint/rule-severities'
import { parseMigration, type ParsedMigration } from './parse/parse-migration'
import { summarizeSchemaChanges, type SchemaChange } from './schema-changes/summarize-schema-changes'
import { isSupabaseProject, type SupabaseSetting } from './supabase/detect-supabase'

export interface ValidateMigrationsOptions {
  /** The repository checkout. */
  repoDir: string
  /** Migrations folder relative to repoDir. Default: supabase/migrations (the policy's migrations.path). */
  path?: string
  /** The ref holding the deployed history (e.g. origin/main); absent: every file counts as new. */
  baseRef?: string
  /** A PostgreSQL server to apply to (in a throwaway database); absent: the embedded engine. */
  databaseUrl?: string
  supabase?: SupabaseSetting
  /** The policy's migrations.rules. */
  rules?: Readonly<Record<string, RuleSeverity>>
  /** The lowest severity that makes the result invalid. Default: error. */
  failOn?: Severity
  fileNamePattern?: RegExp
  exposedSchemas?: readonly string[]
  maxFileBytes?: number
  /** False: lint and history only, no database. Default: true. */
  apply?: boolean
  /** Data directory caching for the embedded engine. */
  pglite?: Pick<PgliteEngineOptions, 'dataDirCache' | 'prebuiltDataDirs'>
  /**
   * Scans the text of each new or edited migration for credentials (the caller brings the
   * scanner and the policy's `credentials`); its findings block like lint errors, the waived
   * ones are listed with the silenced findings.
   */
  scanCredentials?: (path: string, text: string) => Promise<{ findings: Finding[]; waived: Finding[] }>
}

export interface MigrationFileReport {
  path: string
  version?: string
  status: MigrationStatus
  /** Applied in full to the fresh database. */
  applied: boolean
  /** What the migration creates, alters and drops (listed for new and edited files). */
  schemaChanges: SchemaChange[]
}

export interface ApplyReport {
  engine: 'pglite' | 'server'
  /** E.g. "PGlite 0.5.16 (PostgreSQL 18.6)". */
  description: string
  statements: number
  /** Statements skipped because a Supabase stand-in replaces the extension they need. */
  stoodIn: number
  failure?: ApplyFailure
  startupMs: number
  applyMs: number
  /** Embedded engine only: where its data directory came from. */
  dataDir?: DataDirSource
}

export interface MigrationReport {
  /** No blocking finding at or above failOn, the history applied, its order and names hold. */
  valid: boolean
  /** Migration files applied, the base history included. */
  applied: number
  newMigrations: string[]
  editedMigrations: string[]
  deletedMigrations: string[]
  /** A new or edited migration loses data (silenced findings included: an acknowledged drop is still a drop). */
  destructive: boolean
  /** Every finding, each with `blocking` set. */
  findings: Finding[]
  /** Findings silenced by allow comments, for the summary. */
  silenced: Finding[]
  files: MigrationFileReport[]
  supabase: boolean
  baseCommit?: string
  /** Absent when apply was turned off. */
  apply?: ApplyReport
  timings: { historyMs: number; parseMs: number; lintMs: number; startupMs: number; applyMs: number; totalMs: number }
}

const RANK: Record<Severity, number> = { warning: 1, error: 2 }

function applyFailedFinding(failure: ApplyFailure): Finding {
  const extra = [failure.detail, failure.hint && `Hint: ${failure.hint}`, failure.where && `Where: ${failure.where}`].filter(Boolean).join(' ')
  return {
    rule: 'apply-failed',
    severity: 'error',
    file: failure.file,
    line: failure.line,
    column: failure.column,
    message: `${failure.sqlstate ? `Postgres error ${failure.sqlstate}: ` : ''}${failure.message}${extra ? ` (${extra})` : ''}`,
    why: 'The history is applied in order to a fresh database; a migration that fails here fails the deploy and every new environment.',
    fix: failure.hint ?? 'Fix the statement so that it applies after the migrations before it: objects it uses must be created by an earlier migration (or be part of Supabase).',
    destructive: false,
    sqlstate: failure.sqlstate || undefined,
    blocking: true
  }
}

/**
 * The database checks on the applied history, for the new and edited files. A catalog query
 * that fails leaves the file-by-file verdicts in place (they are the stricter ones).
 */
async function checkAppliedDatabase(engine: MigrationEngine, parsed: readonly ParsedMigration[], files: ReadonlyArray<{ path: string; status: MigrationStatus }>, options: ValidateMigrationsOptions): Promise<DatabaseCheckResult | undefined> {
  const query = engine.query?.bind(engine)
  if (!query) return undefined
  const changed = new Set(files.filter((file) => file.status !== 'unchanged').map((file) => file.path))
  try {
    return await runDatabaseChecks({ query, changed: parsed.filter((migration) => changed.has(migration.path)), exposedSchemas: options.exposedSchemas ?? ['public'], rules: options.rules ?? {} })
  } catch {
    return undefined
  }
}

export async function validateMigrations(options: ValidateMigrationsOptions): Promise<MigrationReport> {
  const started = performance.now()
  const path = options.path ?? 'supabase/migrations'
  const failOn = options.failOn ?? 'error'
  const supabase = isSupabaseProject(options.repoDir, path, options.supabase ?? 'auto')

  const history = await readMigrationHistory({ repoDir: options.repoDir, path, baseRef: options.baseRef, fileNamePattern: options.fileNamePattern })
  const historyMs = performance.now() - started

  const parseStarted = performance.now()
  const parsed: ParsedMigration[] = await Promise.all(history.files.map((file) => parseMigration({ path: file.path, bytes: file.bytes }, { maxBytes: options.maxFileBytes })))
  const parseMs = performance.now() - parseStarted

  const lintStarted = performance.now()
  const lint = await lintMigrations(parsed, { rules: options.rules, exposedSchemas: options.exposedSchemas })
  // Before anything is applied or printed, so that every secret is masked first.
  const credentials = { findings: [] as Finding[], waived: [] as Finding[] }
  for (const file of options.scanCredentials ? history.files.filter((f) => f.status === 'new' || f.status === 'edited') : []) {
    const scanned = await options.scanCredentials?.(file.path, file.bytes.toString('utf8'))
    credentials.findings.push(...(scanned?.findings ?? []))
    credentials.waived.push(...(scanned?.waived ?? []))
  }
  const lintMs = performance.now() - lintStarted

  let apply: ApplyReport | undefined
  let database: DatabaseCheckResult | undefined
  let appliedFiles = new Set<string>()
  if (options.apply !== false) {
    const engine: MigrationEngine = options.databaseUrl
      ? createServerEngine(options.databaseUrl, { supabase })
      : createPgliteEngine({ supabase, extensions: extensionsCreatedBy(parsed), ...options.pglite })
    const result = await applyHistory(engine, parsed, async (applied) => {
      database = await checkAppliedDatabase(applied, parsed, history.files, options)
    })
    appliedFiles = new Set(result.files.filter((file) => file.ok).map((file) => file.path))
    const startInfo = 'startInfo' in engine ? (engine.startInfo as { dataDir?: DataDirSource } | undefined) : undefined
    apply = {
      engine: engine.kind,
      description: engine.description,
      statements: result.statements,
      stoodIn: result.files.reduce((sum, file) => sum + file.statements.filter((statement) => statement.outcome === 'stood-in').length, 0),
      failure: result.failure,
      startupMs: result.startupMs,
      applyMs: result.applyMs
    }
    if (startInfo?.dataDir) apply.dataDir = startInfo.dataDir
  }

  const statusOf = new Map(history.files.map((file) => [file.path, file.status]))
  // Unchanged base files never block; edits, deletions, new files and apply failures do.
  const blocking = (finding: Finding): boolean => statusOf.get(finding.file) !== 'unchanged'
  // With the applied database in hand, its verdict replaces the file-by-file one for the change.
  const judged = (finding: Finding): boolean => database !== undefined && DATABASE_JUDGED_RULES.includes(finding.rule) && statusOf.get(finding.file) !== 'unchanged'
  const lintFindings = [...lint.findings.filter((finding) => !judged(finding)), ...(database?.findings ?? [])]
  const findings: Finding[] = [...history.findings, ...credentials.findings, ...lintFindings].map((finding) => ({ ...finding, blocking: blocking(finding) }))
  // A file that could not be read or parsed stops the history too, but its own finding
  // (syntax-error, invalid-encoding, file-too-large) already says why, at the same place.
  const unreadable = new Set(parsed.filter((migration) => migration.fatal).map((migration) => migration.path))
  if (apply?.failure && !unreadable.has(apply.failure.file)) findings.push(applyFailedFinding(apply.failure))
  const silenced = [...credentials.waived, ...lint.silenced.filter((finding) => !judged(finding)), ...(database?.silenced ?? [])].map((finding) => ({ ...finding, blocking: false }))

  const changed = new Set(history.files.filter((file) => file.status !== 'unchanged').map((file) => file.path))
  const files: MigrationFileReport[] = history.files.map((file, index) => {
    const migration = parsed[index]
    const report: MigrationFileReport = {
      path: file.path,
      status: file.status,
      applied: appliedFiles.has(file.path),
      schemaChanges: changed.has(file.path) && migration ? summarizeSchemaChanges(migration) : []
    }
    if (file.version !== undefined) report.version = file.version
    return report
  })
  const destructive = [...findings, ...silenced].some((finding) => finding.destructive && changed.has(finding.file))
  const valid = !findings.some((finding) => finding.blocking && RANK[finding.severity] >= RANK[failOn])

  const report: MigrationReport = {
    valid,
    applied: appliedFiles.size,
    newMigrations: history.files.filter((file) => file.status === 'new').map((file) => file.path),
    editedMigrations: history.files.filter((file) => file.status === 'edited').map((file) => file.path),
    deletedMigrations: history.deleted,
    destructive,
    findings,
    silenced,
    files,
    supabase,
    timings: { historyMs, parseMs, lintMs, startupMs: apply?.startupMs ?? 0, applyMs: apply?.applyMs ?? 0, totalMs: performance.now() - started }
  }
  if (history.baseCommit) report.baseCommit = history.baseCommit
  if (apply) report.apply = apply
  return report
}
