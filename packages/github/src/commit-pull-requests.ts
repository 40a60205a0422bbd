import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

/**
 * The merged pull request that brought commit `sha` into the default branch (a deployment
 * names a commit, not a pull request), or null when none did: a direct push.
 */
export async function findMergedPullRequestOfCommit(client: GitHubClient, repo: RepoRef, sha: string): Promise<number | null> {
  try {
    const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha, per_page: 100 })
    const merged = data.filter((pr) => pr.merged_at !== null && (pr.merge_commit_sha === sha || data.length === 1))
    return merged[0]?.number ?? data.find((pr) => pr.merged_at !== null)?.number ?? null
  } catch (error) {
    throw describeRequestError(error, `find the pull request of commit ${sha}`, 'pull-requests: read')
  }
}
