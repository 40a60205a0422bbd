import type { ChangeType, Policy } from '../types'
import type { ApprovalFacts } from './approval-facts'
import type { ApprovalEvaluation, CountedApproval, RequirementEvaluation } from './approval-evaluation'
import type { ApprovalRequirement } from './approval-requirement'
import { judgeReviews } from './judged-reviews'
import { isAmongReviewers } from './reviewer-membership'
import { evaluateRequirement } from './requirement-status'

/**
 * Whether a pull request has the approvals its policy asks for, over data the GitHub layer
 * gathered first. Requirements add up: the change type's count and each control's count are
 * satisfied separately, so one security-team approval can count for both the type and the
 * control. An outstanding CHANGES_REQUESTED blocks whatever else is approved.
 */
export function evaluateApprovals(
  facts: ApprovalFacts,
  policy: Policy,
  requirements: readonly ApprovalRequirement[]
): ApprovalEvaluation {
  const settings = policy.approvals
  const judged = judgeReviews(facts, settings)
  const statuses = withChangeTypeRequirement(requirements, facts.changeType, policy).map((requirement) =>
    evaluateRequirement(requirement, judged, facts)
  )
  const evaluations: RequirementEvaluation[] = statuses.map((status) => status.evaluation)

  const approvals: CountedApproval[] = judged.approvals
    .filter(({ review, ineligible }) => ineligible.length === 0 && evaluations.some(({ requirement }) =>
      isAmongReviewers(review.user, requirement.reviewers, facts.teamMembers)
    ))
    .map(({ review }) => ({ user: review.user, at: review.submittedAt, commit: review.commitSha }))

  const missing = [
    ...judged.blockers.map((blocker) => blocker.explanation),
    ...evaluations.filter((evaluation) => !evaluation.satisfied).map((evaluation) => evaluation.explanation)
  ]
  const satisfied = missing.length === 0
  const reviewOwedAfterDeployment = satisfied && facts.changeType === 'emergency'

  return {
    satisfied,
    changeType: facts.changeType,
    approvals,
    requirements: evaluations,
    blockers: judged.blockers,
    ignored: [...judged.ignored, ...statuses.flatMap((status) => status.notInReviewers)],
    missing,
    reviewOwedAfterDeployment,
    notices: reviewOwedAfterDeployment ? [emergencyNotice(approvals.length, policy)] : []
  }
}

/**
 * The change type's own count is what every change needs; if classification left it out,
 * it is added from the policy rather than letting the change through with none.
 */
function withChangeTypeRequirement(
  requirements: readonly ApprovalRequirement[],
  changeType: ChangeType,
  policy: Policy
): ApprovalRequirement[] {
  if (requirements.some((requirement) => requirement.source === 'change-type')) return [...requirements]
  return [
    { source: 'change-type', name: changeType, approvals: policy.approvals[changeType], reviewers: [] },
    ...requirements
  ]
}

/** An emergency goes out before anyone has reviewed it properly; nobody may miss that. */
function emergencyNotice(counted: number, policy: Policy): string {
  const hours = policy.emergency.reviewWithinHours
  const passed = counted === 0 ? 'passes without any approval' : 'passes on an expedited approval'
  return (
    `EMERGENCY CHANGE: ${passed}. Its review is owed after deployment: ` +
    `a post-deployment review must be completed within ${hours} hours.`
  )
}
