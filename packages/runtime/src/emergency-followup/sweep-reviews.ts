import {
  emergencyCandidates,
  ESCALATION_MARKER,
  evaluateReviewCompletion,
  isDeployBranch,
  isOverdue,
  markedDueAt,
  relativeTime,
  reviewedPullRequestNumber,
  trustedDueAt,
  utcTime,
  type Policy
} from '@change-policy/policy'
import {
  addIssueLabels,
  commentOnIssue,
  findIssueCloser,
  getPullRequest,
  listIssueComments,
  listIssues,
  listMergedPullRequestsSince,
  TeamDirectory,
  updateIssue,
  type GitHubClient,
  type IssueInfo,
  type PullRequestInfo,
  type RepoRef
} from '@change-policy/github'
import { readEmergencyChange } from './emergency-change'
import { openReviewIssue } from './open-review'
import { describeReviewers, mayReviewEmergency } from './review-eligibility'

export const OVERDUE_LABEL = 'overdue'
/** How far back the sweep looks for emergencies merged without a review issue. */
export const LOOKBACK_DAYS = 30

export interface SweepInput {
  policy: Policy
  now: Date
  /** https://github.com/owner/repo: review issues link their pull request under it. */
  repositoryWebUrl: string
}

export interface OverdueReview {
  issue: number
  pullRequest: number
  dueAt: Date
  escalated: boolean
}

export interface SweepResult {
  checked: number
  overdue: OverdueReview[]
  opened: Array<{ issue: number; pullRequest: number; dueAt: Date }>
  reopened: Array<{ issue: number; pullRequest: number; problems: string[] }>
  completed: Array<{ issue: number; pullRequest: number; closedBy: string }>
}

/**
 * One pass over every review issue: overdue open ones are labelled and escalated (once:
 * the escalation comment carries a marker), closed ones that do not meet the definition of a
 * completed review are reopened with the reasons, and emergencies merged in the last 30 days
 * without a review issue get one.
 */
export async function sweepReviews(client: GitHubClient, repo: RepoRef, input: SweepInput): Promise<SweepResult> {
  const { policy, now } = input
  const settings = policy.emergency
  const label = settings.labels[0]
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000)
  const [open, closed] = await Promise.all([
    listIssues(client, repo, { state: 'open', ...(label ? { label } : {}) }),
    listIssues(client, repo, { state: 'closed', since: since.toISOString(), ...(label ? { label } : {}) })
  ])
  const reviewed = (issue: IssueInfo): number | null => reviewedPullRequestNumber(issue, input.repositoryWebUrl, settings.labels)
  const result: SweepResult = { checked: 0, overdue: [], opened: [], reopened: [], completed: [] }
  const covered = new Set<number>()
  const pulls = new Map<number, Promise<PullRequestInfo>>()
  const pull = (n: number): Promise<PullRequestInfo> => {
    let pr = pulls.get(n)
    if (!pr) pulls.set(n, (pr = getPullRequest(client, repo, n)))
    return pr
  }

  for (const issue of open) {
    const pr = reviewed(issue)
    if (pr === null) continue
    covered.add(pr)
    result.checked += 1
    const dueAt = trustedDueAt(markedDueAt(issue.body), new Date(issue.createdAt), settings.reviewWithinHours)
    if (!isOverdue(dueAt, now)) continue
    if (!issue.labels.some((l) => l.toLowerCase() === OVERDUE_LABEL)) await addIssueLabels(client, repo, issue.number, [OVERDUE_LABEL])
    const comments = await listIssueComments(client, repo, issue.number)
    const escalated = !comments.some((c) => c.body.includes(ESCALATION_MARKER))
    if (escalated) {
      const mentions = [...settings.escalateTo, ...settings.reviewers].map((p) => (p.startsWith('@') ? p : `@${p}`))
      await commentOnIssue(
        client,
        repo,
        issue.number,
        `${ESCALATION_MARKER}\n${[...new Set(mentions)].join(' ')} the post-deployment review of emergency change #${pr} was due ${utcTime(dueAt)} (${relativeTime(dueAt, now)}) and is not done.`
      )
    }
    result.overdue.push({ issue: issue.number, pullRequest: pr, dueAt, escalated })
  }

  const teams = new TeamDirectory(client)
  for (const issue of closed) {
    const pr = reviewed(issue)
    if (pr === null) continue
    covered.add(pr)
    result.checked += 1
    const [closer, change] = await Promise.all([findIssueCloser(client, repo, issue.number), pull(pr)])
    const closedBy = closer.actor
    const verdict = evaluateReviewCompletion({
      issue: issue.number,
      body: issue.body,
      closedBy,
      pullRequestAuthor: change.author,
      closerMayReview: closedBy !== null && (await mayReviewEmergency(client, repo, teams, policy, closedBy)),
      reviewersDescription: describeReviewers(policy),
      sections: policy.changeRequest.sections
    })
    if (verdict.complete) {
      result.completed.push({ issue: issue.number, pullRequest: pr, closedBy: closedBy ?? '' })
      continue
    }
    await updateIssue(client, repo, issue.number, { state: 'open' })
    await commentOnIssue(
      client,
      repo,
      issue.number,
      `Reopened: this is not a completed post-deployment review of #${pr} yet, because ${verdict.problems.join('; ')}. ` +
        'Close it again once that is done.'
    )
    result.reopened.push({ issue: issue.number, pullRequest: pr, problems: verdict.problems })
  }

  // Emergencies merged without a review issue: the workflow that should have opened one did not run.
  const merged = await listMergedPullRequestsSince(client, repo, since)
  for (const candidate of merged) {
    if (covered.has(candidate.number) || !isDeployBranch(candidate.baseRef, policy)) continue
    const claimed = emergencyCandidates({ labels: candidate.labels, headBranch: candidate.headRef }, policy)
    if (claimed.labels.length === 0 && !claimed.headBranch) continue
    const pr = await pull(candidate.number)
    const change = await readEmergencyChange(client, repo, pr, policy)
    if (change.classification.changeType !== 'emergency') continue
    const deployedAt = new Date(pr.mergedAt ?? candidate.mergedAt)
    const opened = await openReviewIssue(client, repo, {
      pr,
      prUrl: candidate.htmlUrl,
      policy,
      approvers: change.approvers,
      files: change.files,
      reasons: change.classification.reasons,
      deployedAt,
      deployedFrom: 'merge time: no deployment was reported to change-policy',
      now
    })
    covered.add(candidate.number)
    if (opened.created) result.opened.push({ issue: opened.issue.number, pullRequest: candidate.number, dueAt: opened.dueAt })
  }
  return result
}
