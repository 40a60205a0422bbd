import { startSimulator, type Simulator } from '../simulator'
import { TOKEN_PROFILES } from '../state/tokens'
import { call } from '../test-support/github-client'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
  const repo = sim.state.addRepository('acme/app')
  repo.openPullRequest({ author: 'alice', labels: ['bug'] })
})

afterEach(async () => {
  await sim.close()
})

interface Label {
  name: string
  color: string
}

test('adding labels returns all labels of the issue and creates missing repository labels', async () => {
  const added = await call<Label[]>(sim, 'POST', '/repos/acme/app/issues/1/labels', { body: { labels: ['change:normal'] } })
  expect(added.status).toBe(200)
  expect(added.body.map((l) => l.name)).toEqual(['bug', 'change:normal'])
  expect(sim.state.repository('acme/app').findLabel('change:normal')?.color).toBe('ededed')
})

test('removing a label returns the remaining ones; removing one not there is 404 "Label does not exist"', async () => {
  await call(sim, 'POST', '/repos/acme/app/issues/1/labels', { body: ['change:normal', 'change:standard'] })
  const removed = await call<Label[]>(sim, 'DELETE', `/repos/acme/app/issues/1/labels/${encodeURIComponent('change:standard')}`)
  expect(removed.status).toBe(200)
  expect(removed.body.map((l) => l.name)).toEqual(['bug', 'change:normal'])
  const again = await call(sim, 'DELETE', `/repos/acme/app/issues/1/labels/${encodeURIComponent('change:standard')}`)
  expect(again.status).toBe(404)
  expect(again.body).toEqual({
    message: 'Label does not exist',
    documentation_url: 'https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue',
    status: '404'
  })
})

test('each add and removal is an issue event by the token account, with the label', async () => {
  await call(sim, 'POST', '/repos/acme/app/issues/1/labels', { body: { labels: ['emergency'] } })
  await call(sim, 'DELETE', '/repos/acme/app/issues/1/labels/emergency')
  const events = await call<{ event: string; actor: { login: string }; label: Label }[]>(sim, 'GET', '/repos/acme/app/issues/1/events')
  expect(events.body.map((e) => [e.event, e.actor.login, e.label.name])).toEqual([
    ['labeled', 'alice', 'bug'],
    ['labeled', 'github-actions[bot]', 'emergency'],
    ['unlabeled', 'github-actions[bot]', 'emergency']
  ])
})

test('creating a repository label that exists is 422 already_exists', async () => {
  const first = await call<Label>(sim, 'POST', '/repos/acme/app/labels', { body: { name: 'change:emergency', color: 'B60205' } })
  expect(first.status).toBe(201)
  expect(first.body.color).toBe('b60205')
  const again = await call(sim, 'POST', '/repos/acme/app/labels', { body: { name: 'Change:Emergency' } })
  expect(again.status).toBe(422)
  expect(again.body).toEqual({
    message: 'Validation Failed',
    errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
    documentation_url: 'https://docs.github.com/rest/issues/labels#create-a-label',
    status: '422'
  })
})

test('a colour with "#" is refused as invalid, as GitHub wants bare hex', async () => {
  const answer = await call<{ errors: unknown[] }>(sim, 'POST', '/repos/acme/app/labels', { body: { name: 'x', color: '#ff0000' } })
  expect(answer.status).toBe(422)
  expect(answer.body.errors).toEqual([{ resource: 'Label', code: 'invalid', field: 'color' }])
})

test('a read-only token cannot add a label: 403 Resource not accessible by integration', async () => {
  sim.state.addToken('ghs_readonly', TOKEN_PROFILES.readOnlyGithubToken())
  const answer = await call(sim, 'POST', '/repos/acme/app/issues/1/labels', { body: { labels: ['x'] }, token: 'ghs_readonly' })
  expect(answer.status).toBe(403)
  expect(answer.body).toEqual({
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/issues/labels#add-labels-to-an-issue',
    status: '403'
  })
  expect(answer.headers.get('x-accepted-github-permissions')).toBe('issues=write; pull_requests=write')
  expect(sim.state.repository('acme/app').issue(1).labels).toEqual(['bug'])
})
