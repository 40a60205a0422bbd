import {
  duplicateMarker,
  isReviewIssueOf,
  markedDueAt,
  PULL_REQUEST_LINK_MARKER,
  renderReviewIssue,
  reviewDueAt,
  reviewMarker,
  standingReviewIssue,
  utcTime,
  type Policy
} from '@change-policy/policy'
import { commentOnIssue, createIssue, listIssues, updateIssue, type GitHubClient, type IssueInfo, type PullRequestInfo, type RepoRef } from '@change-policy/github'

export interface OpenReviewInput {
  pr: PullRequestInfo
  prUrl: string
  policy: Policy
  approvers: string[]
  files: string[]
  reasons: string[]
  deployedAt: Date
  deployedFrom: string
  now: Date
}

export interface OpenedReview {
  issue: IssueInfo
  dueAt: Date
  created: boolean
  /** Issues this run opened and then set aside because a concurrent run's came first. */
  setAside: number[]
}

/**
 * The one review issue of an emergency pull request, found or opened. Issues are matched on
 * the hidden marker or the pull request's link (a hand-edited body keeps the link). Two runs
 * at once may both open one: each looks again after opening, the oldest stands, and the run
 * whose issue is newer closes it as a duplicate, so exactly one stays.
 */
export async function openReviewIssue(client: GitHubClient, repo: RepoRef, input: OpenReviewInput): Promise<OpenedReview> {
  const { pr, policy } = input
  const settings = policy.emergency
  const ref = { number: pr.number, url: input.prUrl }
  // A review issue is opened after the pull request, so it was updated since.
  const find = async (): Promise<IssueInfo[]> =>
    (await listIssues(client, repo, { state: 'all', ...(pr.createdAt ? { since: pr.createdAt } : {}) })).filter((issue) => isReviewIssueOf(issue, ref, settings.labels))

  const existing = standingReviewIssue(await find())
  if (existing) return { issue: existing, dueAt: markedDueAt(existing.body) ?? dueOf(input), created: false, setAside: [] }

  const dueAt = dueOf(input)
  const { title, body } = renderReviewIssue({
    pullRequest: { number: pr.number, title: pr.title, url: input.prUrl, author: pr.author, mergedBy: pr.mergedBy ?? null, mergeCommit: pr.mergeCommitSha ?? null },
    approvers: input.approvers,
    files: input.files,
    reasons: input.reasons,
    deployedAt: input.deployedAt,
    deployedFrom: input.deployedFrom,
    dueAt,
    now: input.now,
    reviewWithinHours: settings.reviewWithinHours,
    reviewers: settings.reviewers,
    sections: policy.changeRequest.sections
  })
  const assignees = settings.reviewers.filter((r) => !r.startsWith('@'))
  const mine = await createIssue(client, repo, { title, body, labels: settings.labels, assignees })

  const standing = standingReviewIssue([...(await find()), mine]) ?? mine
  if (standing.number !== mine.number) {
    await updateIssue(client, repo, mine.number, { body: mine.body.replace(reviewMarker(pr.number), duplicateMarker(pr.number, standing.number)), state: 'closed', stateReason: 'not_planned' })
    await commentOnIssue(client, repo, mine.number, `Duplicate of #${standing.number}: another run opened the review of #${pr.number} at the same time.`)
    return { issue: standing, dueAt, created: false, setAside: [mine.number] }
  }
  const mentions = settings.reviewers.map((r) => (r.startsWith('@') ? r : `@${r}`)).join(' ')
  await commentOnIssue(
    client,
    repo,
    pr.number,
    `${PULL_REQUEST_LINK_MARKER}\nThis emergency change owes a post-deployment review by ${utcTime(dueAt)}: #${mine.number}.${mentions ? ` ${mentions}` : ''}`
  )
  return { issue: mine, dueAt, created: true, setAside: [] }
}

function dueOf(input: OpenReviewInput): Date {
  return reviewDueAt(input.deployedAt, input.policy.emergency.reviewWithinHours)
}
