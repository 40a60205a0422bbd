// The bundled dist/require-approval/index.js, run as the Actions runner runs it, against the
// GitHub simulator over HTTP, with real webhook payloads adjusted per scenario.
import {
  mergeGroupScenario,
  pullRequestReviewScenario,
  pullRequestScenario,
  pushScenario,
  runAction,
  startSimulator,
  TOKEN_PROFILES,
  workflowDispatchScenario,
  type ActionRun,
  type PullRequestScenario,
  type Simulator
} from '@change-policy/github-simulator'

const ACTION = 'actions/require-approval/action.yml'
const APP_TOKEN = 'ghs_ChangePolicyAppInstallationToken000000'

const POLICY = `version: 1
classification:
  emergency:
    labels: [emergency]
  standard:
    paths: ["docs/**", "**/*.md"]
controls:
  - name: secrets-and-config
    paths: ["**/.env*", "**/*.pem", "fly.toml"]
    approvals: 2
    reviewers: ["@acme/security"]
  - name: database
    paths: ["supabase/migrations/**"]
    required-checks: ["validate-migration"]
approvals:
  normal: 1
  emergency: 0
  invalidate-on-push: true
  ignore-base-updates: true
  allow-self-approval: false
  count-bots: false
  auto-merge: [standard]
`

// alice writes the pull requests; bob maintains; carol and dave may write; erin may only read.
const COLLABORATORS = { alice: 'write', bob: 'maintain', carol: 'write', dave: 'write', erin: 'read', 'helper-bot[bot]': 'write' } as const
const setup = { policy: POLICY, collaborators: COLLABORATORS, author: 'alice' }

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
  sim.state.addToken(APP_TOKEN, TOKEN_PROFILES.appToken())
})

afterEach(async () => {
  await sim.close()
})

async function run(sc: { env: Record<string, string>; token: string }, inputs: Record<string, string> = {}, token = sc.token): Promise<ActionRun> {
  const result = await runAction(ACTION, { env: sc.env, token, inputs })
  expect(sim.errors).toEqual([])
  return result
}

function json<T = unknown>(value: string | undefined): T {
  return JSON.parse(value ?? 'null') as T
}

function firstError(result: ActionRun): string {
  return result.annotations.find((a) => a.level === 'error')?.message ?? ''
}

/** The change-policy/approval statuses written, oldest first, as [state, sha]. */
function statuses(sc: PullRequestScenario | { repo: PullRequestScenario['repo'] }): [string, string][] {
  return sc.repo.statuses.filter((s) => s.context === 'change-policy/approval').map((s) => [s.state, s.sha])
}

/** A normal change by alice (one code file), with `reviews` submitted on its head. */
async function normalChange(reviews: { user: string; state?: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' }[] = [], files: string[] = ['src/app.ts']) {
  const sc = await pullRequestScenario(sim, { ...setup, files })
  for (const review of reviews) sc.repo.addReview(sc.pr.number, { user: review.user, state: review.state ?? 'APPROVED' })
  return sc
}

describe('what must be shown', () => {
  test('one approval by a maintainer: approved, with the status, outputs, summary and audit record to say so', async () => {
    const opened = await normalChange()
    const sc = await pullRequestReviewScenario(sim, { ...setup, number: opened.pr.number, review: { user: 'bob', state: 'APPROVED' } })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['approved']).toBe('true')
    expect(json(result.outputs['approvers'])).toEqual(['bob'])
    expect(json(result.outputs['missing'])).toEqual([])
    expect(result.outputs['auto-merge']).toBe('no')
    expect(result.outputs['change-request']).toBe('')
    expect(statuses(sc)).toEqual([['success', sc.headSha]])
    expect(sc.repo.statuses[0]?.description).toBe('Approved by bob')
    expect(result.summary).toContain('## Pull request #1: approved')
    expect(result.summary).toContain('| Normal change | 1 approval from anyone with write access | `bob` | — |')
    const record = json<Record<string, unknown>>(result.outputs['audit-record'])
    expect(record).toMatchObject({
      schema: 'change-policy/audit@1',
      action: 'require-approval',
      decision: 'approved',
      sha: sc.headSha,
      pullRequest: sc.pr.number,
      changeType: 'normal',
      approvals: [{ user: 'bob', commit: sc.headSha, at: expect.stringMatching(/^\d{4}-/) }]
    })
  })

  test("the author's own approval does not count, and the reason is given", async () => {
    const sc = await normalChange([{ user: 'alice' }])
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['approved']).toBe('false')
    expect(json(result.outputs['approvers'])).toEqual([])
    expect(json<string[]>(result.outputs['missing'])[0]).toMatch(/normal change needs 1 more approval.*alice is the author and self-approval is not allowed/)
    expect(firstError(result)).toMatch(/alice is the author/)
    expect(statuses(sc)).toEqual([['failure', sc.headSha]])
    expect(json<{ decision: string }>(result.outputs['audit-record']).decision).toBe('missing')
  })

  test('an approval followed by a new commit is stale', async () => {
    const opened = await normalChange([{ user: 'bob' }])
    const sc = await pullRequestScenario(sim, { ...setup, number: opened.pr.number, action: 'synchronize', pushFiles: ['src/more.ts'] })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(json<string[]>(result.outputs['missing'])[0]).toContain(`bob's approval is on an older commit (${opened.headSha.slice(0, 7)})`)
    expect(result.summary).toMatch(/\| `bob` \| `[0-9a-f]{7}` \| stale: /)
    expect(statuses(sc)).toEqual([['failure', sc.headSha]])
  })

  test('an approval followed by a merge of the base branch only is kept with ignore-base-updates', async () => {
    const opened = await normalChange([{ user: 'bob' }])
    opened.repo.commit({ branch: 'main', files: { 'src/elsewhere.ts': 'landed on main\n' } })
    const sc = await pullRequestScenario(sim, { ...setup, number: opened.pr.number, action: 'synchronize', mergeBase: true })
    expect(sc.headSha).not.toBe(opened.headSha)
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(json(result.outputs['approvers'])).toEqual(['bob'])
    expect(result.summary).toContain(`- \`${sc.headSha.slice(0, 7)}\` only merges the base branch in: approvals before it are kept.`)
    expect(statuses(sc)).toEqual([['success', sc.headSha]])
  })

  test('...but not without ignore-base-updates', async () => {
    const strict = setup.policy.replace('ignore-base-updates: true', 'ignore-base-updates: false')
    const opened = await pullRequestScenario(sim, { ...setup, policy: strict, files: ['src/app.ts'] })
    opened.repo.addReview(opened.pr.number, { user: 'bob' })
    opened.repo.commit({ branch: 'main', files: { 'src/elsewhere.ts': 'landed on main\n' } })
    const sc = await pullRequestScenario(sim, { ...setup, policy: strict, number: opened.pr.number, action: 'synchronize', mergeBase: true })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['missing']).toContain("bob's approval is on an older commit")
  })

  test('...and not when the merge also changed code of its own (a hand-resolved conflict)', async () => {
    const opened = await normalChange([{ user: 'bob' }])
    opened.repo.commit({ branch: 'main', files: { 'src/app.ts': 'main edited it too\n' } })
    opened.repo.mergeBaseIntoPullRequest(opened.pr.number, { extraFiles: { 'src/app.ts': 'both sides, merged by hand\n' } })
    const sc = await workflowDispatchScenario(sim, { actor: 'alice' })
    const result = await run(sc, { 'pull-request': String(opened.pr.number) })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['missing']).toContain("bob's approval is on an older commit")
    expect(result.summary).toMatch(/is not taken as a merge of the base branch: its version of src\/app\.ts is not the base branch's/)
  })

  test('an approval followed by CHANGES_REQUESTED from the same reviewer blocks', async () => {
    const opened = await normalChange([{ user: 'bob' }])
    const sc = await pullRequestReviewScenario(sim, { ...setup, number: opened.pr.number, review: { user: 'bob', state: 'CHANGES_REQUESTED' } })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(json(result.outputs['approvers'])).toEqual([])
    expect(json<string[]>(result.outputs['missing'])).toEqual([
      `bob requested changes on ${sc.headSha.slice(0, 7)}: that blocks the change until bob approves or the review is dismissed`,
      'normal change needs 1 more approval from anyone with write access; nobody has approved yet'
    ])
  })

  test("a bot's approval does not count", async () => {
    const sc = await normalChange([{ user: 'helper-bot[bot]' }])
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['missing']).toContain('helper-bot[bot] is a bot and bot approvals do not count')
  })

  test('the approval of a user with read permission only does not count', async () => {
    const sc = await normalChange([{ user: 'erin' }])
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['missing']).toContain('erin has read permission, not write')
  })

  test('a secrets control needing 2 from @acme/security, approved by one member and one non-member, names what is missing', async () => {
    sim.state.addTeam('acme', 'security', { members: ['carol', 'frank'] })
    const sc = await normalChange([{ user: 'carol' }, { user: 'dave' }], ['config/.env.production', 'src/app.ts'])
    const result = await run(sc, {}, APP_TOKEN)
    expect(result.exitCode).toBe(1)
    expect(json(result.outputs['missing'])).toEqual([
      "control secrets-and-config needs 1 more approval from @acme/security (carol's counted); dave is not a member of @acme/security"
    ])
    // The normal change itself is satisfied: requirements are judged each on its own.
    expect(result.summary).toContain('| Normal change | 1 approval from anyone with write access | `carol`, `dave` | — |')
    expect(result.summary).toContain('| control `secrets-and-config` | 2 approvals from `@acme/security` | `carol` | 1 more from `@acme/security` |')
    expect(json<{ controls: string[] }>(result.outputs['audit-record']).controls).toEqual(['secrets-and-config'])
  })

  test('team membership that the token cannot read fails closed with the App-token message', async () => {
    sim.state.addTeam('acme', 'security', { members: ['carol', 'dave'] })
    const sc = await normalChange([{ user: 'carol' }, { user: 'dave' }], ['config/.env.production'])
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['approved']).toBeUndefined()
    expect(firstError(result)).toMatch(/Could not read the members of @acme\/security[\s\S]*GitHub App installation token/)
    expect(result.summary).toMatch(/require-approval: failed/)
    expect(statuses(sc)).toEqual([['error', sc.headSha]])
  })

  test('reviews spanning three pages are all read: the deciding one is on the third', async () => {
    const sc = await normalChange([{ user: 'carol', state: 'CHANGES_REQUESTED' }])
    for (let i = 0; i < 220; i++) sc.repo.addReview(sc.pr.number, { user: `passer-by-${i % 9}`, state: 'COMMENTED' })
    sc.repo.addReview(sc.pr.number, { user: 'carol', state: 'APPROVED' })
    const result = await run(sc)
    expect(sim.requestsTo('pulls/list-reviews')).toHaveLength(3)
    expect(result.exitCode).toBe(0)
    expect(json(result.outputs['approvers'])).toEqual(['carol'])
  })

  test('an emergency with no approval passes, and says loudly that its review is owed', async () => {
    const sc = await pullRequestScenario(sim, { ...setup, action: 'labeled', label: 'emergency', sender: 'bob', files: ['src/auth.ts'] })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['approved']).toBe('true')
    expect(json(result.outputs['approvers'])).toEqual([])
    const warning = result.annotations.find((a) => a.level === 'warning' && a.title === 'Emergency change')
    expect(warning?.message).toBe(
      'EMERGENCY CHANGE: passes without any approval. Its review is owed after deployment: a post-deployment review must be completed within 24 hours.'
    )
    expect(result.summary).toContain('approved as an emergency — review owed after deployment')
    expect(result.summary).toContain('> [!IMPORTANT]')
    expect(sc.repo.statuses.at(-1)?.description).toBe('Emergency: no approval yet; post-deployment review owed')
  })

  test('a standard change with enable-auto-merge sends the GraphQL mutation', async () => {
    const sc = await pullRequestScenario(sim, { ...setup, files: ['docs/guide.md'] })
    const result = await run(sc, { 'enable-auto-merge': 'squash' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['auto-merge']).toBe('enabled')
    expect(sim.graphqlCalls).toEqual([
      expect.objectContaining({ fields: ['enablePullRequestAutoMerge'], variables: expect.objectContaining({ pullRequestId: sc.pr.nodeId, mergeMethod: 'SQUASH', expectedHeadOid: sc.headSha }), errors: [] })
    ])
    expect(sc.repo.pull(sc.pr.number).autoMerge).toMatchObject({ mergeMethod: 'squash' })
  })
})

describe('more of the rules, end to end', () => {
  test('without enable-auto-merge a standard change is only eligible, and nothing is sent', async () => {
    const sc = await pullRequestScenario(sim, { ...setup, files: ['docs/guide.md'] })
    const result = await run(sc)
    expect(result.outputs['auto-merge']).toBe('eligible')
    expect(sim.graphqlCalls).toEqual([])
  })

  test('a normal change never auto-merges, even approved and asked to', async () => {
    const sc = await normalChange([{ user: 'bob' }])
    const result = await run(sc, { 'enable-auto-merge': 'merge' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['auto-merge']).toBe('no')
    expect(sim.graphqlCalls).toEqual([])
  })

  test('a repository that does not allow auto-merge: the approval stands, the step fails naming the setting', async () => {
    const sc = await pullRequestScenario(sim, { ...setup, files: ['docs/guide.md'] })
    sc.repo.record.allowAutoMerge = false
    const result = await run(sc, { 'enable-auto-merge': 'merge' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['approved']).toBe('true')
    expect(result.outputs['auto-merge']).toBe('eligible')
    expect(firstError(result)).toMatch(/Allow auto-merge/)
    expect(statuses(sc)).toEqual([['success', sc.headSha]])
  })

  test('dismissing the approval that passed turns the status from success to failure', async () => {
    const opened = await normalChange()
    const approved = await pullRequestReviewScenario(sim, { ...setup, number: opened.pr.number, review: { user: 'bob' } })
    expect((await run(approved)).exitCode).toBe(0)
    const review = approved.repo.reviews.at(-1)!
    const sc = await pullRequestReviewScenario(sim, { ...setup, number: opened.pr.number, reviewAction: 'dismissed', review: { user: 'bob', id: review.id } })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['missing']).toContain(`bob's review on ${sc.headSha.slice(0, 7)} was dismissed`)
    expect(statuses(sc)).toEqual([['success', sc.headSha], ['failure', sc.headSha]])
  })

  test('fail-on-missing: false reports missing approvals as a warning and passes the step', async () => {
    const sc = await normalChange()
    const result = await run(sc, { 'fail-on-missing': 'false' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['approved']).toBe('false')
    expect(result.annotations.find((a) => a.level === 'warning')?.message).toMatch(/not approved.*fail-on-missing is false/)
    expect(statuses(sc)).toEqual([['failure', sc.headSha]])
  })

  test('a change-type input names the type, but the controls its files touch still apply', async () => {
    sim.state.addTeam('acme', 'security', { members: ['carol'] })
    const sc = await pullRequestScenario(sim, { ...setup, files: ['.env'], labels: ['emergency'] })
    sc.repo.addReview(sc.pr.number, { user: 'bob' })
    const result = await run(sc, { 'change-type': 'standard' }, APP_TOKEN)
    expect(result.exitCode).toBe(1)
    expect(result.summary).toContain('Standard change (as the `change-type` input says)')
    expect(result.outputs['missing']).toContain('control secrets-and-config needs 2 more approvals from @acme/security; bob is not a member of @acme/security')
    // The emergency label's history is not read: the type is given.
    expect(sim.requestsTo('issues/list-events')).toEqual([])
  })

  test('a merge queue run judges the queued pull request and sets the status on the queue commit', async () => {
    const opened = await normalChange([{ user: 'bob' }])
    const sc = await mergeGroupScenario(sim, { pullRequest: opened.pr.number })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(statuses(sc)).toEqual([['success', sc.headSha]])
    expect(sc.headSha).not.toBe(opened.headSha)
  })

  test('3 reviews and 2 teams cost at most 8 requests', async () => {
    sim.state.addTeam('acme', 'security', { members: ['carol', 'dave'] })
    sim.state.addTeam('acme', 'leads', { members: ['bob'] })
    const policy = setup.policy.replace('reviewers: ["@acme/security"]', 'reviewers: ["@acme/security", "@acme/leads"]')
    const sc = await pullRequestScenario(sim, { ...setup, policy, files: ['fly.toml', 'src/app.ts'] })
    for (const user of ['bob', 'carol', 'dave']) sc.repo.addReview(sc.pr.number, { user })
    const before = sim.requests.length
    const result = await run(sc, {}, APP_TOKEN)
    expect(result.exitCode).toBe(0)
    expect(sim.requests.length - before).toBeLessThanOrEqual(8)
  })
})

describe('bad input: a clear error, the step fails, nothing is approved', () => {
  function expectRefused(result: ActionRun, pattern: RegExp): void {
    expect(result.exitCode).toBe(1)
    expect(result.outputs['approved']).toBeUndefined()
    expect(firstError(result)).toMatch(pattern)
  }

  test('a change-type that is not one of the three', async () => {
    const sc = await normalChange([{ user: 'bob' }])
    const result = await run(sc, { 'change-type': 'urgent' })
    expectRefused(result, /`change-type` is "urgent", which is not one of standard, normal, emergency/)
    expect(sim.requests).toEqual([])
  })

  test('a pull request number that does not exist', async () => {
    const sc = await normalChange([{ user: 'bob' }])
    const result = await run(sc, { 'pull-request': '999' })
    expectRefused(result, /Pull request #999 was not found in acme\/app/)
    expect(sc.repo.statuses).toEqual([])
  })

  test('a review event for a closed pull request', async () => {
    const opened = await normalChange()
    opened.repo.closeIssue(opened.pr.number, { actor: 'alice' })
    const sc = await pullRequestReviewScenario(sim, { ...setup, number: opened.pr.number, review: { user: 'bob' } })
    const result = await run(sc)
    expectRefused(result, /Pull request #1 is closed: there is nothing left to approve \(this review came after it closed\)/)
    expect(sc.repo.statuses).toEqual([])
  })

  test('a policy naming a team in another organization', async () => {
    const foreign = setup.policy.replace('reviewers: ["@acme/security"]', 'reviewers: ["@other-org/security"]')
    const opened = await pullRequestScenario(sim, { ...setup, policy: foreign, files: ['src/app.ts'] })
    opened.repo.addReview(opened.pr.number, { user: 'bob' })
    const result = await run(opened, {}, APP_TOKEN)
    expectRefused(result, /@other-org\/security \(control secrets-and-config\).*another organization than acme/)
    expect(statuses(opened)).toEqual([['error', opened.headSha]])
  })

  test('an event it does not run on', async () => {
    const sc = await pushScenario(sim, { policy: POLICY })
    const result = await run(sc)
    expectRefused(result, /does not run on a `push` event/)
  })

  test('a pull request event type it does not run on', async () => {
    const opened = await normalChange([{ user: 'bob' }])
    const sc = await pullRequestScenario(sim, { ...setup, number: opened.pr.number, action: 'closed', merged: false })
    const result = await run(sc)
    expectRefused(result, /`pull_request_target` events of type `closed`/)
  })

  test('an enable-auto-merge value that is not a merge method', async () => {
    const sc = await normalChange([{ user: 'bob' }])
    const result = await run(sc, { 'enable-auto-merge': 'true' })
    expectRefused(result, /`enable-auto-merge` is "true", which is not one of false, merge, squash, rebase/)
  })

  test('an invalid policy: its line is annotated and the status says no decision was made', async () => {
    const sc = await pullRequestScenario(sim, { ...setup, policy: 'version: 1\napprovals:\n  normal: 1\n  aprovals: 2\n', files: ['src/app.ts'] })
    sc.repo.addReview(sc.pr.number, { user: 'bob' })
    const result = await run(sc)
    expectRefused(result, /aprovals/)
    expect(result.annotations.find((a) => a.level === 'error')).toMatchObject({ file: '.github/change-policy.yml', line: 4 })
    expect(statuses(sc)).toEqual([['error', sc.headSha]])
  })
})
