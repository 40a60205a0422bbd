import { EMERGENCY_CHANGE_REQUEST_NOTICE, type ApprovalEvaluation, type IgnoredReview, type PolicySource, type Problem, type RequirementEvaluation } from '@change-policy/policy'
import { code, escapeMarkdown, table } from '../markdown'
import { changeRequestRow, renderChangeRequestSection, type ChangeRequestView } from './change-request-summary'

/** One row of the requirements table. Markdown in every cell; extra rows (a change request, later) use the same shape. */
export interface RequirementRow {
  requirement: string
  needs: string
  satisfiedBy: string
  missing: string
}

export type AutoMergeOutcome = 'enabled' | 'eligible' | 'no'

export interface ApprovalSummaryInput {
  evaluation: ApprovalEvaluation
  pullRequest: number
  headSha: string
  policy: PolicySource
  changeTypeFrom: 'classified' | 'input'
  /** When the step is set not to fail on missing approvals. */
  failOnMissing: boolean
  autoMerge: { outcome: AutoMergeOutcome; detail: string }
  warnings?: Problem[]
  /** What the GitHub layer could not gather, one sentence each. */
  notes?: string[]
  /** Merge commits judged for `ignore-base-updates`. */
  baseMerges?: { sha: string; onlyMergesBase: boolean; reason: string }[]
  /** Requirements beyond approvals, appended to the table as they are. */
  extraRequirements?: RequirementRow[]
  /** The change request, judged: one more requirement row, its own section, and its missing items. */
  changeRequest?: ChangeRequestView
  /** The commit status written, if any. */
  status?: { context: string; state: string; sha: string }
}

const TYPE_TITLE = { standard: 'Standard', normal: 'Normal', emergency: 'Emergency' } as const

const REASON_TITLE: Record<IgnoredReview['reason'], string> = {
  stale: 'stale',
  self: 'self-approval',
  bot: 'bot',
  'no-write': 'no write access',
  'pushed-after': 'pushed after approving',
  'not-in-reviewers': 'not a listed reviewer',
  dismissed: 'dismissed'
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function who(reviewers: readonly string[]): string {
  return reviewers.length === 0 ? 'anyone with write access' : reviewers.map(code).join(' or ')
}

/** The rows of the approval requirements: every change-type row, and each control that asks for approvals. */
export function approvalRequirementRows(evaluation: ApprovalEvaluation): RequirementRow[] {
  return evaluation.requirements
    .filter((r) => r.requirement.source === 'change-type' || r.requirement.approvals > 0)
    .map((r: RequirementEvaluation) => {
      const { requirement } = r
      const name = requirement.source === 'change-type' ? `${TYPE_TITLE[evaluation.changeType]} change` : `control ${code(requirement.name)}`
      return {
        requirement: name,
        needs: requirement.approvals <= 0 ? 'no approval' : `${plural(requirement.approvals, 'approval')} from ${who(requirement.reviewers)}`,
        satisfiedBy: r.satisfiedBy.length > 0 ? r.satisfiedBy.map(code).join(', ') : '—',
        missing: r.missing > 0 ? `${r.missing} more from ${who(requirement.reviewers)}` : '—'
      }
    })
}

/** The commit status's one line (GitHub keeps 140 characters of it). */
export function approvalStatusLine(evaluation: ApprovalEvaluation, changeRequest?: { satisfied: boolean; missing: string[] }): string {
  if (!evaluation.satisfied) return evaluation.missing[0] ?? 'Not approved'
  if (changeRequest && !changeRequest.satisfied) return changeRequest.missing[0] ?? 'No change request'
  if (evaluation.reviewOwedAfterDeployment) {
    return `Emergency: ${evaluation.approvals.length === 0 ? 'no approval yet' : 'expedited approval'}; post-deployment review owed`
  }
  return evaluation.approvals.length > 0 ? `Approved by ${evaluation.approvals.map((a) => a.user).join(', ')}` : 'No approval needed'
}

function policyLine(policy: PolicySource): string {
  if (policy.defaulted) return `built-in defaults (no ${code(policy.path)} on ${code(policy.ref)})`
  return `${code(policy.path)} at ${code(policy.ref)}${policy.sha ? ` (blob ${code(policy.sha.slice(0, 7))})` : ''}`
}

function verdict(input: ApprovalSummaryInput): string {
  const { evaluation } = input
  if (evaluation.satisfied && (input.changeRequest?.evaluation.satisfied ?? true)) return evaluation.reviewOwedAfterDeployment ? 'approved as an emergency — review owed after deployment' : 'approved'
  return input.failOnMissing ? 'not approved' : 'not approved (reported only: `fail-on-missing` is false)'
}

/**
 * The job summary of require-approval, as Markdown: the verdict, every requirement with
 * who satisfied it and what is missing, what blocks the change, each review that did not
 * count and why, base merges judged, auto-merge and the commit status written.
 */
export function renderApprovalSummary(input: ApprovalSummaryInput): string {
  const { evaluation } = input
  const changeRequest = input.changeRequest
  const out: string[] = []
  out.push(`## Pull request #${input.pullRequest}: ${verdict(input)}`, '')
  const callouts = [...evaluation.notices, ...(changeRequest?.evaluation.notices.filter((notice) => notice === EMERGENCY_CHANGE_REQUEST_NOTICE) ?? [])]
  for (const notice of callouts) out.push(`> [!IMPORTANT]\n> ${escapeMarkdown(notice)}`, '')
  for (const warning of input.warnings ?? []) {
    out.push(`> [!WARNING]\n> ${escapeMarkdown(warning.message)}${warning.fix ? ` ${escapeMarkdown(warning.fix)}` : ''}`, '')
  }
  const from = input.changeTypeFrom === 'input' ? 'as the `change-type` input says' : 'as classified'
  out.push(`${TYPE_TITLE[evaluation.changeType]} change (${from}), judged on head commit ${code(input.headSha.slice(0, 7))}. Policy: ${policyLine(input.policy)}.`, '')

  out.push('### Requirements', '')
  const changeRequestRows = changeRequest ? [changeRequestRow(changeRequest)].filter((row) => row !== null) : []
  const rows = [...approvalRequirementRows(evaluation), ...changeRequestRows, ...(input.extraRequirements ?? [])]
  out.push(table(['requirement', 'needs', 'satisfied by', 'missing'], rows.map((r) => [r.requirement, r.needs, r.satisfiedBy, r.missing])), '')

  const missing = [...evaluation.missing, ...(changeRequest?.evaluation.missing ?? [])]
  if (missing.length > 0) {
    out.push('### What is missing', '')
    for (const sentence of missing) out.push(`- ${escapeMarkdown(sentence)}`)
    out.push('')
  }

  if (changeRequest) out.push(...renderChangeRequestSection(changeRequest))

  if (evaluation.ignored.length > 0) {
    out.push('### Reviews that did not count', '')
    out.push(
      table(
        ['reviewer', 'commit', 'why'],
        evaluation.ignored.map((entry) => [code(entry.user), code(entry.commit.slice(0, 7) || 'none'), `${REASON_TITLE[entry.reason]}: ${escapeMarkdown(entry.explanation)}`])
      ),
      ''
    )
  }

  if ((input.baseMerges ?? []).length > 0) {
    out.push('### Merges of the base branch', '')
    for (const merge of input.baseMerges ?? []) {
      out.push(
        merge.onlyMergesBase
          ? `- ${code(merge.sha.slice(0, 7))} only merges the base branch in: approvals before it are kept.`
          : `- ${code(merge.sha.slice(0, 7))} is not taken as a merge of the base branch: ${escapeMarkdown(merge.reason)}.`
      )
    }
    out.push('')
  }

  for (const note of input.notes ?? []) out.push(`> [!NOTE]\n> ${escapeMarkdown(note)}`, '')

  const approvals = evaluation.approvals.map((a) => `${code(a.user)} on ${code(a.commit.slice(0, 7))} at ${a.at}`)
  out.push(`Approvals that counted: ${approvals.length > 0 ? approvals.join(', ') : 'none'}.`, '')
  out.push(`Auto-merge: **${input.autoMerge.outcome}**${input.autoMerge.detail ? ` — ${escapeMarkdown(input.autoMerge.detail)}` : ''}`, '')
  if (input.status) out.push(`Commit status ${code(input.status.context)}: ${input.status.state} on ${code(input.status.sha.slice(0, 7))}.`, '')
  return out.join('\n')
}
