import type { GitHubClient, RepoRef } from '@change-policy/github'
import { loadPolicy, type LoadedPolicy } from './policy-loading'
import type { RunContext } from './run-context'

export interface PendingPolicyRead {
  /** The policy at `policy-ref`, else at the pull request's base branch. */
  forPullRequest(pr: { baseRef: string }): Promise<LoadedPolicy>
}

/**
 * Starts reading the policy before the pull request itself is read, when the ref is already
 * known (the `policy-ref` input, or the base branch the event names), so the two requests
 * run at once. If the pull request turns out to target another base (edited since the
 * event), the policy is read again at the base it has now.
 */
export function startPolicyRead(
  client: GitHubClient,
  repo: RepoRef,
  run: Pick<RunContext, 'payload'>,
  request: { number: number; path: string; explicitRef: string }
): PendingPolicyRead {
  const eventPr = run.payload['pull_request'] as { number?: number; base?: { ref?: string } } | undefined
  const eventBase = eventPr?.number === request.number ? eventPr.base?.ref : undefined
  const earlyRef = request.explicitRef || eventBase
  const early = earlyRef ? loadPolicy(client, repo, request.path, earlyRef) : undefined
  // Awaited in forPullRequest; until then its failure must not surface as an unhandled
  // rejection, since a missing pull request's error should be the one reported.
  early?.catch(() => undefined)
  return {
    forPullRequest: (pr) =>
      early && (request.explicitRef || earlyRef === pr.baseRef) ? early : loadPolicy(client, repo, request.path, pr.baseRef)
  }
}
