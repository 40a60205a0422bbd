// The gate's decision over what the GitHub layer gathered: provenance of every commit,
// each pull request's approvals at merge time, its checks and change request, the freezes
// and, for a rollback, the schema the code would return to.
import type { ApprovalEvaluation } from '../approvals/approval-evaluation'
import type { ReviewFacts } from '../approvals/approval-facts'
import { shortSha } from '../approvals/commit-history'
import type { ChangeRequestEvaluation } from '../change-request/change-request-evaluation'
import type { ChangeType } from '../types'
import type { FreezeVerdict } from './freeze-windows'
import type { RangeProvenance } from './provenance'
import type { CheckVerdict } from './required-checks'

export type GateMode = 'deploy' | 'rollback'

export interface PullRequestJudgement {
  number: number
  title: string
  changeType: ChangeType
  controls: string[]
  mergedAt: string
  headSha: string
  mergeCommitSha: string
  approvals: ApprovalEvaluation
  /** Approvals given after the merge, which did not count. */
  lateApprovals: ReviewFacts[]
  checks: CheckVerdict[]
  /** Null when the policy requires no change request for this type. */
  changeRequest: ChangeRequestEvaluation | null
}

export interface MigrationDrift {
  path: string
  /** The destructive statements found in it, one line each (empty: not destructive). */
  destructive: string[]
}

export interface RollbackFacts {
  /** The commit rolled back to and the deploy branch head it returns from. */
  target: string
  head: string
  /** Whether `target` is an ancestor of (or equal to) the head. */
  onBranch: boolean
  branch: string
  /** Migrations added or changed between the target and the head: the database keeps them. */
  migrations: MigrationDrift[]
  allowSchemaDrift: boolean
}

export interface GateInput {
  mode: GateMode
  sha: string
  environment: string
  provenance: RangeProvenance
  pulls: readonly PullRequestJudgement[]
  /** The freezes; not consulted for a rollback, which must stay possible during a freeze. */
  freeze: FreezeVerdict
  rollback?: RollbackFacts
}

export interface GateDecision {
  allowed: boolean
  /** What allowed the deploy, or every thing that refused it, one sentence each. */
  reasons: string[]
}

export function decideGate(input: GateInput): GateDecision {
  const refusals: string[] = []
  const grounds: string[] = []
  const { provenance } = input

  if (input.rollback && !input.rollback.onBranch) {
    refusals.push(`Rollback target ${shortSha(input.rollback.target)} is not an ancestor of ${input.rollback.branch} (${shortSha(input.rollback.head)}): only a release that was on the deploy branch can be returned to.`)
  }
  if (provenance.firstUncovered) refusals.push(`${provenance.firstUncovered.explanation} Every commit deployed must come through a merged pull request.`)

  for (const pull of input.pulls) {
    const prefix = `#${pull.number} (${pull.changeType})`
    if (!pull.approvals.satisfied) {
      // An approval given after the merge is named, so nobody wonders why it did not count.
      const late = pull.lateApprovals.map((r) => `the approval by ${r.user} at ${r.submittedAt} came after the merge (${pull.mergedAt}) and does not count`)
      refusals.push(...pull.approvals.missing.map((m) => `${prefix} was not approved when it was merged: ${m}${late.length > 0 ? ` (${late.join('; ')})` : ''}`))
    }
    for (const check of pull.checks) if (check.outcome !== 'success') refusals.push(`${prefix}: ${check.explanation}`)
    if (pull.changeRequest && !pull.changeRequest.satisfied) refusals.push(...pull.changeRequest.missing.map((m) => `${prefix} change request: ${m}`))
    if (pull.approvals.satisfied && pull.checks.every((c) => c.outcome === 'success')) {
      const approvers = pull.approvals.approvals.map((a) => a.user)
      grounds.push(`${prefix} was approved at merge time${approvers.length > 0 ? ` by ${approvers.join(', ')}` : ' (none required)'}; checks ${pull.checks.map((c) => c.name).join(', ') || 'none required'} succeeded.`)
    }
  }
  if (input.mode === 'deploy') {
    if (input.freeze.blocking.length > 0) refusals.push(input.freeze.explanation)
    else grounds.push(input.freeze.explanation)
  } else if (input.rollback) {
    grounds.push(`Rollback to ${shortSha(input.rollback.target)}${input.pulls[0] ? ` (the release of #${input.pulls[0].number})` : ''}; freezes do not stop a rollback.`)
    const destructive = input.rollback.migrations.filter((m) => m.destructive.length > 0)
    if (destructive.length > 0 && !input.rollback.allowSchemaDrift) {
      refusals.push(
        `The database does not roll back with the code: ${destructive.map((m) => `${m.path} (${m.destructive.join('; ')})`).join(', ')} ${destructive.length === 1 ? 'is' : 'are'} destructive and stay applied. Set \`allow-schema-drift: true\` once the old code has been checked against the current schema.`
      )
    } else if (input.rollback.migrations.length > 0) {
      grounds.push(`${input.rollback.migrations.length} migration(s) newer than the target stay applied${destructive.length > 0 ? ' (allow-schema-drift: true)' : ''}.`)
    }
  }
  if (provenance.directPushes.length > 0) grounds.push(`Direct pushes let through by allow-direct-push: ${provenance.directPushes.map(shortSha).join(', ')}.`)

  const allowed = refusals.length === 0
  return { allowed, reasons: allowed ? [`${input.mode === 'rollback' ? 'Rollback' : 'Deploy'} of ${shortSha(input.sha)} to ${input.environment} is allowed.`, ...grounds] : refusals }
}
