import type { AuditedChange, AuditReport } from './audit-report-types'

/** The columns, each with the control it evidences (README: ISO 27001 A.8.32, SOC 2 CC8.1). */
export const AUDIT_COLUMNS: ReadonlyArray<{ name: string; value: (c: AuditedChange) => string }> = [
  { name: 'pull_request', value: (c) => String(c.pullRequest) },
  { name: 'title', value: (c) => c.title },
  { name: 'url', value: (c) => c.url },
  { name: 'author', value: (c) => c.author },
  { name: 'base', value: (c) => c.baseRef },
  { name: 'change_type', value: (c) => c.changeType },
  { name: 'controls', value: (c) => c.controls.join(' ') },
  { name: 'approvers', value: (c) => c.approvals.map((a) => a.user).join(' ') },
  { name: 'approved_at', value: (c) => c.approvals.map((a) => a.at).join(' ') },
  { name: 'approved_at_merge', value: (c) => String(c.approvedAtMerge) },
  { name: 'checks', value: (c) => c.checks.map((k) => `${k.name}:${k.conclusion}`).join(' ') },
  { name: 'merged_at', value: (c) => c.mergedAt },
  { name: 'merged_by', value: (c) => c.mergedBy ?? '' },
  { name: 'deployed_sha', value: (c) => c.deployment.sha ?? '' },
  { name: 'deployed_at', value: (c) => c.deployment.at },
  { name: 'change_request', value: (c) => (c.changeRequest?.issue ? String(c.changeRequest.issue) : '') },
  { name: 'justification', value: (c) => c.changeRequest?.justification ?? '' },
  { name: 'impact', value: (c) => c.changeRequest?.impact ?? '' },
  { name: 'review_issue', value: (c) => (c.review?.issue ? String(c.review.issue) : '') },
  { name: 'review_due_at', value: (c) => c.review?.dueAt ?? '' },
  { name: 'review_completed_at', value: (c) => c.review?.completedAt ?? '' },
  { name: 'review_status', value: (c) => c.review?.status ?? '' }
]

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
function csvField(value: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet: the text is kept, made inert.
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert
}

export function renderAuditCsv(report: AuditReport): string {
  const rows = [AUDIT_COLUMNS.map((c) => c.name), ...report.changes.map((change) => AUDIT_COLUMNS.map((c) => c.value(change)))]
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

export function renderAuditJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
}

export function renderAuditMarkdown(report: AuditReport): string {
  const byType = (type: string) => report.changes.filter((c) => c.changeType === type).length
  const lines = [
    `# Change evidence for ${report.repository}, ${report.from} to ${report.to}`,
    '',
    `${report.changes.length} merged pull requests (${byType('standard')} standard, ${byType('normal')} normal, ${byType('emergency')} emergency), ` +
      `${report.exceptions.length} exceptions. Policy ${report.policy.path} at ${report.policy.ref}${report.policy.sha ? ` (${report.policy.sha.slice(0, 12)})` : ''}. ` +
      `Rebuilt from GitHub at ${report.generatedAt} with ${report.requests.graphql} GraphQL queries and ${report.requests.rest} REST requests (${report.requests.perPullRequest.toFixed(2)} per pull request).`,
    '',
    '## Exceptions',
    ''
  ]
  if (report.exceptions.length === 0) lines.push('None.')
  else lines.push('| pull request | kind | detail |', '| --- | --- | --- |', ...report.exceptions.map((e) => `| #${e.pullRequest} | ${e.kind} | ${cell(e.detail)} |`))
  lines.push('', '## Changes', '', '| # | type | approvers (at) | approved at merge | checks | merged (by) | change request | review |', '| --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const c of report.changes) {
    const approvals = c.approvals.map((a) => `${a.user} (${a.at})`).join(', ') || 'none'
    const review = c.review ? `${c.review.issue ? `#${c.review.issue}` : 'none'} ${c.review.status}${c.review.completedAt ? ` ${c.review.completedAt}` : ''}` : ''
    const request = c.changeRequest ? `${c.changeRequest.issue ? `#${c.changeRequest.issue} ` : ''}${c.changeRequest.justification}` : ''
    lines.push(
      `| [#${c.pullRequest}](${c.url}) ${cell(c.title)} | ${c.changeType} | ${cell(approvals)} | ${c.approvedAtMerge ? 'yes' : '**no**'} | ${cell(c.checks.map((k) => `${k.name}: ${k.conclusion}`).join(', '))} | ${c.mergedAt} (${c.mergedBy ?? '?'}) | ${cell(request)} | ${cell(review)} |`
    )
  }
  return `${lines.join('\n')}\n`
}
