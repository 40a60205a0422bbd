import type { ReviewFacts } from '../approvals/approval-facts'
import { reviewsAtMerge } from './merge-time-reviews'

const review = (user: string, submittedAt: string): ReviewFacts => ({ id: 1, user, isBot: false, state: 'APPROVED', commitSha: 'a'.repeat(40), submittedAt })

test('an approval given after the merge does not count, except for an emergency', () => {
  const reviews = [review('bob', '2026-11-20T09:00:00Z'), review('carol', '2026-11-20T10:00:00Z')]
  const normal = reviewsAtMerge(reviews, '2026-11-20T10:00:00Z', 'normal')
  expect(normal.reviews.map((r) => r.user)).toEqual(['bob'])
  expect(normal.late.map((r) => r.user)).toEqual(['carol'])
  expect(reviewsAtMerge(reviews, '2026-11-20T10:00:00Z', 'emergency').reviews).toHaveLength(2)
})
