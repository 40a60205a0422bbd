import { startSimulator, type Simulator } from '../simulator'
import { call } from '../test-support/github-client'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

test('a deployment status of success marks the environment\'s earlier successful deployment inactive', async () => {
  const repo = sim.state.addRepository('acme/app')
  const first = repo.addDeployment({ sha: 'main' })
  repo.addDeploymentStatus(first, { state: 'success' })
  const created = await call<{ id: number }>(sim, 'POST', '/repos/acme/app/deployments', { body: { ref: 'main', required_contexts: [], environment: 'production' } })
  await call(sim, 'POST', `/repos/acme/app/deployments/${created.body.id}/statuses`, { body: { state: 'success' } })
  expect(first.statuses.map((s) => s.state)).toEqual(['success', 'inactive'])
  const listed = await call<Array<{ id: number }>>(sim, 'GET', '/repos/acme/app/deployments?environment=production')
  expect(listed.body.map((d) => d.id)).toEqual([created.body.id, first.id])
  expect((await call<unknown[]>(sim, 'GET', '/repos/acme/app/deployments?environment=staging')).body).toEqual([])
})

test('creating a deployment checks every status of the commit unless required_contexts names them', async () => {
  const repo = sim.state.addRepository('acme/app')
  repo.addStatus({ sha: 'main', state: 'failure', context: 'ci/lint' })
  const refused = await call<{ message: string }>(sim, 'POST', '/repos/acme/app/deployments', { body: { ref: 'main' } })
  expect([refused.status, refused.body.message]).toEqual([409, 'Conflict: Commit status checks failed for main.'])
  expect((await call(sim, 'POST', '/repos/acme/app/deployments', { body: { ref: 'main', required_contexts: [] } })).status).toBe(201)
})
