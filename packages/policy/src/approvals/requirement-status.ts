import type { ApprovalFacts } from './approval-facts'
import type { IgnoredReview, RequirementEvaluation } from './approval-evaluation'
import type { ApprovalRequirement } from './approval-requirement'
import { shortSha } from './commit-history'
import type { JudgedReviews } from './judged-reviews'
import { describeNonMembership, describeReviewers, isAmongReviewers, joinWith, unreadableTeams } from './reviewer-membership'

export interface RequirementStatus {
  evaluation: RequirementEvaluation
  /** Eligible approvals that do not count here because their reviewer is not listed. */
  notInReviewers: IgnoredReview[]
}

/** "normal change" or "control secrets-and-config", to start a sentence with. */
export function requirementLabel(requirement: ApprovalRequirement): string {
  return requirement.source === 'change-type' ? `${requirement.name} change` : `control ${requirement.name}`
}

function approvalsWord(count: number): string {
  return count === 1 ? 'approval' : 'approvals'
}

export function evaluateRequirement(
  requirement: ApprovalRequirement,
  judged: JudgedReviews,
  facts: ApprovalFacts
): RequirementStatus {
  const { reviewers } = requirement
  const listed = (login: string) => isAmongReviewers(login, reviewers, facts.teamMembers)
  const satisfiedBy = judged.approvals
    .filter(({ review, ineligible }) => ineligible.length === 0 && listed(review.user))
    .map(({ review }) => review.user)
  const missing = Math.max(0, requirement.approvals - satisfiedBy.length)

  const notInReviewers: IgnoredReview[] = judged.approvals
    .filter(({ review, ineligible }) => ineligible.length === 0 && !listed(review.user))
    .map(({ review }) => ({
      user: review.user,
      reviewId: review.id,
      commit: review.commitSha,
      at: review.submittedAt,
      reason: 'not-in-reviewers',
      requirement: requirement.name,
      explanation: describeNonMembership(review.user, reviewers)
    }))

  const label = requirementLabel(requirement)
  const who = describeReviewers(reviewers)
  let explanation: string
  if (requirement.approvals <= 0) {
    explanation = `${label} needs no approval`
  } else if (missing === 0) {
    explanation = `${label} needs ${requirement.approvals} ${approvalsWord(requirement.approvals)} from ${who}: satisfied by ${joinWith(satisfiedBy, 'and')}`
  } else {
    const counted = satisfiedBy.length > 0 ? ` (${joinWith(satisfiedBy.map((u) => `${u}'s`), 'and')} counted)` : ''
    const reasons = whyNot(requirement, judged, facts, listed)
    explanation =
      `${label} needs ${missing} more ${approvalsWord(missing)} from ${who}${counted}` +
      (reasons.length > 0 ? `; ${reasons.join(', ')}` : '')
  }

  return {
    evaluation: { requirement, satisfied: missing === 0, satisfiedBy, missing, explanation },
    notInReviewers
  }
}

/** Every approval that might have counted here and did not, each naming its person and commit. */
function whyNot(
  requirement: ApprovalRequirement,
  judged: JudgedReviews,
  facts: ApprovalFacts,
  listed: (login: string) => boolean
): string[] {
  const reasons: string[] = []
  for (const team of unreadableTeams(requirement.reviewers, facts.teamMembers)) {
    reasons.push(`the members of ${team} could not be read, so no approval counts as theirs`)
  }
  for (const { review, ineligible } of judged.approvals) {
    // Not being listed is the reason that matters: fixing anything else would not help.
    if (!listed(review.user)) reasons.push(describeNonMembership(review.user, requirement.reviewers))
    else for (const { explanation } of ineligible) reasons.push(explanation)
  }
  for (const review of judged.dismissed) {
    if (listed(review.user)) reasons.push(`${review.user}'s review on ${shortSha(review.commitSha)} was dismissed`)
  }
  if (reasons.length === 0 && judged.approvals.length === 0) reasons.push('nobody has approved yet')
  return reasons
}
