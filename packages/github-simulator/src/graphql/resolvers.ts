// How the simulator answers the slice of GitHub's GraphQL schema the actions use: a
// repository's pull requests and issues (with `closingIssuesReferences`, the
// Development-sidebar links), and the `enablePullRequestAutoMerge` /
// `disablePullRequestAutoMerge` mutations. The types, fields and arguments are GitHub's own
// (./github-schema.ts validates every document first); the values and error messages follow
// GitHub's. A field GitHub has and this file does not answer fails loudly as a gap in the
// simulator, never as a client error.
import type { Urls } from '../http/urls'
import type { RepositoryState } from '../state/repository-state'
import type { CheckRunRecord, CommitRecord, IssueRecord, LabelRecord, MergeMethod, PullRequestRecord, ReviewRecord, StatusRecord } from '../state/records'
import type { SimulatorState } from '../state/simulator-state'
import { tokenAllows, type TokenRecord } from '../state/tokens'
import { GraphqlError, type Resolver, type Resolvers, type TypedValue } from './execute'
import { historyResolvers, mergeResolvers } from './history-resolvers'

export interface GraphqlContext {
  state: SimulatorState
  urls: Urls
  token: TokenRecord
  /** Whether the token may see a repository (installation scope). */
  canSee(repo: RepositoryState): boolean
}

interface PullValue {
  repo: RepositoryState
  pull: PullRequestRecord
}
interface IssueValue {
  repo: RepositoryState
  issue: IssueRecord
}
interface LabelValue {
  repo: RepositoryState
  label: LabelRecord
}
interface ConnectionValue {
  items: unknown[]
  offset: number
  total: number
}

type Args = Record<string, unknown>
type Ctx = GraphqlContext

const MAX_PAGE = 100

type FieldResolvers = Record<string, Resolver<Ctx>>

function field<P>(resolve: (parent: P, args: Args, ctx: Ctx) => unknown): Resolver<Ctx> {
  return resolve as Resolver<Ctx>
}

const cursor = (index: number): string => Buffer.from(`cursor:v2:${index}`).toString('base64')
const cursorIndex = (value: unknown): number => {
  if (typeof value !== 'string') return -1
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(value, 'base64').toString('utf8'))
  return m === null ? -1 : Number(m[1])
}

/** GitHub's connection arguments: `first` or `last` is required and at most 100. */
function connection(items: unknown[], args: Args, name: string): ConnectionValue {
  const first = typeof args.first === 'number' ? args.first : undefined
  const last = typeof args.last === 'number' ? args.last : undefined
  if (first === undefined && last === undefined) {
    throw new GraphqlError(`You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`, 'MISSING_PAGINATION_BOUNDARIES')
  }
  for (const [key, n] of [['first', first], ['last', last]] as const) {
    if (n !== undefined && n > MAX_PAGE) {
      throw new GraphqlError(`Requesting ${n} records on the \`${name}\` connection exceeds the \`${key}\` limit of ${MAX_PAGE} records.`, 'EXCESSIVE_PAGINATION')
    }
  }
  let start = args.after === undefined || args.after === null ? 0 : cursorIndex(args.after) + 1
  let end = args.before === undefined || args.before === null ? items.length : cursorIndex(args.before)
  if (first !== undefined) end = Math.min(end, start + first)
  if (last !== undefined) start = Math.max(start, end - last)
  return { items: items.slice(start, end), offset: start, total: items.length }
}

const connectionFields: FieldResolvers = {
  totalCount: field<ConnectionValue>((c) => c.total),
  nodes: field<ConnectionValue>((c) => c.items),
  edges: field<ConnectionValue>((c) => c.items.map((item, i) => ({ node: item, cursor: cursor(c.offset + i) }))),
  pageInfo: field<ConnectionValue>((c) => c)
}

const edgeFields: FieldResolvers = {
  cursor: field<{ cursor: string }>((e) => e.cursor),
  node: field<{ node: unknown }>((e) => e.node)
}

function actor(ctx: Ctx, login: string | null): TypedValue | null {
  if (login === null) return null
  const user = ctx.state.user(login)
  return { __typename: user.type === 'Bot' ? 'Bot' : user.type === 'Organization' ? 'Organization' : 'User', value: user.login }
}

function labelsOf(repo: RepositoryState, names: readonly string[]): LabelValue[] {
  return names.map((name) => ({ repo, label: repo.findLabel(name) ?? repo.addLabel(name) }))
}

function findRepository(ctx: Ctx, owner: unknown, name: unknown): RepositoryState {
  const repo = ctx.state.findRepository(`${String(owner)}/${String(name)}`)
  if (repo === undefined || !ctx.canSee(repo)) {
    throw new GraphqlError(`Could not resolve to a Repository with the name '${String(owner)}/${String(name)}'.`, 'NOT_FOUND')
  }
  return repo
}

function pullByNodeId(ctx: Ctx, id: unknown): PullValue {
  const target = typeof id === 'string' ? ctx.state.nodes.get(id) : undefined
  const repo = target?.repository === undefined ? undefined : ctx.state.findRepository(target.repository)
  const pull = target?.type === 'PullRequest' && target.number !== undefined ? repo?.pulls.get(target.number) : undefined
  if (repo === undefined || pull === undefined || !ctx.canSee(repo)) {
    throw new GraphqlError(`Could not resolve to a node with the global id of '${String(id)}'`, 'NOT_FOUND')
  }
  return { repo, pull }
}

const MERGE_METHODS: Record<string, MergeMethod> = { MERGE: 'merge', SQUASH: 'squash', REBASE: 'rebase' }

function enableAutoMerge(_root: unknown, args: Args, ctx: Ctx): unknown {
  const input = (args.input ?? {}) as Args
  const { repo, pull } = pullByNodeId(ctx, input.pullRequestId)
  if (!tokenAllows(ctx.token, [{ pull_requests: 'write', contents: 'write' }])) {
    throw new GraphqlError('Resource not accessible by integration', 'FORBIDDEN')
  }
  // GitHub prefixes these messages with "Pull request", hence the doubled words.
  if (!repo.record.allowAutoMerge) throw new GraphqlError('Pull request Auto merge is not allowed for this repository', 'UNPROCESSABLE')
  if (pull.issue.state !== 'open') throw new GraphqlError('Pull request Pull request is closed', 'UNPROCESSABLE')
  if (['clean', 'unstable', 'has_hooks'].includes(pull.mergeableState)) {
    throw new GraphqlError(`Pull request Pull request is in ${pull.mergeableState} status`, 'UNPROCESSABLE')
  }
  const method = MERGE_METHODS[String(input.mergeMethod ?? 'MERGE')]
  if (method === undefined) throw new GraphqlError(`Argument 'mergeMethod' on InputObject 'EnablePullRequestAutoMergeInput' has an invalid value (${String(input.mergeMethod)}).`, 'INVALID')
  if (typeof input.expectedHeadOid === 'string' && input.expectedHeadOid !== pull.head.sha) {
    throw new GraphqlError('Pull request head branch was modified. Review and try the merge again.', 'UNPROCESSABLE')
  }
  const defaultTitle =
    method === 'merge'
      ? `Merge pull request #${pull.number} from ${pull.head.repo.split('/')[0]}/${pull.head.ref}`
      : `${pull.issue.title} (#${pull.number})`
  pull.autoMerge = {
    enabledBy: ctx.token.login,
    mergeMethod: method,
    commitTitle: typeof input.commitHeadline === 'string' ? input.commitHeadline : defaultTitle,
    commitMessage: typeof input.commitBody === 'string' ? input.commitBody : method === 'merge' ? pull.issue.title : '',
    enabledAt: ctx.state.timestamp()
  }
  return { clientMutationId: input.clientMutationId ?? null, pull: { repo, pull }, actor: ctx.token.login }
}

function disableAutoMerge(_root: unknown, args: Args, ctx: Ctx): unknown {
  const input = (args.input ?? {}) as Args
  const value = pullByNodeId(ctx, input.pullRequestId)
  if (!tokenAllows(ctx.token, [{ pull_requests: 'write' }])) throw new GraphqlError('Resource not accessible by integration', 'FORBIDDEN')
  value.pull.autoMerge = null
  return { clientMutationId: input.clientMutationId ?? null, pull: value, actor: ctx.token.login }
}

const payloadFields: FieldResolvers = {
  clientMutationId: field<{ clientMutationId: unknown }>((p) => p.clientMutationId),
  pullRequest: field<{ pull: PullValue }>((p) => p.pull),
  actor: field<{ actor: string }>((p, _a, ctx) => actor(ctx, p.actor))
}

const accountFields: FieldResolvers = {
  login: field<string>((login) => login),
  url: field<string>((login, _a, ctx) => ctx.urls.userWeb(login)),
  avatarUrl: field<string>((login, _a, ctx) => `https://avatars.githubusercontent.com/u/${ctx.state.user(login).id}?v=4`),
  id: field<string>((login, _a, ctx) => ctx.state.user(login).nodeId),
  databaseId: field<string>((login, _a, ctx) => ctx.state.user(login).id)
}


interface CommitValue {
  repo: RepositoryState
  sha: string
}
interface ReviewValue {
  repo: RepositoryState
  review: ReviewRecord
}

/** `repository.pullRequests`: filtered by `states` and `baseRefName`, ordered as `orderBy` says (GitHub's default: created, ascending). */
function listPullRequests(repo: RepositoryState, args: Args): PullValue[] {
  const states = Array.isArray(args.states) ? (args.states as string[]) : null
  const state = (p: PullRequestRecord): string => (p.merged ? 'MERGED' : p.issue.state.toUpperCase())
  const order = (args.orderBy ?? { field: 'CREATED_AT', direction: 'ASC' }) as { field: string; direction: string }
  const key = (p: PullRequestRecord): string => (order.field === 'UPDATED_AT' ? p.issue.updatedAt : p.issue.createdAt)
  const pulls = [...repo.pulls.values()].filter(
    (p) => (states === null || states.includes(state(p))) && (typeof args.baseRefName !== 'string' || p.base.ref === args.baseRefName)
  )
  pulls.sort((a, b) => (key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1))
  if (order.direction === 'DESC') pulls.reverse()
  return pulls.map((pull) => ({ repo, pull }))
}

/** The latest check run per name and the latest status per context on a commit, as the rollup shows them. */
function rollupContexts(repo: RepositoryState, sha: string): TypedValue[] {
  const runs = new Map<string, CheckRunRecord>()
  for (const run of repo.checkRuns) if (run.headSha === sha) runs.set(run.name, run)
  const statuses = new Map<string, StatusRecord>()
  for (const status of repo.statuses) if (status.sha === sha) statuses.set(status.context, status)
  return [
    ...[...runs.values()].map((value) => ({ __typename: 'CheckRun', value })),
    ...[...statuses.values()].map((value) => ({ __typename: 'StatusContext', value }))
  ]
}

function rollupState(contexts: TypedValue[]): string {
  const outcomes = contexts.map((c) =>
    c.__typename === 'CheckRun' ? ((c.value as CheckRunRecord).conclusion ?? 'pending') : (c.value as StatusRecord).state
  )
  if (outcomes.some((o) => ['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure'].includes(o))) return 'FAILURE'
  if (outcomes.some((o) => o === 'error')) return 'ERROR'
  if (outcomes.some((o) => o === 'pending')) return 'PENDING'
  return 'SUCCESS'
}

const baseResolvers: Resolvers<Ctx> = {
  Query: {
    repository: field<unknown>((_r, args, ctx) => findRepository(ctx, args.owner, args.name)),
    node: field<unknown>((_r, args, ctx) => {
      const target = typeof args.id === 'string' ? ctx.state.nodes.get(args.id) : undefined
      if (target?.type === 'PullRequest') return { __typename: 'PullRequest', value: pullByNodeId(ctx, args.id) }
      const repo = target?.repository === undefined ? undefined : ctx.state.findRepository(target.repository)
      if (target?.type === 'Issue' && repo !== undefined && target.number !== undefined && ctx.canSee(repo)) {
        return { __typename: 'Issue', value: { repo, issue: repo.issue(target.number) } }
      }
      throw new GraphqlError(`Could not resolve to a node with the global id of '${String(args.id)}'`, 'NOT_FOUND')
    }),
    rateLimit: field<unknown>((_r, _a, ctx) => ctx.token.rateLimits.get('graphql') ?? { limit: 5000, used: 0, reset: 0 })
  },
  Mutation: {
    enablePullRequestAutoMerge: field<unknown>(enableAutoMerge),
    disablePullRequestAutoMerge: field<unknown>(disableAutoMerge)
  },
  EnablePullRequestAutoMergePayload: payloadFields,
  DisablePullRequestAutoMergePayload: payloadFields,
  RateLimit: {
    limit: field<{ limit: number }>((w) => w.limit),
    used: field<{ used: number }>((w) => w.used),
    remaining: field<{ limit: number; used: number }>((w) => w.limit - w.used),
    cost: field<unknown>(() => 1),
    nodeCount: field<unknown>(() => 0),
    resetAt: field<{ reset: number }>((w, _a, ctx) => ctx.state.timestamp(w.reset * 1000))
  },
  Repository: {
    id: field<RepositoryState>((r) => r.record.nodeId),
    databaseId: field<RepositoryState>((r) => r.record.id),
    name: field<RepositoryState>((r) => r.record.name),
    nameWithOwner: field<RepositoryState>((r) => r.fullName),
    owner: field<RepositoryState>((r, _a, ctx) => actor(ctx, r.record.owner)),
    url: field<RepositoryState>((r, _a, ctx) => ctx.urls.repoWeb(r.fullName)),
    isPrivate: field<RepositoryState>((r) => r.record.visibility !== 'public'),
    visibility: field<RepositoryState>((r) => r.record.visibility.toUpperCase()),
    autoMergeAllowed: field<RepositoryState>((r) => r.record.allowAutoMerge),
    defaultBranchRef: field<RepositoryState>((r) => ({ repo: r, name: r.record.defaultBranch })),
    pullRequest: field<RepositoryState>((repo, args) => {
      const pull = typeof args.number === 'number' ? repo.pulls.get(args.number) : undefined
      if (pull === undefined) throw new GraphqlError(`Could not resolve to a PullRequest with the number of ${String(args.number)}.`, 'NOT_FOUND')
      return { repo, pull }
    }),
    pullRequests: field<RepositoryState>((repo, args) => connection(listPullRequests(repo, args), args, 'pullRequests')),
    issue: field<RepositoryState>((repo, args) => {
      const issue = typeof args.number === 'number' ? repo.issues.get(args.number) : undefined
      if (issue === undefined || issue.pull !== undefined) {
        throw new GraphqlError(`Could not resolve to an Issue with the number of ${String(args.number)}.`, 'NOT_FOUND')
      }
      return { repo, issue }
    })
  },
  Ref: {
    name: field<{ name: string }>((r) => r.name),
    prefix: field<unknown>(() => 'refs/heads/'),
    target: field<{ repo: RepositoryState; name: string }>((r) => ({ repo: r.repo, sha: r.repo.branch(r.name) }))
  },
  Commit: {
    oid: field<{ sha: string }>((c) => c.sha),
    message: field<{ repo: RepositoryState; sha: string }>((c) => c.repo.getCommit(c.sha).message),
    parents: field<CommitValue>((c, args) => connection(c.repo.getCommit(c.sha).parents.map((sha) => ({ repo: c.repo, sha })), args, 'parents')),
    author: field<CommitValue>((c) => c.repo.getCommit(c.sha).author),
    committer: field<CommitValue>((c) => c.repo.getCommit(c.sha).committer),
    statusCheckRollup: field<CommitValue>((c) => (rollupContexts(c.repo, c.sha).length === 0 ? null : c))
  },
  GitActor: {
    name: field<CommitRecord['author']>((g) => g.name),
    email: field<CommitRecord['author']>((g) => g.email),
    date: field<CommitRecord['author']>((g) => g.date),
    user: field<CommitRecord['author']>((g) => g.login)
  },
  StatusCheckRollup: {
    state: field<CommitValue>((c) => rollupState(rollupContexts(c.repo, c.sha))),
    contexts: field<CommitValue>((c, args) => connection(rollupContexts(c.repo, c.sha), args, 'contexts'))
  },
  CheckRun: {
    name: field<CheckRunRecord>((r) => r.name),
    status: field<CheckRunRecord>((r) => r.status.toUpperCase()),
    conclusion: field<CheckRunRecord>((r) => r.conclusion?.toUpperCase() ?? null)
  },
  StatusContext: {
    context: field<StatusRecord>((s) => s.context),
    state: field<StatusRecord>((s) => s.state.toUpperCase())
  },
  PullRequestReview: {
    databaseId: field<ReviewValue>((v) => v.review.id),
    state: field<ReviewValue>((v) => v.review.state),
    submittedAt: field<ReviewValue>((v) => v.review.submittedAt),
    author: field<ReviewValue>((v, _a, ctx) => actor(ctx, v.review.user)),
    commit: field<ReviewValue>((v) => (v.review.commitId && v.repo.commits.has(v.review.commitId) ? { repo: v.repo, sha: v.review.commitId } : null))
  },
  PullRequestCommit: {
    commit: field<CommitValue>((c) => c)
  },
  PullRequestChangedFile: {
    path: field<{ filename: string }>((f) => f.filename)
  },
  PullRequestConnection: connectionFields,
  PullRequestReviewConnection: connectionFields,
  PullRequestCommitConnection: connectionFields,
  PullRequestChangedFileConnection: connectionFields,
  CommitConnection: connectionFields,
  StatusCheckRollupContextConnection: connectionFields,
  PullRequest: {
    id: field<PullValue>((v) => v.pull.nodeId),
    databaseId: field<PullValue>((v) => v.pull.id),
    number: field<PullValue>((v) => v.pull.number),
    title: field<PullValue>((v) => v.pull.issue.title),
    body: field<PullValue>((v) => v.pull.issue.body ?? ''),
    url: field<PullValue>((v, _a, ctx) => `${ctx.urls.repoWeb(v.repo.fullName)}/pull/${v.pull.number}`),
    state: field<PullValue>((v) => (v.pull.merged ? 'MERGED' : v.pull.issue.state.toUpperCase())),
    isDraft: field<PullValue>((v) => v.pull.draft),
    merged: field<PullValue>((v) => v.pull.merged),
    mergedAt: field<PullValue>((v) => v.pull.mergedAt),
    closed: field<PullValue>((v) => v.pull.issue.state === 'closed'),
    createdAt: field<PullValue>((v) => v.pull.issue.createdAt),
    updatedAt: field<PullValue>((v) => v.pull.issue.updatedAt),
    headRefName: field<PullValue>((v) => v.pull.head.ref),
    headRefOid: field<PullValue>((v) => v.pull.head.sha),
    baseRefName: field<PullValue>((v) => v.pull.base.ref),
    baseRefOid: field<PullValue>((v) => v.pull.base.sha),
    changedFiles: field<PullValue>((v) => v.pull.changedFiles),
    additions: field<PullValue>((v) => v.pull.files.reduce((s, f) => s + f.additions, 0)),
    deletions: field<PullValue>((v) => v.pull.files.reduce((s, f) => s + f.deletions, 0)),
    author: field<PullValue>((v, _a, ctx) => actor(ctx, v.pull.issue.user)),
    mergeStateStatus: field<PullValue>((v) => v.pull.mergeableState.toUpperCase()),
    mergeable: field<PullValue>((v) =>
      v.pull.mergeableState === 'dirty' ? 'CONFLICTING' : v.pull.mergeableState === 'unknown' ? 'UNKNOWN' : 'MERGEABLE'
    ),
    autoMergeRequest: field<PullValue>((v) => (v.pull.autoMerge === null ? null : v)),
    mergedBy: field<PullValue>((v, _a, ctx) => actor(ctx, v.pull.mergedBy)),
    mergeCommit: field<PullValue>((v) => (v.pull.mergeCommitSha === null ? null : { repo: v.repo, sha: v.pull.mergeCommitSha })),
    reviews: field<PullValue>((v, args) =>
      connection(v.repo.reviews.filter((r) => r.pullNumber === v.pull.number).map((review) => ({ repo: v.repo, review })), args, 'reviews')
    ),
    commits: field<PullValue>((v, args) => connection(v.pull.commits.map((sha) => ({ repo: v.repo, sha })), args, 'commits')),
    files: field<PullValue>((v, args) => connection(v.pull.files, args, 'files')),
    repository: field<PullValue>((v) => v.repo),
    labels: field<PullValue>((v, args) => connection(labelsOf(v.repo, v.pull.issue.labels), args, 'labels')),
    closingIssuesReferences: field<PullValue>((v, args, ctx) => {
      const numbers = args.userLinkedOnly === true ? v.pull.linkedIssues : v.repo.closingIssues(v.pull, ctx.urls.web)
      const issues = numbers.map((n) => ({ repo: v.repo, issue: v.repo.issue(n) }))
      return connection(issues, args, 'closingIssuesReferences')
    })
  },
  AutoMergeRequest: {
    enabledAt: field<PullValue>((v) => v.pull.autoMerge?.enabledAt ?? null),
    enabledBy: field<PullValue>((v, _a, ctx) => actor(ctx, v.pull.autoMerge?.enabledBy ?? null)),
    mergeMethod: field<PullValue>((v) => v.pull.autoMerge?.mergeMethod.toUpperCase() ?? null),
    commitHeadline: field<PullValue>((v) => v.pull.autoMerge?.commitTitle ?? null),
    commitBody: field<PullValue>((v) => v.pull.autoMerge?.commitMessage ?? null),
    pullRequest: field<PullValue>((v) => v)
  },
  Issue: {
    id: field<IssueValue>((v) => v.issue.nodeId),
    databaseId: field<IssueValue>((v) => v.issue.id),
    number: field<IssueValue>((v) => v.issue.number),
    title: field<IssueValue>((v) => v.issue.title),
    body: field<IssueValue>((v) => v.issue.body ?? ''),
    url: field<IssueValue>((v, _a, ctx) => `${ctx.urls.repoWeb(v.repo.fullName)}/issues/${v.issue.number}`),
    state: field<IssueValue>((v) => v.issue.state.toUpperCase()),
    stateReason: field<IssueValue>((v) => v.issue.stateReason?.toUpperCase() ?? null),
    closed: field<IssueValue>((v) => v.issue.state === 'closed'),
    closedAt: field<IssueValue>((v) => v.issue.closedAt),
    createdAt: field<IssueValue>((v) => v.issue.createdAt),
    updatedAt: field<IssueValue>((v) => v.issue.updatedAt),
    author: field<IssueValue>((v, _a, ctx) => actor(ctx, v.issue.user)),
    repository: field<IssueValue>((v) => v.repo),
    labels: field<IssueValue>((v, args) => connection(labelsOf(v.repo, v.issue.labels), args, 'labels'))
  },
  Label: {
    id: field<LabelValue>((v) => v.label.nodeId),
    name: field<LabelValue>((v) => v.label.name),
    color: field<LabelValue>((v) => v.label.color),
    description: field<LabelValue>((v) => v.label.description)
  },
  IssueConnection: connectionFields,
  IssueEdge: edgeFields,
  LabelConnection: connectionFields,
  LabelEdge: edgeFields,
  PageInfo: {
    hasNextPage: field<ConnectionValue>((c) => c.offset + c.items.length < c.total),
    hasPreviousPage: field<ConnectionValue>((c) => c.offset > 0),
    startCursor: field<ConnectionValue>((c) => (c.items.length === 0 ? null : cursor(c.offset))),
    endCursor: field<ConnectionValue>((c) => (c.items.length === 0 ? null : cursor(c.offset + c.items.length - 1)))
  },
  User: accountFields,
  Bot: accountFields,
  Organization: accountFields
}

// gate-deploy's slice (history, associated pull requests, reviews, files, checks) lives in its own file.
export const githubResolvers: Resolvers<Ctx> = mergeResolvers(baseResolvers, historyResolvers({ connection, actor, labelsOf, connectionFields }))
