// The pull requests GitHub associates with a commit: on the default branch the merged
// one that brought it in, elsewhere the open ones that contain it.
import type { AssociatedPullRequest } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

export async function listCommitPullRequests(client: GitHubClient, repo: RepoRef, sha: string): Promise<AssociatedPullRequest[]> {
  try {
    const pulls = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, { ...repo, commit_sha: sha, per_page: 100 })
    return pulls.map((p) => ({
      number: p.number,
      state: p.state === 'open' ? 'open' : 'closed',
      baseRef: p.base.ref,
      headSha: p.head.sha,
      mergedAt: p.merged_at,
      mergeCommitSha: p.merged_at ? p.merge_commit_sha : null
    }))
  } catch (error) {
    throw describeRequestError(error, `list the pull requests of commit ${sha.slice(0, 7)}`, 'pull-requests: read')
  }
}
