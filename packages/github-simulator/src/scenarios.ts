// Scenario builders: each takes a real webhook payload from @octokit/webhooks-examples,
// seeds the simulator so that GitHub's state agrees with it (repository, branches, commits,
// the pull request and its files, labels, reviews), rewrites the payload from that state,
// and writes it where GITHUB_EVENT_PATH will point. The result carries the runner
// environment of the event, ready for runAction.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Urls } from './http/urls'
import { pullRequest as presentPullRequest } from './present/pull-request'
import { fullRepository } from './present/repository'
import { review as presentReview } from './present/review'
import { label as presentLabel } from './present/label'
import { simpleUser } from './present/user'
import type { View } from './present/view'
import { runnerEnv } from './runner-env'
import { webhookExample } from './webhook-examples'
import type { Simulator } from './simulator'
import type { CommitRecord, PullRequestRecord, RepositoryRole, ReviewState, Visibility } from './state/records'
import type { PullRequestOptions, RepositoryState } from './state/repository-state'

type Payload = Record<string, unknown>

export interface Scenario {
  eventName: string
  /** The event payload file, for GITHUB_EVENT_PATH. */
  eventPath: string
  payload: Payload
  repo: RepositoryState
  /** GITHUB_SHA and GITHUB_REF of the event. */
  sha: string
  ref: string
  actor: string
  /** The simulator's default token, for the action's `token` input. */
  token: string
  env: Record<string, string>
}

export interface PullRequestScenario extends Scenario {
  pr: PullRequestRecord
  headSha: string
  baseSha: string
}

export interface RepositorySetup {
  /** `owner/name`; created when absent. Default `acme/app`. */
  repository?: string
  visibility?: Visibility
  /** The policy file's text, committed on the base branch before anything else. */
  policy?: string
  /** Default `.github/change-policy.yml`. */
  policyPath?: string
  /** More files committed on the base branch. */
  baseFiles?: Record<string, string>
  collaborators?: Record<string, RepositoryRole>
}

export type PullRequestAction =
  | 'opened'
  | 'synchronize'
  | 'labeled'
  | 'unlabeled'
  | 'reopened'
  | 'edited'
  | 'ready_for_review'
  | 'closed'

export interface PullRequestScenarioOptions extends RepositorySetup, Omit<PullRequestOptions, 'head' | 'base'> {
  event?: 'pull_request' | 'pull_request_target'
  action?: PullRequestAction
  headBranch?: string
  baseBranch?: string
  /** Who triggered the event (who added the label, pushed, merged). Default: the author. */
  sender?: string
  /** The label of a `labeled`/`unlabeled` event; for `labeled` it is added by `sender` now. */
  label?: string
  /** Files of the push behind `synchronize`. */
  pushFiles?: PullRequestOptions['files']
  /** For `synchronize`: the push is GitHub's "Update branch", a merge of the base branch in (by `sender`, committed by web-flow). */
  mergeBase?: boolean
  /** For `closed`: merged (default) or closed unmerged. */
  merged?: boolean
  runId?: number
}

const DEFAULT_REPOSITORY = 'acme/app'

function viewOf(sim: Simulator): View {
  return { state: sim.state, urls: new Urls(sim.url, sim.serverUrl) }
}

// Event files must outlive the scenario (an action reads them later): they live in one
// directory per simulator, removed when it closes.
const eventDirs = new WeakMap<Simulator, Promise<string>>()
let eventCount = 0

async function writeEvent(sim: Simulator, payload: Payload): Promise<string> {
  let dir = eventDirs.get(sim)
  if (dir === undefined) {
    dir = mkdtemp(join(tmpdir(), 'change-policy-events-'))
    eventDirs.set(sim, dir)
    const created = dir
    sim.onClose(async () => rm(await created, { recursive: true, force: true }))
  }
  eventCount += 1
  const path = join(await dir, `event-${eventCount}.json`)
  await writeFile(path, JSON.stringify(payload, null, 2))
  return path
}

/** The repository a scenario works in, created and seeded as the setup asks. */
export function prepareRepository(sim: Simulator, setup: RepositorySetup, baseBranch?: string): RepositoryState {
  const fullName = setup.repository ?? DEFAULT_REPOSITORY
  const repo =
    sim.state.findRepository(fullName) ??
    sim.state.addRepository(setup.visibility === undefined ? { fullName } : { fullName, visibility: setup.visibility })
  const branch = baseBranch ?? repo.record.defaultBranch
  if (repo.branch(branch) === undefined) repo.createBranch(branch)
  const files: Record<string, string> = { ...(setup.baseFiles ?? {}) }
  if (setup.policy !== undefined) files[setup.policyPath ?? '.github/change-policy.yml'] = setup.policy
  if (Object.keys(files).length > 0) repo.commit({ branch, files, message: 'Set up the repository', author: repo.record.owner })
  for (const [login, role] of Object.entries(setup.collaborators ?? {})) repo.setCollaborator(login, role)
  return repo
}

/** Webhook payloads carry the organization of an organization-owned repository. */
function organizationOf(sim: Simulator, repo: RepositoryState, example: unknown): Payload | undefined {
  const owner = sim.state.user(repo.record.owner)
  if (owner.type !== 'Organization') return undefined
  const api = `${sim.url}/orgs/${owner.login}`
  return {
    ...(typeof example === 'object' && example !== null ? (example as Payload) : {}),
    login: owner.login,
    id: owner.id,
    node_id: owner.nodeId,
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${owner.id}?v=4`,
    description: null
  }
}

/** The example's envelope with repository, sender and organization taken from the simulator. */
function envelope(sim: Simulator, repo: RepositoryState, example: Payload, sender: string): Payload {
  const view = viewOf(sim)
  const repository: Payload = { ...((example.repository as Payload | undefined) ?? {}), ...fullRepository(view, repo) }
  // Push payloads write the repository's created_at and pushed_at as epoch seconds.
  for (const key of ['created_at', 'pushed_at']) {
    const original = (example.repository as Payload | undefined)?.[key]
    if (typeof original === 'number' && typeof repository[key] === 'string') repository[key] = Math.floor(Date.parse(repository[key] as string) / 1000)
  }
  const payload: Payload = { ...example, repository, sender: simpleUser(view, sender) }
  // A workflow's GITHUB_TOKEN events carry no app installation or enterprise.
  delete payload.installation
  delete payload.enterprise
  const organization = organizationOf(sim, repo, example.organization)
  if (organization === undefined) delete payload.organization
  else payload.organization = organization
  return payload
}

async function finish<T extends Scenario>(sim: Simulator, partial: Omit<T, 'eventPath' | 'env' | 'token'>, env: { headRef?: string; baseRef?: string; runId?: number }): Promise<T> {
  const eventPath = await writeEvent(sim, partial.payload)
  const runnerOptions = { eventName: partial.eventName, eventPath, sha: partial.sha, ref: partial.ref, actor: partial.actor, ...env }
  return { ...partial, eventPath, token: sim.token, env: runnerEnv(sim, partial.repo, runnerOptions) } as T
}

function pullRequestPayload(sim: Simulator, repo: RepositoryState, pr: PullRequestRecord, example: Payload, sender: string): Payload {
  const view = viewOf(sim)
  const payload = envelope(sim, repo, example, sender)
  payload.number = pr.number
  payload.pull_request = { ...((example.pull_request as Payload | undefined) ?? {}), ...presentPullRequest(view, repo, pr) }
  return payload
}

/** Where a pull request event runs: the test merge commit, or (pull_request_target) the base tip. */
function pullRequestRef(repo: RepositoryState, pr: PullRequestRecord, event: string): { sha: string; ref: string } {
  if (event === 'pull_request_target') {
    return { sha: repo.branch(pr.base.ref) ?? pr.base.sha, ref: `refs/heads/${pr.base.ref}` }
  }
  return { sha: repo.pullMergeRefs.get(pr.number) ?? repo.refreshMergeRef(pr), ref: `refs/pull/${pr.number}/merge` }
}

/** Opens (or, with `number` of an existing one, reuses) a pull request and writes the event for `action`. */
export async function pullRequestScenario(sim: Simulator, options: PullRequestScenarioOptions = {}): Promise<PullRequestScenario> {
  const event = options.event ?? 'pull_request_target'
  const action = options.action ?? 'opened'
  const repo = prepareRepository(sim, options, options.baseBranch)
  const pr = pullRequestFor(repo, options)
  const author = pr.issue.user
  const sender = sim.state.user(options.sender ?? author).login
  const view = viewOf(sim)
  const extra: Payload = {}

  if (action === 'labeled' || action === 'unlabeled') {
    const name = options.label ?? options.labels?.[options.labels.length - 1]
    if (name === undefined) throw new Error(`pullRequestScenario: a ${action} event needs \`label\``)
    if (action === 'labeled') repo.labelIssue(pr.number, name, { actor: sender })
    else {
      if (!pr.issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) repo.labelIssue(pr.number, name, { actor: author })
      repo.unlabelIssue(pr.number, name, { actor: sender })
    }
    extra.label = presentLabel(view, repo, repo.findLabel(name) ?? repo.addLabel(name))
  } else if (action === 'synchronize') {
    const before = pr.head.sha
    const files = options.pushFiles
    if (options.mergeBase === true) repo.mergeBaseIntoPullRequest(pr.number, { author: sender, committer: 'web-flow' })
    else repo.pushToPullRequest(pr.number, files === undefined ? { author: sender } : { files, author: sender })
    extra.before = before
    extra.after = pr.head.sha
  } else if (action === 'closed') {
    if (options.merged === false) repo.closeIssue(pr.number, { actor: sender })
    else repo.mergePullRequest(pr.number, { by: sender })
  } else if (action === 'ready_for_review') {
    pr.draft = false
    if (pr.mergeableState === 'draft') pr.mergeableState = 'blocked'
  }

  const example = webhookExampleFor('pull_request', action)
  const payload: Payload = { ...pullRequestPayload(sim, repo, pr, example, sender), ...extra, action }
  if (action !== 'labeled' && action !== 'unlabeled') delete payload.label
  if (action !== 'synchronize') {
    delete payload.before
    delete payload.after
  }
  const { sha, ref } = action === 'closed' && event === 'pull_request' ? { sha: pr.mergeCommitSha ?? pr.head.sha, ref: `refs/heads/${pr.base.ref}` } : pullRequestRef(repo, pr, event)
  return finish<PullRequestScenario>(
    sim,
    { eventName: event, payload, repo, sha, ref, actor: sender, pr, headSha: pr.head.sha, baseSha: pr.base.sha },
    { headRef: pr.head.ref, baseRef: pr.base.ref, ...(options.runId === undefined ? {} : { runId: options.runId }) }
  )
}

function pullRequestFor(repo: RepositoryState, options: PullRequestScenarioOptions): PullRequestRecord {
  if (options.number !== undefined && repo.pulls.has(options.number)) return repo.pull(options.number)
  const { headBranch, baseBranch, ...rest } = options
  const open: PullRequestOptions = { author: 'alice', ...rest }
  if (headBranch !== undefined) open.head = headBranch
  if (baseBranch !== undefined) open.base = baseBranch
  return repo.openPullRequest(open)
}

// An action without an example of its own (edited) gets the first example, an `opened` one,
// which has the same shape; `action` is overwritten anyway.
function webhookExampleFor(event: string, action: string): Payload {
  return webhookExample(event, action)
}

export interface ReviewScenarioOptions extends PullRequestScenarioOptions {
  /**
   * `submitted` (default) adds the review; `edited` and `dismissed` act on the review `id`
   * names, or on one submitted first; `dismissed` is done by `sender` (default: the owner).
   */
  reviewAction?: 'submitted' | 'edited' | 'dismissed'
  review: { user: string; state?: ReviewState; body?: string; commitId?: string; id?: number }
}

/** A `pull_request_review` event: a review submitted to the pull request, edited or dismissed. */
export async function pullRequestReviewScenario(sim: Simulator, options: ReviewScenarioOptions): Promise<PullRequestScenario> {
  const repo = prepareRepository(sim, options, options.baseBranch)
  const pr = pullRequestFor(repo, options)
  const action = options.reviewAction ?? 'submitted'
  const existing = options.review.id === undefined ? undefined : repo.reviews.find((r) => r.pullNumber === pr.number && r.id === options.review.id)
  if (options.review.id !== undefined && existing === undefined) throw new Error(`pullRequestReviewScenario: #${pr.number} has no review ${options.review.id}`)
  const record =
    existing ??
    repo.addReview(pr.number, {
      user: options.review.user,
      state: options.review.state ?? 'APPROVED',
      ...(options.review.body === undefined ? {} : { body: options.review.body }),
      ...(options.review.commitId === undefined ? {} : { commitId: options.review.commitId })
    })
  if (action === 'edited' && options.review.body !== undefined) record.body = options.review.body
  if (action === 'dismissed') repo.dismissReview(pr.number, record.id)
  const sender = action === 'dismissed' ? sim.state.user(options.sender ?? repo.record.owner).login : record.user
  const view = viewOf(sim)
  const example = webhookExample('pull_request_review', action === 'dismissed' ? 'dismissed' : 'submitted')
  const payload = pullRequestPayload(sim, repo, pr, example, sender)
  delete payload.number
  // Webhooks spell review states in lower case ("approved"); the REST API in upper case.
  payload.review = { ...((example.review as Payload | undefined) ?? {}), ...presentReview(view, repo, record), state: record.state.toLowerCase() }
  payload.action = action
  if (action === 'edited') payload.changes = { body: { from: '' } }
  else delete payload.changes
  const { sha, ref } = pullRequestRef(repo, pr, 'pull_request')
  return finish<PullRequestScenario>(
    sim,
    { eventName: 'pull_request_review', payload, repo, sha, ref, actor: sender, pr, headSha: pr.head.sha, baseSha: pr.base.sha },
    { headRef: pr.head.ref, baseRef: pr.base.ref }
  )
}

export interface PushScenarioOptions extends RepositorySetup {
  branch?: string
  /** Files of a direct push (ignored with `mergePullRequest`). */
  files?: Record<string, string | null>
  message?: string
  /** The pusher. Default: the repository owner (or the merger). */
  author?: string
  /** Push by merging this pull request (as the merge button does). */
  mergePullRequest?: number
  mergeMethod?: 'merge' | 'squash' | 'rebase'
}

export interface PushScenario extends Scenario {
  before: string
  after: string
  commits: CommitRecord[]
}

function pushCommit(sim: Simulator, repo: RepositoryState, commit: CommitRecord): Payload {
  const files = repo.commitFiles(commit.sha)
  const who = (id: CommitRecord['author']): Payload => ({ name: id.name, email: id.email, ...(id.login === null ? {} : { username: id.login }) })
  return {
    id: commit.sha,
    tree_id: commit.treeSha,
    distinct: true,
    message: commit.message,
    timestamp: commit.committer.date,
    url: `${sim.serverUrl}/${repo.fullName}/commit/${commit.sha}`,
    author: who(commit.author),
    committer: who(commit.committer),
    added: files.filter((f) => f.status === 'added' || f.status === 'renamed').map((f) => f.filename),
    removed: files.flatMap((f) => (f.status === 'removed' ? [f.filename] : f.previousFilename !== undefined ? [f.previousFilename] : [])),
    modified: files.filter((f) => f.status === 'modified').map((f) => f.filename)
  }
}

/** A `push` to a branch: a direct commit, or the merge of a pull request. */
export async function pushScenario(sim: Simulator, options: PushScenarioOptions = {}): Promise<PushScenario> {
  const repo = prepareRepository(sim, options, options.branch)
  let branch = options.branch ?? repo.record.defaultBranch
  const pull = options.mergePullRequest === undefined ? undefined : repo.pull(options.mergePullRequest)
  if (pull !== undefined) branch = pull.base.ref
  const before = repo.branch(branch) as string
  const pusher = sim.state.user(options.author ?? repo.record.owner).login
  if (pull !== undefined) repo.mergePullRequest(pull.number, { by: pusher, method: options.mergeMethod ?? 'merge' })
  else repo.commit({ branch, files: options.files ?? { 'CHANGELOG.md': 'Changes\n' }, message: options.message ?? 'Direct push', author: pusher })
  const after = repo.branch(branch) as string
  // GitHub lists at most 20 commits in a push payload, oldest first.
  const commits = repo.commitsBetween(before, after).map((sha) => repo.getCommit(sha))
  const example = webhookExample('push', (e) => typeof e.ref === 'string' && e.ref.startsWith('refs/heads/'))
  const payload = envelope(sim, repo, example, pusher)
  const head = repo.getCommit(after)
  Object.assign(payload, {
    ref: `refs/heads/${branch}`,
    before,
    after,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${sim.serverUrl}/${repo.fullName}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    commits: commits.slice(-20).map((c) => pushCommit(sim, repo, c)),
    head_commit: pushCommit(sim, repo, head),
    pusher: { name: pusher, email: head.author.login === pusher ? head.author.email : `${sim.state.user(pusher).id}+${pusher}@users.noreply.github.com` }
  })
  return finish<PushScenario>(sim, { eventName: 'push', payload, repo, sha: after, ref: `refs/heads/${branch}`, actor: pusher, before, after, commits }, {})
}

export interface MergeGroupScenarioOptions extends RepositorySetup {
  /** The pull request entering the merge queue. */
  pullRequest: number
}

/** A `merge_group` `checks_requested` event: the queue's temporary branch with the PR merged onto its base. */
export async function mergeGroupScenario(sim: Simulator, options: MergeGroupScenarioOptions): Promise<Scenario & { headSha: string; baseSha: string }> {
  const repo = prepareRepository(sim, options)
  const pr = repo.pull(options.pullRequest)
  const baseSha = repo.branch(pr.base.ref) as string
  const queueBranch = `gh-readonly-queue/${pr.base.ref}/pr-${pr.number}-${baseSha}`
  const commit = repo.commit({
    branch: queueBranch,
    parents: [baseSha, pr.head.sha],
    files: repo.mergedChanges(baseSha, pr.head.sha),
    message: `Merge pull request #${pr.number} from ${pr.head.repo.split('/')[0]}/${pr.head.ref}\n\n${pr.issue.title}`,
    author: pr.issue.user,
    committer: { name: 'GitHub', email: 'noreply@github.com', login: 'web-flow' }
  })
  const example = webhookExample('merge_group', 'checks_requested')
  const payload = envelope(sim, repo, example, 'github-merge-queue[bot]')
  payload.merge_group = {
    head_sha: commit.sha,
    head_ref: `refs/heads/${queueBranch}`,
    base_sha: baseSha,
    base_ref: `refs/heads/${pr.base.ref}`,
    head_commit: {
      id: commit.sha,
      tree_id: commit.treeSha,
      message: commit.message,
      timestamp: commit.committer.date,
      author: { name: commit.author.name, email: commit.author.email },
      committer: { name: commit.committer.name, email: commit.committer.email }
    }
  }
  return finish(sim, { eventName: 'merge_group', payload, repo, sha: commit.sha, ref: `refs/heads/${queueBranch}`, actor: 'github-merge-queue[bot]', headSha: commit.sha, baseSha }, {})
}

export interface WorkflowDispatchScenarioOptions extends RepositorySetup {
  branch?: string
  inputs?: Record<string, string>
  actor?: string
  workflow?: string
}

/** A `workflow_dispatch` run on a branch, with its inputs. */
export async function workflowDispatchScenario(sim: Simulator, options: WorkflowDispatchScenarioOptions = {}): Promise<Scenario> {
  const repo = prepareRepository(sim, options, options.branch)
  const branch = options.branch ?? repo.record.defaultBranch
  const actor = sim.state.user(options.actor ?? repo.record.owner).login
  const payload = envelope(sim, repo, webhookExample('workflow_dispatch'), actor)
  Object.assign(payload, { inputs: options.inputs ?? {}, ref: `refs/heads/${branch}`, workflow: options.workflow ?? '.github/workflows/change-policy.yml' })
  return finish(sim, { eventName: 'workflow_dispatch', payload, repo, sha: repo.branch(branch) as string, ref: `refs/heads/${branch}`, actor }, {})
}

export interface ScheduleScenarioOptions extends RepositorySetup {
  cron?: string
  /** The user who last edited the cron line: GitHub runs the schedule as them. */
  actor?: string
}

/**
 * A `schedule` run on the default branch. Its payload is only `{schedule, workflow}` (there is
 * no example of it to start from): code must take the repository from GITHUB_REPOSITORY.
 */
export async function scheduleScenario(sim: Simulator, options: ScheduleScenarioOptions = {}): Promise<Scenario> {
  const repo = prepareRepository(sim, options)
  const branch = repo.record.defaultBranch
  const actor = sim.state.user(options.actor ?? repo.record.owner).login
  const payload = { schedule: options.cron ?? '0 * * * *', workflow: '.github/workflows/change-policy.yml' }
  return finish(sim, { eventName: 'schedule', payload, repo, sha: repo.branch(branch) as string, ref: `refs/heads/${branch}`, actor }, {})
}
