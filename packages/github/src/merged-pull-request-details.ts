// Everything the gate reads about each merged pull request of a range, for up to 10 pull
// requests in one GraphQL request: the pull request, its reviews, its files, the label
// events (to tell the labels it had when merged), and the check runs (with their app) and
// statuses on its head. Whatever does not fit one page is left null, and the caller reads it
// by REST instead: a partial list is never judged.
import type { ObservedCheck, ReviewFacts, ReviewState } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError, GitHubAccessError } from './errors'
import type { LabelAddition } from './labels'
import type { PullRequestFile, PullRequestInfo } from './pulls'

const MERGED_PULL_REQUESTS = `query MergedPullRequestDetails($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on PullRequest {
      id number title body state isDraft merged mergedAt changedFiles createdAt url
      author { __typename login }
      mergedBy { login }
      headRefName headRefOid baseRefName baseRefOid
      headRepository { nameWithOwner }
      mergeCommit { oid }
      commits(last: 1) {
        totalCount
        nodes {
          commit {
            oid
            checkSuites(first: 50) {
              totalCount
              nodes {
                app { slug }
                checkRuns(first: 100, filterBy: { checkType: LATEST }) { totalCount nodes { name status conclusion } }
              }
            }
            status { contexts { context state } }
          }
        }
      }
      labels(first: 100) { totalCount nodes { name } }
      files(first: 100) { totalCount nodes { path changeType } }
      reviews(first: 100) {
        totalCount
        nodes { databaseId state submittedAt author { __typename login } commit { oid } }
      }
      timelineItems(first: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT]) {
        totalCount
        nodes {
          __typename
          ... on LabeledEvent { createdAt actor { login } label { name } }
          ... on UnlabeledEvent { createdAt actor { login } label { name } }
        }
      }
    }
  }
}`

/** Pull requests per request: each may ask for up to 5,000 check runs, and GitHub caps a query's nodes. */
export const PULLS_PER_QUERY = 10

interface Account {
  __typename: string
  login: string
}
interface PullNode {
  id: string
  number: number
  title: string
  body: string
  state: string
  isDraft: boolean
  merged: boolean
  mergedAt: string | null
  changedFiles: number
  createdAt: string
  url: string
  author: Account | null
  mergedBy: { login: string } | null
  headRefName: string
  headRefOid: string
  baseRefName: string
  baseRefOid: string
  headRepository: { nameWithOwner: string } | null
  mergeCommit: { oid: string } | null
  commits: {
    totalCount: number
    nodes: Array<{
      commit: {
        oid: string
        checkSuites: { totalCount: number; nodes: Array<{ app: { slug: string } | null; checkRuns: { totalCount: number; nodes: Array<{ name: string; status: string; conclusion: string | null }> } }> }
        status: { contexts: Array<{ context: string; state: string }> } | null
      }
    }>
  }
  labels: { totalCount: number; nodes: Array<{ name: string }> }
  files: { totalCount: number; nodes: Array<{ path: string; changeType: string }> }
  reviews: { totalCount: number; nodes: Array<{ databaseId: number; state: string; submittedAt: string | null; author: Account | null; commit: { oid: string } | null }> }
  timelineItems: { totalCount: number; nodes: Array<{ __typename: string; createdAt: string; actor: { login: string } | null; label: { name: string } }> }
}

export interface MergedPullRequestData {
  info: PullRequestInfo
  /** Null when there were more than one page of them. */
  reviews: ReviewFacts[] | null
  /** Null when more than a page, or when a file was renamed (GraphQL does not say from where). */
  files: PullRequestFile[] | null
  /** Who last added each label it carries now; null when the events ran past a page. */
  labelAdders: Map<string, LabelAddition> | null
  /** Check runs and statuses on the head; null when they ran past a page. */
  headChecks: ObservedCheck[] | null
}

const SUBMITTED: readonly string[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED']
const FILE_STATUS: Record<string, string> = { ADDED: 'added', DELETED: 'removed', MODIFIED: 'modified', CHANGED: 'changed', COPIED: 'copied' }

function toData(node: PullNode): MergedPullRequestData {
  const head = node.commits.nodes[0]?.commit
  const labels = node.labels.nodes.map((l) => l.name)
  const info: PullRequestInfo = {
    number: node.number,
    state: node.state === 'OPEN' ? 'open' : 'closed',
    draft: node.isDraft,
    merged: node.merged,
    title: node.title,
    body: node.body,
    author: node.author?.login ?? 'ghost',
    authorIsBot: node.author?.__typename === 'Bot' || (node.author?.login ?? '').endsWith('[bot]'),
    headRef: node.headRefName,
    headSha: node.headRefOid,
    headRepo: node.headRepository?.nameWithOwner ?? null,
    baseRef: node.baseRefName,
    baseSha: node.baseRefOid,
    labels,
    changedFiles: node.changedFiles,
    commits: node.commits.totalCount,
    nodeId: node.id,
    autoMerge: null,
    mergedAt: node.mergedAt,
    mergedBy: node.mergedBy?.login ?? null,
    mergeCommitSha: node.mergedAt ? (node.mergeCommit?.oid ?? null) : null,
    createdAt: node.createdAt,
    htmlUrl: node.url
  }
  const reviews =
    node.reviews.totalCount > node.reviews.nodes.length
      ? null
      : node.reviews.nodes
          .filter((r) => r.author !== null && SUBMITTED.includes(r.state))
          .map((r) => ({
            id: r.databaseId,
            user: (r.author as Account).login,
            isBot: (r.author as Account).__typename === 'Bot',
            state: r.state as ReviewState,
            commitSha: r.commit?.oid ?? '',
            submittedAt: r.submittedAt ?? ''
          }))
  const filesFit = node.files.totalCount === node.changedFiles && node.files.nodes.length === node.files.totalCount
  const files = !filesFit || node.files.nodes.some((f) => FILE_STATUS[f.changeType] === undefined) ? null : node.files.nodes.map((f) => ({ path: f.path, status: FILE_STATUS[f.changeType] as string }))
  let labelAdders: Map<string, LabelAddition> | null = null
  if (node.timelineItems.totalCount <= node.timelineItems.nodes.length && node.labels.totalCount <= node.labels.nodes.length) {
    labelAdders = new Map()
    // Oldest first, as REST's events: the last `labeled` wins, an `unlabeled` after it removes it.
    for (const event of node.timelineItems.nodes) {
      const name = event.label.name
      if (!labels.includes(name)) continue
      if (event.__typename === 'LabeledEvent') labelAdders.set(name, { label: name, actor: event.actor?.login ?? null, at: event.createdAt })
      else labelAdders.delete(name)
    }
  }
  let headChecks: ObservedCheck[] | null = null
  if (head && head.oid === node.headRefOid && head.checkSuites.totalCount <= head.checkSuites.nodes.length && head.checkSuites.nodes.every((s) => s.checkRuns.totalCount <= s.checkRuns.nodes.length)) {
    headChecks = [
      ...head.checkSuites.nodes.flatMap((suite) =>
        suite.checkRuns.nodes.map((run) => ({ name: run.name, kind: 'check-run' as const, sha: head.oid, status: run.status.toLowerCase(), conclusion: run.conclusion?.toLowerCase() ?? null, app: suite.app?.slug ?? null }))
      ),
      ...(head.status?.contexts ?? []).map((c) => {
        const state = c.state.toLowerCase()
        return { name: c.context, kind: 'status' as const, sha: head.oid, status: state, conclusion: state === 'pending' ? null : state, app: null }
      })
    ]
  }
  return { info, reviews, files, labelAdders, headChecks }
}

/** The pull requests by GraphQL node id, 10 a request; one that does not come back is an error. */
export async function readMergedPullRequestDetails(client: GitHubClient, repo: RepoRef, nodeIds: readonly string[]): Promise<MergedPullRequestData[]> {
  const batches: string[][] = []
  for (let i = 0; i < nodeIds.length; i += PULLS_PER_QUERY) batches.push(nodeIds.slice(i, i + PULLS_PER_QUERY))
  const answers = await Promise.all(
    batches.map(async (ids) => {
      try {
        const answer: { nodes: Array<PullNode | null> } = await client.graphql(MERGED_PULL_REQUESTS, { ids })
        return answer.nodes
      } catch (error) {
        throw describeRequestError(error, `read ${ids.length} pull request(s) of ${repo.owner}/${repo.repo}`, 'pull-requests: read')
      }
    })
  )
  const nodes = answers.flat()
  if (nodes.length !== nodeIds.length || nodes.some((n) => n === null || typeof n.number !== 'number')) {
    throw new GitHubAccessError({ message: `Asked GitHub for ${nodeIds.length} pull requests and got ${nodes.filter((n) => n && typeof n.number === 'number').length}.`, fix: 'Re-run the job; if it persists, the token cannot see some of them (pull-requests: read).' })
  }
  return (nodes as PullNode[]).map(toData)
}
