// gate-deploy's job summary, written for an auditor to print: the decision first, then each
// pull request deployed (type, approvers with their times, checks, change request), where
// every commit came from, the freezes, and for a rollback the schema left behind.
import type { GateMode } from '@change-policy/policy'
import { code, escapeMarkdown, table } from '../markdown'
import type { GateRun } from '../gate/gate-run'

export interface DeploySummaryInput {
  run: GateRun
  mode: GateMode
  environment: string
  /** The deployment the gate recorded, if it could. */
  deploymentId: number | null
}

const OUTCOME_MARK = { success: '✅', missing: '❌ missing', pending: '⏳ pending', failed: '❌ failed', cancelled: '❌ cancelled', skipped: '❌ skipped', 'wrong-app': '❌ wrong app' } as const

export function renderDeploySummary(input: DeploySummaryInput): string {
  const { run } = input
  const verdict = run.decision.allowed ? 'allowed' : 'refused'
  const lines: string[] = [
    `## gate-deploy: ${verdict}`,
    '',
    `${input.mode === 'rollback' ? 'Rollback' : 'Deploy'} of ${code(run.sha)} to **${escapeMarkdown(input.environment)}** from ${code(run.branch)}: **${verdict.toUpperCase()}**.`,
    '',
    ...run.decision.reasons.map((r) => `- ${escapeMarkdown(r)}`),
    ''
  ]

  lines.push('### Pull requests deployed', '')
  if (run.judged.length === 0) lines.push('None.', '')
  for (const { judgement: pr, laterLabels } of run.judged) {
    lines.push(`#### #${pr.number} ${escapeMarkdown(pr.title)}`, '')
    const approvers = pr.approvals.approvals.map((a) => `${escapeMarkdown(a.user)} at ${a.at} on ${code(a.commit.slice(0, 7))}`)
    const rows: string[][] = [
      ['Change type', pr.changeType],
      ['Controls', pr.controls.length > 0 ? pr.controls.map(escapeMarkdown).join(', ') : 'none'],
      ['Merged', `${pr.mergedAt} as ${code(pr.mergeCommitSha.slice(0, 7))} (head ${code(pr.headSha.slice(0, 7))})`],
      ['Approvers at merge', approvers.length > 0 ? approvers.join('; ') : 'none'],
      ['Approval requirements', pr.approvals.requirements.map((r) => `${r.satisfied ? '✅' : '❌'} ${escapeMarkdown(r.explanation)}`).join('<br>') || 'none'],
      ['Checks', pr.checks.map((c) => `${OUTCOME_MARK[c.outcome]} ${code(c.name)}${c.app ? ` (app ${escapeMarkdown(c.app)})` : ''}`).join('<br>') || 'none required'],
      ['Change request', pr.changeRequest === null ? 'not required' : pr.changeRequest.record ? `#${pr.changeRequest.record.issue} ${escapeMarkdown(pr.changeRequest.record.title)}` : `❌ ${escapeMarkdown(pr.changeRequest.missing.join(' '))}`]
    ]
    if (pr.lateApprovals.length > 0) rows.push(['After the merge (not counted)', pr.lateApprovals.map((r) => `${escapeMarkdown(r.user)} at ${r.submittedAt}`).join('; ')])
    if (laterLabels.length > 0) rows.push(['Labels added after the merge (ignored)', laterLabels.map(escapeMarkdown).join(', ')])
    lines.push(table(['', ''], rows), '')
  }

  lines.push('### Commits', '', escapeMarkdown(run.range.note), '')
  lines.push(table(['Commit', 'Pull request', 'How it came', 'Covered'], run.provenance.commits.map((c) => [code(c.sha.slice(0, 7)), c.pullRequest === null ? '—' : `#${c.pullRequest}`, escapeMarkdown(c.explanation), c.covered ? '✅' : '❌'])), '')

  lines.push('### Freeze', '', escapeMarkdown(run.freeze.explanation), '')
  if (input.mode === 'rollback') lines.push('Freezes do not stop a rollback.', '')

  if (run.rollback) {
    lines.push('### Database after the rollback', '')
    if (run.rollback.migrations.length === 0) lines.push(`No migration was added or changed between ${code(run.rollback.target.slice(0, 7))} and ${code(run.rollback.head.slice(0, 7))}.`, '')
    else {
      lines.push(`These migrations stay applied (the database does not roll back with the code):`, '')
      lines.push(table(['Migration', 'Destructive'], run.rollback.migrations.map((m) => [code(m.path), m.destructive.length > 0 ? `❌ ${escapeMarkdown(m.destructive.join('; '))}` : 'no'])), '')
    }
  }

  const source = run.loaded.source
  lines.push('### Record', '')
  lines.push(`Policy ${code(source.path)} at ${code(source.ref)}${source.sha ? ` (blob ${code(source.sha.slice(0, 7))})` : ' (built-in defaults)'}.`)
  lines.push(input.deploymentId === null ? 'No deployment was recorded.' : `Recorded as deployment ${input.deploymentId} (${run.decision.allowed ? 'success' : 'failure'}).`, '')
  return lines.join('\n')
}
