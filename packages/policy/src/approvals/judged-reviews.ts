import type { ApprovalSettings } from '../types'
import type { ApprovalFacts, ReviewFacts } from './approval-facts'
import type { Blocker, IgnoredReview } from './approval-evaluation'
import { canWrite, judgeApproval, permissionOf, type Ineligibility } from './approval-eligibility'
import { shortSha } from './commit-history'
import { latestDecisions } from './latest-reviews'

export interface JudgedApproval {
  review: ReviewFacts
  /** Empty when the approval counts, for whichever requirement lists its reviewer. */
  ineligible: Ineligibility[]
}

/** Each reviewer's deciding review, sorted into what it does to the change. */
export interface JudgedReviews {
  approvals: JudgedApproval[]
  dismissed: ReviewFacts[]
  blockers: Blocker[]
  ignored: IgnoredReview[]
}

export function judgeReviews(facts: ApprovalFacts, settings: ApprovalSettings): JudgedReviews {
  const judged: JudgedReviews = { approvals: [], dismissed: [], blockers: [], ignored: [] }
  for (const review of latestDecisions(facts.reviews)) {
    const base = { user: review.user, reviewId: review.id, commit: review.commitSha, at: review.submittedAt }
    const on = shortSha(review.commitSha)
    if (review.state === 'DISMISSED') {
      judged.dismissed.push(review)
      judged.ignored.push({ ...base, reason: 'dismissed', explanation: `${review.user}'s review on ${on} was dismissed` })
    } else if (review.state === 'CHANGES_REQUESTED') {
      const permission = permissionOf(facts, review.user)
      // Anyone can review a public repository; GitHub lets only writers' reviews decide, or a
      // passer-by could block every change. An unknown permission blocks: failing closed.
      if (permission !== undefined && !canWrite(permission)) {
        judged.ignored.push({
          ...base,
          reason: 'no-write',
          explanation: `${review.user} requested changes but has ${permission} permission, so it does not block`
        })
      } else {
        judged.blockers.push({
          ...base,
          explanation: `${review.user} requested changes on ${on}: that blocks the change until ${review.user} approves or the review is dismissed`
        })
      }
    } else if (review.state === 'APPROVED') {
      const ineligible = judgeApproval(review, facts, settings)
      judged.approvals.push({ review, ineligible })
      for (const { reason, explanation } of ineligible) judged.ignored.push({ ...base, reason, explanation })
    }
  }
  return judged
}
