import * as core from '@actions/core'
import { CHANGE_TYPES, evaluateApprovals, evaluateChangeRequest, type ChangeType } from '@change-policy/policy'
import {
  APPROVAL_STATUS_CONTEXT,
  createGitHubClient,
  enableAutoMerge,
  gatherApprovalFacts,
  gatherChangeRequestFacts,
  getPullRequest,
  listPullRequestReviews,
  setCommitStatus
} from '@change-policy/github'
import {
  ActionError,
  annotateProblems,
  approvalStatusLine,
  assertSupportedEvent,
  booleanInput,
  choiceInput,
  classifyForApproval,
  decideApproval,
  emitAuditRecord,
  planAutoMerge,
  positiveIntegerInput,
  readRunContext,
  renderApprovalSummary,
  resolvePullRequestNumber,
  runAction,
  startPolicyRead,
  stringInput,
  tokenInput,
  type AutoMergeSetting
} from '@change-policy/runtime'

// `edited`: a description edited to link the change request is judged again.
const PR_TYPES = ['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled', 'ready_for_review', 'edited']
const EVENTS = {
  pull_request_target: PR_TYPES,
  pull_request: PR_TYPES,
  pull_request_review: ['submitted', 'edited', 'dismissed'],
  merge_group: ['checks_requested'],
  workflow_dispatch: null // with the `pull-request` input: re-judge a pull request by hand
}
const AUTO_MERGE: readonly AutoMergeSetting[] = ['false', 'merge', 'squash', 'rebase']

await runAction('require-approval', async () => {
  const token = tokenInput()
  const run = readRunContext()
  assertSupportedEvent(run, EVENTS, 'require-approval')
  const number = resolvePullRequestNumber(run, positiveIntegerInput('pull-request'), Object.keys(EVENTS))
  const given = choiceInput<ChangeType | ''>('change-type', CHANGE_TYPES, '') || undefined
  const failOnMissing = booleanInput('fail-on-missing', true)
  const mergeMethod = choiceInput('enable-auto-merge', AUTO_MERGE, 'false')
  const policyPath = stringInput('policy', '.github/change-policy.yml')
  const client = createGitHubClient({ token, baseUrl: run.apiUrl, log: core.info })
  const repo = { owner: run.owner, repo: run.repo }

  // The pull request, its reviews and (when the ref is known) the policy, at once.
  const reviews = listPullRequestReviews(client, repo, number)
  reviews.catch(() => undefined) // awaited below; a missing PR's error comes first
  const policyRead = startPolicyRead(client, repo, run, { number, path: policyPath, explicitRef: stringInput('policy-ref') })
  const pr = await getPullRequest(client, repo, number)
  if (pr.state !== 'open') {
    throw new ActionError({
      message: `Pull request #${pr.number} is ${pr.merged ? 'merged' : 'closed'}: there is nothing left to approve${run.eventName === 'pull_request_review' ? ' (this review came after it closed)' : ''}.`,
      fix: 'Nothing to do for a closed pull request; reopen it to have it judged again.'
    })
  }
  // A merge queue requires its checks on the queue's commit, a pull request on its head.
  const group = run.payload['merge_group'] as { head_sha?: string } | undefined
  const statusSha = run.eventName === 'merge_group' && group?.head_sha ? group.head_sha : pr.headSha
  const setStatus = (state: 'success' | 'failure' | 'error', description: string) =>
    setCommitStatus(client, repo, statusSha, { context: APPROVAL_STATUS_CONTEXT, state, description, targetUrl: run.runUrl })

  let decided = false
  try {
    const loaded = await policyRead.forPullRequest(pr)
    annotateProblems(loaded.warnings, 'warning', 'change-policy')
    const { policy } = loaded
    const typed = await classifyForApproval(client, repo, pr, policy, given)
    const blocking = typed.classification.credentials?.blocking ?? []
    if (blocking.length > 0) {
      // `on-finding: fail` (or a file that could not be scanned): no approval can make up for it.
      await setStatus('failure', 'Credentials found in the lines this pull request adds, or a file could not be scanned')
      decided = true
      core.setOutput('approved', 'false')
      emitAuditRecord(run, { action: 'require-approval', decision: 'missing', sha: pr.headSha, pullRequest: pr.number, changeType: typed.changeType, controls: typed.classification.controls, reasons: typed.classification.reasons, policy: loaded.source })
      throw new ActionError(blocking.map((message) => ({ message, fix: 'Rotate each credential now (it is already in the repository\'s history), remove it, and read it from a secret store; classify-change\'s annotations show where.' })))
    }
    const [gathered, documented] = await Promise.all([
      gatherApprovalFacts(client, repo, { pr, reviews: await reviews, policy, changeType: typed.changeType, requirements: typed.requirements }),
      gatherChangeRequestFacts(client, repo, { pr, policy, changeType: typed.changeType, serverUrl: run.serverUrl })
    ])
    const evaluation = evaluateApprovals(gathered.facts, policy, typed.requirements)
    const changeRequest = evaluateChangeRequest(documented.facts, policy)
    const decision = decideApproval(evaluation, changeRequest)

    const state = decision.satisfied ? 'success' : 'failure'
    await setStatus(state, approvalStatusLine(evaluation, changeRequest))
    decided = true
    const plan = planAutoMerge({
      changeType: evaluation.changeType, allowed: policy.approvals.autoMerge, approved: decision.satisfied, setting: mergeMethod,
      alreadyEnabled: pr.autoMerge?.mergeMethod ?? null, inMergeQueue: run.eventName === 'merge_group', draft: pr.draft
    })
    let autoMergeError: unknown
    const autoMerge = 'outcome' in plan ? plan : await enableAutoMerge(client, pr, plan.enable).then(
      (result) => (result.enabled ? { outcome: 'enabled' as const, detail: `turned on (${plan.enable})` } : { outcome: 'eligible' as const, detail: result.reason }),
      (error: unknown) => ((autoMergeError = error), { outcome: 'eligible' as const, detail: 'it could not be turned on: see the error' })
    )

    core.setOutput('approved', String(decision.satisfied))
    core.setOutput('approvers', JSON.stringify(evaluation.approvals.map((a) => a.user)))
    core.setOutput('missing', JSON.stringify(decision.missing))
    core.setOutput('auto-merge', autoMerge.outcome)
    core.setOutput('change-request', decision.changeRequestOutput)
    emitAuditRecord(run, {
      action: 'require-approval',
      decision: decision.satisfied ? 'approved' : 'missing',
      sha: pr.headSha,
      pullRequest: pr.number,
      changeType: evaluation.changeType,
      controls: typed.classification.controls,
      approvals: evaluation.approvals,
      changeRequest: decision.auditChangeRequest,
      reasons: decision.reasons,
      policy: loaded.source
    })
    const summary = renderApprovalSummary({
      evaluation, pullRequest: pr.number, headSha: pr.headSha, policy: loaded.source, changeTypeFrom: typed.changeTypeFrom, failOnMissing, autoMerge,
      warnings: loaded.warnings, notes: [...gathered.notes, ...documented.notes], baseMerges: gathered.baseMerges, status: { context: APPROVAL_STATUS_CONTEXT, state, sha: statusSha },
      changeRequest: { evaluation: changeRequest, settings: policy.changeRequest, pullRequest: pr.number }
    })
    await core.summary.addRaw(summary, true).write()
    if (autoMergeError) throw autoMergeError // the decision stands; the step fails on what was asked and not done

    for (const notice of decision.notices) core.warning(notice, { title: 'Emergency change' })
    if (!decision.satisfied) {
      const text = `Pull request #${pr.number} is not approved: ${decision.missing.join(' ')}`
      if (failOnMissing) core.setFailed(text)
      else core.warning(`${text} (fail-on-missing is false, so the step passes)`, { title: 'require-approval' })
    } else {
      core.info(`Pull request #${pr.number} is approved: ${evaluation.requirements.map((r) => r.explanation).join('; ')}.`)
    }
  } catch (error) {
    // An older `success` on this commit must not outlive a run that could not decide.
    if (!decided) await setStatus('error', `Could not decide: ${error instanceof Error ? error.message : String(error)}`).catch(() => undefined)
    throw error
  }
})
