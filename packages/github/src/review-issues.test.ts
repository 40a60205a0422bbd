import { prepareRepository, startSimulator, type Simulator } from '@change-policy/github-simulator'
import { createGitHubClient } from './client'
import { findIssueCloser, listIssues, listMergedPullRequestsSince } from './review-issues'

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(async () => {
  await sim.close()
})

const repo = { owner: 'acme', repo: 'app' }
const DAY = 86_400_000

test('merged pull requests since a date: closed ones read newest update first, stopping at the first page older than the date', async () => {
  const state = prepareRepository(sim, {})
  const now = Date.now()
  const merged: number[] = []
  for (let i = 0; i < 250; i++) {
    const at = new Date(now - (250 - i) * DAY / 5) // 50 days back to today, oldest first
    const pr = state.openPullRequest({ title: `pr ${i}`, files: [{ filename: `f${i}.ts`, content: `${i}\n` }], at: new Date(at.getTime() - 60_000) })
    if (i % 10 === 3) state.closeIssue(pr.number, { at }) // closed unmerged: never listed as merged
    else {
      state.mergePullRequest(pr.number, { at })
      if (at.getTime() >= now - 20.5 * DAY) merged.push(pr.number)
    }
  }
  const client = createGitHubClient({ token: sim.token, baseUrl: sim.url })
  const found = await listMergedPullRequestsSince(client, repo, new Date(now - 20.5 * DAY))
  expect(found.map((p) => p.number).sort((a, b) => a - b)).toEqual(merged)
  // 102 of the 250 were updated in the last 20.5 days: the second page already reaches past it, the third is never read.
  expect(sim.requestsTo('pulls/list')).toHaveLength(2)
})

test('issues without the pull requests GitHub lists among them, and who closed one from its events', async () => {
  const state = prepareRepository(sim, {})
  state.openPullRequest({ title: 'a pull request', labels: ['post-deployment-review'] })
  const issue = state.addIssue({ title: 'review', labels: ['post-deployment-review'] })
  state.closeIssue(issue.number, { actor: 'carol' })
  const client = createGitHubClient({ token: sim.token, baseUrl: sim.url })
  expect((await listIssues(client, repo, { state: 'all', label: 'post-deployment-review' })).map((i) => i.number)).toEqual([issue.number])
  expect((await findIssueCloser(client, repo, issue.number)).actor).toBe('carol')
})
