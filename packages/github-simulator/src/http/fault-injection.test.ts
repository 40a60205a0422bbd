import { startSimulator, type Simulator } from '../simulator'
import { call } from '../test-support/github-client'
import { primaryRateLimit, secondaryRateLimit } from './fault-injection'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
  sim.state.addRepository('acme/app').openPullRequest({})
})

afterEach(async () => {
  await sim.close()
})

const PR = '/repos/acme/app/pulls/1'

test('a 500 injected twice fails two requests, then the simulator answers', async () => {
  const fault = sim.inject({ path: PR, status: 500, times: 2 })
  const statuses = []
  for (let i = 0; i < 3; i++) statuses.push((await call(sim, 'GET', PR)).status)
  expect(statuses).toEqual([500, 500, 200])
  expect(fault.hits).toBe(2)
  expect(sim.requestsTo('pulls/get').map((r) => [r.status, r.injected])).toEqual([
    [500, true],
    [500, true],
    [200, false]
  ])
})

test('a secondary rate limit is 403 with retry-after and the message clients look for', async () => {
  sim.inject(secondaryRateLimit(/\/pulls\/1$/, { retryAfterSeconds: 1 }))
  const limited = await call<{ message: string; status: string }>(sim, 'GET', PR)
  expect(limited.status).toBe(403)
  expect(limited.headers.get('retry-after')).toBe('1')
  // Octokit's throttling plugin recognises it by this phrase.
  expect(limited.body.message).toMatch(/\bsecondary rate\b/i)
  expect(limited.body.message).toContain(`request ID ${limited.headers.get('x-github-request-id')}`)
  expect(Number(limited.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0)
  expect((await call(sim, 'GET', PR)).status).toBe(200)
})

test('a primary rate limit says remaining 0 and when it resets', async () => {
  sim.inject(primaryRateLimit(PR, { resetInSeconds: 30 }))
  const limited = await call(sim, 'GET', PR)
  expect(limited.status).toBe(403)
  expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
  expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000)
})

test('a delay holds the answer: a client with a shorter timeout gives up', async () => {
  sim.inject({ path: PR, delayMs: 2000 })
  // Without the delay the answer would come at once and the call would succeed.
  await expect(call(sim, 'GET', PR, { signal: AbortSignal.timeout(200) })).rejects.toThrow()
})

test('a delay without a status answers normally afterwards', async () => {
  sim.inject({ path: PR, delayMs: 150 })
  const started = Date.now()
  const answer = await call(sim, 'GET', PR)
  expect(answer.status).toBe(200)
  expect(Date.now() - started).toBeGreaterThanOrEqual(140)
})

test('rules apply in order, filter by method, and Infinity never runs out', async () => {
  sim.inject({ method: 'POST', path: /labels/, status: 502, times: Infinity })
  sim.inject({ path: /./, status: 503 })
  expect((await call(sim, 'GET', '/repos/acme/app/issues/1/labels')).status).toBe(503)
  for (let i = 0; i < 3; i++) {
    expect((await call(sim, 'POST', '/repos/acme/app/issues/1/labels', { body: { labels: ['x'] } })).status).toBe(502)
  }
  expect((await call(sim, 'GET', '/repos/acme/app/issues/1/labels')).status).toBe(200)
})

test('closing the simulator releases a held request', async () => {
  sim.inject({ path: PR, delayMs: 60_000 })
  const pending = call(sim, 'GET', PR).catch((error: unknown) => error)
  await new Promise((r) => setTimeout(r, 50))
  // A request still held would keep this test waiting past Jest's timeout.
  await sim.close()
  await pending
})
