import type { ChangeType, PolicySource } from '../types'

export type ReviewStatus = 'completed' | 'completed-late' | 'open' | 'overdue' | 'missing'

export interface EmergencyReviewEvidence {
  issue: number | null
  dueAt: string
  /** When the issue was closed as a completed review; null while it is not. */
  completedAt: string | null
  status: ReviewStatus
  /** Why a closed issue does not count as a completed review. */
  problems: string[]
}

/** One merged pull request, as the audit report shows it. */
export interface AuditedChange {
  pullRequest: number
  title: string
  url: string
  author: string
  baseRef: string
  mergedAt: string
  mergedBy: string | null
  changeType: ChangeType
  controls: string[]
  /** Approvals that counted under the policy, evaluated at merge time. */
  approvals: Array<{ user: string; at: string; commit: string }>
  /** Whether they met the policy at merge time. */
  approvedAtMerge: boolean
  missing: string[]
  checks: Array<{ name: string; conclusion: string }>
  /** The commit the merge put on the deploy branch, and when (deployment is automatic from it). */
  deployment: { sha: string | null; at: string }
  changeRequest: { issue: number | null; title: string; justification: string; impact: string } | null
  review: EmergencyReviewEvidence | null
}

export type ExceptionKind = 'unapproved-at-merge' | 'review-late' | 'review-open' | 'review-missing' | 'unapproved-deployment'

export interface AuditException {
  kind: ExceptionKind
  pullRequest: number
  detail: string
}

export interface AuditReport {
  repository: string
  from: string
  to: string
  generatedAt: string
  policy: PolicySource
  changes: AuditedChange[]
  exceptions: AuditException[]
  requests: { graphql: number; rest: number; perPullRequest: number }
}
