// audit-report over a simulated month of 40 merged pull requests of all three types, compared
// field by field with what the simulator holds.
import { prepareRepository, startSimulator, type RepositoryState, type Simulator } from '@change-policy/github-simulator'
import { renderReviewIssue, reviewDueAt, type AuditReport } from '@change-policy/policy'
import { parseAuditReportArguments, type AuditReportArguments } from './audit-report-arguments'
import { runAuditReportCommand } from './audit-report-command'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const POLICY = `version: 1
classification:
  emergency:
    labels: [emergency]
  standard:
    paths: ["docs/**"]
approvals:
  normal: 1
change-request:
  required: [normal]
  sections: ["Justification", "Impact assessment"]
emergency:
  review-within-hours: 24
  reviewers: ["carol"]
  labels: [post-deployment-review]
`
const FILLED = (why: string) => `### Justification\n\n${why}\n\n### Impact assessment\n\nOne endpoint.\n`

type Kind = 'standard' | 'normal' | 'emergency'
interface Planned {
  number: number
  kind: Kind
  approvedAtMerge: boolean
  approvers: string[]
  review?: { issue: number | null; status: string }
}

let sim: Simulator
let repo: RepositoryState
const planned: Planned[] = []
// Whole seconds, as GitHub writes timestamps.
const start = new Date(Math.floor((Date.now() - 31 * DAY) / 1000) * 1000)

/** 40 pull requests over 30 days: 10 standard, 20 normal (two of them not approved in time), 10 emergencies with reviews in every state. */
function seedMonth(): void {
  repo = prepareRepository(sim, { policy: POLICY, collaborators: { alice: 'write', bob: 'maintain', carol: 'write' } })
  for (let i = 0; i < 40; i++) {
    const kind: Kind = i % 4 === 0 ? 'standard' : i % 4 === 3 ? 'emergency' : 'normal'
    const opened = new Date(start.getTime() + i * 18 * HOUR)
    const mergedAt = new Date(opened.getTime() + 6 * HOUR)
    let body = ''
    if (kind === 'normal') {
      const request = repo.addIssue({ title: `Change request ${i}`, body: FILLED(`Customers need change ${i}.`), at: opened })
      body = `Closes #${request.number}`
    }
    const pr = repo.openPullRequest({
      title: `Change ${i}`,
      author: 'alice',
      body,
      labels: kind === 'emergency' ? ['emergency'] : [],
      files: [{ filename: kind === 'standard' ? `docs/page-${i}.md` : `src/part-${i}.ts`, content: `${i}\n` }],
      at: opened
    })
    repo.addCheckRun({ sha: pr.head.sha, name: 'test', conclusion: i === 6 ? 'failure' : 'success', status: 'completed', startedAt: opened, completedAt: opened })
    let approvers: string[] = []
    let approvedAtMerge = true
    if (kind === 'normal') {
      if (i === 5) approvedAtMerge = false // merged without any approval
      else if (i === 9) {
        repo.addReview(pr.number, { user: 'bob', state: 'APPROVED', at: new Date(mergedAt.getTime() + HOUR) }) // approved only after the merge
        approvedAtMerge = false
      } else {
        repo.addReview(pr.number, { user: 'bob', state: 'APPROVED', at: new Date(mergedAt.getTime() - HOUR) })
        approvers = ['bob']
      }
    }
    repo.mergePullRequest(pr.number, { by: 'bob', at: mergedAt })
    const plan: Planned = { number: pr.number, kind, approvedAtMerge, approvers }
    if (kind === 'emergency') plan.review = seedReview(pr.number, i, mergedAt)
    planned.push(plan)
  }
}

/** Emergency i's review: 3 complete, 3 late, 2 still open, 1 closed by its author (reopened, counts as open), 1 missing. */
function seedReview(number: number, i: number, mergedAt: Date): { issue: number | null; status: string } {
  const n = (i - 3) / 4
  if (n === 9) return { issue: null, status: 'missing' }
  const due = reviewDueAt(mergedAt, 24)
  const { title, body } = renderReviewIssue({
    pullRequest: { number, title: `Change ${i}`, url: `${sim.serverUrl}/acme/app/pull/${number}`, author: 'alice', mergedBy: 'bob', mergeCommit: null },
    approvers: [], files: [], reasons: [], deployedAt: mergedAt, deployedFrom: 'merge', dueAt: due, now: mergedAt, reviewWithinHours: 24, reviewers: ['carol'],
    sections: ['Justification', 'Impact assessment']
  })
  const done = body
    .replace('- [ ] Approve retroactively', '- [x] Approve retroactively')
    .replace('<!-- Justification: write it here -->', `Outage ${i} needed a fix.`)
    .replace('<!-- Impact assessment: write it here -->', 'Checkout only.')
  const issue = repo.addIssue({ title, body: n < 6 ? done : body, labels: ['post-deployment-review'], at: new Date(mergedAt.getTime() + 60_000) })
  if (n < 3) repo.closeIssue(issue.number, { actor: 'carol', at: new Date(mergedAt.getTime() + 10 * HOUR) })
  else if (n < 6) repo.closeIssue(issue.number, { actor: 'carol', at: new Date(mergedAt.getTime() + 30 * HOUR) })
  else if (n === 8) repo.closeIssue(issue.number, { actor: 'alice', at: new Date(mergedAt.getTime() + 2 * HOUR) })
  const status = n < 3 ? 'completed' : n < 6 ? 'completed-late' : 'overdue'
  return { issue: issue.number, status }
}

beforeAll(async () => {
  sim = await startSimulator()
  seedMonth()
})

afterAll(async () => {
  await sim.close()
})

function args(extra: string[] = []): AuditReportArguments {
  const parsed = parseAuditReportArguments(['--repository', 'acme/app', '--since', start.toISOString().replace(/\.\d+Z$/, 'Z'), '--api-url', sim.url, '--server-url', sim.serverUrl, ...extra])
  if (parsed === 'help') throw new Error('help')
  return parsed
}

const env = () => ({ GITHUB_TOKEN: sim.token })

describe('audit-report over a simulated month', () => {
  let report: AuditReport
  let requestsMade = 0
  let breakdown = ''

  beforeAll(async () => {
    const before = sim.requests.length
    const result = await runAuditReportCommand(args(['--format', 'json']), env())
    requestsMade = sim.requests.length - before
    const counts = new Map<string, number>()
    for (const r of sim.requests.slice(before)) counts.set(r.operation ?? r.path, (counts.get(r.operation ?? r.path) ?? 0) + 1)
    breakdown = [...counts].map(([k, v]) => `${v} x ${k}`).join('; ')
    expect(result.stderr).not.toContain('error')
    expect(result.exitCode).toBe(0)
    report = JSON.parse(result.stdout) as AuditReport
  })

  test('every merged pull request, field by field as the simulator holds it', () => {
    expect(report.changes.map((c) => c.pullRequest)).toEqual(planned.map((p) => p.number))
    for (const change of report.changes) {
      const pull = repo.pull(change.pullRequest)
      const plan = planned.find((p) => p.number === change.pullRequest)!
      const checks = repo.checkRuns.filter((r) => r.headSha === pull.head.sha).map((r) => ({ name: r.name, conclusion: r.conclusion }))
      const approvals = repo.reviews
        .filter((r) => r.pullNumber === pull.number && r.state === 'APPROVED' && r.submittedAt <= pull.mergedAt!)
        .map((r) => ({ user: r.user, at: r.submittedAt, commit: r.commitId }))
      expect(change).toMatchObject({
        title: pull.issue.title,
        url: `${sim.serverUrl}/acme/app/pull/${pull.number}`,
        author: pull.issue.user,
        baseRef: pull.base.ref,
        mergedAt: pull.mergedAt,
        mergedBy: pull.mergedBy,
        changeType: plan.kind,
        approvedAtMerge: plan.approvedAtMerge,
        checks,
        deployment: { sha: pull.mergeCommitSha, at: pull.mergedAt }
      })
      expect(change.approvals).toEqual(plan.kind === 'normal' ? approvals : [])
      expect(change.approvals.map((a) => a.user)).toEqual(plan.approvers)
      if (plan.kind === 'normal') {
        const linked = Number(/#(\d+)/.exec(pull.issue.body ?? '')![1])
        expect(change.changeRequest).toMatchObject({ issue: linked, title: repo.issue(linked).title, justification: expect.stringContaining('Customers need change') })
      }
      if (plan.kind === 'emergency') {
        expect(change.review).toMatchObject({ issue: plan.review!.issue, status: plan.review!.status, dueAt: new Date(Date.parse(pull.mergedAt!) + DAY).toISOString() })
        const issue = plan.review!.issue === null ? undefined : repo.issue(plan.review!.issue)
        expect(change.review!.completedAt).toBe(plan.review!.status.startsWith('completed') ? new Date(issue!.closedAt!).toISOString() : null)
      } else {
        expect(change.review).toBeNull()
      }
    }
  })

  test('the exceptions: unapproved at merge, late, open and missing reviews', () => {
    const of = (kind: string) => report.exceptions.filter((e) => e.kind === kind).map((e) => e.pullRequest)
    const number = (i: number) => planned[i]!.number
    expect(of('unapproved-at-merge')).toEqual([number(5), number(9)])
    expect(of('unapproved-deployment')).toEqual([number(5), number(9)])
    expect(of('review-late')).toEqual([15, 19, 23].map((i) => number(i)))
    expect(of('review-open')).toEqual([27, 31, 35].map((i) => number(i)))
    expect(of('review-missing')).toEqual([number(39)])
  })

  test('the reads are batched: one GraphQL query for the 40, and the requests per pull request are counted', () => {
    expect(report.requests.graphql).toBe(1)
    expect(report.requests.graphql + report.requests.rest).toBe(requestsMade)
    expect(report.requests.perPullRequest).toBeCloseTo(requestsMade / 40, 5)
    // bob approves and alice declares every time: their permissions are read once, not once per pull request.
    expect(breakdown).toContain('2 x repos/get-collaborator-permission-level')
    console.log(`audit-report over 40 pull requests: ${report.requests.graphql} GraphQL + ${report.requests.rest} REST = ${requestsMade} requests, ${report.requests.perPullRequest.toFixed(2)} per pull request (${breakdown})`)
  })

  test('CSV and Markdown carry the same rows', async () => {
    const csv = await runAuditReportCommand(args(['--format', 'csv']), env())
    const lines = csv.stdout.trimEnd().split('\r\n')
    expect(lines[0]).toBe('pull_request,title,url,author,base,change_type,controls,approvers,approved_at,approved_at_merge,checks,merged_at,merged_by,deployed_sha,deployed_at,change_request,justification,impact,review_issue,review_due_at,review_completed_at,review_status')
    expect(lines).toHaveLength(41)
    const markdown = await runAuditReportCommand(args(), env())
    expect(markdown.stdout).toContain('40 merged pull requests (10 standard, 20 normal, 10 emergency)')
    expect(markdown.stdout).toContain('## Exceptions')
    expect(markdown.stdout).toContain(`| #${planned[5]!.number} | unapproved-at-merge |`)
  })
})

describe('bad input', () => {
  test('no token, a bad date, a bad format: one clear message each', async () => {
    expect((await runAuditReportCommand(args(), {})).stderr).toContain('no token: set GITHUB_TOKEN')
    expect(() => parseAuditReportArguments(['--repository', 'acme/app', '--since', 'last month'])).toThrow('--since must be an ISO 8601 date')
    expect(() => parseAuditReportArguments(['--repository', 'acme/app', '--since', '2026-11-01', '--format', 'xml'])).toThrow('--format must be markdown, csv, json')
    expect(() => parseAuditReportArguments(['--since', '2026-11-01'])).toThrow('--repository OWNER/NAME is required')
  })
})
