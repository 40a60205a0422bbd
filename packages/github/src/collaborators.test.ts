import { pullRequestScenario, startSimulator, type Simulator } from '@change-policy/github-simulator'
import { createGitHubClient } from './client'
import { readPermissions } from './collaborators'

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(async () => {
  await sim.close()
})

const repo = { owner: 'acme', repo: 'app' }

test('one login is one lookup, with the role GitHub folds into "write" kept apart', async () => {
  await pullRequestScenario(sim, { collaborators: { carol: 'maintain' } })
  const client = createGitHubClient({ token: sim.token, baseUrl: sim.url })
  expect(await readPermissions(client, repo, ['carol'])).toEqual({ carol: 'maintain' })
  expect(sim.requests.map((r) => r.operation)).toEqual(['repos/get-collaborator-permission-level'])
})

test('several logins: the writers come from one list, the others each from their own lookup', async () => {
  await pullRequestScenario(sim, { collaborators: { bob: 'write', carol: 'admin', erin: 'triage' } })
  const client = createGitHubClient({ token: sim.token, baseUrl: sim.url })
  const before = sim.requests.length
  expect(await readPermissions(client, repo, ['Bob', 'carol', 'erin', 'stranger', 'bob'])).toEqual({ Bob: 'write', carol: 'admin', erin: 'triage', stranger: 'none' })
  expect(sim.requests.slice(before).map((r) => r.operation).sort()).toEqual([
    'repos/get-collaborator-permission-level',
    'repos/get-collaborator-permission-level',
    'repos/list-collaborators'
  ])
})

test('a writer past the first page of the list is still found, by their own lookup', async () => {
  const collaborators: Record<string, 'write'> = {}
  for (let i = 0; i < 120; i++) collaborators[`dev${String(i).padStart(3, '0')}`] = 'write'
  await pullRequestScenario(sim, { collaborators })
  const client = createGitHubClient({ token: sim.token, baseUrl: sim.url })
  expect(await readPermissions(client, repo, ['dev000', 'dev119'])).toEqual({ dev000: 'write', dev119: 'write' })
})

test('nobody to look up costs nothing', async () => {
  const client = createGitHubClient({ token: sim.token, baseUrl: sim.url })
  expect(await readPermissions(client, repo, [])).toEqual({})
  expect(sim.requests).toEqual([])
})
