// Comparing two commits: the commits a deploy carries and the files it changes.
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError, GitHubAccessError } from './errors'

/** GitHub lists at most this many files of a comparison. */
export const COMPARE_FILES_CAP = 300
const PER_PAGE = 100

export interface Comparison {
  /** The base commit as GitHub resolved it, with its parents. */
  base: { sha: string; parents: string[] }
  /** `ahead`, `behind`, `identical` or `diverged`: of head against base. */
  status: string
  aheadBy: number
  behindBy: number
  /** Commits in head and not in base, oldest first, each with its parents. */
  commits: Array<{ sha: string; parents: string[] }>
  files: Array<{ path: string; status: string; previousPath?: string }>
  /** False when GitHub cut the file list. */
  filesComplete: boolean
}

/**
 * `base...head`, every commit of it (pages of 100 until `total_commits`): a range read in
 * part would leave its other commits unjudged, so a short count is an error.
 */
export async function compareCommits(client: GitHubClient, repo: RepoRef, base: string, head: string): Promise<Comparison> {
  const what = `compare ${base.slice(0, 12)}...${head.slice(0, 12)}`
  try {
    const first = await client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: PER_PAGE, page: 1 })
    const data = first.data
    const commits = data.commits.map((c) => ({ sha: c.sha, parents: c.parents.map((p) => p.sha) }))
    for (let page = 2; commits.length < data.total_commits && page <= Math.ceil(data.total_commits / PER_PAGE); page++) {
      const next = await client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: PER_PAGE, page })
      commits.push(...next.data.commits.map((c) => ({ sha: c.sha, parents: c.parents.map((p) => p.sha) })))
    }
    if (commits.length !== data.total_commits) {
      throw new GitHubAccessError({
        message: `Comparing ${base.slice(0, 7)}...${head.slice(0, 7)}: GitHub counts ${data.total_commits} commits but listed ${commits.length}, so the range cannot be judged whole.`,
        fix: 'Deploy more often (smaller ranges), or set `since` to a later commit that was already deployed.'
      })
    }
    const files = (data.files ?? []).map((f) => ({ path: f.filename, status: f.status, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}) }))
    return { base: { sha: data.base_commit.sha, parents: data.base_commit.parents.map((p) => p.sha) }, status: data.status, aheadBy: data.ahead_by, behindBy: data.behind_by, commits, files, filesComplete: files.length < COMPARE_FILES_CAP }
  } catch (error) {
    throw describeRequestError(error, what, 'contents: read')
  }
}
