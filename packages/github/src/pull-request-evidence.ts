import type { LinkedIssue, ReviewFacts, ReviewState } from '@change-policy/policy'
import type { MergedPullRequestNode } from './merged-pull-requests-in-period'
import type { PullRequestCommit, PullRequestFile, PullRequestInfo } from './pulls'

const LISTED = 100

export interface PullRequestEvidence {
  info: PullRequestInfo
  /** Absent when the query's page did not hold them all: they are then listed over REST. */
  files?: PullRequestFile[]
  commits?: PullRequestCommit[]
  /** Absent past the page, as `files`. */
  reviews?: ReviewFacts[]
  checks: Array<{ name: string; conclusion: string }>
  /** Issues the description closes or the Development sidebar links. */
  closingIssues: LinkedIssue[]
}

const SUBMITTED: readonly string[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED']

/** One pull request of the batched read, in the shapes the policy's evaluations take. */
export function pullRequestEvidence(node: MergedPullRequestNode, repository: { owner: string; repo: string }): PullRequestEvidence {
  const author = node.author?.login ?? 'ghost'
  const commits = node.commits.nodes.map(
    ({ commit }): PullRequestCommit => ({
      sha: commit.oid,
      message: commit.message,
      author: commit.author?.user?.login ?? null,
      committer: commit.committer?.user?.login ?? null,
      parents: commit.parents.nodes.map((p) => p.oid)
    })
  )
  const info: PullRequestInfo = {
    number: node.number,
    state: 'closed',
    draft: false,
    merged: true,
    title: node.title,
    body: node.body ?? '',
    author,
    authorIsBot: node.author?.__typename === 'Bot' || author.endsWith('[bot]'),
    headRef: node.headRefName,
    headSha: node.headRefOid,
    headRepo: null,
    baseRef: node.baseRefName,
    baseSha: '',
    labels: node.labels.nodes.map((l) => l.name),
    changedFiles: node.changedFiles,
    commits: node.commits.totalCount,
    nodeId: '',
    autoMerge: null,
    mergedAt: node.mergedAt,
    mergedBy: node.mergedBy?.login ?? null,
    mergeCommitSha: node.mergeCommit?.oid ?? null,
    createdAt: node.createdAt,
    htmlUrl: node.url
  }
  const files = node.files && node.changedFiles <= LISTED ? node.files.nodes.map((f): PullRequestFile => ({ path: f.path, status: 'modified' })) : undefined
  const reviews = node.reviews.nodes.flatMap((r): ReviewFacts[] =>
    r.author && SUBMITTED.includes(r.state)
      ? [{ id: r.databaseId, user: r.author.login, isBot: r.author.__typename === 'Bot', state: r.state as ReviewState, commitSha: r.commit?.oid ?? '', submittedAt: r.submittedAt ?? '' }]
      : []
  )
  const contexts = node.headCommit.nodes[0]?.commit.statusCheckRollup?.contexts.nodes ?? []
  const checks = contexts.map((c) =>
    c.__typename === 'CheckRun' ? { name: c.name, conclusion: (c.conclusion ?? c.status).toLowerCase() } : { name: c.context, conclusion: c.state.toLowerCase() }
  )
  const closingIssues = node.closingIssuesReferences.nodes.map((issue): LinkedIssue => {
    const [owner = repository.owner, name = repository.repo] = issue.repository.nameWithOwner.split('/')
    return {
      number: issue.number,
      title: issue.title,
      body: issue.body ?? '',
      labels: issue.labels.nodes.map((l) => l.name),
      state: issue.state === 'CLOSED' ? 'closed' : 'open',
      isPullRequest: false,
      repository: { owner, name },
      source: 'sidebar'
    }
  })
  return {
    info,
    ...(files ? { files } : {}),
    ...(node.commits.totalCount <= LISTED ? { commits } : {}),
    ...(node.reviews.totalCount <= LISTED ? { reviews } : {}),
    checks,
    closingIssues
  }
}
