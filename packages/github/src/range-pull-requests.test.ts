import { startSimulator, type Simulator } from '@change-policy/github-simulator'
import { createGitHubClient, type GitHubClient } from './client'
import { listCommitPullRequests } from './commit-pulls'
import { getPullRequest } from './pulls'
import { listPullRequestReviews } from './reviews'
import { listRangePullRequests } from './range-pull-requests'
import { readMergedPullRequestDetails } from './merged-pull-request-details'

let sim: Simulator
let client: GitHubClient
const repo = { owner: 'acme', repo: 'app' }

beforeEach(async () => {
  sim = await startSimulator()
  sim.state.addRepository({ fullName: 'acme/app' })
  client = createGitHubClient({ token: sim.token, baseUrl: sim.url, retryBaseMs: 10 })
})
afterEach(() => sim.close())

test('one GraphQL request gives each commit of a range the pull requests REST would name', async () => {
  const state = sim.state.repository('acme/app')
  const base = state.branch('main') as string
  const merged = state.openPullRequest({ author: 'alice', files: ['a.ts'] })
  state.mergePullRequest(merged.number, { method: 'merge' })
  const rebased = state.openPullRequest({ author: 'alice', files: ['b.ts'] })
  state.pushToPullRequest(rebased.number, { files: ['c.ts'] })
  state.mergePullRequest(rebased.number, { method: 'rebase' })
  state.commit({ branch: 'main', files: { 'd.ts': 'pushed\n' } })
  const tip = state.branch('main') as string
  const shas = state.commitsBetween(base, tip)

  const before = sim.requests.length
  const found = await listRangePullRequests(client, repo, tip, shas)
  expect(sim.requests.length - before).toBe(1)
  for (const sha of shas) expect(found.bySha.get(sha)).toEqual(await listCommitPullRequests(client, repo, sha))
  expect([...found.nodeIds.keys()].sort()).toEqual([merged.number, rebased.number])
})

test('pull requests read in one GraphQL batch agree with REST, with the head\'s checks and their app', async () => {
  const state = sim.state.repository('acme/app')
  const pr = state.openPullRequest({ author: 'alice', files: ['src/a.ts'], labels: ['emergency'] })
  state.addReview(pr.number, { user: 'bob', state: 'APPROVED' })
  state.addCheckRun({ sha: pr.head.sha, name: 'test', conclusion: 'failure' })
  state.addCheckRun({ sha: pr.head.sha, name: 'test', conclusion: 'success' })
  state.addStatus({ sha: pr.head.sha, state: 'pending', context: 'ci/build' })
  state.mergePullRequest(pr.number, { method: 'squash' })

  const [data] = await readMergedPullRequestDetails(client, repo, [pr.nodeId])
  const rest = await getPullRequest(client, repo, pr.number)
  expect(data?.info).toEqual({ ...rest, autoMerge: null })
  expect(data?.reviews).toEqual(await listPullRequestReviews(client, repo, pr.number))
  expect(data?.files).toEqual([{ path: 'src/a.ts', status: 'added' }])
  expect(data?.labelAdders?.get('emergency')).toMatchObject({ actor: 'alice' })
  expect(data?.headChecks).toEqual([
    { name: 'test', kind: 'check-run', sha: pr.head.sha, status: 'completed', conclusion: 'success', app: 'github-actions' },
    { name: 'ci/build', kind: 'status', sha: pr.head.sha, status: 'pending', conclusion: null, app: null }
  ])
})

test('a renamed file leaves the files to REST, which says where it came from', async () => {
  const state = sim.state.repository('acme/app')
  const pr = state.openPullRequest({ author: 'alice', files: [{ filename: 'docs/new.md', previous_filename: 'docs/old.md' }] })
  state.mergePullRequest(pr.number)
  const [data] = await readMergedPullRequestDetails(client, repo, [pr.nodeId])
  expect(data?.files).toBeNull()
})
