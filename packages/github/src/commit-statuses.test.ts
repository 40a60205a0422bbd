import { pullRequestScenario, startSimulator, TOKEN_PROFILES, type Simulator } from '@change-policy/github-simulator'
import { createGitHubClient } from './client'
import { APPROVAL_STATUS_CONTEXT, setCommitStatus, statusDescription } from './commit-statuses'
import { GitHubAccessError } from './errors'

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(async () => {
  await sim.close()
})

test('a description longer than GitHub keeps is cut to 140 characters on one line', () => {
  expect(statusDescription('short\n  text')).toBe('short text')
  const long = statusDescription('x'.repeat(200))
  expect(long).toHaveLength(140)
  expect(long.endsWith('…')).toBe(true)
})

test('the status lands on the commit with its context, state and link', async () => {
  const sc = await pullRequestScenario(sim, { files: ['src/a.ts'] })
  const client = createGitHubClient({ token: sim.token, baseUrl: sim.url })
  await setCommitStatus(client, { owner: 'acme', repo: 'app' }, sc.headSha, { context: APPROVAL_STATUS_CONTEXT, state: 'failure', description: 'Needs 1 approval', targetUrl: 'https://github.com/acme/app/actions/runs/1' })
  expect(sc.repo.statuses).toEqual([
    expect.objectContaining({ sha: sc.headSha, context: 'change-policy/approval', state: 'failure', description: 'Needs 1 approval', targetUrl: 'https://github.com/acme/app/actions/runs/1' })
  ])
})

test('a token that may not write statuses is an error naming the permission', async () => {
  const sc = await pullRequestScenario(sim, { files: ['src/a.ts'] })
  sim.state.addToken('read-only', TOKEN_PROFILES.readOnlyGithubToken())
  const client = createGitHubClient({ token: 'read-only', baseUrl: sim.url })
  const error = await setCommitStatus(client, { owner: 'acme', repo: 'app' }, sc.headSha, { context: APPROVAL_STATUS_CONTEXT, state: 'success', description: 'ok' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(GitHubAccessError)
  expect((error as GitHubAccessError).problem.fix).toMatch(/statuses: write/)
})
