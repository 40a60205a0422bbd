import type { ReviewFacts, ReviewState } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

const SUBMITTED: readonly string[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED']

/**
 * Every submitted review of a pull request, oldest first, 100 a page. A pending review is
 * its author's draft (only they can see it) and a review by a deleted account has no one
 * to count: neither is passed on. A page that fails after retries fails the whole list,
 * since the review left out could be the CHANGES_REQUESTED that blocks the change.
 */
export async function listPullRequestReviews(client: GitHubClient, repo: RepoRef, number: number): Promise<ReviewFacts[]> {
  let reviews: Awaited<ReturnType<typeof client.rest.pulls.listReviews>>['data']
  try {
    reviews = await client.paginate(client.rest.pulls.listReviews, { ...repo, pull_number: number, per_page: 100 })
  } catch (error) {
    throw describeRequestError(error, `list the reviews of pull request #${number}`, 'pull-requests: read')
  }
  const facts: ReviewFacts[] = []
  for (const review of reviews) {
    if (!review.user || !SUBMITTED.includes(review.state)) continue
    facts.push({
      id: review.id,
      user: review.user.login,
      isBot: review.user.type === 'Bot',
      state: review.state as ReviewState,
      // Very old reviews can lack it; an empty sha is on no commit, so it is judged stale.
      commitSha: review.commit_id ?? '',
      submittedAt: review.submitted_at ?? ''
    })
  }
  return facts
}
