import { pullRequestScenario, startSimulator, TOKEN_PROFILES, type PullRequestScenario, type Simulator } from '@change-policy/github-simulator'
import { defaultPolicy, type ApprovalRequirement, type Policy } from '@change-policy/policy'
import { foreignTeams, gatherApprovalFacts } from './approval-facts'
import { createGitHubClient, type GitHubClient } from './client'
import { GitHubAccessError } from './errors'
import { getPullRequest } from './pulls'
import { listPullRequestReviews } from './reviews'
import { TEAM_TOKEN_FIX } from './teams'

const repo = { owner: 'acme', repo: 'app' }
const normal: ApprovalRequirement = { source: 'change-type', name: 'normal', approvals: 1, reviewers: [] }

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

async function gather(sc: PullRequestScenario, requirements: ApprovalRequirement[] = [normal], policy: Policy = defaultPolicy()) {
  const [pr, reviews] = await Promise.all([getPullRequest(client, repo, sc.pr.number), listPullRequestReviews(client, repo, sc.pr.number)])
  const before = sim.requests.length
  const gathered = await gatherApprovalFacts(client, repo, { pr, reviews, policy, changeType: 'normal', requirements })
  return { ...gathered, requests: sim.requests.slice(before) }
}

test('several reviewers cost one request for their permissions; one not among the writers is looked up alone', async () => {
  const sc = await pullRequestScenario(sim, { collaborators: { bob: 'write', carol: 'maintain', erin: 'read' }, files: ['src/a.ts'] })
  for (const user of ['bob', 'carol', 'erin']) sc.repo.addReview(sc.pr.number, { user })
  const { facts, requests } = await gather(sc)
  expect(facts.permissions).toEqual({ bob: 'write', carol: 'maintain', erin: 'read' })
  expect(requests.map((r) => r.operation)).toEqual(['repos/list-collaborators', 'repos/get-collaborator-permission-level'])
})

test("a reviewer who only commented is nobody's business: no permission is read", async () => {
  const sc = await pullRequestScenario(sim, { collaborators: { bob: 'write' }, files: ['src/a.ts'] })
  sc.repo.addReview(sc.pr.number, { user: 'bob' })
  sc.repo.addReview(sc.pr.number, { user: 'erin', state: 'COMMENTED' })
  const { facts, requests } = await gather(sc)
  expect(Object.keys(facts.permissions)).toEqual(['bob'])
  expect(requests.map((r) => r.operation)).toEqual(['repos/get-collaborator-permission-level'])
})

test('commits are not read when every approval is on the head commit', async () => {
  const sc = await pullRequestScenario(sim, { collaborators: { bob: 'write' }, files: ['src/a.ts'] })
  sc.repo.addReview(sc.pr.number, { user: 'bob' })
  const { facts, requests } = await gather(sc)
  expect(facts.commits).toEqual([])
  expect(requests.some((r) => r.operation === 'pulls/list-commits')).toBe(false)
})

test('after "Update branch", the merge is checked and marked as a merge of the base', async () => {
  const sc = await pullRequestScenario(sim, { collaborators: { bob: 'write' }, files: ['src/a.ts'] })
  sc.repo.addReview(sc.pr.number, { user: 'bob' })
  sc.repo.commit({ branch: 'main', files: { 'src/other.ts': 'x\n' } })
  const merge = sc.repo.mergeBaseIntoPullRequest(sc.pr.number, { committer: 'web-flow' })
  const { facts, baseMerges, requests } = await gather(sc)
  expect(facts.commits.map((c) => [c.sha, c.mergesBase])).toEqual([[sc.headSha, false], [merge.sha, true]])
  expect(baseMerges).toEqual([{ sha: merge.sha, onlyMergesBase: true, reason: '' }])
  expect(requests.map((r) => r.operation).sort()).toEqual(['pulls/list-commits', 'repos/compare-commits-with-basehead', 'repos/get-collaborator-permission-level', 'repos/get-commit'])
})

test('with ignore-base-updates off, merges are not checked at all', async () => {
  const sc = await pullRequestScenario(sim, { collaborators: { bob: 'write' }, files: ['src/a.ts'] })
  sc.repo.addReview(sc.pr.number, { user: 'bob' })
  sc.repo.commit({ branch: 'main', files: { 'src/other.ts': 'x\n' } })
  sc.repo.mergeBaseIntoPullRequest(sc.pr.number)
  const policy = defaultPolicy()
  policy.approvals.ignoreBaseUpdates = false
  const { facts, requests } = await gather(sc, [normal], policy)
  expect(facts.commits.every((c) => !c.mergesBase)).toBe(true)
  expect(requests.some((r) => r.operation === 'repos/get-commit')).toBe(false)
})

test('each team a requirement names is read once, and only when it asks for approvals', async () => {
  sim.state.addTeam('acme', 'security', { members: ['carol', 'dave'] })
  sim.state.addTeam('acme', 'leads', { members: ['dave'] })
  const sc = await pullRequestScenario(sim, { collaborators: { carol: 'write' }, files: ['src/a.ts'] })
  sc.repo.addReview(sc.pr.number, { user: 'carol' })
  const requirements: ApprovalRequirement[] = [
    normal,
    { source: 'control', name: 'secrets', approvals: 2, reviewers: ['@acme/security'] },
    { source: 'control', name: 'keys', approvals: 1, reviewers: ['@ACME/Security', 'dave'] },
    { source: 'control', name: 'database', approvals: 0, reviewers: ['@acme/leads'] }
  ]
  const { facts, requests } = await gather(sc, requirements)
  expect(facts.teamMembers).toEqual({ '@acme/security': ['carol', 'dave'] })
  expect(requests.filter((r) => r.operation === 'teams/list-members-in-org')).toHaveLength(1)
})

test('a team the token cannot read fails closed with the App-token fix', async () => {
  sim.state.addTeam('acme', 'security', { members: ['carol'] })
  const sc = await pullRequestScenario(sim, { files: ['src/a.ts'] })
  client = createGitHubClient({ token: sim.token, baseUrl: sim.url, retryBaseMs: 1 })
  const error = await gather(sc, [normal, { source: 'control', name: 'secrets', approvals: 1, reviewers: ['@acme/security'] }]).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(GitHubAccessError)
  expect((error as GitHubAccessError).problem.fix).toBe(TEAM_TOKEN_FIX)
})

test('a policy naming a team of another organization is refused before anything is read', async () => {
  const sc = await pullRequestScenario(sim, { files: ['src/a.ts'] })
  const policy = defaultPolicy()
  policy.controls[0]!.reviewers = ['@other/security']
  expect(foreignTeams(policy, 'ACME')).toEqual([{ team: '@other/security', control: 'secrets-and-config' }])
  const error = await gather(sc, [normal], policy).catch((e: unknown) => e)
  expect((error as GitHubAccessError).problem.message).toMatch(/@other\/security \(control secrets-and-config\).*another organization than acme/)
  expect(foreignTeams(defaultPolicy(), 'acme')).toEqual([])
})
