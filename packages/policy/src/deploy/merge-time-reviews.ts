// The reviews that counted when a pull request was merged. An approval given after the
// merge approved nothing that anyone relied on: the change was already on the branch.
import type { ReviewFacts } from '../approvals/approval-facts'
import type { ChangeType } from '../types'

export interface MergeTimeReviews {
  /** The reviews submitted before `mergedAt` (all of them for an emergency). */
  reviews: ReviewFacts[]
  /** Approvals submitted after the merge that were left out. */
  late: ReviewFacts[]
}

/**
 * Emergency changes are exempt: their review is owed after deployment, so a review given
 * after the merge is the one the policy asks for.
 */
export function reviewsAtMerge(reviews: readonly ReviewFacts[], mergedAt: string, changeType: ChangeType): MergeTimeReviews {
  if (changeType === 'emergency') return { reviews: [...reviews], late: [] }
  const merged = Date.parse(mergedAt)
  const before = reviews.filter((review) => Date.parse(review.submittedAt) < merged)
  const late = reviews.filter((review) => Date.parse(review.submittedAt) >= merged && review.state === 'APPROVED')
  return { reviews: before, late }
}
