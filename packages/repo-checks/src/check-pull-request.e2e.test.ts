// actions/check-pull-request, run as its README's example workflow runs it on `pull_request`:
// the composite's steps in order with its inputs, the change type passed from classify to
// require-approval, validate-migration only when the database control matched.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load, CORE_SCHEMA } from 'js-yaml'
import { pullRequestReviewScenario, pullRequestScenario, startSimulator, type Simulator } from '@change-policy/github-simulator'
import { documentedWorkflows } from './documented-workflows'
import { REPO_ROOT } from './repo-files'
import type { Mapping } from './strict-yaml'
import { pullRequestEvent, thirdParty } from './template-run-fixtures'
import { runWorkflow } from './template-runner'

const README = 'actions/check-pull-request/README.md'
const [example] = documentedWorkflows(README, readFileSync(join(REPO_ROOT, README), 'utf8'))
const workflow = load(example?.text ?? '', { schema: CORE_SCHEMA }) as Mapping
const COLLABORATORS = { alice: 'write', bob: 'maintain' } as const
const MIGRATION = 'supabase/migrations/20260102000000_items_name.sql'

let sim: Simulator
let dir: string
beforeEach(async () => {
  sim = await startSimulator()
  dir = mkdtempSync(join(tmpdir(), 'check-pr-'))
})
afterEach(async () => {
  await sim.close()
  rmSync(dir, { recursive: true, force: true })
})

test('a documentation pull request: standard, approved, no migrations validated', async () => {
  const files = { 'docs/guide.md': '# Guide\n' }
  const sc = await pullRequestScenario(sim, { policy: 'version: 1\n', collaborators: COLLABORATORS, author: 'alice', files: Object.keys(files) })
  const run = await runWorkflow(workflow, { sim, env: pullRequestEvent(sim, sc, dir, files), workspace: dir, thirdParty })
  const job = run['change-policy']
  expect(job?.result).toBe('success')
  const check = job?.steps.find((s) => s.id === 'check')
  expect(check).toBeDefined()
  expect(sc.pr.issue.labels).toContain('change:standard')
  const calls = job?.steps.filter((s) => s.action).map((s) => s.uses)
  expect(calls).toEqual(['your-org/change-policy/actions/classify-change@v1', 'your-org/change-policy/actions/require-approval@v1'])
})

test('a migration pull request: normal, approved by bob, its migration validated in the same step', async () => {
  const files = { [MIGRATION]: 'alter table items add column name text;\n' }
  const sc = await pullRequestScenario(sim, { policy: 'version: 1\n', collaborators: COLLABORATORS, author: 'alice', files: [{ filename: MIGRATION, content: files[MIGRATION] as string }] })
  await pullRequestReviewScenario(sim, { policy: 'version: 1\n', collaborators: COLLABORATORS, author: 'alice', number: sc.pr.number, review: { user: 'bob', state: 'APPROVED' } })
  const run = await runWorkflow(workflow, { sim, env: pullRequestEvent(sim, sc, dir, files), workspace: dir, thirdParty })
  const job = run['change-policy']
  expect(job?.result).toBe('success')
  const byAction = Object.fromEntries((job?.steps ?? []).filter((s) => s.action).map((s) => [s.uses?.replace(/^.*actions\/|@.*$/g, ''), s.action]))
  expect(byAction['classify-change']?.outputs['change-type']).toBe('normal')
  expect(byAction['require-approval']?.outputs.approved).toBe('true')
  expect(byAction['validate-migration']?.outputs.valid).toBe('true')
}, 120_000)

test('missing approvals fail the step, and the migrations are still validated in the same run', async () => {
  const files = { [MIGRATION]: 'alter table items add column name text;\n' }
  const sc = await pullRequestScenario(sim, { policy: 'version: 1\n', collaborators: COLLABORATORS, author: 'alice', files: [{ filename: MIGRATION, content: files[MIGRATION] as string }] })
  const run = await runWorkflow(workflow, { sim, env: pullRequestEvent(sim, sc, dir, files), workspace: dir, thirdParty })
  const job = run['change-policy']
  expect(job?.result).toBe('failure')
  const byAction = Object.fromEntries((job?.steps ?? []).filter((s) => s.action).map((s) => [s.uses?.replace(/^.*actions\/|@.*$/g, ''), s.action]))
  expect(byAction['require-approval']?.exitCode).toBe(1)
  expect(byAction['validate-migration']?.outputs.valid).toBe('true')
}, 120_000)

test('an unknown validate-migrations value fails before anything runs', async () => {
  const sc = await pullRequestScenario(sim, { policy: 'version: 1\n', collaborators: COLLABORATORS, author: 'alice', files: ['docs/a.md'] })
  const broken = structuredClone(workflow)
  const steps = ((broken.jobs as Mapping)['change-policy'] as Mapping).steps as Mapping[]
  ;(steps[1] as Mapping).with = { 'validate-migrations': 'sometimes' }
  const run = await runWorkflow(broken, { sim, env: pullRequestEvent(sim, sc, dir, { 'docs/a.md': '# a\n' }), workspace: dir, thirdParty })
  expect(run['change-policy']?.result).toBe('failure')
  expect(run['change-policy']?.steps.filter((s) => s.action)).toEqual([])
  expect(run['change-policy']?.steps.some((s) => s.output?.includes('validate-migrations is "sometimes"'))).toBe(true)
})
