import * as core from '@actions/core'
import { createGitHubClient, findMergedPullRequestOfCommit, getDefaultBranch, getPullRequest, type GitHubClient, type RepoRef } from '@change-policy/github'
import {
  ActionError,
  annotateProblems,
  assertSupportedEvent,
  choiceInput,
  emitAuditRecord,
  loadPolicy,
  openReviewIssue,
  positiveIntegerInput,
  readEmergencyChange,
  readRunContext,
  renderOpenSummary,
  renderSweepSummary,
  resolvePullRequestNumber,
  runAction,
  startPolicyRead,
  stringInput,
  sweepReviews,
  tokenInput
} from '@change-policy/runtime'

const MODES = ['open', 'sweep'] as const
// open: when an emergency pull request merges, after it deploys, or by hand; sweep: on a schedule or by hand.
const EVENTS = {
  // push: the deploy workflow runs it after gate-deploy, passing the gate's pull-request output.
  open: { pull_request_target: ['closed'], pull_request: ['closed'], deployment_status: null, workflow_dispatch: null, push: null },
  sweep: { schedule: null, workflow_dispatch: null }
}

await runAction('emergency-followup', async () => {
  const token = tokenInput()
  const run = readRunContext()
  if (stringInput('mode') === '') throw new ActionError({ message: 'Input `mode` is not set.', fix: 'Set `mode` to open (after an emergency change merges or deploys) or sweep (on a schedule).' })
  const mode = choiceInput('mode', MODES, 'open')
  assertSupportedEvent(run, EVENTS[mode], `emergency-followup (mode: ${mode})`)
  const policyPath = stringInput('policy', '.github/change-policy.yml')
  const client = createGitHubClient({ token, baseUrl: run.apiUrl, log: core.info })
  const repo = { owner: run.owner, repo: run.repo }
  const repositoryWebUrl = `${run.serverUrl}/${run.repository}`
  const now = new Date()

  if (mode === 'sweep') {
    const defaultBranch = (run.payload['repository'] as { default_branch?: string } | undefined)?.default_branch
    const loaded = await loadPolicy(client, repo, policyPath, stringInput('policy-ref') || defaultBranch || (await getDefaultBranch(client, repo)))
    annotateProblems(loaded.warnings, 'warning', 'change-policy')
    const result = await sweepReviews(client, repo, { policy: loaded.policy, now, repositoryWebUrl })
    core.setOutput('overdue', JSON.stringify(result.overdue.map((o) => o.issue)))
    core.setOutput('created', JSON.stringify(result.opened.map((o) => o.issue)))
    emitAuditRecord(run, {
      action: 'emergency-followup',
      decision: result.overdue.length > 0 ? 'overdue' : 'on-time',
      sha: run.sha,
      changeType: 'emergency',
      reasons: [
        ...result.overdue.map((o) => `review #${o.issue} of #${o.pullRequest} was due ${o.dueAt.toISOString()}`),
        ...result.opened.map((o) => `opened review #${o.issue} for #${o.pullRequest}, which had none`),
        ...result.reopened.map((r) => `reopened review #${r.issue} of #${r.pullRequest}: ${r.problems.join('; ')}`),
        ...result.completed.map((c) => `review #${c.issue} of #${c.pullRequest} completed, closed by ${c.closedBy}`)
      ],
      policy: loaded.source
    })
    await core.summary.addRaw(renderSweepSummary(result, now), true).write()
    if (result.overdue.length > 0) {
      core.setFailed(`${result.overdue.length} post-deployment review${result.overdue.length === 1 ? ' is' : 's are'} overdue: ${result.overdue.map((o) => `#${o.issue} (change #${o.pullRequest})`).join(', ')}.`)
    }
    return
  }

  const number = positiveIntegerInput('pull-request') ?? (run.eventName === 'deployment_status' ? await deployedPullRequest(client, repo, run.payload) : resolvePullRequestNumber(run, undefined, Object.keys(EVENTS.open)))
  const policyRead = startPolicyRead(client, repo, run, { number, path: policyPath, explicitRef: stringInput('policy-ref') })
  const pr = await getPullRequest(client, repo, number)
  if (!pr.merged || !pr.mergedAt) {
    throw new ActionError({
      message: `Pull request #${pr.number} is ${pr.state === 'open' ? 'still open' : 'closed without being merged'}: only a merged emergency change owes a post-deployment review.`,
      fix: 'Run mode: open when the emergency change merges (pull_request closed, merged) or after it deploys.'
    })
  }
  const loaded = await policyRead.forPullRequest(pr)
  annotateProblems(loaded.warnings, 'warning', 'change-policy')
  const change = await readEmergencyChange(client, repo, pr, loaded.policy)
  if (change.classification.changeType !== 'emergency') {
    throw new ActionError({
      message: `Pull request #${pr.number} is a ${change.classification.changeType} change under the policy, not an emergency: it owes no post-deployment review. ${change.classification.reasons.join(' ')}`,
      fix: 'Run mode: open only for emergency changes (e.g. `if: contains(github.event.pull_request.labels.*.name, \'emergency\')`), or declare the emergency as classification.emergency says.'
    })
  }
  const deployment = run.eventName === 'deployment_status' ? (run.payload['deployment_status'] as { state?: string; created_at?: string } | undefined) : undefined
  const deployedAt = deployment?.state === 'success' && deployment.created_at ? new Date(deployment.created_at) : new Date(pr.mergedAt)
  const review = await openReviewIssue(client, repo, {
    pr, prUrl: pr.htmlUrl ?? `${repositoryWebUrl}/pull/${pr.number}`, policy: loaded.policy, approvers: change.approvers, files: change.files,
    reasons: change.classification.reasons, deployedAt, deployedFrom: deployment ? 'the deployment reported it' : 'merge time: deployment is automatic from the branch', now
  })
  const overdue = review.dueAt.getTime() < now.getTime() && review.issue.state === 'open'
  core.setOutput('issue-number', String(review.issue.number))
  core.setOutput('due-at', review.dueAt.toISOString())
  core.setOutput('created', String(review.created))
  core.setOutput('overdue', String(overdue))
  emitAuditRecord(run, {
    action: 'emergency-followup',
    decision: review.created ? 'review-opened' : 'review-exists',
    sha: pr.mergeCommitSha ?? pr.headSha,
    pullRequest: pr.number,
    changeType: 'emergency',
    controls: change.classification.controls,
    approvals: [],
    reasons: [`post-deployment review #${review.issue.number} due ${review.dueAt.toISOString()}`, ...change.classification.reasons],
    policy: loaded.source
  })
  await core.summary.addRaw(renderOpenSummary(review, pr, now), true).write()
  core.notice(`Post-deployment review of #${pr.number}: issue #${review.issue.number}, due ${review.dueAt.toISOString()}.`, { title: review.created ? 'Review issue opened' : 'Review issue already open' })
})

/** The pull request a deployment shipped: the one merged as the deployed commit. */
async function deployedPullRequest(client: GitHubClient, repo: RepoRef, payload: Record<string, unknown>): Promise<number> {
  const sha = (payload['deployment'] as { sha?: string } | undefined)?.sha ?? ''
  const number = sha ? await findMergedPullRequestOfCommit(client, repo, sha) : null
  if (number === null) {
    throw new ActionError({
      message: `The deployment of ${sha || 'an unnamed commit'} shipped no merged pull request, so there is no emergency change to review.`,
      fix: 'Pass the `pull-request` input, or run mode: open when the pull request merges.'
    })
  }
  return number
}
