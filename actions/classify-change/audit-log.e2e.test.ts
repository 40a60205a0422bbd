// The `audit-log` input, which every action takes from packages/runtime's emitAuditRecord:
// the bundled actions append their audit record to a JSON Lines file in the workspace.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pullRequestScenario, runAction, startSimulator, type Simulator } from '@change-policy/github-simulator'

const POLICY = 'version: 1\n'

let sim: Simulator
let workspace: string

beforeEach(async () => {
  sim = await startSimulator()
  workspace = await mkdtemp(join(tmpdir(), 'audit-log-e2e-'))
})

afterEach(async () => {
  await sim.close()
  await rm(workspace, { recursive: true, force: true })
})

function records(text: string): Array<Record<string, unknown>> {
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('the audit-log input', () => {
  test('classify-change then require-approval append one record each, equal to their audit-record outputs', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['src/app.ts'], collaborators: { alice: 'write', bob: 'write' }, author: 'alice' })
    sc.repo.addReview(sc.pr.number, { user: 'bob', state: 'APPROVED' })
    const inputs = { 'audit-log': 'evidence/change-policy.jsonl' }
    const classified = await runAction('actions/classify-change/action.yml', { env: sc.env, token: sc.token, workspace, inputs })
    const approved = await runAction('actions/require-approval/action.yml', { env: sc.env, token: sc.token, workspace, inputs })
    expect(sim.errors).toEqual([])
    expect([classified.exitCode, approved.exitCode]).toEqual([0, 0])
    const lines = records(await readFile(join(workspace, 'evidence/change-policy.jsonl'), 'utf8'))
    expect(lines).toEqual([JSON.parse(classified.outputs['audit-record']!), JSON.parse(approved.outputs['audit-record']!)])
    expect(lines.map((r) => [r['action'], r['decision']])).toEqual([
      ['classify-change', 'normal'],
      ['require-approval', 'approved']
    ])
  })

  test('a file that cannot be written fails the step with one error naming it', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['docs/a.md'] })
    await writeFile(join(workspace, 'blocked'), 'a file where a folder should be')
    const run = await runAction('actions/classify-change/action.yml', { env: sc.env, token: sc.token, workspace, inputs: { 'audit-log': 'blocked/log.jsonl' } })
    expect(sim.errors).toEqual([])
    expect(run.exitCode).toBe(1)
    const errors = run.annotations.filter((a) => a.level === 'error' && a.title === 'classify-change')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.message).toContain('The audit record could not be appended to `blocked/log.jsonl`')
    expect(run.stderr + run.stdout).not.toMatch(/\n\s+at /)
  })

  test('without the input no file is written', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['docs/a.md'] })
    const run = await runAction('actions/classify-change/action.yml', { env: sc.env, token: sc.token, workspace })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toContain('Appended the audit record')
  })
})
