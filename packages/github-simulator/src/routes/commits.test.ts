import { startSimulator, type Simulator } from '../simulator'
import { call } from '../test-support/github-client'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

const pullsOf = async (sha: string): Promise<Array<{ number: number; merge_commit_sha: string | null; merged_at: string | null }>> =>
  (await call<Array<{ number: number; merge_commit_sha: string | null; merged_at: string | null }>>(sim, 'GET', `/repos/acme/app/commits/${sha}/pulls`)).body

test('commits/{sha}/pulls names the merged pull request for merge, squash, every rebased commit and a merge-queue commit', async () => {
  const repo = sim.state.addRepository('acme/app')
  const merged = repo.openPullRequest({ author: 'alice', files: ['a.txt'] })
  const mergeCommit = repo.mergePullRequest(merged.number, { method: 'merge' })
  const squashed = repo.openPullRequest({ author: 'alice', files: ['b.txt'] })
  const squash = repo.mergePullRequest(squashed.number, { method: 'squash' })
  const rebased = repo.openPullRequest({ author: 'alice', files: ['c.txt'] })
  repo.pushToPullRequest(rebased.number, { files: ['d.txt'] })
  const beforeRebase = repo.branch('main') as string
  const lastRebased = repo.mergePullRequest(rebased.number, { method: 'rebase' })
  const firstRebased = lastRebased.parents[0] as string
  expect(repo.getCommit(firstRebased).parents).toEqual([beforeRebase])
  const queued = repo.openPullRequest({ author: 'alice', files: ['e.txt'] })
  const queueCommit = repo.mergePullRequest(queued.number, { viaMergeQueue: true })
  const direct = repo.commit({ branch: 'main', files: { 'f.txt': 'pushed\n' } })

  expect((await pullsOf(mergeCommit.sha)).map((p) => p.number)).toEqual([merged.number])
  expect((await pullsOf(merged.head.sha)).map((p) => p.number)).toEqual([merged.number])
  expect((await pullsOf(squash.sha)).map((p) => [p.number, p.merge_commit_sha])).toEqual([[squashed.number, squash.sha]])
  expect((await pullsOf(firstRebased)).map((p) => [p.number, p.merge_commit_sha])).toEqual([[rebased.number, lastRebased.sha]])
  expect((await pullsOf(lastRebased.sha)).map((p) => p.number)).toEqual([rebased.number])
  expect(queueCommit.sha).not.toBe(queued.head.sha)
  expect((await pullsOf(queueCommit.sha)).map((p) => [p.number, p.merge_commit_sha])).toEqual([[queued.number, queueCommit.sha]])
  expect(await pullsOf(direct.sha)).toEqual([])
})

test('a commit only on an open pull request\'s branch lists that open pull request', async () => {
  const repo = sim.state.addRepository('acme/app')
  const open = repo.openPullRequest({ author: 'alice', files: ['a.txt'] })
  expect((await pullsOf(open.head.sha)).map((p) => [p.number, p.merged_at])).toEqual([[open.number, null]])
})
