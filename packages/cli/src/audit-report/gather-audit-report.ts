import {
  auditChangeRequest,
  auditExceptions,
  changeRequestRecord,
  checkDocumentSections,
  classify,
  evaluateApprovals,
  evaluateChangeRequest,
  evaluateReviewCompletion,
  isDeployBranch,
  markedDueAt,
  reviewDueAt,
  reviewedPullRequestNumber,
  reviewStatus,
  trustedDueAt,
  type AuditedChange,
  type AuditReport,
  type ChangeRequestFacts,
  type EmergencyReviewEvidence,
  type Policy
} from '@change-policy/policy'
import {
  findIssueCloser,
  gatherApprovalFacts,
  gatherChangeRequestFacts,
  gatherClassificationFacts,
  listIssues,
  listPullRequestReviews,
  pullRequestEvidence,
  readMergedPullRequestsInPeriod,
  PermissionDirectory,
  TeamDirectory,
  type GitHubClient,
  type IssueInfo,
  type PullRequestEvidence,
  type RepoRef
} from '@change-policy/github'
import { loadPolicy, mayReviewEmergency, describeReviewers } from '@change-policy/runtime'

export interface AuditReportRequest {
  client: GitHubClient
  repo: RepoRef
  from: Date
  to: Date
  now: Date
  policyPath: string
  policyRef: string
  serverUrl: string
  /** How many requests the client has made so far, REST and GraphQL (the client's request hook counts them). */
  requests: () => { rest: number; graphql: number }
}

/**
 * The evidence for every pull request merged into a deploy branch in [from, to), rebuilt from
 * GitHub alone: 50 pull requests a GraphQL query with their reviews, commits, files, checks and
 * linked issues; then the same evaluations the actions make (classify, evaluateApprovals at
 * merge time, evaluateChangeRequest, evaluateReviewCompletion), REST only where a query's
 * page is not enough or the evaluation needs more (label history of an emergency, reviewer
 * permissions, team members, review issues).
 */
export async function gatherAuditReport(request: AuditReportRequest): Promise<AuditReport> {
  const { client, repo, now } = request
  const loaded = await loadPolicy(client, repo, request.policyPath, request.policyRef)
  const policy = loaded.policy
  const teams = new TeamDirectory(client)
  const permissions = new PermissionDirectory(client, repo)
  const { pullRequests } = await readMergedPullRequestsInPeriod(client, repo, request.from, request.to)
  const merged = pullRequests.map((node) => pullRequestEvidence(node, repo)).filter((e) => isDeployBranch(e.info.baseRef, policy))

  const repositoryWebUrl = `${request.serverUrl}/${repo.owner}/${repo.repo}`
  const reviewIssues = await readReviewIssues(client, repo, policy, request.from, repositoryWebUrl)
  const changes: AuditedChange[] = []
  for (const evidence of merged) changes.push(await auditChange(client, repo, policy, { teams, permissions }, evidence, reviewIssues, request))

  const used = request.requests()
  const total = used.rest + used.graphql
  return {
    repository: `${repo.owner}/${repo.repo}`,
    from: request.from.toISOString(),
    to: request.to.toISOString(),
    generatedAt: now.toISOString(),
    policy: loaded.source,
    changes,
    exceptions: auditExceptions(changes),
    requests: { graphql: used.graphql, rest: used.rest, perPullRequest: changes.length === 0 ? total : total / changes.length }
  }
}

/** Review issues by the pull request they review: one listing of the emergency label (or of all issues, without one). */
async function readReviewIssues(client: GitHubClient, repo: RepoRef, policy: Policy, from: Date, webUrl: string): Promise<Map<number, IssueInfo>> {
  const label = policy.emergency.labels[0]
  const issues = await listIssues(client, repo, { state: 'all', since: from.toISOString(), ...(label ? { label } : {}) })
  const byPull = new Map<number, IssueInfo>()
  for (const issue of issues.sort((a, b) => a.number - b.number)) {
    const pr = reviewedPullRequestNumber(issue, webUrl, policy.emergency.labels)
    if (pr !== null && !byPull.has(pr)) byPull.set(pr, issue)
  }
  return byPull
}

async function auditChange(
  client: GitHubClient,
  repo: RepoRef,
  policy: Policy,
  { teams, permissions }: { teams: TeamDirectory; permissions: PermissionDirectory },
  evidence: PullRequestEvidence,
  reviewIssues: Map<number, IssueInfo>,
  request: AuditReportRequest
): Promise<AuditedChange> {
  const pr = evidence.info
  const mergedAt = pr.mergedAt ?? ''
  const classification = classify(
    await gatherClassificationFacts(client, repo, pr, policy, teams, { permissions, ...(evidence.files ? { files: evidence.files } : {}), ...(evidence.commits ? { commits: evidence.commits } : {}) }),
    policy
  )
  // The approvals as they stood when it merged: a review given afterwards approved nothing that shipped.
  const reviews = (evidence.reviews ?? (await listPullRequestReviews(client, repo, pr.number))).filter((r) => r.submittedAt !== '' && Date.parse(r.submittedAt) <= Date.parse(mergedAt))
  const gathered = await gatherApprovalFacts(client, repo, {
    pr, reviews, policy, changeType: classification.changeType, requirements: classification.requirements, teams, permissions, ...(evidence.commits ? { commits: evidence.commits } : {})
  })
  const evaluation = evaluateApprovals(gathered.facts, policy, classification.requirements)

  // The change request: the linked issues the query brought, else (when required and not met) the REST read require-approval makes.
  const facts: ChangeRequestFacts = {
    changeType: classification.changeType,
    repository: { owner: repo.owner, name: repo.repo },
    pullRequest: { number: pr.number, body: pr.body, title: pr.title },
    linkedIssues: evidence.closingIssues,
    skippedReferences: 0
  }
  let documented = evaluateChangeRequest(facts, policy)
  if (!documented.satisfied) documented = evaluateChangeRequest((await gatherChangeRequestFacts(client, repo, { pr, policy, changeType: classification.changeType, serverUrl: request.serverUrl })).facts, policy)
  let changeRequest = auditChangeRequest(documented.record)

  let review: EmergencyReviewEvidence | null = null
  if (classification.changeType === 'emergency') {
    const issue = reviewIssues.get(pr.number)
    const hours = policy.emergency.reviewWithinHours
    const due = issue ? trustedDueAt(markedDueAt(issue.body), new Date(issue.createdAt), hours) : reviewDueAt(new Date(mergedAt), hours)
    let completedAt: Date | null = null
    let problems: string[] = []
    if (issue && issue.state === 'closed') {
      const closer = await findIssueCloser(client, repo, issue.number)
      const verdict = evaluateReviewCompletion({
        issue: issue.number, body: issue.body, closedBy: closer.actor, pullRequestAuthor: pr.author,
        closerMayReview: closer.actor !== null && (await mayReviewEmergency(client, repo, teams, policy, closer.actor)),
        reviewersDescription: describeReviewers(policy), sections: policy.changeRequest.sections
      })
      if (verdict.complete) completedAt = new Date(closer.at ?? issue.closedAt ?? '')
      problems = verdict.problems
    }
    review = reviewStatus({ issue: issue?.number ?? null, dueAt: due, completedAt, now: request.now, problems })
    // An emergency documents its change request in the review issue, after the fact.
    if (issue) {
      const sections = checkDocumentSections(issue.body, policy.changeRequest.sections, 'issue', `issue #${issue.number}`)
      changeRequest = auditChangeRequest(changeRequestRecord(issue, sections.sections, 'issue')) ?? changeRequest
    }
  }

  return {
    pullRequest: pr.number,
    title: pr.title,
    url: pr.htmlUrl ?? '',
    author: pr.author,
    baseRef: pr.baseRef,
    mergedAt,
    mergedBy: pr.mergedBy ?? null,
    changeType: classification.changeType,
    controls: classification.controls.map((c) => c.name),
    approvals: evaluation.approvals.map((a) => ({ user: a.user, at: a.at, commit: a.commit })),
    approvedAtMerge: evaluation.satisfied,
    missing: evaluation.missing,
    checks: evidence.checks,
    deployment: { sha: pr.mergeCommitSha ?? null, at: mergedAt },
    changeRequest,
    review
  }
}
