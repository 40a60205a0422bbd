import { createGitHubClient } from '@change-policy/github'
import { startSimulator, type Simulator } from '@change-policy/github-simulator'
import { startPolicyRead } from './pull-request-policy'

let sim: Simulator
const repo = { owner: 'acme', repo: 'app' }

beforeEach(async () => {
  sim = await startSimulator()
  const r = sim.state.addRepository({ fullName: 'acme/app' })
  r.commit({ branch: 'main', files: { 'p.yml': 'version: 1\napprovals:\n  normal: 1\n' }, message: 'main', author: 'acme' })
  r.createBranch('release')
  r.commit({ branch: 'release', files: { 'p.yml': 'version: 1\napprovals:\n  normal: 3\n' }, message: 'release', author: 'acme' })
})
afterEach(() => sim.close())

const client = () => createGitHubClient({ token: sim.token, baseUrl: sim.url, retryBaseMs: 10 })
const reads = () => sim.requests.filter((r) => r.path.includes('/contents/')).map((r) => r.query['ref'])
const event = (base: string) => ({ payload: { pull_request: { number: 7, base: { ref: base } } } })

test('the base the event names is read once, before the pull request is known', async () => {
  const read = startPolicyRead(client(), repo, event('main'), { number: 7, path: 'p.yml', explicitRef: '' })
  const loaded = await read.forPullRequest({ baseRef: 'main' })
  expect(loaded.policy.approvals.normal).toBe(1)
  expect(reads()).toEqual(['main'])
})

test('a pull request retargeted since the event is judged by the policy of its base now', async () => {
  const read = startPolicyRead(client(), repo, event('main'), { number: 7, path: 'p.yml', explicitRef: '' })
  const loaded = await read.forPullRequest({ baseRef: 'release' })
  expect(loaded.policy.approvals.normal).toBe(3)
  expect(loaded.source.ref).toBe('release')
})

test('policy-ref wins over the base branch', async () => {
  const read = startPolicyRead(client(), repo, event('main'), { number: 7, path: 'p.yml', explicitRef: 'release' })
  expect((await read.forPullRequest({ baseRef: 'main' })).source.ref).toBe('release')
  expect(reads()).toEqual(['release'])
})

test('an event about another pull request starts nothing early', async () => {
  const read = startPolicyRead(client(), repo, event('main'), { number: 8, path: 'p.yml', explicitRef: '' })
  expect((await read.forPullRequest({ baseRef: 'release' })).source.ref).toBe('release')
  expect(reads()).toEqual(['release'])
})
