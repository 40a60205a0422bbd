// The permissions table, proven on the bundled actions: run against the simulator with a token
// that has exactly the table's permissions, each action succeeds; take any one away (or lower a
// write to read) and it fails. So a template job asking for exactly these asks for neither more
// nor less than the action needs. (The simulator's routes refuse a token without the permission
// GitHub's OpenAPI description names for them.)
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  prepareRepository,
  pullRequestReviewScenario,
  pullRequestScenario,
  runAction,
  runnerEnv,
  startSimulator,
  webhookExample,
  workflowDispatchScenario,
  type Simulator
} from '@change-policy/github-simulator'
import { GateWorld } from '../../../actions/gate-deploy/test-support/gate-world'
import { OUR_ACTION_PERMISSIONS, type ActionPermissions, type Permissions } from './action-permissions'

const POLICY = `version: 1
classification:
  emergency:
    labels: [emergency]
    declared-by: ["oncall-lead"]
  standard:
    paths: ["docs/**"]
approvals:
  normal: 1
  emergency: 0
`
const COLLABORATORS = { alice: 'write', bob: 'maintain', 'oncall-lead': 'maintain' } as const

/** A workflow's `pull-requests: write` is the installation permission `pull_requests`; every token reads metadata. */
function tokenPermissions(permissions: Permissions): Record<string, 'read' | 'write'> {
  return { metadata: 'read', ...Object.fromEntries(Object.entries(permissions).map(([scope, level]) => [scope.replace(/-/g, '_'), level])) }
}

/** A run that failed for want of a permission says so (GitHub's 403 message), not for another reason. */
function refusedForPermission(stdout: string): boolean {
  return /Resource not accessible by integration|permission/i.test(stdout)
}

/** The table's permissions, then each with one scope taken away or lowered to read. */
function variants({ permissions, notProvable = {} }: ActionPermissions): { name: string; permissions: Permissions; enough: boolean }[] {
  const out = [{ name: 'exactly the table', permissions, enough: true }]
  for (const [scope, level] of Object.entries(permissions)) {
    if (scope in notProvable) continue
    const without = Object.fromEntries(Object.entries(permissions).filter(([other]) => other !== scope))
    out.push({ name: `without ${scope}`, permissions: without, enough: false })
    if (level === 'write') out.push({ name: `${scope}: read`, permissions: { ...without, [scope]: 'read' }, enough: false })
  }
  return out
}

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(async () => {
  await sim.close()
})

// An emergency declared by a label: classify reads who added it (issue events) and labels the pull request.
test.each(variants(OUR_ACTION_PERMISSIONS['classify-change']!))('classify-change with $name', async ({ permissions, enough }) => {
  const sc = await pullRequestScenario(sim, { policy: POLICY, collaborators: COLLABORATORS, author: 'alice', files: ['src/app.ts'], action: 'labeled', label: 'emergency', sender: 'oncall-lead' })
  sim.state.addToken('scoped', { permissions: tokenPermissions(permissions), login: 'github-actions[bot]' })
  const result = await runAction('actions/classify-change/action.yml', { env: sc.env, token: 'scoped' })
  if (enough) expect(result.outputs['change-type']).toBe('emergency')
  expect(result.exitCode).toBe(enough ? 0 : 1)
  if (!enough) expect(refusedForPermission(result.stdout)).toBe(true)
})

// A normal change approved by a maintainer: the policy, the pull request, its reviews and the status.
test.each(variants(OUR_ACTION_PERMISSIONS['require-approval']!))('require-approval with $name', async ({ permissions, enough }) => {
  const opened = await pullRequestScenario(sim, { policy: POLICY, collaborators: COLLABORATORS, author: 'alice', files: ['src/app.ts'] })
  const sc = await pullRequestReviewScenario(sim, { policy: POLICY, collaborators: COLLABORATORS, author: 'alice', number: opened.pr.number, review: { user: 'bob', state: 'APPROVED' } })
  sim.state.addToken('scoped', { permissions: tokenPermissions(permissions), login: 'github-actions[bot]' })
  const result = await runAction('actions/require-approval/action.yml', { env: sc.env, token: 'scoped' })
  if (enough) expect(result.outputs['approved']).toBe('true')
  expect(result.exitCode).toBe(enough ? 0 : 1)
  if (!enough) expect(refusedForPermission(result.stdout)).toBe(true)
})

// A pull request adding one migration, checked out as the runner checks out its merge commit.
test.each(variants(OUR_ACTION_PERMISSIONS['validate-migration']!))('validate-migration with $name', async ({ permissions, enough }) => {
  const repo = prepareRepository(sim, { repository: 'acme/app', policy: 'version: 1\n' })
  const dir = mkdtempSync(join(tmpdir(), 'permissions-e2e-'))
  try {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, encoding: 'utf8' }).trim()
    const add = (path: string, sql: string, message: string) => {
      mkdirSync(join(dir, 'supabase', 'migrations'), { recursive: true })
      writeFileSync(join(dir, 'supabase', 'migrations', path), sql)
      git('add', '-A')
      git('commit', '-q', '-m', message)
    }
    git('init', '-q', '-b', 'main')
    add('20260101000000_items.sql', 'create table items (id bigint primary key);\n', 'base')
    const baseSha = git('rev-parse', 'HEAD')
    add('20260102000000_items_name.sql', 'alter table items add column name text;\n', 'change')
    const payload = webhookExample('pull_request', 'opened') as { number: number; pull_request: Record<string, unknown>; repository: Record<string, unknown> }
    payload.number = 1
    Object.assign(payload.pull_request, { number: 1, base: { ref: 'main', sha: baseSha }, head: { ref: 'feature', sha: git('rev-parse', 'HEAD') } })
    Object.assign(payload.repository, { full_name: 'acme/app', name: 'app', default_branch: 'main' })
    const eventPath = join(dir, '..', `${dir.split(/[\\/]/).pop()}-event.json`)
    writeFileSync(eventPath, JSON.stringify(payload))
    const env = runnerEnv(sim, repo, { eventName: 'pull_request', eventPath, sha: git('rev-parse', 'HEAD'), ref: 'refs/pull/1/merge', actor: 'alice', headRef: 'feature', baseRef: 'main' })
    sim.state.addToken('scoped', { permissions: tokenPermissions(permissions), login: 'github-actions[bot]' })
    const result = await runAction('actions/validate-migration/action.yml', { env, token: 'scoped', workspace: dir, timeoutMs: 90_000 })
    if (enough) expect(result.outputs['valid']).toBe('true')
    expect(result.exitCode).toBe(enough ? 0 : 1)
    if (!enough) expect(refusedForPermission(result.stdout)).toBe(true)
    rmSync(eventPath, { force: true })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

// A merged emergency change: open reads the pull request and its reviews, opens the review issue
// with its labels and assignees, and comments on the pull request.
test.each(variants(OUR_ACTION_PERMISSIONS['emergency-followup']!))('emergency-followup with $name', async ({ permissions, enough }) => {
  const sc = await pullRequestScenario(sim, { policy: POLICY, collaborators: COLLABORATORS, author: 'alice', files: ['src/app.ts'], action: 'labeled', label: 'emergency', sender: 'oncall-lead' })
  sc.repo.mergePullRequest(sc.pr.number, { by: 'bob' })
  const dispatch = await workflowDispatchScenario(sim, { actor: 'bob' })
  sim.state.addToken('scoped', { permissions: tokenPermissions(permissions), login: 'github-actions[bot]' })
  const result = await runAction('actions/emergency-followup/action.yml', { env: dispatch.env, token: 'scoped', inputs: { mode: 'open', 'pull-request': String(sc.pr.number) } })
  if (enough) expect(result.outputs['created']).toBe('true')
  expect(result.exitCode).toBe(enough ? 0 : 1)
  if (!enough) expect(refusedForPermission(result.stdout)).toBe(true)
})

// A merged normal pull request, approved and green: the gate reads the range, the pull request
// behind it with its reviews and checks, and records its own deployment.
test.each(variants(OUR_ACTION_PERMISSIONS['gate-deploy']!))('gate-deploy with $name', async ({ permissions, enough }) => {
  // A change request is required, so the linked issue must be read (issues: read).
  const world = new GateWorld(sim, 'version: 1\ndeploy:\n  branches: [main]\n  required-checks: [test]\nchange-request:\n  required: [normal]\n')
  const issue = world.repo.addIssue({ title: 'Add the export', body: '## Justification\nCustomers asked for it.\n\n## Impact assessment\nOne new endpoint.\n' })
  world.merge({ checks: { test: 'success' }, body: `Closes #${issue.number}` })
  sim.state.addToken('scoped', { permissions: tokenPermissions(permissions), login: 'github-actions[bot]' })
  const result = await world.gate({}, { token: 'scoped' })
  if (enough) expect(result.outputs['allowed']).toBe('true')
  expect(result.exitCode).toBe(enough ? 0 : 1)
  if (!enough) expect(refusedForPermission(result.stdout)).toBe(true)
})

test('every action in the table is proven above', () => {
  expect(Object.keys(OUR_ACTION_PERMISSIONS).sort()).toEqual(['classify-change', 'emergency-followup', 'gate-deploy', 'require-approval', 'validate-migration'])
})
