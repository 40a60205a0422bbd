// What the event tells this step when its inputs leave it out: the ref to read the policy
// from, the commit holding the history already deployed, and the change being judged.
import { ActionError, type RunContext } from '@change-policy/runtime'

interface PullRequestPayload {
  number?: number
  base?: { ref?: string; sha?: string }
  head?: { sha?: string }
}

function pullRequestOf(run: RunContext): PullRequestPayload | undefined {
  return run.payload['pull_request'] as PullRequestPayload | undefined
}

/** The pull request's base branch, else the repository's default branch (contract: `policy-ref`). */
export function defaultPolicyRef(run: RunContext): string {
  const base = pullRequestOf(run)?.base?.ref
  if (base) return base
  const repository = run.payload['repository'] as { default_branch?: string } | undefined
  if (repository?.default_branch) return repository.default_branch
  throw new ActionError({
    message: `A \`${run.eventName || 'unknown'}\` event names neither a pull request nor the repository's default branch, so there is no branch to read the policy from.`,
    fix: 'Set the `policy-ref` input to the branch whose policy applies, e.g. `main`.'
  })
}

/**
 * The commit the migrations are compared with, to tell new and edited ones from those
 * already deployed: the pull request's base commit (in the checkout with fetch-depth: 0),
 * a merge queue's base, or a push's previous tip.
 */
export function defaultBaseRef(run: RunContext): string {
  const pr = pullRequestOf(run)
  if (pr?.base?.sha) return pr.base.sha
  const group = run.payload['merge_group'] as { base_sha?: string } | undefined
  if (group?.base_sha) return group.base_sha
  const before = run.payload['before']
  if (run.eventName === 'push' && typeof before === 'string' && !/^0+$/.test(before)) return before
  throw new ActionError({
    message: `A \`${run.eventName || 'unknown'}\` event names no base commit to compare the migrations with, so new migrations cannot be told from deployed ones.`,
    fix: 'Set the `base-ref` input (e.g. `origin/main`, fetched with actions/checkout `fetch-depth: 0`), or run the step on `pull_request`.'
  })
}

/** The commit judged, for the audit record: the pull request's head, else the workflow's commit. */
export function judgedCommit(run: RunContext): string {
  return pullRequestOf(run)?.head?.sha ?? run.sha
}

export function pullRequestNumber(run: RunContext): number | null {
  const number = pullRequestOf(run)?.number
  return typeof number === 'number' ? number : null
}
