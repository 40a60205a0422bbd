// The audit report's batched read: merged pull requests 50 to a query, each with its labels,
// reviews, commits, files, change-request issues and the checks of its head, newest update
// first. One query answers for 50 pull requests where REST would need about six requests each.
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

export const MERGED_PULL_REQUESTS_PAGE = 50

const MERGED_PULL_REQUESTS = `query MergedPullRequestsInPeriod($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: [MERGED], first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title body url createdAt updatedAt mergedAt changedFiles
        baseRefName headRefName headRefOid
        author { login __typename }
        mergedBy { login }
        mergeCommit { oid }
        labels(first: 100) { nodes { name } }
        reviews(first: 100) { totalCount nodes { databaseId state submittedAt author { login __typename } commit { oid } } }
        commits(first: 100) {
          totalCount
          nodes { commit { oid message parents(first: 2) { nodes { oid } } author { user { login } } committer { user { login } } } }
        }
        files(first: 100) { nodes { path } }
        closingIssuesReferences(first: 10) { nodes { number title body state repository { nameWithOwner } labels(first: 100) { nodes { name } } } }
        headCommit: commits(last: 1) {
          nodes { commit { statusCheckRollup { contexts(first: 100) { nodes { __typename ... on CheckRun { name conclusion status } ... on StatusContext { context state } } } } } }
        }
      }
    }
  }
}`

interface Login {
  login: string
  __typename?: string
}

export interface MergedPullRequestNode {
  number: number
  title: string
  body: string | null
  url: string
  createdAt: string
  updatedAt: string
  mergedAt: string
  changedFiles: number
  baseRefName: string
  headRefName: string
  headRefOid: string
  author: Login | null
  mergedBy: Login | null
  mergeCommit: { oid: string } | null
  labels: { nodes: Array<{ name: string }> }
  reviews: { totalCount: number; nodes: Array<{ databaseId: number; state: string; submittedAt: string | null; author: Login | null; commit: { oid: string } | null }> }
  commits: {
    totalCount: number
    nodes: Array<{ commit: { oid: string; message: string; parents: { nodes: Array<{ oid: string }> }; author: { user: Login | null } | null; committer: { user: Login | null } | null } }>
  }
  files: { nodes: Array<{ path: string }> } | null
  closingIssuesReferences: { nodes: Array<{ number: number; title: string; body: string; state: string; repository: { nameWithOwner: string }; labels: { nodes: Array<{ name: string }> } }> }
  headCommit: {
    nodes: Array<{
      commit: {
        statusCheckRollup: {
          contexts: { nodes: Array<{ __typename: 'CheckRun'; name: string; conclusion: string | null; status: string } | { __typename: 'StatusContext'; context: string; state: string }> }
        } | null
      }
    }>
  }
}

interface Answer {
  repository: { pullRequests: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: MergedPullRequestNode[] } } | null
}

/**
 * Every pull request merged between `from` and `to`, read by last update, newest first, until
 * a page's pull requests were all last updated before `from` (one merged later was updated later).
 * Returns the pull requests and how many queries it took.
 */
export async function readMergedPullRequestsInPeriod(client: GitHubClient, repo: RepoRef, from: Date, to: Date): Promise<{ pullRequests: MergedPullRequestNode[]; queries: number }> {
  const found: MergedPullRequestNode[] = []
  let after: string | null = null
  let queries = 0
  for (;;) {
    let answer: Answer
    try {
      answer = await client.graphql<Answer>(MERGED_PULL_REQUESTS, { owner: repo.owner, name: repo.repo, first: MERGED_PULL_REQUESTS_PAGE, after })
    } catch (error) {
      throw describeRequestError(error, `read the merged pull requests of ${repo.owner}/${repo.repo} (GraphQL)`, 'pull-requests: read, contents: read, checks: read')
    }
    queries += 1
    const page = answer.repository?.pullRequests
    if (!page) throw describeRequestError({ status: 404, message: 'no repository' }, `read ${repo.owner}/${repo.repo}`, 'metadata: read')
    for (const pr of page.nodes) {
      const merged = Date.parse(pr.mergedAt)
      if (merged >= from.getTime() && merged < to.getTime()) found.push(pr)
    }
    const olderThanPeriod = page.nodes.length > 0 && page.nodes.every((pr) => Date.parse(pr.updatedAt) < from.getTime())
    if (!page.pageInfo.hasNextPage || olderThanPeriod || page.pageInfo.endCursor === null) break
    after = page.pageInfo.endCursor
  }
  return { pullRequests: found.sort((a, b) => Date.parse(a.mergedAt) - Date.parse(b.mergedAt) || a.number - b.number), queries }
}
