import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

// Whether a merge commit on a pull request only brought its base branch in ("Update
// branch", or `git merge main`), so that `ignore-base-updates` may keep an approval given
// before it. Decided through REST with two requests per merge, conservatively:
//
//   1. Its second parent must be on the base branch: not one of the pull request's own
//      commits (GitHub lists those as the commits reachable from the head and not from the
//      base). A side branch merged in is the pull request's code, not the base's.
//   2. What the merge changed against its first parent (the pull request before it) must
//      be exactly what the base branch changed since the two diverged: the same files with
//      the same contents (blob shas), nothing more, nothing less.
//
// (2) refuses a merge that resolved a conflict by hand or slipped in an edit (it changed
// a file to something the base never had), and one that kept the pull request's side of a
// file the base had changed (which quietly reverts the base's change). It also refuses, by
// design, a merge where both sides edited the same file even when git merged the edits
// cleanly: the combined text is new, so the approval goes. Either list capped by GitHub
// (300 files) is incomplete, and an incomplete list is never trusted.

/** Where a file ends up: its blob sha, or `deleted`. */
export type FileOutcomes = Map<string, string>

export interface ChangedFileEntry {
  filename: string
  status: string
  sha?: string | null
  previous_filename?: string
}

/** GitHub's cap on the files of a commit or a comparison in one answer. */
export const LISTED_FILES_CAP = 300

/** Each path's outcome in a list of changed files; a rename also deletes its old path. */
export function fileOutcomes(files: readonly ChangedFileEntry[]): FileOutcomes {
  const outcomes: FileOutcomes = new Map()
  for (const file of files) {
    if (file.previous_filename !== undefined && file.previous_filename !== file.filename && !outcomes.has(file.previous_filename)) {
      outcomes.set(file.previous_filename, 'deleted')
    }
    outcomes.set(file.filename, file.status === 'removed' ? 'deleted' : (file.sha ?? 'unknown'))
  }
  return outcomes
}

/** The first difference between two sets of outcomes, in words; null when they are the same. */
export function firstDifference(merged: FileOutcomes, base: FileOutcomes): string | null {
  for (const [path, outcome] of merged) {
    const expected = base.get(path)
    if (expected === undefined) return `it changes ${path}, which the base branch did not change`
    if (expected !== outcome || outcome === 'unknown') return `its version of ${path} is not the base branch's`
  }
  for (const path of base.keys()) {
    if (!merged.has(path)) return `it keeps the pull request's version of ${path}, which the base branch changed`
  }
  return null
}

export interface MergeCommit {
  sha: string
  parents: string[]
}

export interface BaseMergeVerdict {
  sha: string
  onlyMergesBase: boolean
  /** Why not, in words, for the job summary; empty when it does only merge the base. */
  reason: string
}

/**
 * Whether `merge` only brings the base branch in, given the shas of the pull request's own
 * commits (a complete list: the caller must not call this with a truncated one).
 */
export async function verifyBaseMerge(
  client: GitHubClient,
  repo: RepoRef,
  merge: MergeCommit,
  pullRequestCommits: ReadonlySet<string>
): Promise<BaseMergeVerdict> {
  const verdict = (reason: string): BaseMergeVerdict => ({ sha: merge.sha, onlyMergesBase: reason === '', reason })
  const [ours, theirs, ...more] = merge.parents
  if (ours === undefined || theirs === undefined) return verdict('it is not a merge')
  if (more.length > 0) return verdict('it is an octopus merge of more than two parents')
  if (!pullRequestCommits.has(ours)) return verdict('its first parent is not a commit of the pull request')
  if (pullRequestCommits.has(theirs)) return verdict('it merges a commit of the pull request, not the base branch')

  const [merged, base] = await Promise.all([
    // A commit pages its files (Link: next) past 300; a comparison pages its commits, and
    // shows at most 300 files on its first page whatever the paging.
    readFiles(() => client.rest.repos.getCommit({ ...repo, ref: merge.sha }), `read merge commit ${merge.sha.slice(0, 7)}`, true),
    readFiles(() => client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${ours}...${theirs}` }), `compare ${ours.slice(0, 7)} with the base branch`, false)
  ])
  if (merged === null || base === null) return verdict(`it changes more files than GitHub lists in one answer (${LISTED_FILES_CAP})`)
  return verdict(firstDifference(fileOutcomes(merged), fileOutcomes(base)) ?? '')
}

/** The files of a commit or a comparison; null when GitHub's list stops short. */
async function readFiles(
  request: () => Promise<{ data: { files?: ChangedFileEntry[] }; headers: { link?: string } }>,
  what: string,
  linkPagesFiles: boolean
): Promise<ChangedFileEntry[] | null> {
  try {
    const { data, headers } = await request()
    const files = data.files ?? []
    const more = linkPagesFiles && /rel="next"/.test(headers.link ?? '')
    return more || files.length >= LISTED_FILES_CAP ? null : files
  } catch (error) {
    throw describeRequestError(error, what, 'contents: read')
  }
}
