import type { GitHubClient, RepoRef } from './client'
import { describeRequestError, GitHubAccessError } from './errors'
import { looksWithheld, refetchWithheldPatches } from './withheld-patches'

export interface PullRequestInfo {
  number: number
  state: string
  draft: boolean
  merged: boolean
  title: string
  body: string
  author: string
  authorIsBot: boolean
  headRef: string
  headSha: string
  /** owner/name of the head repository; differs from the base for forks. */
  headRepo: string | null
  baseRef: string
  baseSha: string
  labels: string[]
  changedFiles: number
  commits: number
  /** GraphQL node id, for the one mutation REST has no equivalent of (enabling auto-merge). */
  nodeId: string
  /** The auto-merge already enabled on the pull request, or null. */
  autoMerge: { mergeMethod: string; enabledBy: string | null } | null
  /** ISO 8601 when merged, else null. */
  mergedAt: string | null
  /** Who merged it; null while it is not merged. */
  mergedBy?: string | null
  /** What the merge wrote on the base (merge, squash, queue or last rebased commit); null until merged. */
  mergeCommitSha: string | null
  createdAt?: string
  htmlUrl?: string
}

export async function getPullRequest(client: GitHubClient, repo: RepoRef, number: number): Promise<PullRequestInfo> {
  try {
    const { data } = await client.rest.pulls.get({ ...repo, pull_number: number })
    return {
      number: data.number,
      state: data.state,
      draft: Boolean(data.draft),
      merged: Boolean(data.merged),
      title: data.title,
      body: data.body ?? '',
      author: data.user.login,
      authorIsBot: data.user.type === 'Bot' || data.user.login.endsWith('[bot]'),
      headRef: data.head.ref,
      headSha: data.head.sha,
      headRepo: data.head.repo?.full_name ?? null,
      baseRef: data.base.ref,
      baseSha: data.base.sha,
      labels: data.labels.map((l) => l.name),
      changedFiles: data.changed_files,
      commits: data.commits,
      nodeId: data.node_id,
      autoMerge: data.auto_merge ? { mergeMethod: data.auto_merge.merge_method, enabledBy: data.auto_merge.enabled_by?.login ?? null } : null,
      mergedAt: data.merged_at,
      mergedBy: data.merged_by?.login ?? null,
      mergeCommitSha: data.merged_at ? data.merge_commit_sha : null,
      createdAt: data.created_at,
      htmlUrl: data.html_url
    }
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      throw new GitHubAccessError(
        {
          message: `Pull request #${number} was not found in ${repo.owner}/${repo.repo} (GitHub answered HTTP 404).`,
          fix: 'Check the pull request number (the `pull-request` input, or the event). If it does exist, the token cannot see it: give it `pull-requests: read`.'
        },
        404
      )
    }
    throw describeRequestError(error, `read pull request #${number} of ${repo.owner}/${repo.repo}`, 'pull-requests: read')
  }
}

export interface PullRequestFile {
  path: string
  /** Set for renames: the path before. */
  previousPath?: string
  status: string
  /** The file's unified diff; GitHub leaves it out for binary and large diffs. */
  patch?: string
  /** Lines added plus removed, as GitHub counts them (0 where it withheld the patch). */
  changes?: number
}

/** GitHub's pull request files endpoint never returns more than this many files. */
export const GITHUB_MAX_LISTED_FILES = 3000
const PER_PAGE = 100
// Pages are independent, so read several at once: on github.com each page costs a round
// trip of a few hundred milliseconds, and a 3,000-file PR has 30 of them.
const PARALLEL_PAGES = 4

/**
 * Every file of the pull request, or an error: a partial list must never be classified,
 * since the file that was left out may be the one that needed review.
 */
export async function listPullRequestFiles(
  client: GitHubClient,
  repo: RepoRef,
  pr: Pick<PullRequestInfo, 'number' | 'changedFiles'>,
  options: { patches?: boolean } = {}
): Promise<PullRequestFile[]> {
  if (pr.changedFiles > GITHUB_MAX_LISTED_FILES) {
    throw new GitHubAccessError({
      message: `Pull request #${pr.number} changes ${pr.changedFiles} files; GitHub lists at most ${GITHUB_MAX_LISTED_FILES}, so the change cannot be classified from a complete list.`,
      fix: `Split the change into pull requests of at most ${GITHUB_MAX_LISTED_FILES} files each.`
    })
  }
  const pages = Math.max(1, Math.ceil(pr.changedFiles / PER_PAGE))
  const results: PullRequestFile[][] = new Array(pages)
  let next = 1
  const worker = async (): Promise<void> => {
    while (next <= pages) {
      const page = next++
      try {
        const { data } = await client.rest.pulls.listFiles({ ...repo, pull_number: pr.number, per_page: PER_PAGE, page })
        results[page - 1] = data.map((f) => ({
          path: f.filename,
          status: f.status,
          ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
          ...(typeof f.patch === 'string' ? { patch: f.patch } : {}),
          changes: f.changes
        }))
      } catch (error) {
        throw describeRequestError(error, `list the files of pull request #${pr.number} (page ${page})`, 'pull-requests: read')
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PAGES, pages) }, worker))
  const files = results.flat()
  if (files.length !== pr.changedFiles) {
    // A push between reading the pull request and its files changes the count: the list
    // no longer describes one commit, so refuse it rather than guess.
    throw new GitHubAccessError({
      message: `Pull request #${pr.number} reports ${pr.changedFiles} changed files but GitHub listed ${files.length}; the list is incomplete or changed while it was read.`,
      fix: 'Re-run the job; if the pull request was just pushed to, the next run reads a consistent list.'
    })
  }
  // The credential scan reads patches: get back those a page's size limit withheld.
  if (options.patches && files.some(looksWithheld)) await refetchWithheldPatches(client, repo, pr.number, files, PER_PAGE)
  return files
}

export interface PullRequestCommit {
  sha: string
  message: string
  author: string | null
  committer: string | null
  parents: string[]
}

export async function listPullRequestCommits(client: GitHubClient, repo: RepoRef, number: number): Promise<PullRequestCommit[]> {
  try {
    const commits = await client.paginate(client.rest.pulls.listCommits, { ...repo, pull_number: number, per_page: 100 })
    return commits.map((c) => ({
      sha: c.sha,
      message: c.commit.message,
      author: c.author?.login ?? null,
      committer: c.committer?.login ?? null,
      parents: c.parents.map((p) => p.sha)
    }))
  } catch (error) {
    throw describeRequestError(error, `list the commits of pull request #${number}`, 'pull-requests: read')
  }
}
