// Deployments: where the last successful deploy to an environment was (so the next gate
// knows where its range starts), and the gate's own record of each decision.
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

/** The `task` of the deployments the gate records; only these say where a range starts. */
export const GATE_DEPLOYMENT_TASK = 'deploy:change-policy'
/** Deployments looked at, newest first, for one with a success status. */
const DEPLOYMENTS_SCANNED = 30

export interface LastDeployment {
  id: number
  sha: string
  createdAt: string
}

/**
 * The newest deployment to `environment` recorded by the gate that has a `success` status
 * (a later `inactive` from auto_inactive does not undo it: that one did go out). Deployments
 * other tools create are not trusted to move the start: anyone with `deployments: write`
 * could otherwise skip commits past the gate.
 */
export async function findLastSuccessfulDeployment(client: GitHubClient, repo: RepoRef, environment: string): Promise<LastDeployment | null> {
  const permission = 'deployments: read'
  let listed
  try {
    ;({ data: listed } = await client.rest.repos.listDeployments({ ...repo, environment, task: GATE_DEPLOYMENT_TASK, per_page: DEPLOYMENTS_SCANNED }))
  } catch (error) {
    throw describeRequestError(error, `list the deployments to ${environment}`, permission)
  }
  for (const deployment of listed) {
    let statuses
    try {
      ;({ data: statuses } = await client.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: deployment.id, per_page: 100 }))
    } catch (error) {
      throw describeRequestError(error, `read the statuses of deployment ${deployment.id}`, permission)
    }
    if (statuses.some((s) => s.state === 'success')) return { id: deployment.id, sha: deployment.sha, createdAt: deployment.created_at }
  }
  return null
}

export interface DeploymentRecordInput {
  sha: string
  environment: string
  allowed: boolean
  description: string
  /** The run's URL, shown on the deployment. */
  logUrl: string
  payload: Record<string, unknown>
}

/**
 * Records the decision as a deployment with a `success` (allowed) or `failure` (refused)
 * status. `required_contexts: []`: the gate has judged the checks itself, by the policy's
 * names; `auto_merge: false`: a deploy must never merge anything.
 */
export async function recordGateDeployment(client: GitHubClient, repo: RepoRef, input: DeploymentRecordInput): Promise<number> {
  const permission = 'deployments: write'
  let id: number
  try {
    const { data } = await client.rest.repos.createDeployment({
      ...repo,
      ref: input.sha,
      task: GATE_DEPLOYMENT_TASK,
      environment: input.environment,
      description: input.description.slice(0, 140),
      required_contexts: [],
      auto_merge: false,
      payload: input.payload,
      production_environment: input.environment === 'production'
    })
    if (!('id' in data)) throw new Error(data.message ?? 'GitHub merged instead of creating a deployment')
    id = data.id
  } catch (error) {
    throw describeRequestError(error, `record the deployment of ${input.sha.slice(0, 7)} to ${input.environment}`, permission)
  }
  try {
    await client.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: input.allowed ? 'success' : 'failure',
      description: input.description.slice(0, 140),
      ...(input.logUrl ? { log_url: input.logUrl, target_url: input.logUrl } : {})
    })
  } catch (error) {
    throw describeRequestError(error, `set the status of deployment ${id}`, permission)
  }
  return id
}
