// Single commits: whether a sha exists, and when the policy file was first committed (where
// a first gate's range starts when no deployment is recorded).
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError, GitHubAccessError } from './errors'

export interface CommitInfo {
  sha: string
  parents: string[]
}

/** The commit `ref` names (a full or short sha, a branch); a clear error when there is none. */
export async function getCommit(client: GitHubClient, repo: RepoRef, ref: string): Promise<CommitInfo> {
  try {
    const { data } = await client.rest.repos.getCommit({ ...repo, ref, per_page: 1 })
    return { sha: data.sha, parents: data.parents.map((p) => p.sha) }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 404 || status === 422) {
      throw new GitHubAccessError(
        { message: `There is no commit \`${ref}\` in ${repo.owner}/${repo.repo} (GitHub answered HTTP ${status}).`, fix: 'Check the `sha` (or `since`) input: give a full commit sha that was pushed to the repository.' },
        status
      )
    }
    throw describeRequestError(error, `read commit ${ref}`, 'contents: read')
  }
}

/** The oldest commit on `branch` that touched `path` (its first version), or null when none did. */
export async function firstCommitTouching(client: GitHubClient, repo: RepoRef, branch: string, path: string): Promise<string | null> {
  try {
    const commits = await client.paginate(client.rest.repos.listCommits, { ...repo, sha: branch, path, per_page: 100 })
    return commits.at(-1)?.sha ?? null
  } catch (error) {
    throw describeRequestError(error, `list the commits of ${branch} that touched ${path}`, 'contents: read')
  }
}
