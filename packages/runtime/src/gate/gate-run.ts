// The whole gate over the GitHub layer: the commit, the policy at its parent, the deploy
// branch, the range, where each commit came from, each pull request at merge time, the
// freezes, a rollback's drift; then the decision, made by packages/policy.
import {
  decideGate,
  judgeFreezes,
  traceRange,
  type ChangeType,
  type FreezeVerdict,
  type GateDecision,
  type GateMode,
  type RangeProvenance,
  type RollbackFacts
} from '@change-policy/policy'
import { compareCommits, getCommit, listRangePullRequests, readMergedPullRequestDetails, type GitHubClient, type RepoRef } from '@change-policy/github'
import { ActionError } from '../action-error'
import { loadPolicy, type LoadedPolicy } from '../policy-loading'
import { findDeployBranch, findDeployRange, type DeployRange } from './deploy-range'
import { judgePullRequestAtMerge, type JudgedPullRequest } from './pull-request-at-merge'
import { migrationsSince } from './schema-drift'

export interface GateRunInput {
  sha: string
  environment: string
  mode: GateMode
  since: string
  allowSchemaDrift: boolean
  policyPath: string
  /** The `policy-ref` input; default: the deployed commit's parent. */
  policyRef: string
  /** The branch the workflow ran on, when it did on one. */
  runBranch: string | null
  serverUrl: string
  /** The runner's clock, read once by the action. */
  now: Date
}

export interface GateRun {
  decision: GateDecision
  sha: string
  loaded: LoadedPolicy
  branch: string
  range: DeployRange
  provenance: RangeProvenance
  judged: JudgedPullRequest[]
  /** The pull request that landed the deployed commit, if one did. */
  tip: JudgedPullRequest | null
  freeze: FreezeVerdict
  rollback?: RollbackFacts
}

// At most this many requests at once: GitHub's secondary rate limit punishes bursts.
const PARALLEL = 6

async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += PARALLEL) results.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(work))))
  return results
}

export async function runGate(client: GitHubClient, repo: RepoRef, input: GateRunInput): Promise<GateRun> {
  // The run's branch compared with the commit first: that one request says what the commit's
  // parent is (where the policy is read) and, usually, that the commit is on the branch.
  const onRunBranch = input.runBranch ? await compareCommits(client, repo, input.sha, input.runBranch).catch(() => undefined) : undefined
  const tip = onRunBranch ? { sha: onRunBranch.base.sha, parents: onRunBranch.base.parents } : await getCommit(client, repo, input.sha)
  // The rules the change was merged under, at the deploy branch just before the commit.
  const policyRef = input.policyRef || tip.parents[0] || tip.sha
  const loaded = await loadPolicy(client, repo, input.policyPath, policyRef)
  const { policy } = loaded
  if (!policy.deploy.environments.includes(input.environment)) {
    throw new ActionError({
      message: `Environment \`${input.environment}\` is not one the policy guards (deploy.environments: ${policy.deploy.environments.join(', ')}).`,
      fix: `Set the \`environment\` input to one of ${policy.deploy.environments.join(', ')}, or add \`${input.environment}\` to deploy.environments in ${input.policyPath}.`
    })
  }
  const branch = await findDeployBranch(client, repo, tip.sha, policy, input.runBranch, onRunBranch)
  if (!branch || (input.mode === 'deploy' && !branch.contains)) {
    throw new ActionError({
      message: `Commit ${tip.sha.slice(0, 7)} is not on a deploy branch (deploy.branches: ${policy.deploy.branches.join(', ')}).`,
      fix: 'Deploy a commit of the deploy branch (the `sha` input, default the workflow\'s), after its pull request was merged.'
    })
  }

  const range: DeployRange =
    input.mode === 'rollback'
      ? { base: null, from: 'redeploy', commits: [tip], note: `Rollback: ${tip.sha.slice(0, 7)} is judged on its own, as the release it returns to.` }
      : await findDeployRange(client, repo, { tip, environment: input.environment, since: input.since, branch: branch.name, policyPath: input.policyPath })

  // One GraphQL request for the pull requests of up to 100 commits, then one per 10 pull requests.
  const associated = await listRangePullRequests(client, repo, tip.sha, range.commits.map((c) => c.sha))
  const provenance = traceRange(
    range.commits.map((c) => ({ sha: c.sha, parents: c.parents, pulls: associated.bySha.get(c.sha) ?? [] })),
    policy.deploy.branches,
    policy.deploy.allowDirectPush
  )
  const batched = provenance.pullRequests.filter((n) => associated.nodeIds.has(n))
  const read = await readMergedPullRequestDetails(client, repo, batched.map((n) => associated.nodeIds.get(n) as string))
  const known = new Map(read.map((data) => [data.info.number, data]))
  const judged = await inBatches(provenance.pullRequests, (n) => judgePullRequestAtMerge(client, repo, n, policy, input.serverUrl, known.get(n)))
  const tipNumber = provenance.commits.at(-1)?.pullRequest ?? null
  const tipJudged = judged.find((j) => j.judgement.number === tipNumber) ?? null

  // A direct push let through has no type of its own: judged as the normal change it would be.
  const types: ChangeType[] = [...judged.map((j) => j.judgement.changeType), ...provenance.directPushes.map(() => 'normal' as const)]
  const freeze = judgeFreezes(policy.deploy.freezes, types, input.now)

  let rollback: RollbackFacts | undefined
  if (input.mode === 'rollback') {
    const migrations = branch.contains && branch.comparison.commits.length > 0 ? await migrationsSince(client, repo, branch.comparison, branch.head, policy) : []
    rollback = { target: tip.sha, head: branch.head, onBranch: branch.contains, branch: branch.name, migrations, allowSchemaDrift: input.allowSchemaDrift }
  }
  const decision = decideGate({ mode: input.mode, sha: tip.sha, environment: input.environment, provenance, pulls: judged.map((j) => j.judgement), freeze, ...(rollback ? { rollback } : {}) })
  return { decision, sha: tip.sha, loaded, branch: branch.name, range, provenance, judged, tip: tipJudged, freeze, ...(rollback ? { rollback } : {}) }
}
