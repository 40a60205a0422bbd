import type { ReviewFacts } from './approval-facts'

/** GitHub logins are case-insensitive; compare them through this. */
export function loginKey(login: string): string {
  return login.toLowerCase()
}

/** Oldest first: by submission time, then by id, which GitHub hands out in order. */
export function compareReviews(a: ReviewFacts, b: ReviewFacts): number {
  const byTime = timeOf(a) - timeOf(b)
  return byTime !== 0 && !Number.isNaN(byTime) ? byTime : a.id - b.id
}

function timeOf(review: ReviewFacts): number {
  return Date.parse(review.submittedAt)
}

/**
 * Each reviewer's deciding review, as GitHub decides it: the latest APPROVED,
 * CHANGES_REQUESTED or DISMISSED one. COMMENTED reviews change nothing (a comment after an
 * approval must not withdraw it). A dismissed review is a decision too: it takes back
 * whatever it said, so an older CHANGES_REQUESTED that the reviewer had already approved
 * past does not come back to block, and an older approval does not come back to count.
 */
export function latestDecisions(reviews: readonly ReviewFacts[]): ReviewFacts[] {
  const latest = new Map<string, ReviewFacts>()
  for (const review of [...reviews].sort(compareReviews)) {
    if (review.state === 'COMMENTED') continue
    latest.set(loginKey(review.user), review)
  }
  return [...latest.values()].sort(compareReviews)
}
