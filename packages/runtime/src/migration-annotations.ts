import * as core from '@actions/core'
import type { MigrationFindingView } from './summaries/migration-summary'

// GitHub shows at most ten annotations of each level per step; the rest only reach the
// log. Findings on the base history can run to hundreds in dump-style projects, so those
// (which never fail the change and are not in the diff) are capped; the summary lists all.
const BASE_NOTICES_SHOWN = 20

function properties(finding: MigrationFindingView): core.AnnotationProperties {
  return { title: finding.rule, file: finding.file, startLine: finding.line, startColumn: finding.column }
}

function text(finding: MigrationFindingView): string {
  return `${finding.message}\nWhy: ${finding.why}\nFix: ${finding.fix}`
}

/**
 * One annotation per finding on the line it is about, titled with the rule's name, so the
 * pull request's diff shows it where the SQL is: an error or a warning as the finding's
 * severity says for new and edited migrations (errors first), a notice for findings on
 * migrations already on the base branch.
 */
export function annotateMigrationFindings(findings: readonly MigrationFindingView[]): void {
  const inChange = findings.filter((finding) => finding.blocking !== false)
  for (const finding of inChange.filter((f) => f.severity === 'error')) core.error(text(finding), properties(finding))
  for (const finding of inChange.filter((f) => f.severity === 'warning')) core.warning(text(finding), properties(finding))
  const base = findings.filter((finding) => finding.blocking === false)
  for (const finding of base.slice(0, BASE_NOTICES_SHOWN)) core.notice(`On a migration already on the base branch (never fails the change): ${text(finding)}`, properties(finding))
  if (base.length > BASE_NOTICES_SHOWN) core.info(`${base.length - BASE_NOTICES_SHOWN} more findings on base migrations are listed in the job summary.`)
}
