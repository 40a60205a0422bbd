// @change-policy/github-simulator: a faithful stand-in for GitHub's API in tests, the
// scenario builders that seed it from real webhook payloads, and runAction, which runs a
// built action the way the Actions runner does.
export { startSimulator, DEFAULT_TOKEN, type Simulator, type SimulatorOptions } from './simulator'
export type { RequestRecord } from './http/request-handler'
export type { GraphqlCall } from './http/route'
export { secondaryRateLimit, primaryRateLimit, type FaultRule, type InjectedFault, type FaultRequest } from './http/fault-injection'
export { SimulatorState, type RepositoryOptions, type TeamOptions } from './state/simulator-state'
export {
  RepositoryState,
  type CommitOptions,
  type PullRequestOptions,
  type ReviewOptions,
  type CheckRunOptions,
  type StatusOptions,
  type IssueOptions
} from './state/repository-state'
export type { FileChangeInput } from './state/file-changes'
export {
  TOKEN_PROFILES,
  GITHUB_TOKEN_PERMISSIONS,
  READ_ONLY_GITHUB_TOKEN_PERMISSIONS,
  type TokenOptions,
  type TokenPermissions,
  type PermissionLevel
} from './state/tokens'
export type * from './state/records'
export {
  pullRequestScenario,
  pullRequestReviewScenario,
  pushScenario,
  mergeGroupScenario,
  workflowDispatchScenario,
  scheduleScenario,
  prepareRepository,
  type Scenario,
  type PullRequestScenario,
  type PushScenario,
  type PullRequestScenarioOptions,
  type PullRequestAction,
  type ReviewScenarioOptions,
  type PushScenarioOptions,
  type MergeGroupScenarioOptions,
  type WorkflowDispatchScenarioOptions,
  type ScheduleScenarioOptions,
  type RepositorySetup
} from './scenarios'
export { webhookExample } from './webhook-examples'
export { runnerEnv } from './runner-env'
export { runAction, inputVariable, type RunActionOptions, type ActionRun } from './run-action'
export { parseWorkflowCommands, parseFileCommands, type Annotation, type WorkflowCommands } from './workflow-commands'
export { githubSchema } from './graphql/github-schema'
