import { prepareRepository, pullRequestScenario, startSimulator, TOKEN_PROFILES, type Simulator } from '@change-policy/github-simulator'
import { defaultPolicy, evaluateChangeRequest, type ChangeRequestSettings, type ChangeType, type Policy } from '@change-policy/policy'
import { gatherChangeRequestFacts } from './change-request-facts'
import { createGitHubClient, type GitHubClient } from './client'
import { getPullRequest } from './pulls'

const repo = { owner: 'acme', repo: 'app' }
const FILLED = '### Justification\n\nCustomers cannot export invoices.\n\n### Impact assessment\n\nOnly the export endpoint changes.'
const EMPTY_IMPACT = '### Justification\n\nCustomers cannot export invoices.\n\n### Impact assessment\n\n_No response_'

let sim: Simulator
let client: GitHubClient

beforeEach(async () => {
  sim = await startSimulator()
  sim.state.addToken('app-token', TOKEN_PROFILES.appToken())
  client = createGitHubClient({ token: 'app-token', baseUrl: sim.url, retryBaseMs: 1 })
})

afterEach(async () => {
  await sim.close()
})

function policyWith(changeRequest: Partial<ChangeRequestSettings> = {}): Policy {
  const policy = defaultPolicy()
  return { ...policy, changeRequest: { ...policy.changeRequest, required: ['normal'], ...changeRequest } }
}

/** Issues #1..#n with the given bodies (a PR number after them), then a pull request whose description is `body`. */
async function pullRequestWith(body: string, issueBodies: string[] = []) {
  const repository = prepareRepository(sim, {})
  for (const [i, issueBody] of issueBodies.entries()) repository.addIssue({ title: `Change request ${i + 1}`, body: issueBody })
  const sc = await pullRequestScenario(sim, { files: ['src/app.ts'], body })
  return { sc, repository }
}

async function gather(number: number, policy: Policy = policyWith(), changeType: ChangeType = 'normal', as: GitHubClient = client) {
  const pr = await getPullRequest(client, repo, number)
  const before = sim.requests.length
  const gathered = await gatherChangeRequestFacts(as, repo, { pr, policy, changeType, serverUrl: sim.serverUrl })
  const requests = sim.requests.slice(before).map((r) => r.operation ?? r.path)
  return { ...gathered, requests, evaluation: evaluateChangeRequest(gathered.facts, policy) }
}

describe('what is read, and what it costs', () => {
  test('a referenced issue that documents the change costs one request; the sidebar is not asked', async () => {
    const { sc } = await pullRequestWith('Closes #1', [FILLED])
    const { facts, requests, evaluation } = await gather(sc.pr.number)
    expect(requests).toEqual(['issues/get'])
    expect(facts.linkedIssues).toEqual([
      { number: 1, title: 'Change request 1', body: FILLED, labels: [], state: 'open', isPullRequest: false, repository: { owner: 'acme', name: 'app' }, source: 'body' }
    ])
    expect(evaluation.satisfied).toBe(true)
  })

  test('a referenced issue that does not document it costs two: the sidebar may hold the one that does', async () => {
    const { sc } = await pullRequestWith('Refs #1', [EMPTY_IMPACT])
    const { requests, evaluation } = await gather(sc.pr.number)
    expect(requests).toEqual(['issues/get', 'graphql'])
    expect(evaluation.missing).toEqual(["issue #1 has no text under 'Impact assessment': fill in that section"])
  })

  test('a link made only in the sidebar costs one request, the GraphQL one, and comes with its text and labels', async () => {
    const { sc, repository } = await pullRequestWith('', [FILLED])
    repository.labelIssue(1, 'change-request')
    repository.linkIssue(sc.pr.number, 1)
    const { facts, requests, evaluation } = await gather(sc.pr.number, policyWith({ labels: ['change-request'] }))
    expect(requests).toEqual(['graphql'])
    expect(facts.linkedIssues).toEqual([
      { number: 1, title: 'Change request 1', body: FILLED, labels: ['change-request'], state: 'open', isPullRequest: false, repository: { owner: 'acme', name: 'app' }, source: 'sidebar' }
    ])
    expect(evaluation.satisfied).toBe(true)
    expect(sim.graphqlCalls[0]?.query).toContain('userLinkedOnly: true')
    expect(sim.graphqlCalls[0]?.errors).toEqual([])
  })

  test('nothing is read for a change type that needs no change request', async () => {
    const { sc } = await pullRequestWith('Closes #1', [FILLED])
    expect((await gather(sc.pr.number, policyWith(), 'standard')).requests).toEqual([])
  })

  test('nothing is read for an emergency, even when the policy lists emergencies', async () => {
    const { sc } = await pullRequestWith('Closes #1', [FILLED])
    expect((await gather(sc.pr.number, policyWith({ required: ['normal', 'emergency'] }), 'emergency')).requests).toEqual([])
  })

  test('nothing is read when the description is the change request (documented-in: pull-request)', async () => {
    const { sc } = await pullRequestWith(`Closes #1\n\n${FILLED}`, [FILLED])
    const { requests, evaluation } = await gather(sc.pr.number, policyWith({ documentedIn: 'pull-request' }))
    expect(requests).toEqual([])
    expect(evaluation.satisfied).toBe(true)
  })

  test('...nor with either when the description already documents the change', async () => {
    const { sc } = await pullRequestWith(`Closes #1\n\n${FILLED}`, [''])
    expect((await gather(sc.pr.number, policyWith({ documentedIn: 'either' }))).requests).toEqual([])
  })

  test('references to pull request URLs and to other repositories are not read: they cannot be the change request', async () => {
    const { sc } = await pullRequestWith(`Follows ${sim.serverUrl}/acme/app/pull/7 and acme/other#3`)
    const { facts, requests, evaluation } = await gather(sc.pr.number)
    expect(requests).toEqual(['graphql'])
    expect(facts.linkedIssues.map((i) => [i.number, i.isPullRequest, `${i.repository.owner}/${i.repository.name}`])).toEqual([
      [7, true, 'acme/app'],
      [3, false, 'acme/other']
    ])
    expect(evaluation.missing).toEqual([
      '#7 is a pull request, not an issue: link the change-request issue instead',
      'acme/other#3 is an issue of another repository: link an issue of acme/app instead'
    ])
  })

  test('a #number that turns out to be a pull request is read once and does not count', async () => {
    const { sc } = await pullRequestWith('')
    const other = await pullRequestScenario(sim, { files: ['src/b.ts'], body: `Closes #${sc.pr.number}` })
    const { facts, evaluation } = await gather(other.pr.number)
    expect(facts.linkedIssues[0]).toMatchObject({ number: sc.pr.number, isPullRequest: true })
    expect(evaluation.satisfied).toBe(false)
  })
})

describe('what cannot be read fails closed, naming it', () => {
  test('an issue that does not exist', async () => {
    const { sc } = await pullRequestWith('Closes #99')
    const { facts, evaluation } = await gather(sc.pr.number)
    expect(facts.linkedIssues[0]).toMatchObject({ number: 99, readError: 'GitHub answered HTTP 404: there is no such issue, or the token cannot see it' })
    expect(evaluation.missing).toContain(
      "#99 could not be read (GitHub answered HTTP 404: there is no such issue, or the token cannot see it): check the number; if the issue exists, give the workflow's token `issues: read`"
    )
  })

  test('an issue GitHub keeps failing to answer for, after the retries', async () => {
    const { sc } = await pullRequestWith('Closes #1', [FILLED])
    sim.inject({ path: '/repos/acme/app/issues/1', status: 502, times: Infinity })
    const { evaluation } = await gather(sc.pr.number)
    expect(sim.requestsTo('/repos/acme/app/issues/1').length).toBeGreaterThan(1)
    expect(evaluation.satisfied).toBe(false)
    expect(evaluation.missing).toContain('#1 could not be read (GitHub answered HTTP 502 after retries): nothing passes while GitHub cannot answer: re-run the job')
  })

  test('a token that may not read issues (nor pull requests)', async () => {
    const { sc } = await pullRequestWith('Closes #1', [FILLED])
    sim.state.addToken('narrow', TOKEN_PROFILES.readOnlyGithubToken())
    const narrow = createGitHubClient({ token: 'narrow', baseUrl: sim.url, retryBaseMs: 1 })
    const { evaluation } = await gather(sc.pr.number, policyWith(), 'normal', narrow)
    expect(evaluation.missing[0]).toMatch(/^#1 could not be read \(GitHub answered HTTP 403: .*\): give the workflow's token `issues: read` in its `permissions:` block$/)
  })

  test('the sidebar failing: a requirement not otherwise met fails on it', async () => {
    const { sc } = await pullRequestWith('')
    sim.inject({ path: '/graphql', status: 502, times: Infinity })
    const { facts, evaluation } = await gather(sc.pr.number)
    expect(facts.sidebarError).toMatch(/^GitHub answered HTTP 502 after retries/)
    expect(evaluation.missing.some((m) => m.startsWith('the issues linked in the Development sidebar of pull request #1 could not be read'))).toBe(true)
  })

  test('an issue body that is not valid UTF-8 is passed on as read, and judged unreadable', async () => {
    const { sc } = await pullRequestWith('Closes #1', [`${FILLED}\n\uD800`])
    const { evaluation } = await gather(sc.pr.number)
    expect(evaluation.satisfied).toBe(false)
    expect(evaluation.missing[0]).toMatch(/^the body of issue #1 is not valid UTF-8 text: an unpaired surrogate U\+D800 at character \d+/)
  })
})

describe('bad input', () => {
  test('a 65,536-character description with hundreds of references: at most 10 issues are read, and that is said', async () => {
    const { sc } = await pullRequestWith('')
    const refs = Array.from({ length: 600 }, (_, i) => `#${i + 1000}`).join(' ')
    const body = (refs + ' ').repeat(20).slice(0, 65_536)
    sc.repo.pull(sc.pr.number).issue.body = body
    const { requests, notes, evaluation } = await gather(sc.pr.number)
    expect(requests.filter((r) => r === 'issues/get')).toHaveLength(10)
    expect(requests.filter((r) => r === 'graphql')).toHaveLength(1)
    expect(notes[0]).toMatch(/^The description of pull request #1 references \d+ issues or pull requests; only the first 10 .* were not read\.$/)
    expect(evaluation.missing.at(-1)).toMatch(/^59\d more references were not read \(at most 10 are\): reference the change request among the first 10$/)
  })
})
