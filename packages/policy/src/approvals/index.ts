export type {
  ApprovalFacts,
  CommitFacts,
  PullRequestFacts,
  RepositoryPermission,
  ReviewFacts,
  ReviewState
} from './approval-facts'
export type { ApprovalRequirement } from './approval-requirement'
export type {
  ApprovalEvaluation,
  Blocker,
  CountedApproval,
  IgnoredReason,
  IgnoredReview,
  RequirementEvaluation
} from './approval-evaluation'
export { evaluateApprovals } from './evaluate-approvals'
export { latestDecisions } from './latest-reviews'
export { commitsAfter, shortSha } from './commit-history'
