import * as core from '@actions/core'
import { classify } from '@change-policy/policy'
import { createGitHubClient, gatherClassificationFacts, getPullRequest, syncPrefixedLabel } from '@change-policy/github'
import {
  ActionError,
  annotateCredentialVerdict,
  annotateProblems,
  assertSupportedEvent,
  booleanInput,
  credentialFindingsOutput,
  emitAuditRecord,
  maskCredential,
  positiveIntegerInput,
  readRunContext,
  renderClassificationSummary,
  renderCredentialSection,
  resolvePullRequestNumber,
  runAction,
  startPolicyRead,
  stringInput,
  tokenInput,
  withCredentialScan
} from '@change-policy/runtime'

// Any activity type: a label, an edit or a push can each change the classification.
const EVENTS = { pull_request: null, pull_request_target: null, merge_group: null, workflow_dispatch: null }
const LABEL_PREFIX = 'change:'

await runAction('classify-change', async () => {
  const token = tokenInput()
  const run = readRunContext()
  assertSupportedEvent(run, EVENTS, 'classify-change')
  const number = resolvePullRequestNumber(run, positiveIntegerInput('pull-request'), Object.keys(EVENTS))
  const applyLabels = booleanInput('apply-labels', true)
  const policyPath = stringInput('policy', '.github/change-policy.yml')
  const client = createGitHubClient({ token, baseUrl: run.apiUrl, log: core.info })
  const repo = { owner: run.owner, repo: run.repo }

  const policyRead = startPolicyRead(client, repo, run, { number, path: policyPath, explicitRef: stringInput('policy-ref') })
  const pr = await getPullRequest(client, repo, number)
  const loaded = await policyRead.forPullRequest(pr)
  annotateProblems(loaded.warnings, 'warning', 'change-policy')

  const gathered = await gatherClassificationFacts(client, repo, pr, loaded.policy)
  // Every secret found is masked inside the scan, before anything can print it.
  const facts = await withCredentialScan(client, repo, pr.headSha, gathered, loaded.policy, { mask: maskCredential })
  const classification = classify(facts, loaded.policy)
  annotateCredentialVerdict(classification.credentials)

  core.setOutput('change-type', classification.changeType)
  core.setOutput('controls', JSON.stringify(classification.controls.map((c) => c.name)))
  core.setOutput('reasons', JSON.stringify(classification.reasons))
  core.setOutput('required-approvals', String(classification.requiredApprovals))
  core.setOutput('files-count', String(classification.filesCount))
  core.setOutput('credential-findings', credentialFindingsOutput(classification.credentials))
  emitAuditRecord(run, {
    action: 'classify-change',
    decision: classification.changeType,
    sha: pr.headSha,
    pullRequest: pr.number,
    changeType: classification.changeType,
    controls: classification.controls,
    reasons: classification.reasons,
    policy: loaded.source
  })
  // A notice shows on the run's page and in the checks tab without opening the summary.
  core.notice(classification.reasons.join('\n'), { title: `${classification.changeType} change (${classification.requiredApprovals} approval${classification.requiredApprovals === 1 ? '' : 's'} required)` })

  const labels = applyLabels
    ? await syncPrefixedLabel(client, repo, pr.number, pr.labels, LABEL_PREFIX, `${LABEL_PREFIX}${classification.changeType}`)
    : undefined
  const summary = renderClassificationSummary({
    classification,
    policy: loaded.source,
    pullRequest: pr.number,
    warnings: loaded.warnings,
    ...(labels ? { labels } : {})
  })
  await core.summary.addRaw(summary, true).addRaw(renderCredentialSection(classification.credentials), true).write()
  const blocking = classification.credentials?.blocking ?? []
  if (blocking.length > 0) {
    throw new ActionError(blocking.map((message) => ({ message, fix: 'Rotate each credential now (it is already in the repository\'s history), remove it, and read it from a secret store; the annotations show where. See `credentials` in docs/policy.md.' })))
  }
})
