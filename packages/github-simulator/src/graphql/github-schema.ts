// The slice of GitHub's GraphQL schema the actions use: a repository's pull requests and
// issues (with `closingIssuesReferences`, the Development-sidebar links), and the
// `enablePullRequestAutoMerge` / `disablePullRequestAutoMerge` mutations. Field names, enum
// values and error messages follow GitHub's; anything else is an unknown field.
import type { Urls } from '../http/urls'
import type { RepositoryState } from '../state/repository-state'
import type { IssueRecord, LabelRecord, MergeMethod, PullRequestRecord } from '../state/records'
import type { SimulatorState } from '../state/simulator-state'
import { tokenAllows, type TokenRecord } from '../state/tokens'
import { GraphqlError, type FieldDef, type GraphqlSchema, type ObjectType, type TypedValue } from './execute'

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

function field<P>(type: string, resolve: (parent: P, args: Args, ctx: Ctx) => unknown): FieldDef<Ctx> {
  return { type, resolve: resolve as FieldDef<Ctx>['resolve'] }
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

function connectionType(node: string): ObjectType<Ctx> {
  return {
    fields: {
      totalCount: field<ConnectionValue>('Int', (c) => c.total),
      nodes: field<ConnectionValue>(`[${node}]`, (c) => c.items),
      edges: field<ConnectionValue>(`[${node}Edge]`, (c) => c.items.map((item, i) => ({ node: item, cursor: cursor(c.offset + i) }))),
      pageInfo: field<ConnectionValue>('PageInfo', (c) => c)
    }
  }
}

function edgeType(node: string): ObjectType<Ctx> {
  return {
    fields: {
      cursor: field<{ cursor: string }>('String', (e) => e.cursor),
      node: field<{ node: unknown }>(node, (e) => e.node)
    }
  }
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

const payloadType: ObjectType<Ctx> = {
  fields: {
    clientMutationId: field<{ clientMutationId: unknown }>('String', (p) => p.clientMutationId),
    pullRequest: field<{ pull: PullValue }>('PullRequest', (p) => p.pull),
    actor: field<{ actor: string }>('Actor', (p, _a, ctx) => actor(ctx, p.actor))
  }
}

const ACTOR_FIELDS = {
  login: field<string>('String', (login) => login),
  url: field<string>('URI', (login, _a, ctx) => ctx.urls.userWeb(login)),
  avatarUrl: field<string>('URI', (login, _a, ctx) => `https://avatars.githubusercontent.com/u/${ctx.state.user(login).id}?v=4`)
}

const accountType: ObjectType<Ctx> = {
  implements: ['Actor', 'Node'],
  fields: {
    ...ACTOR_FIELDS,
    id: field<string>('ID', (login, _a, ctx) => ctx.state.user(login).nodeId),
    databaseId: field<string>('Int', (login, _a, ctx) => ctx.state.user(login).id)
  }
}

export const githubSchema: GraphqlSchema<Ctx> = {
  query: 'Query',
  mutation: 'Mutation',
  abstract: new Set(['Actor', 'Node']),
  types: {
    Query: {
      fields: {
        repository: field<unknown>('Repository', (_r, args, ctx) => findRepository(ctx, args.owner, args.name)),
        node: field<unknown>('Node', (_r, args, ctx) => {
          const target = typeof args.id === 'string' ? ctx.state.nodes.get(args.id) : undefined
          if (target?.type === 'PullRequest') return { __typename: 'PullRequest', value: pullByNodeId(ctx, args.id) }
          const repo = target?.repository === undefined ? undefined : ctx.state.findRepository(target.repository)
          if (target?.type === 'Issue' && repo !== undefined && target.number !== undefined && ctx.canSee(repo)) {
            return { __typename: 'Issue', value: { repo, issue: repo.issue(target.number) } }
          }
          throw new GraphqlError(`Could not resolve to a node with the global id of '${String(args.id)}'`, 'NOT_FOUND')
        }),
        rateLimit: field<unknown>('RateLimit', (_r, _a, ctx) => ctx.token.rateLimits.get('graphql') ?? { limit: 5000, used: 0, reset: 0 })
      }
    },
    Mutation: {
      fields: {
        enablePullRequestAutoMerge: field<unknown>('EnablePullRequestAutoMergePayload', enableAutoMerge),
        disablePullRequestAutoMerge: field<unknown>('DisablePullRequestAutoMergePayload', disableAutoMerge)
      }
    },
    EnablePullRequestAutoMergePayload: payloadType,
    DisablePullRequestAutoMergePayload: payloadType,
    RateLimit: {
      fields: {
        limit: field<{ limit: number }>('Int', (w) => w.limit),
        used: field<{ used: number }>('Int', (w) => w.used),
        remaining: field<{ limit: number; used: number }>('Int', (w) => w.limit - w.used),
        cost: field<unknown>('Int', () => 1),
        nodeCount: field<unknown>('Int', () => 0),
        resetAt: field<{ reset: number }>('DateTime', (w, _a, ctx) => ctx.state.timestamp(w.reset * 1000))
      }
    },
    Repository: {
      implements: ['Node'],
      fields: {
        id: field<RepositoryState>('ID', (r) => r.record.nodeId),
        databaseId: field<RepositoryState>('Int', (r) => r.record.id),
        name: field<RepositoryState>('String', (r) => r.record.name),
        nameWithOwner: field<RepositoryState>('String', (r) => r.fullName),
        owner: field<RepositoryState>('Actor', (r, _a, ctx) => actor(ctx, r.record.owner)),
        url: field<RepositoryState>('URI', (r, _a, ctx) => ctx.urls.repoWeb(r.fullName)),
        isPrivate: field<RepositoryState>('Boolean', (r) => r.record.visibility !== 'public'),
        visibility: field<RepositoryState>('RepositoryVisibility', (r) => r.record.visibility.toUpperCase()),
        autoMergeAllowed: field<RepositoryState>('Boolean', (r) => r.record.allowAutoMerge),
        defaultBranchRef: field<RepositoryState>('Ref', (r) => ({ repo: r, name: r.record.defaultBranch })),
        pullRequest: field<RepositoryState>('PullRequest', (repo, args) => {
          const pull = typeof args.number === 'number' ? repo.pulls.get(args.number) : undefined
          if (pull === undefined) throw new GraphqlError(`Could not resolve to a PullRequest with the number of ${String(args.number)}.`, 'NOT_FOUND')
          return { repo, pull }
        }),
        issue: field<RepositoryState>('Issue', (repo, args) => {
          const issue = typeof args.number === 'number' ? repo.issues.get(args.number) : undefined
          if (issue === undefined || issue.pull !== undefined) {
            throw new GraphqlError(`Could not resolve to an Issue with the number of ${String(args.number)}.`, 'NOT_FOUND')
          }
          return { repo, issue }
        })
      }
    },
    Ref: {
      fields: {
        name: field<{ name: string }>('String', (r) => r.name),
        prefix: field<unknown>('String', () => 'refs/heads/'),
        target: field<{ repo: RepositoryState; name: string }>('Commit', (r) => ({ repo: r.repo, sha: r.repo.branch(r.name) }))
      }
    },
    Commit: {
      fields: {
        oid: field<{ sha: string }>('GitObjectID', (c) => c.sha),
        message: field<{ repo: RepositoryState; sha: string }>('String', (c) => c.repo.getCommit(c.sha).message)
      }
    },
    PullRequest: {
      implements: ['Node'],
      fields: {
        id: field<PullValue>('ID', (v) => v.pull.nodeId),
        databaseId: field<PullValue>('Int', (v) => v.pull.id),
        number: field<PullValue>('Int', (v) => v.pull.number),
        title: field<PullValue>('String', (v) => v.pull.issue.title),
        body: field<PullValue>('String', (v) => v.pull.issue.body ?? ''),
        url: field<PullValue>('URI', (v, _a, ctx) => `${ctx.urls.repoWeb(v.repo.fullName)}/pull/${v.pull.number}`),
        state: field<PullValue>('PullRequestState', (v) => (v.pull.merged ? 'MERGED' : v.pull.issue.state.toUpperCase())),
        isDraft: field<PullValue>('Boolean', (v) => v.pull.draft),
        merged: field<PullValue>('Boolean', (v) => v.pull.merged),
        mergedAt: field<PullValue>('DateTime', (v) => v.pull.mergedAt),
        closed: field<PullValue>('Boolean', (v) => v.pull.issue.state === 'closed'),
        createdAt: field<PullValue>('DateTime', (v) => v.pull.issue.createdAt),
        updatedAt: field<PullValue>('DateTime', (v) => v.pull.issue.updatedAt),
        headRefName: field<PullValue>('String', (v) => v.pull.head.ref),
        headRefOid: field<PullValue>('GitObjectID', (v) => v.pull.head.sha),
        baseRefName: field<PullValue>('String', (v) => v.pull.base.ref),
        baseRefOid: field<PullValue>('GitObjectID', (v) => v.pull.base.sha),
        changedFiles: field<PullValue>('Int', (v) => v.pull.changedFiles),
        additions: field<PullValue>('Int', (v) => v.pull.files.reduce((s, f) => s + f.additions, 0)),
        deletions: field<PullValue>('Int', (v) => v.pull.files.reduce((s, f) => s + f.deletions, 0)),
        author: field<PullValue>('Actor', (v, _a, ctx) => actor(ctx, v.pull.issue.user)),
        mergeStateStatus: field<PullValue>('MergeStateStatus', (v) => v.pull.mergeableState.toUpperCase()),
        mergeable: field<PullValue>('MergeableState', (v) =>
          v.pull.mergeableState === 'dirty' ? 'CONFLICTING' : v.pull.mergeableState === 'unknown' ? 'UNKNOWN' : 'MERGEABLE'
        ),
        autoMergeRequest: field<PullValue>('AutoMergeRequest', (v) => (v.pull.autoMerge === null ? null : v)),
        repository: field<PullValue>('Repository', (v) => v.repo),
        labels: field<PullValue>('LabelConnection', (v, args) => connection(labelsOf(v.repo, v.pull.issue.labels), args, 'labels')),
        closingIssuesReferences: field<PullValue>('IssueConnection', (v, args, ctx) => {
          const numbers = args.userLinkedOnly === true ? v.pull.linkedIssues : v.repo.closingIssues(v.pull, ctx.urls.web)
          const issues = numbers.map((n) => ({ repo: v.repo, issue: v.repo.issue(n) }))
          return connection(issues, args, 'closingIssuesReferences')
        })
      }
    },
    AutoMergeRequest: {
      fields: {
        enabledAt: field<PullValue>('DateTime', (v) => v.pull.autoMerge?.enabledAt ?? null),
        enabledBy: field<PullValue>('Actor', (v, _a, ctx) => actor(ctx, v.pull.autoMerge?.enabledBy ?? null)),
        mergeMethod: field<PullValue>('PullRequestMergeMethod', (v) => v.pull.autoMerge?.mergeMethod.toUpperCase() ?? null),
        commitHeadline: field<PullValue>('String', (v) => v.pull.autoMerge?.commitTitle ?? null),
        commitBody: field<PullValue>('String', (v) => v.pull.autoMerge?.commitMessage ?? null),
        pullRequest: field<PullValue>('PullRequest', (v) => v)
      }
    },
    Issue: {
      implements: ['Node'],
      fields: {
        id: field<IssueValue>('ID', (v) => v.issue.nodeId),
        databaseId: field<IssueValue>('Int', (v) => v.issue.id),
        number: field<IssueValue>('Int', (v) => v.issue.number),
        title: field<IssueValue>('String', (v) => v.issue.title),
        body: field<IssueValue>('String', (v) => v.issue.body ?? ''),
        url: field<IssueValue>('URI', (v, _a, ctx) => `${ctx.urls.repoWeb(v.repo.fullName)}/issues/${v.issue.number}`),
        state: field<IssueValue>('IssueState', (v) => v.issue.state.toUpperCase()),
        stateReason: field<IssueValue>('IssueStateReason', (v) => v.issue.stateReason?.toUpperCase() ?? null),
        closed: field<IssueValue>('Boolean', (v) => v.issue.state === 'closed'),
        closedAt: field<IssueValue>('DateTime', (v) => v.issue.closedAt),
        createdAt: field<IssueValue>('DateTime', (v) => v.issue.createdAt),
        updatedAt: field<IssueValue>('DateTime', (v) => v.issue.updatedAt),
        author: field<IssueValue>('Actor', (v, _a, ctx) => actor(ctx, v.issue.user)),
        repository: field<IssueValue>('Repository', (v) => v.repo),
        labels: field<IssueValue>('LabelConnection', (v, args) => connection(labelsOf(v.repo, v.issue.labels), args, 'labels'))
      }
    },
    Label: {
      implements: ['Node'],
      fields: {
        id: field<LabelValue>('ID', (v) => v.label.nodeId),
        name: field<LabelValue>('String', (v) => v.label.name),
        color: field<LabelValue>('String', (v) => v.label.color),
        description: field<LabelValue>('String', (v) => v.label.description)
      }
    },
    IssueConnection: connectionType('Issue'),
    IssueEdge: edgeType('Issue'),
    LabelConnection: connectionType('Label'),
    LabelEdge: edgeType('Label'),
    PageInfo: {
      fields: {
        hasNextPage: field<ConnectionValue>('Boolean', (c) => c.offset + c.items.length < c.total),
        hasPreviousPage: field<ConnectionValue>('Boolean', (c) => c.offset > 0),
        startCursor: field<ConnectionValue>('String', (c) => (c.items.length === 0 ? null : cursor(c.offset))),
        endCursor: field<ConnectionValue>('String', (c) => (c.items.length === 0 ? null : cursor(c.offset + c.items.length - 1)))
      }
    },
    User: accountType,
    Bot: accountType,
    Organization: accountType,
    // Abstract types: the fields every implementation has, for validating direct selections.
    Actor: { fields: ACTOR_FIELDS },
    Node: { fields: { id: field<unknown>('ID', () => null) } }
  }
}
