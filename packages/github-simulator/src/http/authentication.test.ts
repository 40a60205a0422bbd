import { startSimulator, type Simulator } from '../simulator'
import { TOKEN_PROFILES } from '../state/tokens'
import { call } from '../test-support/github-client'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
  sim.state.addRepository('acme/app')
  sim.state.addRepository('acme/other')
  sim.state.addTeam('acme', 'security', { members: ['bob'] })
})

afterEach(async () => {
  await sim.close()
})

test('an unknown token is 401 Bad credentials; no token at all is 401 Requires authentication', async () => {
  const bad = await call(sim, 'GET', '/repos/acme/app', { token: 'ghs_wrong' })
  expect(bad.status).toBe(401)
  expect(bad.body).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' })
  const none = await call(sim, 'GET', '/repos/acme/app', { token: null })
  expect(none.status).toBe(401)
  expect((none.body as { message: string }).message).toBe('Requires authentication')
})

test('both "token" and "Bearer" authorization schemes are accepted', async () => {
  const bearer = await fetch(`${sim.url}/repos/acme/app`, { headers: { authorization: `Bearer ${sim.token}` } })
  expect(bearer.status).toBe(200)
})

test('the default GITHUB_TOKEN cannot read team membership: 404, exactly like a non-member', async () => {
  const denied = await call(sim, 'GET', '/orgs/acme/teams/security/memberships/bob')
  expect(denied.status).toBe(404)
  expect(denied.body).toEqual({
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest/teams/members#get-team-membership-for-a-user',
    status: '404'
  })
  expect(denied.headers.get('x-accepted-github-permissions')).toBe('members=read')
})

test('an App token with members:read sees memberships, active or pending, and 404 for non-members', async () => {
  sim.state.addToken('ghs_app', TOKEN_PROFILES.appToken())
  sim.state.addTeamMember('acme', 'security', 'carol', { state: 'pending' })
  const bob = await call<{ state: string; role: string }>(sim, 'GET', '/orgs/acme/teams/security/memberships/bob', { token: 'ghs_app' })
  expect(bob.status).toBe(200)
  expect(bob.body).toMatchObject({ state: 'active', role: 'member' })
  const carol = await call<{ state: string }>(sim, 'GET', '/orgs/acme/teams/security/memberships/carol', { token: 'ghs_app' })
  expect(carol.body.state).toBe('pending')
  expect((await call(sim, 'GET', '/orgs/acme/teams/security/memberships/mallory', { token: 'ghs_app' })).status).toBe(404)
})

test('a token scoped to some repositories gets 404 for the others', async () => {
  sim.state.addToken('ghs_scoped', { ...TOKEN_PROFILES.githubToken(), repositories: ['acme/app'] })
  expect((await call(sim, 'GET', '/repos/acme/app', { token: 'ghs_scoped' })).status).toBe(200)
  expect((await call(sim, 'GET', '/repos/acme/other', { token: 'ghs_scoped' })).status).toBe(404)
})

test('a token without pull_requests:read is refused with 403 Resource not accessible by integration', async () => {
  sim.state.addToken('ghs_contents', { permissions: { contents: 'read' } })
  sim.state.repository('acme/app').openPullRequest({})
  const answer = await call<{ message: string }>(sim, 'GET', '/repos/acme/app/pulls/1', { token: 'ghs_contents' })
  expect(answer.status).toBe(403)
  expect(answer.body.message).toBe('Resource not accessible by integration')
  expect((await call(sim, 'GET', '/repos/acme/app/contents/README.md', { token: 'ghs_contents' })).status).toBe(200)
})

test('a personal token cannot create check runs: only GitHub Apps can', async () => {
  sim.state.addToken('ghp_personal', TOKEN_PROFILES.personalToken('alice'))
  const sha = sim.state.repository('acme/app').branch('main')
  const answer = await call<{ message: string }>(sim, 'POST', '/repos/acme/app/check-runs', { token: 'ghp_personal', body: { name: 'x', head_sha: sha } })
  expect(answer.status).toBe(403)
  expect(answer.body.message).toBe('You must authenticate via a GitHub App.')
})

test('rate-limit headers come with every answer and count down; an exhausted window is 403 with remaining 0', async () => {
  sim.state.addToken('ghs_small', { ...TOKEN_PROFILES.githubToken(), rateLimit: 3 })
  const answers = []
  for (let i = 0; i < 4; i++) answers.push(await call(sim, 'GET', i === 1 ? '/repos/acme/missing' : '/repos/acme/app', { token: 'ghs_small' }))
  expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0', '0'])
  expect(answers.map((a) => a.status)).toEqual([200, 404, 200, 403])
  for (const a of answers) {
    expect(a.headers.get('x-ratelimit-limit')).toBe('3')
    expect(a.headers.get('x-ratelimit-resource')).toBe('core')
    expect(Number(a.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000)
    expect(a.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{6}:[0-9A-F]{8}$/)
  }
  expect(answers.map((a) => a.headers.get('x-ratelimit-used'))).toEqual(['1', '2', '3', '3'])
  expect((answers[3]?.body as { message: string }).message).toMatch(/^API rate limit exceeded/)
})
