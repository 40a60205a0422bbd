// Builders for the gate's end-to-end tests: a repository with the policy on main, pull
// requests merged at known times with their reviews and checks, and a run of the bundled
// action on workflow_dispatch (or push) with the runner's clock where the test wants it.
import { fileURLToPath } from 'node:url'
import {
  prepareRepository,
  runAction,
  workflowDispatchScenario,
  type ActionRun,
  type CommitRecord,
  type FileChangeInput,
  type MergeMethod,
  type PullRequestRecord,
  type RepositoryState,
  type Simulator
} from '@change-policy/github-simulator'

export const ACTION = 'actions/gate-deploy/action.yml'
const CLOCK = fileURLToPath(new URL('./runner-clock.mjs', import.meta.url))

export const WEDNESDAY = '2026-12-02T10:00:00Z'

export const COLLABORATORS = { alice: 'write', bob: 'maintain', carol: 'write', dave: 'write' } as const

/** Minutes after the start of a test's story; every event gets its own minute so order is never a tie. */
export class Story {
  private minute = 0
  private readonly start = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000
  next(): string {
    this.minute += 1
    return new Date(this.start + this.minute * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
}

export interface MergedChange {
  pr: PullRequestRecord
  landed: CommitRecord
}

export interface ChangeOptions {
  files?: FileChangeInput[]
  labels?: string[]
  /** Reviews before the merge (default: bob approves). */
  reviews?: Array<{ user: string; state?: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' }>
  /** Reviews after the merge. */
  lateReviews?: Array<{ user: string }>
  /** Check runs on the head, by name: a conclusion, or null for one still running. Default test and build succeed. */
  checks?: Record<string, string | null>
  method?: MergeMethod
  viaMergeQueue?: boolean
  /** More commits pushed before the merge. */
  pushes?: number
  author?: string
  body?: string
  /** Labels put on after the merge (by bob). */
  lateLabels?: string[]
}

export class GateWorld {
  readonly story = new Story()
  readonly repo: RepositoryState

  readonly repository: string

  /** A repository of its own (`acme/app`, `acme/app-2`, …), so that two worlds in one test never share a history. */
  constructor(
    readonly sim: Simulator,
    policy: string
  ) {
    const taken = [...sim.state.repositories.keys()].length
    this.repository = taken === 0 ? 'acme/app' : `acme/app-${taken + 1}`
    this.repo = prepareRepository(sim, { repository: this.repository, policy, collaborators: COLLABORATORS })
  }

  /** A pull request by alice, reviewed, checked and merged. */
  merge(options: ChangeOptions = {}): MergedChange {
    const at = this.story.next()
    const pr = this.repo.openPullRequest({ author: options.author ?? 'alice', files: options.files ?? ['src/app.ts'], labels: options.labels ?? [], at, ...(options.body === undefined ? {} : { body: options.body }) })
    for (let i = 0; i < (options.pushes ?? 0); i++) this.repo.pushToPullRequest(pr.number, { files: [`src/more-${pr.number}-${i}.ts`], at: this.story.next() })
    for (const review of options.reviews ?? [{ user: 'bob' }]) this.repo.addReview(pr.number, { user: review.user, state: review.state ?? 'APPROVED', at: this.story.next() })
    for (const [name, conclusion] of Object.entries(options.checks ?? { test: 'success', build: 'success' })) {
      this.repo.addCheckRun(conclusion === null ? { sha: pr.head.sha, name, status: 'in_progress' } : { sha: pr.head.sha, name, conclusion: conclusion as 'success' })
    }
    const landed = this.repo.mergePullRequest(pr.number, { by: 'bob', method: options.method ?? 'merge', at: this.story.next(), ...(options.viaMergeQueue ? { viaMergeQueue: true } : {}) })
    for (const review of options.lateReviews ?? []) this.repo.addReview(pr.number, { user: review.user, at: this.story.next() })
    for (const label of options.lateLabels ?? []) this.repo.labelIssue(pr.number, label, { actor: 'bob', at: this.story.next() })
    return { pr, landed }
  }

  /** A commit pushed straight to main. */
  push(files: Record<string, string | null> = { 'src/hotfix.ts': 'export const x = 1\n' }): CommitRecord {
    return this.repo.commit({ branch: 'main', files, author: 'alice', at: this.story.next() })
  }

  /** The gate, run by workflow_dispatch on main (its sha: main's head unless `sha` is given). */
  async gate(inputs: Record<string, string> = {}, options: { now?: string; token?: string; branch?: string } = {}): Promise<ActionRun> {
    const sc = await workflowDispatchScenario(this.sim, { repository: this.repository, ...(options.branch ? { branch: options.branch } : {}) })
    // A Wednesday morning unless the test says otherwise: no test depends on the day it runs.
    const env: Record<string, string> = { ...sc.env, NODE_OPTIONS: `--import=${CLOCK}`, GATE_TEST_NOW: options.now ?? WEDNESDAY }
    const result = await runAction(ACTION, { env, token: options.token ?? sc.token, inputs })
    return result
  }

  deployments(): Array<[string, string]> {
    return this.repo.deploymentLog.deployments.map((d) => [d.sha, d.statuses.at(-1)?.state ?? 'none'])
  }
}

/** The step passed, said allowed, and wrote no error. */
export function expectAllowed(result: ActionRun): void {
  expect({ errors: errorOf(result), exitCode: result.exitCode, allowed: result.outputs['allowed'] }).toEqual({ errors: '', exitCode: 0, allowed: 'true' })
}

/** The step failed with allowed=false and an error matching `why`; returns the error text. */
export function expectRefused(result: ActionRun, why: RegExp): string {
  const errors = errorOf(result)
  expect({ exitCode: result.exitCode, allowed: result.outputs['allowed'] }).toEqual({ exitCode: 1, allowed: 'false' })
  expect(errors).toMatch(why)
  return errors
}

export function errorOf(result: ActionRun): string {
  return result.annotations.filter((a) => a.level === 'error').map((a) => a.message).join('\n')
}
