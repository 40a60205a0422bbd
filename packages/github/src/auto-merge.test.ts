import { pullRequestScenario, startSimulator, type Simulator } from '@change-policy/github-simulator'
import { enableAutoMerge } from './auto-merge'
import { createGitHubClient } from './client'
import { GitHubAccessError } from './errors'

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(async () => {
  await sim.close()
})

async function openPullRequest() {
  const sc = await pullRequestScenario(sim, { files: ['docs/a.md'] })
  const pr = { number: sc.pr.number, nodeId: sc.pr.nodeId, headSha: sc.headSha }
  return { sc, pr, client: createGitHubClient({ token: sim.token, baseUrl: sim.url }) }
}

test('sends the enablePullRequestAutoMerge mutation for the judged head commit', async () => {
  const { sc, pr, client } = await openPullRequest()
  expect(await enableAutoMerge(client, pr, 'squash')).toEqual({ enabled: true })
  expect(sim.graphqlCalls).toEqual([
    expect.objectContaining({ fields: ['enablePullRequestAutoMerge'], variables: { pullRequestId: pr.nodeId, mergeMethod: 'SQUASH', expectedHeadOid: sc.headSha }, errors: [] })
  ])
  expect(sc.repo.pull(pr.number).autoMerge).toMatchObject({ mergeMethod: 'squash' })
})

test('a pull request that can merge now is reported, not an error', async () => {
  const { sc, pr, client } = await openPullRequest()
  sc.repo.pull(pr.number).mergeableState = 'clean'
  const result = await enableAutoMerge(client, pr, 'merge')
  expect(result).toEqual({ enabled: false, reason: expect.stringContaining('clean status') })
})

test('a repository that does not allow auto-merge is an error naming the setting', async () => {
  const { sc, pr, client } = await openPullRequest()
  sc.repo.record.allowAutoMerge = false
  const error = await enableAutoMerge(client, pr, 'rebase').catch((e: unknown) => e)
  expect(error).toBeInstanceOf(GitHubAccessError)
  expect((error as GitHubAccessError).problem.fix).toMatch(/Allow auto-merge/)
})

test('a head that moved since it was judged is refused by GitHub', async () => {
  const { sc, pr, client } = await openPullRequest()
  sc.repo.pushToPullRequest(pr.number)
  const error = await enableAutoMerge(client, pr, 'merge').catch((e: unknown) => e)
  expect((error as GitHubAccessError).problem.message).toMatch(/head branch was modified/)
})
