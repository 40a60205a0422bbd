import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

/** The commit status branch protection can require, whichever event ran the workflow. */
export const APPROVAL_STATUS_CONTEXT = 'change-policy/approval'

export type CommitStatusState = 'success' | 'failure' | 'error' | 'pending'

export interface CommitStatusInput {
  context: string
  state: CommitStatusState
  /** Shortened to GitHub's 140 characters. */
  description: string
  /** The run that decided it. */
  targetUrl?: string
}

const DESCRIPTION_LIMIT = 140

export function statusDescription(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= DESCRIPTION_LIMIT ? line : `${line.slice(0, DESCRIPTION_LIMIT - 1)}…`
}

/**
 * Sets a commit status on `sha`. A status is per commit and context, and the latest one
 * wins: writing it on every run is what replaces an older `success` when an approval is
 * dismissed, so a failure to write it is an error, never something to skip.
 */
export async function setCommitStatus(client: GitHubClient, repo: RepoRef, sha: string, status: CommitStatusInput): Promise<void> {
  try {
    await client.rest.repos.createCommitStatus({
      ...repo,
      sha,
      context: status.context,
      state: status.state,
      description: statusDescription(status.description),
      ...(status.targetUrl ? { target_url: status.targetUrl } : {})
    })
  } catch (error) {
    throw describeRequestError(error, `set the ${status.context} commit status on ${sha.slice(0, 7)}`, 'statuses: write')
  }
}
