import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

/** The repository's default branch, for a run whose event names no branch (a schedule). */
export async function getDefaultBranch(client: GitHubClient, repo: RepoRef): Promise<string> {
  try {
    const { data } = await client.rest.repos.get({ ...repo })
    return data.default_branch
  } catch (error) {
    throw describeRequestError(error, `read the default branch of ${repo.owner}/${repo.repo}`, 'metadata: read')
  }
}
