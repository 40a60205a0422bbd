// The deploy starter workflow's gating, with its `if:` and `needs:` evaluated as the runner
// evaluates them (@actions/expressions): nothing deploys unless the gate allowed it, every
// deploy job is in the production environment, the follow-up opens only for emergencies, and
// the audit log is uploaded whatever the gate decided.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from './repo-files'
import { isMapping, loadStrictYaml, type Mapping } from './strict-yaml'
import { jobWouldRun } from './template-runner'

const TEMPLATE = 'workflows-templates/change-policy-deploy.yml'
const loaded = loadStrictYaml(TEMPLATE, readFileSync(join(REPO_ROOT, TEMPLATE), 'utf8'))
const workflow = ('value' in loaded ? loaded.value : {}) as Mapping
const jobs = workflow.jobs as Mapping
const DEPLOYS = ['deploy-supabase', 'deploy-fly', 'deploy-vercel']
const gate = (allowed: string, changeType = 'normal', result: 'success' | 'failure' = allowed === 'true' ? 'success' : 'failure') => ({ result, outputs: { allowed, 'change-type': changeType, 'pull-request': '42' } })
const deployed = { result: 'success' as const }

test('the jobs are the ones the checks below judge', () => {
  expect(Object.keys(jobs)).toEqual(['gate', ...DEPLOYS, 'emergency-followup', 'attest-audit'])
})

test.each(DEPLOYS)('%s needs the gate, deploys to production, and runs only when the gate allowed', (id) => {
  const job = jobs[id] as Mapping
  expect([job.needs].flat()).toContain('gate')
  expect(job.environment).toBe('production')
  const others = Object.fromEntries(DEPLOYS.map((other) => [other, deployed]))
  expect(jobWouldRun(workflow, id, 'push', { ...others, gate: gate('true') })).toBe(true)
  expect(jobWouldRun(workflow, id, 'push', { ...others, gate: gate('false') })).toBe(false)
  // A gate that succeeded but did not say "true" (it could not decide) deploys nothing either.
  expect(jobWouldRun(workflow, id, 'push', { ...others, gate: gate('', 'normal', 'success') })).toBe(false)
  expect(jobWouldRun(workflow, id, 'workflow_dispatch', { ...others, gate: gate('false') })).toBe(false)
})

test('emergency-followup opens the review only for an emergency, even if a deploy job failed', () => {
  const deploys = Object.fromEntries(DEPLOYS.map((id) => [id, deployed]))
  expect(jobWouldRun(workflow, 'emergency-followup', 'push', { ...deploys, gate: gate('true', 'emergency') })).toBe(true)
  expect(jobWouldRun(workflow, 'emergency-followup', 'push', { ...deploys, 'deploy-fly': { result: 'failure' }, gate: gate('true', 'emergency') })).toBe(true)
  expect(jobWouldRun(workflow, 'emergency-followup', 'push', { ...deploys, gate: gate('true', 'normal') })).toBe(false)
  const steps = (jobs['emergency-followup'] as Mapping).steps as Mapping[]
  expect(steps.find((step) => String(step.uses).includes('/actions/emergency-followup@'))?.with).toMatchObject({ mode: 'open', 'pull-request': '${{ needs.gate.outputs.pull-request }}' })
})

test('the gate uploads its audit log whatever it decided, and every one of our steps appends to it', () => {
  const gateSteps = (jobs.gate as Mapping).steps as Mapping[]
  const upload = gateSteps.find((step) => String(step.uses).startsWith('actions/upload-artifact@'))
  expect(upload?.if).toBe('${{ !cancelled() }}')
  const ours = Object.values(jobs).flatMap((job) => ((job as Mapping).steps as Mapping[]).filter((step) => /change-policy\/actions\//.test(String(step.uses))))
  expect(ours.length).toBe(2)
  for (const step of ours) expect(isMapping(step.with) && step.with['audit-log']).toBe('${{ env.AUDIT_LOG }}')
})

test('only attest-audit may mint an OIDC token or write attestations', () => {
  for (const [id, job] of Object.entries(jobs)) {
    const permissions = (job as Mapping).permissions as Mapping
    const asks = 'id-token' in permissions || 'attestations' in permissions
    expect([id, asks]).toEqual([id, id === 'attest-audit'])
  }
})
