// The environment the Actions runner gives a step, for the event a scenario simulates.
// GITHUB_SHA and GITHUB_REF follow GitHub's table of events: a pull_request runs on the
// test merge commit (refs/pull/N/merge), a pull_request_target on the base branch tip.
import type { Simulator } from './simulator'
import type { RepositoryState } from './state/repository-state'

export interface RunnerEnvOptions {
  eventName: string
  eventPath: string
  sha: string
  ref: string
  actor: string
  /** GITHUB_HEAD_REF / GITHUB_BASE_REF: set for pull request events only. */
  headRef?: string
  baseRef?: string
  runId?: number
  workflow?: string
  job?: string
}

let lastRunId = 7000000000

export function runnerEnv(sim: Simulator, repo: RepositoryState, options: RunnerEnvOptions): Record<string, string> {
  const actor = sim.state.user(options.actor)
  const owner = sim.state.user(repo.record.owner)
  const runId = options.runId ?? (lastRunId += 1)
  const workflowFile = '.github/workflows/change-policy.yml'
  const refName = options.ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\//, '')
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: repo.fullName,
    GITHUB_REPOSITORY_ID: String(repo.record.id),
    GITHUB_REPOSITORY_OWNER: repo.record.owner,
    GITHUB_REPOSITORY_OWNER_ID: String(owner.id),
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: options.eventPath,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: options.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_HEAD_REF: options.headRef ?? '',
    GITHUB_BASE_REF: options.baseRef ?? '',
    GITHUB_API_URL: sim.url,
    GITHUB_GRAPHQL_URL: sim.graphqlUrl,
    GITHUB_SERVER_URL: sim.serverUrl,
    GITHUB_ACTOR: actor.login,
    GITHUB_ACTOR_ID: String(actor.id),
    GITHUB_TRIGGERING_ACTOR: actor.login,
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_NUMBER: String(runId % 1000),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: options.workflow ?? 'change-policy',
    GITHUB_WORKFLOW_REF: `${repo.fullName}/${workflowFile}@${options.ref}`,
    GITHUB_WORKFLOW_SHA: options.sha,
    GITHUB_JOB: options.job ?? 'policy',
    GITHUB_ACTION: '__change-policy',
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted'
  }
}
