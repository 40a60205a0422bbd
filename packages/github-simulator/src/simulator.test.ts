import { startSimulator, type Simulator } from './simulator'
import { call } from './test-support/github-client'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

test('listens on 127.0.0.1 at a random port and answers JSON with GitHub headers', async () => {
  expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  sim.state.addRepository('acme/app')
  const answer = await call<{ full_name: string; default_branch: string; private: boolean }>(sim, 'GET', '/repos/acme/app')
  expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(answer.headers.get('x-github-api-version-selected')).toBe('2022-11-28')
  expect(answer.body).toMatchObject({ full_name: 'acme/app', default_branch: 'main', private: true })
})

test('the request log counts API requests by operation and by path', async () => {
  const repo = sim.state.addRepository('acme/app')
  repo.openPullRequest({ files: ['a.txt'] })
  await call(sim, 'GET', '/repos/acme/app/pulls/1')
  await call(sim, 'GET', '/repos/acme/app/pulls/1/files?per_page=100')
  await call(sim, 'GET', '/repos/acme/app/pulls/1/files?per_page=100&page=2')
  await call(sim, 'POST', '/repos/acme/app/issues/1/labels', { body: { labels: ['x'] } })
  expect(sim.requests).toHaveLength(4)
  expect(sim.requestsTo('pulls/list-files')).toHaveLength(2)
  expect(sim.requestsTo('/repos/acme/app/pulls/1')).toHaveLength(1)
  expect(sim.requestsTo(/\/pulls\/1/, 'GET')).toHaveLength(3)
  expect(sim.requestsTo('issues/add-labels')[0]).toMatchObject({ method: 'POST', status: 200, body: { labels: ['x'] }, token: sim.token })
  expect(sim.requests[2]?.query).toEqual({ per_page: '100', page: '2' })
  expect(typeof sim.requests[0]?.when).toBe('number')
})

test('/repositories/{id}/… (the form Link headers use) reaches the same routes', async () => {
  const repo = sim.state.addRepository('acme/app')
  const answer = await call<{ full_name: string }>(sim, 'GET', `/repositories/${repo.record.id}`)
  expect(answer.body.full_name).toBe('acme/app')
  expect(sim.requests[0]?.operation).toBe('repos/get')
})

test('an unknown endpoint is 404 with the generic documentation URL', async () => {
  const answer = await call(sim, 'GET', '/repos/acme/app/environments')
  expect(answer.status).toBe(404)
  expect(answer.body).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
})

test('a body that is not JSON is 400 Problems parsing JSON', async () => {
  sim.state.addRepository('acme/app').addIssue({ title: 'x' })
  const res = await fetch(`${sim.url}/repos/acme/app/issues/1/comments`, { method: 'POST', headers: { authorization: `token ${sim.token}` }, body: '{nope' })
  expect(res.status).toBe(400)
  expect(((await res.json()) as { message: string }).message).toBe('Problems parsing JSON')
})

test('reset empties the state, the logs and the fault rules, and keeps the default token', async () => {
  sim.state.addRepository('acme/app')
  sim.inject({ path: /./, status: 500, times: Infinity })
  await call(sim, 'GET', '/repos/acme/app')
  sim.reset()
  expect(sim.requests).toHaveLength(0)
  expect(sim.state.findRepository('acme/app')).toBeUndefined()
  sim.state.addRepository('acme/app')
  expect((await call(sim, 'GET', '/repos/acme/app')).status).toBe(200)
})

test('a seed function runs at start and after every reset', async () => {
  const seeded = await startSimulator({ seed: (state) => void state.addRepository('acme/seeded') })
  try {
    expect(seeded.state.findRepository('acme/seeded')).toBeDefined()
    seeded.reset()
    expect(seeded.state.findRepository('acme/seeded')).toBeDefined()
  } finally {
    await seeded.close()
  }
})
