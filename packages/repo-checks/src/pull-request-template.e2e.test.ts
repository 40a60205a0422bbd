// The pull-request starter workflow, run as GitHub would run it for a documentation pull
// request and for one adding a migration: its jobs in order, with the inputs the template
// passes, our bundled actions against the simulator with each job's own token, the `changes`
// script by bash in a real checkout. Jobs that need the outside world (npm, CodeQL, docker,
// Vercel) are left out, but which events schedule them is asserted: never pull_request_target.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pullRequestReviewScenario, pullRequestScenario, startSimulator, type Simulator } from '@change-policy/github-simulator'
import { REPO_ROOT } from './repo-files'
import { isMapping, loadStrictYaml, type Mapping } from './strict-yaml'
import { pullRequestEvent, thirdParty } from './template-run-fixtures'
import { runWorkflow, type JobRun } from './template-runner'

const TEMPLATE = 'workflows-templates/change-policy-pull-request.yml'
const loaded = loadStrictYaml(TEMPLATE, readFileSync(join(REPO_ROOT, TEMPLATE), 'utf8'))
const workflow = ('value' in loaded ? loaded.value : {}) as Mapping
const OUTSIDE_WORLD = ['test', 'codeql', 'build-fly', 'build-vercel', 'build']
const COLLABORATORS = { alice: 'write', bob: 'maintain' } as const
const MIGRATION = 'supabase/migrations/20260102000000_items_name.sql'

let sim: Simulator
let dir: string
beforeEach(async () => {
  sim = await startSimulator()
  dir = mkdtempSync(join(tmpdir(), 'pr-template-'))
})
afterEach(async () => {
  await sim.close()
  rmSync(dir, { recursive: true, force: true })
})

const results = (run: Record<string, JobRun>) => Object.fromEntries(Object.entries(run).map(([id, job]) => [id, job.result]))

test('the template is the one the runs below read', () => {
  expect('value' in loaded).toBe(true)
  expect(Object.keys(workflow.jobs as Mapping)).toEqual(['classify', 'require-approval', 'changes', 'validate-migration', 'test', 'codeql', 'build-supabase', 'build-fly', 'build-vercel', 'build'])
})

test('a documentation pull request: standard, approved without reviews, no migration to validate', async () => {
  const files = { 'docs/guide.md': '# Guide\n' }
  const target = await pullRequestScenario(sim, { policy: 'version: 1\n', collaborators: COLLABORATORS, author: 'alice', files: Object.keys(files) })
  const onTarget = await runWorkflow(workflow, { sim, env: target.env, workspace: dir, thirdParty, leaveOut: OUTSIDE_WORLD })
  expect(results(onTarget)).toMatchObject({ classify: 'success', 'require-approval': 'success', changes: 'skipped', 'validate-migration': 'skipped', 'build-supabase': 'skipped' })
  expect(onTarget.classify?.outputs['change-type']).toBe('standard')
  const approval = onTarget['require-approval']?.steps.find((s) => s.id === 'approval')?.action
  expect(approval?.outputs.approved).toBe('true')
  expect(target.pr.issue.labels).toContain('change:standard')

  const onPullRequest = await runWorkflow(workflow, { sim, env: pullRequestEvent(sim, target, dir, files), workspace: dir, thirdParty, leaveOut: OUTSIDE_WORLD })
  expect(results(onPullRequest)).toMatchObject({ classify: 'skipped', 'require-approval': 'skipped', changes: 'success', 'validate-migration': 'skipped', 'build-supabase': 'success' })
  expect(onPullRequest.changes?.outputs.migrations).toBe('false')
})

test('a migration pull request: normal with the database control, refused until approved, its migration validated', async () => {
  const files = { [MIGRATION]: 'alter table items add column name text;\n' }
  const target = await pullRequestScenario(sim, { policy: 'version: 1\n', collaborators: COLLABORATORS, author: 'alice', files: [{ filename: MIGRATION, content: files[MIGRATION] as string }] })
  const onTarget = await runWorkflow(workflow, { sim, env: target.env, workspace: dir, thirdParty, leaveOut: OUTSIDE_WORLD })
  expect(onTarget.classify?.outputs['change-type']).toBe('normal')
  expect(onTarget['require-approval']?.result).toBe('failure')
  expect(onTarget['require-approval']?.steps.find((s) => s.id === 'approval')?.action?.outputs.approved).toBe('false')

  // bob approves: the review event re-judges without classify (skipped), require-approval classifying itself.
  const review = await pullRequestReviewScenario(sim, { policy: 'version: 1\n', collaborators: COLLABORATORS, author: 'alice', number: target.pr.number, review: { user: 'bob', state: 'APPROVED' } })
  const onReview = await runWorkflow(workflow, { sim, env: review.env, workspace: dir, thirdParty, leaveOut: OUTSIDE_WORLD })
  expect(results(onReview)).toMatchObject({ classify: 'skipped', 'require-approval': 'success', changes: 'skipped' })
  expect(JSON.parse(onReview['require-approval']?.steps.find((s) => s.id === 'approval')?.action?.outputs.approvers ?? '[]')).toEqual(['bob'])

  const onPullRequest = await runWorkflow(workflow, { sim, env: pullRequestEvent(sim, target, dir, files), workspace: dir, thirdParty, leaveOut: OUTSIDE_WORLD })
  expect(results(onPullRequest)).toMatchObject({ classify: 'skipped', 'require-approval': 'skipped', changes: 'success', 'validate-migration': 'success', 'build-supabase': 'success' })
  expect(onPullRequest.changes?.outputs.migrations).toBe('true')
  const validated = onPullRequest['validate-migration']?.steps.find((s) => s.id === 'migrations')?.action
  expect(validated?.outputs.valid).toBe('true')
  expect(JSON.parse(validated?.outputs['new-migrations'] ?? '[]')).toEqual([MIGRATION])
}, 120_000)

test('a migration that fails validation fails build-supabase, and so the `build` check', async () => {
  const files = { [MIGRATION]: 'alter table items add column name text not null;\nselect from;\n' }
  const target = await pullRequestScenario(sim, { policy: 'version: 1\n', collaborators: COLLABORATORS, author: 'alice', files: [{ filename: MIGRATION, content: files[MIGRATION] as string }] })
  const onPullRequest = await runWorkflow(workflow, { sim, env: pullRequestEvent(sim, target, dir, files), workspace: dir, thirdParty, leaveOut: OUTSIDE_WORLD })
  expect(results(onPullRequest)).toMatchObject({ changes: 'success', 'validate-migration': 'failure', 'build-supabase': 'failure' })
}, 120_000)

test('the jobs that run the head\'s code are scheduled on pull_request and merge_group, never on pull_request_target or a review', async () => {
  const target = await pullRequestScenario(sim, { policy: 'version: 1\n', collaborators: COLLABORATORS, author: 'alice', files: ['docs/a.md'] })
  // Every job except the two API ones left out: which of them the events schedule.
  const apiJobs = ['classify', 'require-approval']
  const codeJobs = Object.keys(workflow.jobs as Mapping).filter((id) => !apiJobs.includes(id))
  const jobs = workflow.jobs as Mapping
  for (const id of codeJobs) {
    const job = jobs[id] as Mapping
    expect(isMapping(job)).toBe(true)
    // Each code job's condition names only pull_request and merge_group, or needs a job that does.
    const text = `${String(job.if ?? '')} ${String(job.needs ?? '')}`
    expect(text).not.toMatch(/pull_request_target|pull_request_review/)
  }
  const onTarget = await runWorkflow(workflow, { sim, env: target.env, workspace: dir, thirdParty, leaveOut: apiJobs })
  for (const id of codeJobs) expect([id, onTarget[id]?.result]).toEqual([id, 'skipped'])
})
