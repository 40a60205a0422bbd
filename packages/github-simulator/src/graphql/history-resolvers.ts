// The part of GitHub's GraphQL schema gate-deploy reads: a commit's history with the pull
// requests associated with each commit (the same association as REST `commits/{sha}/pulls`),
// pull requests by node id with their reviews, files, label events and the check runs (with
// their app) and statuses of their head. Merged into the simulator's resolvers in ./resolvers.ts.
import type { RepositoryState } from '../state/repository-state'
import type { CheckRunRecord, ChangedFileRecord, IssueEventRecord, PullRequestRecord } from '../state/records'
import { latestStatuses } from '../present/status'
import { GraphqlError, type Resolver, type Resolvers, type TypedValue } from './execute'
import type { GraphqlContext } from './resolvers'

type Args = Record<string, unknown>
type Ctx = GraphqlContext
type FieldResolvers = Record<string, Resolver<Ctx>>

interface CommitValue {
  repo: RepositoryState
  sha: string
}
interface PullValue {
  repo: RepositoryState
  pull: PullRequestRecord
}
interface SuiteValue {
  repo: RepositoryState
  sha: string
  runs: CheckRunRecord[]
}

function field<P>(resolve: (parent: P, args: Args, ctx: Ctx) => unknown): Resolver<Ctx> {
  return resolve as Resolver<Ctx>
}

/** Shares the connection arguments and limits of ./resolvers.ts. */
export interface HistoryResolverDeps {
  connection(items: unknown[], args: Args, name: string): unknown
  actor(ctx: Ctx, login: string | null): TypedValue | null
  labelsOf(repo: RepositoryState, names: readonly string[]): unknown[]
  connectionFields: FieldResolvers
}

// The connections only this slice answers; the common ones (pull requests, their commits, files and
// reviews, a commit's parents) and their node types are in ./resolvers.ts, once.
const CONNECTIONS = ['CommitHistoryConnection', 'CheckSuiteConnection', 'CheckRunConnection', 'PullRequestTimelineItemsConnection']

const FILE_CHANGE: Record<string, string> = { added: 'ADDED', removed: 'DELETED', modified: 'MODIFIED', renamed: 'RENAMED', copied: 'COPIED', changed: 'CHANGED', unchanged: 'MODIFIED' }

export function historyResolvers(deps: HistoryResolverDeps): Resolvers<Ctx> {
  const { connection } = deps
  const commit = (repo: RepositoryState, sha: string): CommitValue => ({ repo, sha })
  return {
    ...Object.fromEntries(CONNECTIONS.map((name) => [name, deps.connectionFields])),
    Query: {
      nodes: field<unknown>((_r, args, ctx) =>
        (Array.isArray(args.ids) ? args.ids : []).map((id) => {
          const target = typeof id === 'string' ? ctx.state.nodes.get(id) : undefined
          const repo = target?.repository === undefined ? undefined : ctx.state.findRepository(target.repository)
          const pull = target?.type === 'PullRequest' && target.number !== undefined ? repo?.pulls.get(target.number) : undefined
          if (repo === undefined || pull === undefined || !ctx.canSee(repo)) return null
          return { __typename: 'PullRequest', value: { repo, pull } }
        })
      )
    },
    Repository: {
      object: field<RepositoryState>((repo, args) => {
        const oid = typeof args.oid === 'string' ? args.oid : undefined
        if (oid === undefined) throw new GraphqlError('The simulator answers `object` by `oid` only.', 'INVALID')
        return repo.commits.has(oid) ? { __typename: 'Commit', value: commit(repo, oid) } : null
      })
    },
    Commit: {
      // Newest first by committer date, as `git log` lists every commit reachable from this one.
      history: field<CommitValue>((c, args) => {
        const shas = [...c.repo.ancestors(c.sha)].sort((a, b) => Date.parse(c.repo.getCommit(b).committer.date) - Date.parse(c.repo.getCommit(a).committer.date) || (a < b ? -1 : 1))
        return connection(shas.map((sha) => commit(c.repo, sha)), args, 'history')
      }),
      associatedPullRequests: field<CommitValue>((c, args) => connection(c.repo.pullsAssociatedWith(c.sha).map((pull) => ({ repo: c.repo, pull })), args, 'associatedPullRequests')),
      // One suite per app, as GitHub groups an app's runs on a commit.
      checkSuites: field<CommitValue>((c, args) => {
        const byApp = new Map<number, CheckRunRecord[]>()
        for (const run of c.repo.checkRuns) if (run.headSha === c.sha) byApp.set(run.app.id, [...(byApp.get(run.app.id) ?? []), run])
        return connection([...byApp.values()].map((runs) => ({ repo: c.repo, sha: c.sha, runs })), args, 'checkSuites')
      }),
      status: field<CommitValue>((c) => (c.repo.statuses.some((s) => s.sha === c.sha) ? c : null))
    },
    Status: {
      contexts: field<CommitValue>((c) => latestStatuses(c.repo, c.sha))
    },
    CheckSuite: {
      app: field<SuiteValue>((s) => s.runs[0]?.app ?? null),
      checkRuns: field<SuiteValue>((s, args) => {
        const filter = (args.filterBy ?? {}) as Args
        let runs = [...s.runs].sort((a, b) => b.id - a.id)
        if (filter.checkType !== 'ALL') {
          const seen = new Set<string>()
          runs = runs.filter((r) => (seen.has(r.name) ? false : (seen.add(r.name), true)))
        }
        return connection(runs, args, 'checkRuns')
      })
    },
    App: {
      slug: field<{ slug: string }>((a) => a.slug),
      name: field<{ name: string }>((a) => a.name),
      databaseId: field<{ id: number }>((a) => a.id)
    },
    PullRequest: {
      headRepository: field<PullValue>((v, _a, ctx) => ctx.state.findRepository(v.pull.head.repo) ?? null),
      timelineItems: field<PullValue>((v, args) => {
        const types = Array.isArray(args.itemTypes) ? (args.itemTypes as string[]) : ['LABELED_EVENT', 'UNLABELED_EVENT']
        const wanted: Record<string, string> = { labeled: 'LABELED_EVENT', unlabeled: 'UNLABELED_EVENT' }
        const events = v.repo.events.filter((e) => e.issueNumber === v.pull.number && wanted[e.event] !== undefined && types.includes(wanted[e.event] as string))
        for (const type of types) if (!Object.values(wanted).includes(type)) throw new GraphqlError(`The simulator answers timelineItems of types ${Object.values(wanted).join(', ')} only, not ${type}.`, 'INVALID')
        return connection(events.map((event) => ({ __typename: event.event === 'labeled' ? 'LabeledEvent' : 'UnlabeledEvent', value: { repo: v.repo, event } })), args, 'timelineItems')
      })
    },
    PullRequestChangedFile: {
      changeType: field<ChangedFileRecord>((f) => FILE_CHANGE[f.status] ?? 'MODIFIED'),
      additions: field<ChangedFileRecord>((f) => f.additions),
      deletions: field<ChangedFileRecord>((f) => f.deletions)
    },
    LabeledEvent: eventFields(deps),
    UnlabeledEvent: eventFields(deps)
  }
}

function eventFields(deps: HistoryResolverDeps): FieldResolvers {
  return {
    createdAt: field<{ event: IssueEventRecord }>((v) => v.event.createdAt),
    actor: field<{ event: IssueEventRecord }>((v, _a, ctx) => deps.actor(ctx, v.event.actor)),
    label: field<{ repo: RepositoryState; event: IssueEventRecord }>((v) => deps.labelsOf(v.repo, [v.event.label?.name ?? ''])[0])
  }
}

/** Puts each type's fields of `extra` beside those of `base` (a field in both is an error: one answer per field). */
export function mergeResolvers(base: Resolvers<Ctx>, extra: Resolvers<Ctx>): Resolvers<Ctx> {
  const merged: Resolvers<Ctx> = { ...base }
  for (const [type, fields] of Object.entries(extra)) {
    if (Object.keys(fields).length === 0) continue
    for (const name of Object.keys(fields)) if (base[type]?.[name] !== undefined) throw new Error(`Two resolvers for ${type}.${name}`)
    merged[type] = { ...(base[type] ?? {}), ...fields }
  }
  return merged
}
