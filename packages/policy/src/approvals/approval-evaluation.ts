import type { ChangeType } from '../types'
import type { ApprovalRequirement } from './approval-requirement'

/** An approval that counted, in exactly the shape the audit record's `approvals` carries. */
export interface CountedApproval {
  user: string
  /** When it was submitted, ISO 8601. */
  at: string
  commit: string
}

export type IgnoredReason =
  | 'stale'
  | 'self'
  | 'bot'
  | 'no-write'
  | 'pushed-after'
  | 'not-in-reviewers'
  | 'dismissed'

/** A review that was discarded, and why. One entry per reason, so one review can appear more than once. */
export interface IgnoredReview {
  user: string
  reviewId: number
  commit: string
  at: string
  reason: IgnoredReason
  /** Set for `not-in-reviewers`: the requirement the reviewer is not listed for. */
  requirement?: string
  /** A sentence naming the person and the commit, e.g. "alice's approval is on an older commit (abc1234)". */
  explanation: string
}

/** An outstanding CHANGES_REQUESTED review: it blocks the change whatever else is approved. */
export interface Blocker {
  user: string
  reviewId: number
  commit: string
  at: string
  explanation: string
}

export interface RequirementEvaluation {
  requirement: ApprovalRequirement
  satisfied: boolean
  /** Logins of the eligible approvers who count for this requirement. */
  satisfiedBy: string[]
  /** How many more approvals it needs; 0 when satisfied. */
  missing: number
  explanation: string
}

export interface ApprovalEvaluation {
  satisfied: boolean
  changeType: ChangeType
  /** Approvals that counted for at least one requirement. */
  approvals: CountedApproval[]
  requirements: RequirementEvaluation[]
  blockers: Blocker[]
  ignored: IgnoredReview[]
  /** What stops the change, one sentence each; empty when satisfied. */
  missing: string[]
  /** True for an emergency change that passes: its review is owed after deployment. */
  reviewOwedAfterDeployment: boolean
  /** Things a reader must not miss even when the change passes. */
  notices: string[]
}
