import type { PolicySource, Problem } from '@change-policy/policy'
import type { Finding, MigrationReport, SchemaChange } from '@change-policy/migrations'
import { code, details, escapeMarkdown, table } from '../markdown'

// Type-only: the summary shows @change-policy/migrations' report, but runtime (shared by
// every action) must not bundle its parser or embedded PostgreSQL, and `import type` is erased.
export type MigrationFindingView = Finding
export type SchemaChangeView = SchemaChange
export type MigrationReportView = MigrationReport

export interface MigrationSummaryInput {
  report: MigrationReportView
  /** The migrations folder. */
  path: string
  /** The lowest severity that fails the change. */
  failOn: 'error' | 'warning'
  /** The base ref as given (a branch, a commit), when there was one. */
  baseRef?: string
  policy: PolicySource
  warnings?: Problem[]
  /** A link to a file as the change has it (the head commit on GitHub); absent locally. */
  fileUrl?: (path: string) => string
}

// The job summary is capped at 1 MiB: long lists are cut, with a count of what was left out.
const ROWS_SHOWN = 100

const RANK = { warning: 1, error: 2 } as const

/** Whether a finding fails the change: on a new or edited migration (or the history) and at or above fail-on. */
export function findingFails(finding: MigrationFindingView, failOn: 'error' | 'warning'): boolean {
  return finding.blocking !== false && RANK[finding.severity] >= RANK[failOn]
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function where(finding: MigrationFindingView): string {
  return code(`${finding.file}:${finding.line}:${finding.column}`)
}

/** A finding's verdict as a short word with an icon: whether it fails the change, and its severity. */
function verdict(finding: MigrationFindingView, failOn: 'error' | 'warning'): string {
  return findingFails(finding, failOn) ? `❌ ${finding.severity}` : `⚠️ ${finding.severity}`
}

/** The finding and its fix in one cell: at about 1,000 px five columns squeeze the text to a word a line. */
function findingCell(finding: MigrationFindingView): string {
  const destructive = finding.destructive ? ' **(destructive)**' : ''
  return `${escapeMarkdown(finding.message)}${destructive}<br>**Fix:** ${escapeMarkdown(finding.fix)}`
}

function fileHeading(path: string, fileUrl: MigrationSummaryInput['fileUrl']): string {
  return fileUrl === undefined ? `#### ${code(path)}` : `#### [${code(path)}](${fileUrl(path)})`
}

/**
 * Findings grouped by file: the path once, as a heading that links to the file, then a row a
 * finding with its line, its rule and verdict, and the finding with its fix. A full path with
 * line and column in every row filled half the summary's width.
 */
function findingsByFile(findings: MigrationFindingView[], failOn: 'error' | 'warning', fileUrl: MigrationSummaryInput['fileUrl']): string {
  const shown = findings.slice(0, ROWS_SHOWN)
  const files = new Map<string, MigrationFindingView[]>()
  for (const finding of shown) files.set(finding.file, [...(files.get(finding.file) ?? []), finding])
  const sections = [...files].map(([path, inFile]) => {
    const rows = inFile.map((f) => [`${f.line}:${f.column}`, `${verdict(f, failOn)}<br>${code(f.rule)}`, findingCell(f)])
    return `${fileHeading(path, fileUrl)}

${table(['line', 'rule', 'finding and fix'], rows)}`
  })
  const more = findings.length > ROWS_SHOWN ? `\n\n…and ${findings.length - ROWS_SHOWN} more.` : ''
  return `${sections.join('\n\n')}${more}`
}

/** One line of why per rule that fired, so the table stays readable. */
function whyList(findings: MigrationFindingView[]): string {
  const seen = new Map<string, string>()
  for (const finding of findings) if (!seen.has(finding.rule)) seen.set(finding.rule, finding.why)
  return [...seen].map(([rule, why]) => `- ${code(rule)}: ${escapeMarkdown(why)}`).join('\n')
}

function dataDirWords(source: 'prebuilt' | 'cache' | 'cold' | undefined): string {
  if (source === 'prebuilt') return ', from the data directory shipped with the action'
  if (source === 'cache') return ', from the data directory cached on this runner'
  if (source === 'cold') return ', cold (initdb)'
  return ''
}

function applyParagraph(report: MigrationReportView): string {
  const apply = report.apply
  if (!apply) return 'The history was not applied to a database.'
  const total = report.files.length
  const engine = `${escapeMarkdown(apply.description)}${report.supabase ? ' with the Supabase shim' : ''}`
  const timing = `in ${seconds(apply.startupMs + apply.applyMs)} (start-up ${seconds(apply.startupMs)}${dataDirWords(apply.dataDir)}; statements ${seconds(apply.applyMs)})`
  const stoodIn = apply.stoodIn ? `, ${plural(apply.stoodIn, 'statement')} skipped for a Supabase stand-in extension` : ''
  const lines = [`Applied ${report.applied} of ${plural(total, 'migration file')} (${plural(apply.statements, 'statement')}${stoodIn}) to ${engine} ${timing}.`]
  if (apply.failure) {
    const f = apply.failure
    lines.push('')
    lines.push(`> [!CAUTION]\n> The history stopped at ${code(`${f.file}:${f.line}:${f.column}`)}: Postgres error ${code(f.sqlstate || '?')}: ${escapeMarkdown(f.message)}`)
  }
  return lines.join('\n')
}

function changeLine(change: SchemaChangeView): string {
  const verb = change.action === 'create' ? 'creates' : change.action === 'alter' ? 'alters' : 'drops'
  const detail = change.detail ? `: ${escapeMarkdown(change.detail)}` : ''
  return `- line ${change.line}: ${change.action === 'drop' ? '**drops**' : verb} ${change.kind} ${code(change.name)}${detail}`
}

/**
 * The job summary of a migration check, as Markdown: the verdict, what was applied to which
 * database and how long it took, the findings that fail the change, those on the base
 * history that never do, silenced findings, and what each new or edited migration changes.
 * The local command prints the same text.
 */
export function renderMigrationSummary(input: MigrationSummaryInput): string {
  const { report, failOn } = input
  const out: string[] = []
  const failing = report.findings.filter((finding) => findingFails(finding, failOn))
  const changeFindings = report.findings.filter((finding) => finding.blocking !== false)
  const baseFindings = report.findings.filter((finding) => finding.blocking === false)
  out.push(report.valid ? '## Migrations: valid' : `## Migrations: invalid (${plural(failing.length, 'problem')})`)
  out.push('')
  for (const warning of input.warnings ?? []) {
    out.push(`> [!WARNING]\n> ${escapeMarkdown(warning.message)}${warning.fix ? ` ${escapeMarkdown(warning.fix)}` : ''}`)
    out.push('')
  }
  const policy = input.policy.defaulted
    ? `Policy: built-in defaults (no ${code(input.policy.path)} on ${code(input.policy.ref)}).`
    : `Policy: ${code(input.policy.path)} at ${code(input.policy.ref)}${input.policy.sha ? ` (blob ${code(input.policy.sha.slice(0, 7))})` : ''}.`
  const base = input.baseRef
    ? `Compared with ${code(input.baseRef)}${report.baseCommit ? ` (${code(report.baseCommit.slice(0, 7))})` : ''}`
    : 'No base ref: every migration counts as new'
  const counts = [
    plural(report.newMigrations.length, 'new migration'),
    `${report.editedMigrations.length} edited`,
    `${report.deletedMigrations.length} deleted`
  ].join(', ')
  out.push(`${policy} Migrations in ${code(input.path)}, failing on ${failOn === 'error' ? 'errors' : 'errors and warnings'}.`)
  out.push('')
  out.push(`${base}: ${counts}.${report.destructive ? ' **This change can lose data.**' : ''}`)
  out.push('')
  out.push(applyParagraph(report))
  out.push('')
  out.push(`Read and checked ${plural(report.files.length, 'file')} in ${seconds(report.timings.historyMs + report.timings.parseMs + report.timings.lintMs)}; ${seconds(report.timings.totalMs)} in all.`)
  out.push('')

  out.push(`### Findings in this change (${changeFindings.length})`)
  out.push('')
  if (changeFindings.length === 0) out.push('None.')
  else {
    out.push(findingsByFile(changeFindings, failOn, input.fileUrl))
    out.push('')
    out.push(details('Why these rules exist', whyList(changeFindings)))
  }
  out.push('')

  if (baseFindings.length) {
    out.push(`### Findings on migrations already on the base branch (${baseFindings.length}, reported, never failing)`)
    out.push('')
    out.push(details(`${plural(baseFindings.length, 'finding')} on unchanged migrations`, findingsByFile(baseFindings, failOn, input.fileUrl)))
    out.push('')
  }

  if (report.silenced.length) {
    out.push(`### Silenced by allow comments (${report.silenced.length})`)
    out.push('')
    const rows = report.silenced.slice(0, ROWS_SHOWN).map((finding) => [where(finding), code(finding.rule), `${escapeMarkdown(finding.message)}${finding.destructive ? ' **(destructive)**' : ''}`])
    out.push(table(['where', 'rule', 'finding'], rows))
    if (report.silenced.length > ROWS_SHOWN) out.push(`\n…and ${report.silenced.length - ROWS_SHOWN} more.`)
    out.push('')
  }

  const changed = report.files.filter((file) => file.status !== 'unchanged')
  if (changed.length || report.deletedMigrations.length) {
    out.push('### What the new and edited migrations change')
    out.push('')
    for (const file of changed.slice(0, ROWS_SHOWN)) {
      const state = `${file.status}${file.applied ? ', applied' : ', not applied'}`
      out.push(`${fileHeading(file.path, input.fileUrl)} (${state})`)
      out.push('')
      if (file.schemaChanges.length === 0) out.push('No schema objects created, altered or dropped.')
      else {
        const shown = file.schemaChanges.slice(0, ROWS_SHOWN).map(changeLine)
        if (file.schemaChanges.length > ROWS_SHOWN) shown.push(`- …and ${file.schemaChanges.length - ROWS_SHOWN} more`)
        out.push(shown.join('\n'))
      }
      out.push('')
    }
    if (changed.length > ROWS_SHOWN) {
      out.push(`…and ${changed.length - ROWS_SHOWN} more migrations.`)
      out.push('')
    }
    for (const path of report.deletedMigrations) {
      out.push(`- ${code(path)} was **deleted**.`)
    }
    if (report.deletedMigrations.length) out.push('')
  }
  return out.join('\n')
}
