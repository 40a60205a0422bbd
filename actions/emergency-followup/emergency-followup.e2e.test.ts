// The bundled dist/emergency-followup/index.js against the GitHub simulator: open (after an
// emergency merges) and sweep (on a schedule), as the issue's "What must be shown" lists them.
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  pullRequestScenario,
  runnerEnv,
  webhookExample,
  runAction,
  scheduleScenario,
  startSimulator,
  TOKEN_PROFILES,
  workflowDispatchScenario,
  type ActionRun,
  type RepositoryState,
  type Simulator
} from '@change-policy/github-simulator'

const ACTION = 'actions/emergency-followup/action.yml'
const APP_TOKEN = 'ghs_EmergencyFollowupAppToken00000000000'
const HOUR = 3_600_000

const POLICY = `version: 1
classification:
  emergency:
    labels: [emergency]
change-request:
  sections: ["Justification", "Impact assessment"]
emergency:
  review-within-hours: 24
  reviewers: ["carol", "@acme/security"]
  labels: [post-deployment-review]
  escalate-to: ["@acme/leads"]
`
const COLLABORATORS = { alice: 'write', bob: 'maintain', carol: 'write', mallory: 'write' } as const

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
  sim.state.addToken(APP_TOKEN, TOKEN_PROFILES.appToken())
  sim.state.addTeam('acme', 'security', { members: ['dave'] })
})

afterEach(async () => {
  await sim.close()
})

async function run(env: Record<string, string>, inputs: Record<string, string>): Promise<ActionRun> {
  const result = await runAction(ACTION, { env, token: APP_TOKEN, inputs })
  expect(sim.errors).toEqual([])
  return result
}

/** A merged emergency pull request, merged `hoursAgo` hours ago, and the run env of a manual `open`. */
async function mergedEmergency(options: { hoursAgo?: number; labels?: string[]; number?: number } = {}): Promise<{ repo: RepositoryState; number: number; env: Record<string, string> }> {
  const at = new Date(Date.now() - (options.hoursAgo ?? 0) * HOUR - 60_000)
  const sc = await pullRequestScenario(sim, {
    policy: POLICY,
    collaborators: COLLABORATORS,
    author: 'alice',
    files: ['src/app.ts'],
    labels: options.labels ?? ['emergency'],
    title: 'Stop the outage',
    at: new Date(at.getTime() - HOUR),
    ...(options.number ? { number: options.number } : {})
  })
  sc.repo.mergePullRequest(sc.pr.number, { by: 'bob', at })
  const dispatch = await workflowDispatchScenario(sim, { actor: 'bob' })
  return { repo: sc.repo, number: sc.pr.number, env: dispatch.env }
}

async function sweep(): Promise<ActionRun> {
  const sc = await scheduleScenario(sim, {})
  return run(sc.env, { mode: 'sweep' })
}

function reviewIssues(repo: RepositoryState, state?: 'open' | 'closed') {
  return [...repo.issues.values()].filter((i) => i.pull === undefined && (state === undefined || i.state === state))
}

function mentions(repo: RepositoryState, issue: number, who: string): number {
  return repo.comments.filter((c) => c.issueNumber === issue && c.body.includes(who)).length
}

function fillIn(body: string, tick: boolean): string {
  return body
    .replace('- [ ] Approve retroactively', tick ? '- [x] Approve retroactively' : '- [ ] Approve retroactively')
    .replace('<!-- Justification: write it here -->', 'The payment service was down for every customer.')
    .replace('<!-- Impact assessment: write it here -->', 'Only the checkout path; no data was changed.')
}

describe('mode: open', () => {
  test('opens one review issue, with the due time, checklist, sections, labels, assignees and a link on the pull request; twice stays one', async () => {
    const { repo, number, env } = await mergedEmergency()
    const first = await run(env, { mode: 'open', 'pull-request': String(number) })
    expect(first.exitCode).toBe(0)
    expect(first.outputs['created']).toBe('true')
    const issues = reviewIssues(repo)
    expect(issues).toHaveLength(1)
    const issue = issues[0]!
    expect(first.outputs['issue-number']).toBe(String(issue.number))
    expect(issue.title).toBe(`Post-deployment review of emergency change #${number}: Stop the outage`)
    expect(issue.labels).toEqual(['post-deployment-review'])
    expect(issue.assignees).toEqual(['carol'])
    expect(issue.body).toContain(`<!-- change-policy:emergency-review pr=${number} -->`)
    expect(issue.body).toContain('**Merged by:** @bob')
    expect(issue.body).toContain('**Reviewers:** @acme/security')
    expect(issue.body).toMatch(/\*\*Due:\*\* \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in 24 hours when this issue was opened\)/)
    expect(issue.body).toContain('- [ ] Approve retroactively')
    expect(issue.body).toContain('### Justification')
    expect(issue.body).toContain('### Impact assessment')
    const merged = Date.parse(repo.pull(number).mergedAt!)
    expect(Date.parse(first.outputs['due-at']!)).toBe(merged + 24 * HOUR)
    expect(repo.comments.filter((c) => c.issueNumber === number).map((c) => c.body)).toEqual([expect.stringContaining(`#${issue.number}`)])
    expect(JSON.parse(first.outputs['audit-record']!)).toMatchObject({ action: 'emergency-followup', decision: 'review-opened', pullRequest: number, changeType: 'emergency' })

    const second = await run(env, { mode: 'open', 'pull-request': String(number) })
    expect(second.exitCode).toBe(0)
    expect(second.outputs).toMatchObject({ created: 'false', 'issue-number': String(issue.number), 'due-at': first.outputs['due-at'] })
    expect(reviewIssues(repo)).toHaveLength(1)
    expect(repo.comments.filter((c) => c.issueNumber === number)).toHaveLength(1)
  })

  test('two concurrent opens end with exactly one open review issue', async () => {
    const { repo, number, env } = await mergedEmergency()
    const [a, b] = await Promise.all([run(env, { mode: 'open', 'pull-request': String(number) }), run(env, { mode: 'open', 'pull-request': String(number) })])
    expect([a.exitCode, b.exitCode]).toEqual([0, 0])
    const open = reviewIssues(repo, 'open')
    expect(open).toHaveLength(1)
    expect([a.outputs['issue-number'], b.outputs['issue-number']]).toEqual([String(open[0]!.number), String(open[0]!.number)])
    expect([a.outputs['created'], b.outputs['created']].filter((c) => c === 'true').length).toBeLessThanOrEqual(1)
    // Any duplicate was closed and no longer carries the marker, so it never counts again.
    for (const closed of reviewIssues(repo, 'closed')) expect(closed.body).not.toContain('change-policy:emergency-review pr=')
  })

  test('a body edited by hand so the marker is lost: open finds it by the pull request link and does not duplicate', async () => {
    const { repo, number, env } = await mergedEmergency()
    const first = await run(env, { mode: 'open', 'pull-request': String(number) })
    const issue = repo.issue(Number(first.outputs['issue-number']))
    issue.body = (issue.body ?? '').replace(/<!-- change-policy:emergency-review pr=\d+ -->\n/, '')
    expect(issue.body).not.toContain('change-policy:emergency-review pr=')
    const again = await run(env, { mode: 'open', 'pull-request': String(number) })
    expect(again.outputs['created']).toBe('false')
    expect(again.outputs['issue-number']).toBe(String(issue.number))
    expect(reviewIssues(repo)).toHaveLength(1)
  })

  test('on deployment_status: the pull request merged as the deployed commit, due review-within-hours after the deployment', async () => {
    const { repo, number } = await mergedEmergency({ hoursAgo: 3 })
    const sha = repo.pull(number).mergeCommitSha!
    const deployedAt = new Date(Date.now() - HOUR).toISOString().replace(/\.\d+Z$/, 'Z')
    const payload = webhookExample('deployment_status') as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    Object.assign(payload.deployment, { sha })
    Object.assign(payload.deployment_status, { state: 'success', created_at: deployedAt })
    Object.assign(payload.repository, { full_name: 'acme/app', name: 'app' })
    const eventPath = join(tmpdir(), `deployment-status-${number}-${Date.now()}.json`)
    writeFileSync(eventPath, JSON.stringify(payload))
    const env = runnerEnv(sim, repo, { eventName: 'deployment_status', eventPath, sha, ref: 'refs/heads/main', actor: 'bob' })
    const result = await run(env, { mode: 'open' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['created']).toBe('true')
    expect(result.outputs['due-at']).toBe(new Date(Date.parse(deployedAt) + 24 * HOUR).toISOString())
    expect(repo.issue(Number(result.outputs['issue-number'])).body).toContain(`pr=${number}`)
  })

  test('on push, after gate-deploy (the deploy template): the pull request comes from the input; without it, one clear error', async () => {
    const { repo, number } = await mergedEmergency({ hoursAgo: 1 })
    const sha = repo.pull(number).mergeCommitSha!
    const payload = webhookExample('push', (e) => typeof e.ref === 'string' && e.ref.startsWith('refs/heads/')) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    Object.assign(payload, { ref: 'refs/heads/main', after: sha })
    Object.assign(payload.repository, { full_name: 'acme/app', name: 'app' })
    const eventPath = join(tmpdir(), `push-${number}-${Date.now()}.json`)
    writeFileSync(eventPath, JSON.stringify(payload))
    const env = runnerEnv(sim, repo, { eventName: 'push', eventPath, sha, ref: 'refs/heads/main', actor: 'bob' })
    const opened = await run(env, { mode: 'open', 'pull-request': String(number) })
    expect(opened.exitCode).toBe(0)
    expect(opened.outputs['created']).toBe('true')
    const missing = await run(env, { mode: 'open' })
    expect(missing.exitCode).toBe(1)
    expect(missing.stdout).toContain('This step ran on a `push` event, which carries no pull request.')
  })

  test('a pull request that is not an emergency change: one clear error and no issue', async () => {
    const { repo, number, env } = await mergedEmergency({ labels: [] })
    const result = await run(env, { mode: 'open', 'pull-request': String(number) })
    expect(result.exitCode).toBe(1)
    const errors = result.annotations.filter((a) => a.level === 'error' && a.title === 'emergency-followup')
    expect(errors).toHaveLength(1)
    expect(errors[0]!.message).toContain(`Pull request #${number} is a normal change under the policy, not an emergency`)
    expect(reviewIssues(repo)).toHaveLength(0)
  })

  test('a mode other than open or sweep, and no mode at all, are refused', async () => {
    const { env } = await mergedEmergency()
    const wrong = await run(env, { mode: 'close' })
    expect(wrong.exitCode).toBe(1)
    expect(wrong.annotations.find((a) => a.title === 'emergency-followup')?.message).toContain('Input `mode` is "close", which is not one of open, sweep.')
    const none = await run(env, {})
    expect(none.exitCode).toBe(1)
    expect(none.annotations.find((a) => a.title === 'emergency-followup')?.message).toContain('Input `mode` is not set.')
  })

  test('a malformed review-within-hours is a policy error with its line and column', async () => {
    const { env } = await mergedEmergency()
    const repo = sim.state.findRepository('acme/app')!
    repo.commit({ branch: 'main', files: { '.github/change-policy.yml': POLICY.replace('review-within-hours: 24', 'review-within-hours: "a day"') }, message: 'policy' })
    const result = await run(env, { mode: 'sweep' })
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toContainEqual(expect.objectContaining({ level: 'error', file: '.github/change-policy.yml', line: 8, col: 24, message: expect.stringContaining('`emergency.review-within-hours` must be a whole number') }))
  })
})

describe('mode: sweep', () => {
  test('before the due time nothing happens; after it the label and one mention; again, no second mention', async () => {
    const { repo, number, env } = await mergedEmergency({ hoursAgo: 2 })
    const opened = await run(env, { mode: 'open', 'pull-request': String(number) })
    const issue = Number(opened.outputs['issue-number'])
    const comments = repo.comments.length

    const early = await sweep()
    expect(early.exitCode).toBe(0)
    expect(early.outputs['overdue']).toBe('[]')
    expect(repo.issue(issue).labels).not.toContain('overdue')
    expect(repo.comments).toHaveLength(comments)

    // The review was due 24 hours after the merge: move the merge (and the due marker) back 30 hours.
    const due = new Date(Date.now() - 6 * HOUR)
    repo.issue(issue).body = (repo.issue(issue).body ?? '').replace(/emergency-review-due [^ ]+ -->/, `emergency-review-due ${due.toISOString()} -->`)
    const late = await sweep()
    expect(late.exitCode).toBe(1)
    expect(late.outputs['overdue']).toBe(`[${issue}]`)
    expect(repo.issue(issue).labels).toContain('overdue')
    expect(mentions(repo, issue, '@acme/leads')).toBe(1)
    expect(late.annotations.find((a) => a.level === 'error')?.message).toContain(`#${issue} (change #${number})`)

    const again = await sweep()
    expect(again.exitCode).toBe(1)
    expect(again.outputs['overdue']).toBe(`[${issue}]`)
    expect(mentions(repo, issue, '@acme/leads')).toBe(1)
  })

  test('a due time edited into the future by hand does not postpone the escalation', async () => {
    const { repo, number, env } = await mergedEmergency({ hoursAgo: 30 })
    const opened = await run(env, { mode: 'open', 'pull-request': String(number) })
    const issue = repo.issue(Number(opened.outputs['issue-number']))
    issue.body = (issue.body ?? '').replace(/emergency-review-due [^ ]+ -->/, 'emergency-review-due 2099-01-01T00:00:00Z -->')
    issue.createdAt = new Date(Date.now() - 29 * HOUR).toISOString().replace(/\.\d+Z$/, 'Z')
    const swept = await sweep()
    expect(swept.exitCode).toBe(1)
    expect(swept.outputs['overdue']).toBe(`[${issue.number}]`)
  })

  test('an emergency merged without a review issue gets one; a hand-edited issue without the marker is not duplicated', async () => {
    const { repo, number } = await mergedEmergency({ hoursAgo: 30 })
    const found = await sweep()
    expect(JSON.parse(found.outputs['created']!)).toHaveLength(1)
    const issues = reviewIssues(repo)
    expect(issues).toHaveLength(1)
    expect(issues[0]!.body).toContain(`pr=${number}`)
    // It was due 6 hours ago: the same sweep that opened it finds it overdue on the next run.
    issues[0]!.body = (issues[0]!.body ?? '').replace(/<!-- change-policy:emergency-review pr=\d+ -->\n/, '')
    const next = await sweep()
    expect(next.outputs['created']).toBe('[]')
    expect(next.outputs['overdue']).toBe(`[${issues[0]!.number}]`)
    expect(reviewIssues(repo)).toHaveLength(1)
  })

  test('closed by the author without the approval tick: reopened with the reasons; closed properly: no longer reported', async () => {
    const { repo, number, env } = await mergedEmergency({ hoursAgo: 1 })
    const opened = await run(env, { mode: 'open', 'pull-request': String(number) })
    const issue = repo.issue(Number(opened.outputs['issue-number']))
    issue.body = fillIn(issue.body ?? '', false)
    repo.closeIssue(issue.number, { actor: 'alice' })

    const first = await sweep()
    expect(first.exitCode).toBe(0)
    expect(issue.state).toBe('open')
    const reopenComment = repo.comments.filter((c) => c.issueNumber === issue.number).at(-1)?.body ?? ''
    expect(reopenComment).toContain('closed by @alice, the author of the change')
    expect(reopenComment).toContain("'Approve retroactively' is not ticked")

    issue.body = fillIn(issue.body ?? '', true)
    repo.closeIssue(issue.number, { actor: 'dave' }) // a member of @acme/security
    const commentsBefore = repo.comments.length
    const second = await sweep()
    expect(second.exitCode).toBe(0)
    expect(issue.state).toBe('closed')
    expect(repo.comments).toHaveLength(commentsBefore)
    expect(second.summary).toContain(`#${issue.number} (closed by @dave)`)
    expect(second.outputs['overdue']).toBe('[]')
  })
})
