// The permissions table, proven on the bundled actions: run against the simulator with a token
// that has exactly the table's permissions, each action succeeds; take any one away (or lower a
// write to read) and it fails. So a template job asking for exactly these asks for neither more
// nor less than the action needs. (The simulator's routes refuse a token without the permission
// GitHub's OpenAPI description names for them.)
import { pullRequestReviewScenario, pullRequestScenario, runAction, startSimulator, type Simulator } from '@change-policy/github-simulator'
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
  expect({ exitCode: result.exitCode, stderr: result.stderr.slice(0, 300) }).toEqual(enough ? { exitCode: 0, stderr: '' } : { exitCode: 1, stderr: expect.any(String) })
})

// A normal change approved by a maintainer: the policy, the pull request, its reviews and the status.
test.each(variants(OUR_ACTION_PERMISSIONS['require-approval']!))('require-approval with $name', async ({ permissions, enough }) => {
  const opened = await pullRequestScenario(sim, { policy: POLICY, collaborators: COLLABORATORS, author: 'alice', files: ['src/app.ts'] })
  const sc = await pullRequestReviewScenario(sim, { policy: POLICY, collaborators: COLLABORATORS, author: 'alice', number: opened.pr.number, review: { user: 'bob', state: 'APPROVED' } })
  sim.state.addToken('scoped', { permissions: tokenPermissions(permissions), login: 'github-actions[bot]' })
  const result = await runAction('actions/require-approval/action.yml', { env: sc.env, token: 'scoped' })
  if (enough) expect(result.outputs['approved']).toBe('true')
  expect(result.exitCode).toBe(enough ? 0 : 1)
})
