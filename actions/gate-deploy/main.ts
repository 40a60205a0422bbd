import * as core from '@actions/core'
import { auditChangeRequest, type GateMode } from '@change-policy/policy'
import { createGitHubClient, recordGateDeployment } from '@change-policy/github'
import {
  ActionError,
  annotateProblems,
  assertSupportedEvent,
  booleanInput,
  choiceInput,
  emitAuditRecord,
  readRunContext,
  renderDeploySummary,
  runAction,
  stringInput,
  tokenInput
} from '@change-policy/runtime'
import { runGate } from '@change-policy/runtime/gate'

const EVENTS = { push: null, workflow_dispatch: null, deployment: null }
const MODES: readonly GateMode[] = ['deploy', 'rollback']
const SHA = /^[0-9a-f]{40}$/i

function shaInput(name: string, fallback: string): string {
  const value = stringInput(name) || fallback
  if (value !== '' && !SHA.test(value)) {
    throw new ActionError({ message: `Input \`${name}\` is "${value}", which is not a full commit sha.`, fix: `Set \`${name}\` to the 40-character sha of a commit (a branch name could move while the gate runs).` })
  }
  return value.toLowerCase()
}

await runAction('gate-deploy', async () => {
  core.setOutput('allowed', 'false') // whatever happens below, nothing is allowed until decided
  const now = new Date() // the runner's clock; no input can move it
  const token = tokenInput()
  const run = readRunContext()
  assertSupportedEvent(run, EVENTS, 'gate-deploy')
  const deployment = run.payload['deployment'] as { environment?: string; ref?: string } | undefined
  const sha = shaInput('sha', run.sha)
  const environment = stringInput('environment') || deployment?.environment || 'production'
  const mode = choiceInput('mode', MODES, 'deploy')
  const since = shaInput('since', '')
  const allowSchemaDrift = booleanInput('allow-schema-drift', false)
  if (allowSchemaDrift && mode !== 'rollback') {
    throw new ActionError({ message: '`allow-schema-drift: true` only applies to `mode: rollback`.', fix: 'Remove `allow-schema-drift`, or set `mode: rollback`.' })
  }
  const ref = process.env['GITHUB_REF'] ?? ''
  const runBranch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : (deployment?.ref ?? null)
  const client = createGitHubClient({ token, baseUrl: run.apiUrl, log: core.info })
  const repo = { owner: run.owner, repo: run.repo }

  const gate = await runGate(client, repo, {
    sha, environment, mode, since, allowSchemaDrift, runBranch, now, serverUrl: run.serverUrl,
    policyPath: stringInput('policy', '.github/change-policy.yml'), policyRef: stringInput('policy-ref')
  })
  annotateProblems(gate.loaded.warnings, 'warning', 'change-policy')
  const { decision, tip } = gate
  const deploymentId = await recordGateDeployment(client, repo, {
    sha: gate.sha, environment, allowed: decision.allowed, logUrl: run.runUrl,
    description: `change-policy gate-deploy: ${decision.allowed ? 'allowed' : 'refused'} (${mode})`,
    payload: { mode, pullRequests: gate.provenance.pullRequests, rangeStart: gate.range.base }
  })

  core.setOutput('allowed', String(decision.allowed))
  core.setOutput('change-type', tip?.judgement.changeType ?? '')
  core.setOutput('pull-request', tip ? String(tip.judgement.number) : '')
  core.setOutput('approvers', JSON.stringify(tip?.judgement.approvals.approvals.map((a) => a.user) ?? []))
  core.setOutput('reason', decision.reasons.join(' '))
  emitAuditRecord(run, {
    action: 'gate-deploy',
    decision: decision.allowed ? 'allowed' : 'refused',
    sha: gate.sha,
    pullRequest: tip?.judgement.number ?? null,
    changeType: tip?.judgement.changeType ?? null,
    controls: [...new Set(gate.judged.flatMap((j) => j.judgement.controls))],
    approvals: gate.judged.flatMap((j) => j.judgement.approvals.approvals),
    // The contract's conclusion is GitHub's, null while pending (or never run, or from the wrong app).
    checks: gate.judged.flatMap((j) => j.judgement.checks.map((c) => ({ name: c.name, conclusion: ['missing', 'pending', 'wrong-app'].includes(c.outcome) ? null : c.conclusion }))),
    changeRequest: auditChangeRequest(tip?.judgement.changeRequest?.record ?? null),
    reasons: decision.reasons,
    policy: gate.loaded.source
  })
  await core.summary.addRaw(renderDeploySummary({ run: gate, mode, environment, deploymentId }), true).write()
  for (const j of gate.judged) for (const notice of j.judgement.approvals.notices) core.warning(notice, { title: 'Emergency change' })
  if (decision.allowed) core.info(decision.reasons.join('\n'))
  else core.setFailed(`Deploy of ${gate.sha.slice(0, 7)} to ${environment} refused: ${decision.reasons.join(' ')}`)
})
