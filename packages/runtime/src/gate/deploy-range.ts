// Which commits a deploy carries, and which deploy branch the commit is on. The range starts
// after the last deployment the gate recorded as successful for the environment; with none,
// after `since`, else after the commit that added the policy to the branch.
import { compileGlobList, type Policy } from '@change-policy/policy'
import {
  compareCommits,
  findLastSuccessfulDeployment,
  firstCommitTouching,
  type CommitInfo,
  type Comparison,
  type GitHubClient,
  type RepoRef
} from '@change-policy/github'
import { ActionError } from '../action-error'

export interface DeployBranch {
  name: string
  /** Whether the commit is the branch's head or one of its ancestors. */
  contains: boolean
  /** The branch's head. */
  head: string
  /** `sha...branch`: what the branch has that the commit has not (a rollback's drift). */
  comparison: Comparison
}

/**
 * The deploy branch holding `sha`: the run's branch when the policy lists it, else each
 * branch the policy names literally (a glob names no branch to ask about).
 */
export async function findDeployBranch(client: GitHubClient, repo: RepoRef, sha: string, policy: Policy, runBranch: string | null, known?: Comparison): Promise<DeployBranch | null> {
  const isDeployBranch = compileGlobList(policy.deploy.branches)
  const literal = policy.deploy.branches.filter((b) => !/[*?[\]{}!]/.test(b))
  const candidates = [...new Set([...(runBranch && isDeployBranch(runBranch) ? [runBranch] : []), ...literal])]
  let first: DeployBranch | null = null
  for (const name of candidates) {
    const comparison = known && name === runBranch ? known : await compareCommits(client, repo, sha, name)
    const contains = comparison.status === 'identical' || comparison.status === 'ahead'
    const found = { name, contains, head: comparison.commits.at(-1)?.sha ?? sha, comparison }
    if (contains) return found
    first ??= found
  }
  return first
}

export interface DeployRange {
  /** Exclusive start; null when only the commit itself is judged. */
  base: string | null
  from: 'deployment' | 'since' | 'policy-added' | 'redeploy'
  /** Oldest first, the deployed commit last. */
  commits: Array<{ sha: string; parents: string[] }>
  note: string
}

export async function findDeployRange(
  client: GitHubClient,
  repo: RepoRef,
  input: { tip: CommitInfo; environment: string; since: string; branch: string; policyPath: string }
): Promise<DeployRange> {
  const { tip } = input
  const short = (sha: string): string => sha.slice(0, 7)
  const last = await findLastSuccessfulDeployment(client, repo, input.environment)
  let base: string
  let from: DeployRange['from']
  let note: string
  if (last) {
    if (last.sha === tip.sha) return { base: null, from: 'redeploy', commits: [tip], note: `${short(tip.sha)} is already the last successful deployment to ${input.environment}; it is judged again on its own.` }
    base = last.sha
    from = 'deployment'
    note = `Range starts after ${short(last.sha)}, the last successful deployment to ${input.environment} (deployment ${last.id}, ${last.createdAt}).`
  } else if (input.since) {
    base = input.since
    from = 'since'
    note = `No successful deployment to ${input.environment} is recorded; the range starts after \`since\` (${short(input.since)}).`
  } else {
    const added = await firstCommitTouching(client, repo, input.branch, input.policyPath)
    if (added === null) {
      throw new ActionError({
        message: `No successful deployment to ${input.environment} is recorded and ${input.policyPath} was never committed to ${input.branch}, so there is no known start for the commits this deploy carries.`,
        fix: 'Set the `since` input to the last commit that is known to be deployed (a full sha); later runs start from the deployment the gate records.'
      })
    }
    base = added
    from = 'policy-added'
    note = `No successful deployment to ${input.environment} is recorded; the range starts after ${short(added)}, the commit that added ${input.policyPath}.`
  }
  if (base === tip.sha) return { base: null, from, commits: [tip], note }
  const comparison = await compareCommits(client, repo, base, tip.sha)
  if (comparison.status === 'identical') return { base: null, from, commits: [tip], note }
  if (comparison.status !== 'ahead') {
    throw new ActionError({
      message:
        comparison.status === 'behind'
          ? `${short(tip.sha)} is older than ${short(base)} (${from === 'deployment' ? 'the last deployment' : 'the start of the range'}): deploying it goes back in time.`
          : `${short(base)} (${from === 'deployment' ? 'the last deployment' : 'the start of the range'}) is not an ancestor of ${short(tip.sha)}: the branch's history was rewritten since.`,
      fix: comparison.status === 'behind' ? 'To return to an earlier release, run the gate with `mode: rollback`.' : 'Deploy a commit that descends from the last deployment, or have an administrator record where to start with `since` in a fresh environment.'
    })
  }
  return { base, from, commits: comparison.commits, note }
}
