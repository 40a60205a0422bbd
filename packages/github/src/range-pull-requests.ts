// The pull requests behind every commit of a deploy range, in as few requests as GitHub
// allows: the deployed commit's history through GraphQL, 100 commits a page, each with its
// associated pull requests (the same association as `GET /commits/{sha}/pulls`). A commit the
// pages do not reach, or with more associations than one page holds, is asked about by REST.
import type { AssociatedPullRequest } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { listCommitPullRequests } from './commit-pulls'
import { describeRequestError } from './errors'

const RANGE_PULL_REQUESTS = `query RangePullRequests($owner: String!, $name: String!, $tip: GitObjectID!, $after: String) {
  repository(owner: $owner, name: $name) {
    object(oid: $tip) {
      ... on Commit {
        history(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes {
            oid
            associatedPullRequests(first: 10) {
              totalCount
              nodes { id number state baseRefName headRefOid mergedAt mergeCommit { oid } }
            }
          }
        }
      }
    }
  }
}`

interface PullNode {
  id: string
  number: number
  state: 'OPEN' | 'CLOSED' | 'MERGED'
  baseRefName: string
  headRefOid: string
  mergedAt: string | null
  mergeCommit: { oid: string } | null
}
interface HistoryAnswer {
  repository: {
    object: {
      history?: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null }
        nodes: Array<{ oid: string; associatedPullRequests: { totalCount: number; nodes: PullNode[] } }>
      }
    } | null
  }
}

/** History pages read before the rest of the range is asked about commit by commit. */
const MAX_HISTORY_PAGES = 3

export interface RangePullRequests {
  /** By commit sha, the pull requests GitHub associates with it. */
  bySha: Map<string, AssociatedPullRequest[]>
  /** GraphQL node ids of the pull requests, by number (to read them in one batch). */
  nodeIds: Map<number, string>
}

export async function listRangePullRequests(client: GitHubClient, repo: RepoRef, tip: string, shas: readonly string[]): Promise<RangePullRequests> {
  const wanted = new Set(shas)
  const bySha = new Map<string, AssociatedPullRequest[]>()
  const nodeIds = new Map<number, string>()
  const incomplete: string[] = []
  let after: string | null = null
  try {
    for (let page = 0; page < MAX_HISTORY_PAGES && bySha.size + incomplete.length < wanted.size; page++) {
      const answer: HistoryAnswer = await client.graphql(RANGE_PULL_REQUESTS, { owner: repo.owner, name: repo.repo, tip, after })
      const history = answer.repository.object?.history
      if (!history) break
      for (const node of history.nodes) {
        if (!wanted.has(node.oid)) continue
        const pulls = node.associatedPullRequests
        if (pulls.totalCount > pulls.nodes.length) {
          incomplete.push(node.oid)
          continue
        }
        for (const p of pulls.nodes) nodeIds.set(p.number, p.id)
        bySha.set(
          node.oid,
          pulls.nodes.map((p) => ({
            number: p.number,
            state: p.state === 'OPEN' ? 'open' : 'closed',
            baseRef: p.baseRefName,
            headSha: p.headRefOid,
            mergedAt: p.mergedAt,
            mergeCommitSha: p.mergedAt ? (p.mergeCommit?.oid ?? null) : null
          }))
        )
      }
      if (!history.pageInfo.hasNextPage) break
      after = history.pageInfo.endCursor
    }
  } catch (error) {
    throw describeRequestError(error, `read the pull requests of the commits up to ${tip.slice(0, 7)}`, 'pull-requests: read')
  }
  // What the history pages did not settle is asked about one commit at a time: never guessed.
  const left = shas.filter((sha) => !bySha.has(sha))
  const answers = await Promise.all(left.map((sha) => listCommitPullRequests(client, repo, sha)))
  left.forEach((sha, i) => bySha.set(sha, answers[i] ?? []))
  return { bySha, nodeIds }
}
