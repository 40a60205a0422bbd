// The bundled dist/gate-deploy/index.js, run as the Actions runner runs it, against the
// GitHub simulator over HTTP: each scenario of issue 11's "What must be shown".
import { startSimulator, type Simulator } from '@change-policy/github-simulator'
import { expectAllowed, expectRefused, GateWorld } from './test-support/gate-world'

const POLICY = `version: 1
classification:
  emergency:
    labels: [emergency]
controls:
  - name: secrets-and-config
    paths: ["**/.env*", "fly.toml"]
    approvals: 2
    reviewers: [bob, carol]
approvals:
  normal: 1
  emergency: 0
deploy:
  branches: [main]
  required-checks: [test, build]
  freezes:
    - name: year-end
      from: "2026-12-20T00:00:00+01:00"
      to: "2027-01-04T00:00:00+01:00"
      allow: [emergency]
    - name: weekends
      days: [sat, sun]
      timezone: Europe/Paris
      allow: [emergency, standard]
`

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  expect(sim.errors).toEqual([])
  await sim.close()
})

const json = <T>(text: string | undefined): T => JSON.parse(text ?? 'null') as T

test('a merged normal pull request with an approval and green checks is allowed, and the gate records its deployment', async () => {
  const world = new GateWorld(sim, POLICY)
  const { pr, landed } = world.merge()
  const result = await world.gate()
  expectAllowed(result)
  expect(result.outputs).toMatchObject({ 'change-type': 'normal', 'pull-request': String(pr.number), approvers: '["bob"]' })
  expect(result.outputs['reason']).toMatch(/#1 \(normal\) was approved at merge time by bob/)
  expect(world.deployments()).toEqual([[landed.sha, 'success']])
  const record = json<Record<string, unknown>>(result.outputs['audit-record'])
  expect(record).toMatchObject({ action: 'gate-deploy', decision: 'allowed', sha: landed.sha, pullRequest: pr.number, changeType: 'normal' })
  expect(record['approvals']).toEqual([expect.objectContaining({ user: 'bob', commit: pr.head.sha })])
  expect(record['checks']).toEqual([{ name: 'test', conclusion: 'success' }, { name: 'build', conclusion: 'success' }])
  // What an auditor prints: the pull request, its type, approvers with times, checks, freeze, decision.
  expect(result.summary).toContain('## gate-deploy: allowed')
  expect(result.summary).toMatch(/Change type \| normal/)
  expect(result.summary).toMatch(/Approvers at merge \| bob at \d{4}-\d\d-\d\dT[\d:]+Z on/)
  expect(result.summary).toMatch(/✅ `test`/)
  expect(result.summary).toMatch(/No freeze is in force at 2026-12-02T10:00/)
})

test('a squash-merged and a rebase-merged pull request are allowed: provenance is found for every commit', async () => {
  const squash = new GateWorld(sim, POLICY)
  const squashed = squash.merge({ method: 'squash', pushes: 2 })
  expect(squashed.landed.parents).toHaveLength(1)
  const squashRun = await squash.gate()
  expectAllowed(squashRun)
  expect(squashRun.summary).toMatch(/squash or rebase commit of \\?#1 /)

  const rebase = new GateWorld(sim, POLICY)
  const rebased = rebase.merge({ method: 'rebase', pushes: 2 })
  const rebaseRun = await rebase.gate()
  expectAllowed(rebaseRun)
  expect(rebaseRun.outputs['pull-request']).toBe(String(rebased.pr.number))
  // Three rebased commits, each covered by the pull request.
  expect(rebaseRun.summary.match(/came in with \\?#\d+|squash or rebase commit of \\?#\d+/g)).toHaveLength(3)
})

test('a direct push is refused, and allowed with deploy.allow-direct-push', async () => {
  const world = new GateWorld(sim, POLICY)
  const pushed = world.push()
  expectRefused(await world.gate(), new RegExp(`Commit ${pushed.sha.slice(0, 7)} has no merged pull request behind it`))
  expect(world.deployments()).toEqual([[pushed.sha, 'failure']])

  const lenient = new GateWorld(sim, POLICY.replace('  branches: [main]', '  branches: [main]\n  allow-direct-push: true'))
  lenient.push({ 'src/other.ts': 'x\n' })
  const allowed = await lenient.gate()
  expectAllowed(allowed)
  expect(allowed.outputs['pull-request']).toBe('')
  expect(allowed.outputs['reason']).toMatch(/Direct pushes let through by allow-direct-push/)
})

test('an approval given only after the merge does not count', async () => {
  const world = new GateWorld(sim, POLICY)
  world.merge({ reviews: [], lateReviews: [{ user: 'bob' }] })
  const errors = expectRefused(await world.gate(), /#1 \(normal\) was not approved when it was merged/)
  expect(errors).toMatch(/the approval by bob at .* came after the merge/)
})

test('an emergency label put on after the merge does not change the rules the merge was made under', async () => {
  const world = new GateWorld(sim, POLICY)
  world.merge({ reviews: [], lateLabels: ['emergency'] })
  const result = await world.gate()
  expectRefused(result, /#1 \(normal\) was not approved when it was merged/)
  expect(result.summary).toMatch(/Labels added after the merge \(ignored\) \| emergency/)
})

test('the change request is checked for the types that need one, and its justification goes into the record', async () => {
  const policy = `${POLICY}change-request:\n  required: [normal]\n`
  const documented = new GateWorld(sim, policy)
  const issue = documented.repo.addIssue({ title: 'Export invoices', body: '### Justification\n\nCustomers cannot export invoices.\n\n### Impact assessment\n\nOne read-only endpoint.' })
  documented.merge({ body: `Closes #${issue.number}` })
  const allowed = await documented.gate()
  expectAllowed(allowed)
  expect(json<Record<string, unknown>>(allowed.outputs['audit-record'])['changeRequest']).toEqual({ issue: issue.number, title: 'Export invoices', justification: 'Customers cannot export invoices.', impact: 'One read-only endpoint.' })

  const undocumented = new GateWorld(sim, policy)
  undocumented.merge()
  expectRefused(await undocumented.gate(), /#1 \(normal\) change request: /)
})

test('a failed, a pending and a missing required check each refuse, each named', async () => {
  const world = new GateWorld(sim, POLICY.replace('required-checks: [test, build]', 'required-checks: [test, build, lint]'))
  world.merge({ checks: { test: 'failure', build: null } })
  const errors = expectRefused(await world.gate(), /Check `test` was not successful \(failure\)/)
  expect(errors).toMatch(/Check `build` is still pending/)
  expect(errors).toMatch(/Check `lint` has not run on the commit/)
})

test('a skipped check is refused as skipped, and a pinned check posted by another app is refused', async () => {
  const world = new GateWorld(sim, POLICY.replace('required-checks: [test, build]', 'required-checks: [{name: test, app: github-actions}, build]'))
  const { pr } = world.merge({ checks: { build: 'skipped' } })
  const impostor = { ...world.repo.checkRuns[0]!.app, id: 999001, slug: 'impostor-ci', name: 'Impostor CI', nodeId: 'A_impostor' }
  world.repo.addCheckRun({ sha: pr.head.sha, name: 'test', conclusion: 'success', app: impostor })
  const errors = expectRefused(await world.gate(), /Check `build` was skipped/)
  expect(errors).toMatch(/Check `test` must come from the app `github-actions`, but it was posted by the app `impostor-ci`/)
})

test('inside the year-end freeze a normal change is refused and an emergency allowed', async () => {
  const christmas = '2026-12-24T12:00:00Z'
  const normal = new GateWorld(sim, POLICY)
  normal.merge()
  expectRefused(await normal.gate({}, { now: christmas }), /Deploys are frozen at 2026-12-24T12:00.*year-end.*does not allow normal/)

  const emergency = new GateWorld(sim, POLICY)
  emergency.merge({ labels: ['emergency'], reviews: [] })
  const allowed = await emergency.gate({}, { now: christmas })
  expectAllowed(allowed)
  expect(allowed.outputs['change-type']).toBe('emergency')
  expect(allowed.annotations.some((a) => a.level === 'warning' && /review is owed after deployment/.test(a.message))).toBe(true)
})

test('the Europe/Paris weekend freeze follows the clock change of 29 March 2026', async () => {
  const world = new GateWorld(sim, POLICY)
  world.merge()
  // Winter time: Saturday 00:30 in Paris is Friday 23:30 UTC.
  expectRefused(await world.gate({}, { now: '2026-03-27T23:30:00Z' }), /weekends.*sat in Europe\/Paris/)
  // Summer time since Sunday 02:00: Sunday 23:30 in Paris is 21:30 UTC, still frozen...
  expectRefused(await world.gate({}, { now: '2026-03-29T21:30:00Z' }), /weekends.*sun in Europe\/Paris/)
  // ...and Monday begins at 22:00 UTC (an hour earlier than on Friday night).
  expectAllowed(await world.gate({}, { now: '2026-03-29T22:00:00Z' }))
})

test('a rollback to an approved ancestor is allowed during a freeze; to a commit not on main it is refused', async () => {
  const world = new GateWorld(sim, POLICY)
  const first = world.merge()
  expectAllowed(await world.gate())
  world.merge({ files: ['src/next.ts'] })
  expectAllowed(await world.gate())

  const back = await world.gate({ mode: 'rollback', sha: first.landed.sha }, { now: '2026-12-24T12:00:00Z' })
  expectAllowed(back)
  expect(back.outputs['reason']).toMatch(new RegExp(`Rollback to ${first.landed.sha.slice(0, 7)} \\(the release of #${first.pr.number}\\); freezes do not stop a rollback`))
  expect(world.deployments().at(-1)).toEqual([first.landed.sha, 'success'])

  const stray = world.repo.commit({ branch: 'experiment', from: 'main', files: { 'src/x.ts': 'x\n' }, at: world.story.next() })
  expectRefused(await world.gate({ mode: 'rollback', sha: stray.sha }), /is not an ancestor of main/)
})

test('a rollback past a destructive migration is refused unless allow-schema-drift is set', async () => {
  const world = new GateWorld(sim, POLICY)
  const first = world.merge({ files: [{ filename: 'supabase/migrations/001_t.sql', content: 'create table t (id int, c text);\n' }] })
  world.merge({ files: [{ filename: 'supabase/migrations/002_drop.sql', content: 'alter table t drop column c;\n' }] })
  const refused = expectRefused(await world.gate({ mode: 'rollback', sha: first.landed.sha }), /supabase\/migrations\/002_drop.sql \(line 1: ban-drop-column\)/)
  expect(refused).toMatch(/allow-schema-drift: true/)
  const drifted = await world.gate({ mode: 'rollback', sha: first.landed.sha, 'allow-schema-drift': 'true' })
  expectAllowed(drifted)
  expect(drifted.summary).toMatch(/`supabase\/migrations\/002_drop.sql` \| ❌ line 1: ban-drop-column/)
})

test('a secrets control is allowed with its two approvals and refused with one', async () => {
  const both = new GateWorld(sim, POLICY)
  both.merge({ files: ['fly.toml'], reviews: [{ user: 'bob' }, { user: 'carol' }] })
  const allowed = await both.gate()
  expectAllowed(allowed)
  expect(json<string[]>(allowed.outputs['approvers']).sort()).toEqual(['bob', 'carol'])

  const one = new GateWorld(sim, POLICY)
  one.merge({ files: ['fly.toml'], reviews: [{ user: 'bob' }] })
  expectRefused(await one.gate(), /#1 \(normal\) was not approved when it was merged: .*secrets-and-config/)
})

test('GitHub answering 502 to everything refuses the deploy (fail closed)', async () => {
  const world = new GateWorld(sim, POLICY)
  world.merge()
  sim.inject({ path: /.*/, status: 502, times: Infinity })
  const result = await world.gate()
  expectRefused(result, /502/)
  expect(world.deployments()).toEqual([])
})

test('three merges since the last deployment where the middle one was a direct push: refused, naming that commit', async () => {
  const world = new GateWorld(sim, POLICY)
  world.merge()
  expectAllowed(await world.gate())
  world.merge({ files: ['src/a.ts'] })
  const pushed = world.push()
  const third = world.merge({ files: ['src/b.ts'] })
  const result = await world.gate()
  expectRefused(result, new RegExp(`Commit ${pushed.sha.slice(0, 7)} has no merged pull request behind it`))
  expect(result.outputs['pull-request']).toBe(String(third.pr.number))
  // The range started at the recorded deployment: the first pull request was not read again.
  expect(result.summary).toMatch(/Range starts after [0-9a-f]{7}, the last successful deployment to production/)
  expect(result.summary).not.toContain('#### #1 ')
})

test('a merge-queue merge: the commit on main is the queue\'s, not the head, and provenance is still found', async () => {
  const world = new GateWorld(sim, POLICY)
  const { pr, landed } = world.merge({ viaMergeQueue: true })
  expect(landed.sha).not.toBe(pr.head.sha)
  expect(landed.parents[1]).toBe(pr.head.sha)
  const result = await world.gate()
  expectAllowed(result)
  expect(result.outputs['pull-request']).toBe(String(pr.number))
})

test('a commit whose only pull request is still open is refused', async () => {
  const world = new GateWorld(sim, POLICY.replace('branches: [main]', 'branches: [main, release]'))
  const open = world.repo.openPullRequest({ author: 'alice', files: ['src/app.ts'], at: world.story.next() })
  world.repo.addReview(open.number, { user: 'bob', at: world.story.next() })
  world.repo.createBranch('release', open.head.sha)
  const result = await world.gate({}, { branch: 'release' })
  expectRefused(result, new RegExp(`Commit ${open.head.sha.slice(0, 7)} is only in #${open.number}, which is not merged`))
})
