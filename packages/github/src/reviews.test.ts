import { pullRequestScenario, startSimulator, type Simulator } from '@change-policy/github-simulator'
import { createGitHubClient } from './client'
import { listPullRequestReviews } from './reviews'

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(async () => {
  await sim.close()
})

test('every review is read, 100 a page, oldest first, with who, what, on which commit and when', async () => {
  const sc = await pullRequestScenario(sim, { files: ['src/a.ts'] })
  for (let i = 0; i < 230; i++) sc.repo.addReview(sc.pr.number, { user: `user${i % 7}`, state: 'COMMENTED', at: Date.UTC(2026, 10, 24, 9, 0, i) })
  sc.repo.addReview(sc.pr.number, { user: 'renovate[bot]', state: 'APPROVED', at: Date.UTC(2026, 10, 24, 11) })
  const client = createGitHubClient({ token: sim.token, baseUrl: sim.url })
  const reviews = await listPullRequestReviews(client, { owner: 'acme', repo: 'app' }, sc.pr.number)
  expect(reviews).toHaveLength(231)
  expect(sim.requestsTo('pulls/list-reviews')).toHaveLength(3)
  expect(sim.requestsTo('pulls/list-reviews').every((r) => r.query['per_page'] === '100')).toBe(true)
  expect(reviews[230]).toEqual({
    id: expect.any(Number),
    user: 'renovate[bot]',
    isBot: true,
    state: 'APPROVED',
    commitSha: sc.headSha,
    submittedAt: '2026-11-24T11:00:00Z'
  })
})
