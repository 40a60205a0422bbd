import type { GitHubClient } from './client'
import { GitHubAccessError } from './errors'

export type MergeMethod = 'merge' | 'squash' | 'rebase'

export type AutoMergeResult =
  | { enabled: true }
  /** GitHub declined for a reason that is not a fault: the pull request can merge right now. */
  | { enabled: false; reason: string }

// The one GraphQL call: REST has no way to enable auto-merge. `expectedHeadOid` makes
// GitHub refuse if the head moved since it was judged, so an approval of one commit can
// never switch on the merge of another.
const ENABLE_AUTO_MERGE = `mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!, $expectedHeadOid: GitObjectID) {
  enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod, expectedHeadOid: $expectedHeadOid }) {
    pullRequest { number autoMergeRequest { mergeMethod } }
  }
}`

interface GraphqlErrorLike {
  message?: string
  type?: string
}

function graphqlErrors(error: unknown): GraphqlErrorLike[] {
  const errors = (error as { errors?: unknown }).errors
  return Array.isArray(errors) ? (errors as GraphqlErrorLike[]) : []
}

/**
 * Turns on auto-merge for the pull request (its GraphQL node id) with `method`, for the
 * head commit that was judged. A pull request already in "clean" status has nothing to
 * wait for and GitHub refuses: that is reported, not thrown. Anything else is an error
 * naming the fix.
 */
export async function enableAutoMerge(
  client: GitHubClient,
  pr: { number: number; nodeId: string; headSha: string },
  method: MergeMethod
): Promise<AutoMergeResult> {
  try {
    await client.graphql(ENABLE_AUTO_MERGE, { pullRequestId: pr.nodeId, mergeMethod: method.toUpperCase(), expectedHeadOid: pr.headSha })
    return { enabled: true }
  } catch (error) {
    const errors = graphqlErrors(error)
    const message = errors.map((e) => e.message ?? '').join('; ') || (error instanceof Error ? error.message : String(error))
    const clean = /is in (clean|unstable|has_hooks) status/i.exec(message)
    if (clean) {
      return { enabled: false, reason: `GitHub did not enable auto-merge: pull request #${pr.number} is in ${clean[1]} status, so it can be merged now.` }
    }
    let fix: string
    if (/auto merge is not allowed/i.test(message)) {
      fix = 'Turn on "Allow auto-merge" in the repository settings (General → Pull Requests), or set `enable-auto-merge: false`.'
    } else if (errors.some((e) => e.type === 'FORBIDDEN') || /not accessible by integration/i.test(message)) {
      fix = "Give the workflow's token `contents: write` and `pull-requests: write` in the job's `permissions:` block."
    } else if (/head branch was modified/i.test(message)) {
      fix = 'The pull request was pushed to while it was judged; the run for the new commit decides.'
    } else {
      fix = 'Re-run the job; if it fails again, the message above says what GitHub refused.'
    }
    throw new GitHubAccessError({ message: `Could not enable auto-merge (${method}) on pull request #${pr.number}: ${message}`, fix })
  }
}
