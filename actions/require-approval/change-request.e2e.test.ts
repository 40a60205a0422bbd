// The change-request requirement of require-approval, end to end: the bundled
// dist/require-approval/index.js run as the Actions runner runs it, against the GitHub
// simulator, with a policy that requires a documented change request for normal changes.
import {
  pullRequestScenario,
  runAction,
  startSimulator,
  type ActionRun,
  type PullRequestScenario,
  type RepositoryState,
  type Simulator
} from '@change-policy/github-simulator'

const ACTION = 'actions/require-approval/action.yml'

const POLICY = `version: 1
classification:
  emergency:
    labels: [emergency]
  standard:
    paths: ["docs/**", "**/*.md"]
approvals:
  normal: 1
  emergency: 0
change-request:
  required: [normal]
`
const FILLED = '### Justification\n\nCustomers cannot export their invoices.\n\n### Impact assessment\n\nOne new read-only endpoint; no migration. Revert to roll back.'
const NO_IMPACT = '### Justification\n\nCustomers cannot export their invoices.\n\n### Impact assessment\n\n_No response_'

const COLLABORATORS = { alice: 'write', bob: 'maintain' } as const
const setup = { policy: POLICY, collaborators: COLLABORATORS, author: 'alice' }

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

async function run(sc: { env: Record<string, string>; token: string }, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const result = await runAction(ACTION, { env: sc.env, token: sc.token, inputs })
  expect(sim.errors).toEqual([])
  return result
}

function json<T = unknown>(value: string | undefined): T {
  return JSON.parse(value ?? 'null') as T
}

function firstError(result: ActionRun): string {
  return result.annotations.find((a) => a.level === 'error')?.message ?? ''
}

/** acme/app with issues #1..#11 and then #12, the change request, written as `body`. */
function issueTwelve(body: string, options: { labels?: string[]; title?: string; repository?: string } = {}): RepositoryState {
  const repo = sim.state.findRepository(options.repository ?? 'acme/app') ?? sim.state.addRepository({ fullName: options.repository ?? 'acme/app' })
  while (repo.issues.size < 11) repo.addIssue({ title: `Earlier issue ${repo.issues.size + 1}` })
  const twelve = repo.addIssue({ title: options.title ?? 'Export invoices as CSV', body, labels: options.labels ?? [] })
  expect(twelve.number).toBe(12)
  return repo
}

/** A normal change by alice, approved by bob on its head, whose description is `body`. */
async function approvedNormalChange(body: string, options: { policy?: string; files?: string[]; labels?: string[] } = {}): Promise<PullRequestScenario> {
  const sc = await pullRequestScenario(sim, { ...setup, policy: options.policy ?? POLICY, files: options.files ?? ['src/invoices.ts'], body, labels: options.labels ?? [] })
  sc.repo.addReview(sc.pr.number, { user: 'bob', state: 'APPROVED' })
  return sc
}

/** The requests the change-request check adds: issue reads and the sidebar's GraphQL query. */
function changeRequestRequests(): string[] {
  return sim.requests.map((r) => r.operation ?? r.path).filter((operation) => operation === 'issues/get' || operation === 'graphql')
}

describe('what must be shown', () => {
  test('no linked issue: fails, and the summary says exactly how to fix it', async () => {
    const sc = await approvedNormalChange('Adds the CSV export.')
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['approved']).toBe('false')
    expect(result.outputs['change-request']).toBe('')
    expect(json(result.outputs['missing'])).toEqual([
      'pull request #1 links no change-request issue: add "Closes #<issue>" or "Refs #<issue>" to its description, or link the issue in the ' +
        "Development sidebar; the issue needs the headings 'Justification', 'Impact assessment', each with text under it"
    ])
    expect(firstError(result)).toMatch(/^Pull request #1 is not approved: pull request #1 links no change-request issue/)
    // Approvals alone are met: the change request is the requirement that is not.
    expect(result.summary).toContain('| Normal change | 1 approval from anyone with write access | `bob` | — |')
    expect(result.summary).toContain(
      '| change request | a linked issue with `Justification`, `Impact assessment` filled in | — | a linked change-request issue |'
    )
    expect(result.summary).toContain('**How to fix it**')
    expect(result.summary).toContain('```markdown\n### Justification\n\n…\n\n### Impact assessment\n\n…\n```')
    expect(result.summary).toContain('`Closes #<issue>`')
    expect(result.summary).toContain('`workflows-templates/ISSUE_TEMPLATE/change-request.yml`')
    expect(sc.repo.statuses.at(-1)).toMatchObject({ state: 'failure', sha: sc.headSha })
    expect(sc.repo.statuses.at(-1)?.description).toMatch(/^pull request #1 links no change-request issue/)
    expect(json<{ decision: string; changeRequest: unknown }>(result.outputs['audit-record'])).toMatchObject({ decision: 'missing', changeRequest: null })
  })

  test('"Closes #12" to an issue with both sections filled: passes, and the audit record carries the justification', async () => {
    issueTwelve(FILLED)
    const sc = await approvedNormalChange('Adds the CSV export.\n\nCloses #12')
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['approved']).toBe('true')
    expect(result.outputs['change-request']).toBe('12')
    expect(result.summary).toContain('| change request | a linked issue with `Justification`, `Impact assessment` filled in | #12 Export invoices as CSV | — |')
    expect(result.summary).toContain('Documented in issue #12 (Export invoices as CSV):')
    expect(result.summary).toContain('- **Impact assessment**: One new read-only endpoint; no migration. Revert to roll back.')
    const record = json<Record<string, unknown>>(result.outputs['audit-record'])
    expect(record['decision']).toBe('approved')
    expect(record['changeRequest']).toEqual({
      issue: 12,
      title: 'Export invoices as CSV',
      justification: 'Customers cannot export their invoices.',
      impact: 'One new read-only endpoint; no migration. Revert to roll back.'
    })
    expect(record['reasons']).toContain('change request: issue #12 (Export invoices as CSV)')
    expect(sc.repo.statuses.at(-1)).toMatchObject({ state: 'success', description: 'Approved by bob' })
  })

  test('the same issue with _No response_ under Impact assessment: fails, naming that section', async () => {
    issueTwelve(NO_IMPACT)
    const sc = await approvedNormalChange('Closes #12')
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['change-request']).toBe('')
    expect(json(result.outputs['missing'])).toEqual(["issue #12 has no text under 'Impact assessment': fill in that section"])
    expect(result.summary).toContain('| change request | a linked issue with `Justification`, `Impact assessment` filled in | — | text under `Impact assessment` |')
    expect(result.summary).toContain('| `acme/app#12` | description | Export invoices as CSV | ✓ Justification<br>✗ Impact assessment (no text) |')
  })

  test('"Refs acme/app#12" passes', async () => {
    issueTwelve(FILLED)
    const result = await run(await approvedNormalChange('Refs acme/app#12'))
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-request']).toBe('12')
  })

  test('a full issue URL passes', async () => {
    issueTwelve(FILLED)
    const result = await run(await approvedNormalChange(`Change request: ${sim.serverUrl}/acme/app/issues/12`))
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-request']).toBe('12')
  })

  test("a reference to a pull request's number fails, saying it is not an issue", async () => {
    const other = await pullRequestScenario(sim, { ...setup, files: ['src/other.ts'] })
    const sc = await approvedNormalChange(`Closes #${other.pr.number}`)
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(json(result.outputs['missing'])).toEqual([`#${other.pr.number} is a pull request, not an issue: link the change-request issue instead`])
  })

  test("a reference to another repository's issue fails, and that issue is not even read", async () => {
    issueTwelve(FILLED, { repository: 'acme/other' })
    const sc = await approvedNormalChange('Closes acme/other#12')
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(json(result.outputs['missing'])).toEqual(['acme/other#12 is an issue of another repository: link an issue of acme/app instead'])
    expect(sim.requests.filter((r) => r.path.startsWith('/repos/acme/other'))).toEqual([])
  })

  test('a link made only in the Development sidebar passes', async () => {
    const repo = issueTwelve(FILLED)
    const sc = await approvedNormalChange('Adds the CSV export.')
    repo.linkIssue(sc.pr.number, 12)
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-request']).toBe('12')
    expect(json<{ changeRequest: { issue: number } }>(result.outputs['audit-record']).changeRequest.issue).toBe(12)
    expect(changeRequestRequests()).toEqual(['graphql'])
  })

  test('a standard change with no issue passes: a change request is not required for it', async () => {
    const sc = await approvedNormalChange('Fixes a typo.', { files: ['docs/guide.md'] })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['approved']).toBe('true')
    expect(result.outputs['change-request']).toBe('')
    expect(result.summary).not.toContain('| change request |')
    expect(result.summary).toContain('Not required for standard changes (`change-request.required`: normal).')
    expect(changeRequestRequests()).toEqual([])
  })

  test('an emergency with no issue passes, with the justification it owes called out', async () => {
    const sc = await pullRequestScenario(sim, { ...setup, action: 'labeled', label: 'emergency', sender: 'bob', files: ['src/auth.ts'] })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['approved']).toBe('true')
    expect(result.outputs['change-request']).toBe('')
    const owed =
      'EMERGENCY CHANGE: a change request does not block it; its justification and impact assessment are owed in the post-deployment review.'
    expect(result.summary).toContain(`> [!IMPORTANT]\n> ${owed}`)
    expect(result.summary).toContain('Not checked before deployment: an emergency change documents its justification and impact assessment in the post-deployment review.')
    expect(result.annotations.filter((a) => a.level === 'warning' && a.title === 'Emergency change').map((a) => a.message)).toContain(owed)
    expect(json<{ reasons: string[] }>(result.outputs['audit-record']).reasons).toContain(owed)
    expect(changeRequestRequests()).toEqual([])
  })

  test('documented-in: pull-request with the sections in the description passes, with no issue at all', async () => {
    const policy = POLICY.replace('  required: [normal]\n', '  required: [normal]\n  documented-in: pull-request\n')
    const sc = await approvedNormalChange(`Adds the CSV export.\n\n${FILLED}`, { policy })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['approved']).toBe('true')
    expect(result.outputs['change-request']).toBe('')
    expect(result.summary).toContain('| change request | `Justification`, `Impact assessment` filled in the description | the description of #1 | — |')
    expect(json<{ changeRequest: unknown }>(result.outputs['audit-record']).changeRequest).toEqual({
      issue: 1,
      title: sc.pr.issue.title,
      justification: 'Customers cannot export their invoices.',
      impact: 'One new read-only endpoint; no migration. Revert to roll back.'
    })
    expect(changeRequestRequests()).toEqual([])
  })

  test('labels: [change-request] and the issue lacks it: fails, saying which label to add', async () => {
    issueTwelve(FILLED, { labels: ['enhancement'] })
    const policy = POLICY.replace('  required: [normal]\n', '  required: [normal]\n  labels: [change-request]\n')
    const result = await run(await approvedNormalChange('Closes #12', { policy }))
    expect(result.exitCode).toBe(1)
    expect(json(result.outputs['missing'])).toEqual(['issue #12 does not have the label change-request: add it to the issue'])
    expect(result.summary).toContain('a linked issue labelled `change-request` with `Justification`, `Impact assessment` filled in')
  })

  test('a linked issue that cannot be read fails closed, naming it', async () => {
    issueTwelve(FILLED)
    const sc = await approvedNormalChange('Closes #12')
    sim.inject({ path: '/repos/acme/app/issues/12', status: 500, times: Infinity })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['approved']).toBe('false')
    expect(sim.requestsTo('/repos/acme/app/issues/12').length).toBeGreaterThan(1)
    expect(json<string[]>(result.outputs['missing'])).toContain(
      '#12 could not be read (GitHub answered HTTP 500 after retries): nothing passes while GitHub cannot answer: re-run the job'
    )
    expect(sc.repo.statuses.at(-1)).toMatchObject({ state: 'failure' })
  })
})

describe('more of it, end to end', () => {
  test('fail-on-missing: false reports a missing change request as a warning and passes the step', async () => {
    const sc = await approvedNormalChange('No link here.')
    const result = await run(sc, { 'fail-on-missing': 'false' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['approved']).toBe('false')
    expect(result.annotations.find((a) => a.level === 'warning')?.message).toMatch(/links no change-request issue.*fail-on-missing is false/)
    expect(sc.repo.statuses.at(-1)).toMatchObject({ state: 'failure' })
  })

  test('editing the description to link the issue is judged again (pull_request_target: edited)', async () => {
    issueTwelve(FILLED)
    const opened = await approvedNormalChange('Adds the CSV export.')
    expect((await run(opened)).exitCode).toBe(1)
    opened.pr.issue.body = 'Adds the CSV export.\n\nCloses #12'
    const edited = await pullRequestScenario(sim, { ...setup, number: opened.pr.number, action: 'edited' })
    const result = await run(edited)
    expect(result.exitCode).toBe(0)
    expect(opened.repo.statuses.map((s) => s.state)).toEqual(['failure', 'success'])
  })

  test('an issue linked in the description and another in the sidebar: the documented one is chosen', async () => {
    const repo = issueTwelve(FILLED)
    const empty = repo.addIssue({ title: 'Placeholder', body: NO_IMPACT })
    const sc = await approvedNormalChange(`Refs #${empty.number}`)
    repo.linkIssue(sc.pr.number, 12)
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-request']).toBe('12')
    expect(result.summary).toContain('Linked issues read:')
  })

  test('either: an approved change whose description documents it needs no issue and reads none', async () => {
    const policy = POLICY.replace('  required: [normal]\n', '  required: [normal]\n  documented-in: either\n')
    const result = await run(await approvedNormalChange(FILLED, { policy }))
    expect(result.exitCode).toBe(0)
    expect(changeRequestRequests()).toEqual([])
  })
})

describe('bad input: a clear message, never a crash, never a pass on what could not be read', () => {
  test('a 65,536-character description with hundreds of references: at most 10 issues are read, and the summary says so', async () => {
    issueTwelve(FILLED)
    const refs = Array.from({ length: 700 }, (_, i) => `#${2000 + i}`).join(' ')
    const body = `${refs} `.repeat(20).slice(0, 65_536)
    expect(body.length).toBe(65_536)
    const sc = await approvedNormalChange(body)
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(sim.requestsTo('issues/get').length).toBeLessThanOrEqual(10)
    const note = `The description of pull request \\#${sc.pr.number} references `
    expect(result.summary).toContain(note)
    expect(result.summary).toMatch(/references \d+ issues or pull requests; only the first 10 \(this repository's first\) were considered as change requests, \d+ were not read\./)
    expect(json<string[]>(result.outputs['missing']).at(-1)).toMatch(/^\d+ more references were not read \(at most 10 are\): reference the change request among the first 10$/)
  })

  test('a reference to an issue that does not exist', async () => {
    const result = await run(await approvedNormalChange('Closes #99'))
    expect(result.exitCode).toBe(1)
    expect(json(result.outputs['missing'])).toEqual([
      "#99 could not be read (GitHub answered HTTP 404: there is no such issue, or the token cannot see it): check the number; if the issue exists, give the workflow's token `issues: read`"
    ])
  })

  test('an issue body that is not valid UTF-8 once decoded', async () => {
    const body = `${FILLED}\n\nPasted from a terminal: \uD83D`
    issueTwelve(body)
    const result = await run(await approvedNormalChange('Closes #12'))
    expect(result.exitCode).toBe(1)
    expect(json(result.outputs['missing'])).toEqual([
      `the body of issue #12 is not valid UTF-8 text: an unpaired surrogate U+D83D at character ${body.length}: edit the issue, retype the text around that place and save it`
    ])
  })

  test('a policy that names a section twice is refused at its line, and nothing is approved', async () => {
    const policy = POLICY.replace('  required: [normal]\n', '  required: [normal]\n  sections: ["Justification", "Impact assessment", "justification:"]\n')
    issueTwelve(FILLED)
    const sc = await approvedNormalChange('Closes #12', { policy })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['approved']).toBeUndefined()
    expect(result.annotations.find((a) => a.level === 'error')).toMatchObject({ file: '.github/change-policy.yml', line: 12 })
    expect(firstError(result)).toMatch(/the heading `justification:` is listed twice \(as `Justification` before\)/)
    expect(sc.repo.statuses.at(-1)).toMatchObject({ state: 'error' })
  })
})

describe('requests: at most 2 more for one linked issue', () => {
  /** The requests of one run, and of the same run under the policy without its change-request section. */
  async function withAndWithout(prepare: (repository: string) => Promise<PullRequestScenario>) {
    const counts: number[] = []
    for (const repository of ['acme/app', 'acme/baseline']) {
      const sc = await prepare(repository)
      const before = sim.requests.length
      const result = await run(sc)
      if (repository === 'acme/baseline') expect(result.exitCode).toBe(0)
      counts.push(sim.requests.length - before)
    }
    return { extra: counts[0]! - counts[1]!, total: counts[0]! }
  }

  const baseline = POLICY.replace(/change-request:\n {2}required: \[normal\]\n/, '')

  async function scenario(repository: string, body: string, issueBody: string, sidebar = false): Promise<PullRequestScenario> {
    const repo = issueTwelve(issueBody, { repository })
    const policy = repository === 'acme/baseline' ? baseline : POLICY
    const sc = await pullRequestScenario(sim, { ...setup, repository, policy, files: ['src/invoices.ts'], body })
    sc.repo.addReview(sc.pr.number, { user: 'bob', state: 'APPROVED' })
    if (sidebar) repo.linkIssue(sc.pr.number, 12)
    return sc
  }

  test('an issue referenced in the description that documents the change: 1 more (the issue)', async () => {
    const { extra } = await withAndWithout((repository) => scenario(repository, 'Closes #12', FILLED))
    expect(extra).toBe(1)
  })

  test('an issue referenced in the description that does not: 2 more (the issue, then the sidebar)', async () => {
    const { extra } = await withAndWithout((repository) => scenario(repository, 'Closes #12', NO_IMPACT))
    expect(extra).toBe(2)
  })

  test('an issue linked only in the sidebar: 1 more (the GraphQL query brings the issue with it)', async () => {
    const { extra } = await withAndWithout((repository) => scenario(repository, 'Adds the CSV export.', FILLED, true))
    expect(extra).toBe(1)
  })
})
