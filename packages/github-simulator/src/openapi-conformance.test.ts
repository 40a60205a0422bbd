// Every simulated endpoint, called over HTTP against a realistic state, answers in the shape
// GitHub's OpenAPI description documents (every required property, the right types, formats
// and enums), and every route is named after a real operation with its documentation URL.
import { ROUTES } from './routes/table'
import { ResponseValidator } from './test-support/openapi-description'
import { startSimulator, type Simulator } from './simulator'
import { TOKEN_PROFILES } from './state/tokens'

interface Call {
  method: string
  path: string
  body?: unknown
  token?: string
  status: number
  accept?: string
}

const APP_TOKEN = 'ghs_AppInstallationToken00000000000000000'

let sim: Simulator
let validator: ResponseValidator
let calls: Call[]

beforeAll(async () => {
  validator = new ResponseValidator()
  sim = await startSimulator()
  const state = sim.state
  state.addToken(APP_TOKEN, TOKEN_PROFILES.appToken())
  state.addTeam('acme', 'security', { members: { bob: 'active', carol: 'pending' }, maintainers: ['dave'] })
  const repo = state.addRepository({
    fullName: 'acme/app',
    files: {
      'README.md': '# app\n',
      '.github/change-policy.yml': 'version: 1\n',
      'supabase/migrations/001_init.sql': 'create table t (id int);\n',
      'docs/old-name.md': 'moved\n',
      'src/legacy.ts': 'export {}\n'
    }
  })
  repo.setCollaborator('bob', 'write')
  repo.setCollaborator('erin', 'triage')
  repo.addLabel('change:normal', { color: 'fbca04', description: 'A normal change' })
  const issue = repo.addIssue({ title: 'Change request: add table', body: '## Justification\nNeeded.\n', author: 'alice', labels: ['change-request'] })
  repo.addComment(issue.number, { user: 'bob', body: 'Looks fine' })
  const pr = repo.openPullRequest({
    author: 'alice',
    title: 'Add a table',
    body: `Closes #${issue.number}`,
    head: 'feature/table',
    labels: ['change:normal'],
    requestedReviewers: ['bob'],
    files: [
      { filename: 'supabase/migrations/002_table.sql', content: 'create table u (id int);\n' },
      { filename: 'docs/new-name.md', previous_filename: 'docs/old-name.md' },
      { filename: 'src/legacy.ts', status: 'removed' },
      { filename: 'assets/logo.png', patch: null, additions: 0 },
      'README.md'
    ]
  })
  repo.addReview(pr.number, { user: 'bob', state: 'APPROVED', body: 'LGTM' })
  repo.addReview(pr.number, { user: 'erin', state: 'COMMENTED' })
  repo.labelIssue(pr.number, 'emergency', { actor: 'bob' })
  repo.unlabelIssue(pr.number, 'emergency', { actor: 'bob' })
  repo.addComment(pr.number, { user: 'carol', body: 'Please add a test' })
  repo.addCheckRun({ sha: pr.head.sha, name: 'test', conclusion: 'success', output: { title: 'Tests', summary: 'All passed' } })
  repo.addCheckRun({ sha: pr.head.sha, name: 'build', status: 'in_progress' })
  repo.addStatus({ sha: pr.head.sha, state: 'success', context: 'ci/lint', description: 'Lint passed', targetUrl: 'https://ci.example.com/1' })
  // A second pull request, merged, so a commit on main has an associated pull request.
  const merged = repo.openPullRequest({ author: 'bob', title: 'Docs', files: ['docs/guide.md'] })
  const mergeCommit = repo.mergePullRequest(merged.number, { by: 'bob' })
  const deployed = repo.addDeployment({ sha: mergeCommit.sha, ref: 'main', environment: 'production', description: 'Earlier release' })
  repo.addDeploymentStatus(deployed, { state: 'success', targetUrl: 'https://ci.example.com/run/1' })

  const r = '/repos/acme/app'
  calls = [
    { method: 'GET', path: r, status: 200 },
    { method: 'GET', path: `${r}/pulls`, status: 200 },
    { method: 'GET', path: `${r}/pulls?state=all`, status: 200 },
    { method: 'GET', path: `${r}/pulls/${pr.number}`, status: 200 },
    { method: 'GET', path: `${r}/pulls/${merged.number}`, status: 200 },
    { method: 'GET', path: `${r}/pulls/${pr.number}/files`, status: 200 },
    { method: 'GET', path: `${r}/pulls/${pr.number}/commits`, status: 200 },
    { method: 'GET', path: `${r}/pulls/${pr.number}/reviews`, status: 200 },
    { method: 'GET', path: `${r}/pulls/999`, status: 404 },
    { method: 'GET', path: `${r}/commits`, status: 200 },
    { method: 'GET', path: `${r}/commits?sha=feature/table&path=docs`, status: 200 },
    { method: 'GET', path: `${r}/commits/${pr.head.sha}`, status: 200 },
    { method: 'GET', path: `${r}/commits/${mergeCommit.sha}`, status: 200 },
    { method: 'GET', path: `${r}/commits/nope`, status: 422 },
    { method: 'GET', path: `${r}/commits/${mergeCommit.sha}/pulls`, status: 200 },
    { method: 'GET', path: `${r}/commits/${pr.head.sha}/pulls`, status: 200 },
    { method: 'GET', path: `${r}/compare/main...feature/table`, status: 200 },
    { method: 'GET', path: `${r}/contents/.github/change-policy.yml?ref=main`, status: 200 },
    { method: 'GET', path: `${r}/contents/supabase/migrations`, status: 200 },
    { method: 'GET', path: `${r}/contents/`, status: 200 },
    { method: 'GET', path: `${r}/contents/missing.txt`, status: 404 },
    { method: 'GET', path: `${r}/issues/${pr.number}/labels`, status: 200 },
    { method: 'POST', path: `${r}/issues/${pr.number}/labels`, body: { labels: ['change:standard'] }, status: 200 },
    { method: 'DELETE', path: `${r}/issues/${pr.number}/labels/${encodeURIComponent('change:standard')}`, status: 200 },
    { method: 'DELETE', path: `${r}/issues/${pr.number}/labels/never-there`, status: 404 },
    { method: 'GET', path: `${r}/labels`, status: 200 },
    { method: 'POST', path: `${r}/labels`, body: { name: 'change:emergency', color: 'b60205' }, status: 201 },
    { method: 'POST', path: `${r}/labels`, body: { name: 'change:emergency' }, status: 422 },
    { method: 'GET', path: `${r}/issues/${pr.number}/events`, status: 200 },
    { method: 'GET', path: `${r}/issues`, status: 200 },
    { method: 'GET', path: `${r}/issues?state=all&labels=change-request`, status: 200 },
    { method: 'POST', path: `${r}/issues`, body: { title: 'Post-deployment review', body: 'Due in 24h', labels: ['post-deployment-review'] }, status: 201 },
    { method: 'POST', path: `${r}/issues`, body: { body: 'no title' }, status: 422 },
    { method: 'GET', path: `${r}/issues/${issue.number}`, status: 200 },
    { method: 'GET', path: `${r}/issues/${pr.number}`, status: 200 },
    { method: 'PATCH', path: `${r}/issues/${issue.number}`, body: { state: 'closed', labels: ['done'] }, status: 200 },
    { method: 'GET', path: `${r}/issues/${pr.number}/comments`, status: 200 },
    { method: 'POST', path: `${r}/issues/${pr.number}/comments`, body: { body: 'Classified as normal' }, status: 201 },
    { method: 'GET', path: `${r}/issues/comments/${sim.state.repository('acme/app').comments[0]?.id ?? 0}`, status: 200 },
    { method: 'PATCH', path: `${r}/issues/comments/${sim.state.repository('acme/app').comments[0]?.id ?? 0}`, body: { body: 'Edited' }, status: 200 },
    { method: 'GET', path: `${r}/collaborators`, status: 200 },
    { method: 'GET', path: `${r}/collaborators?permission=push&affiliation=all&per_page=100`, status: 200 },
    { method: 'GET', path: `${r}/collaborators/bob/permission`, status: 200 },
    { method: 'GET', path: `${r}/collaborators/erin/permission`, status: 200 },
    { method: 'GET', path: `${r}/collaborators/acme/permission`, status: 404 },
    { method: 'GET', path: '/orgs/acme/teams/security/memberships/bob', token: APP_TOKEN, status: 200 },
    { method: 'GET', path: '/orgs/acme/teams/security/memberships/carol', token: APP_TOKEN, status: 200 },
    { method: 'GET', path: '/orgs/acme/teams/security/memberships/alice', token: APP_TOKEN, status: 404 },
    { method: 'GET', path: '/orgs/acme/teams/security/members?per_page=1', token: APP_TOKEN, status: 200 },
    { method: 'GET', path: '/orgs/acme/teams/security/members', status: 404 },
    { method: 'POST', path: `${r}/check-runs`, body: { name: 'change-policy', head_sha: pr.head.sha, status: 'in_progress' }, status: 201 },
    { method: 'GET', path: `${r}/check-runs/${repo.checkRuns[0]?.id ?? 0}`, status: 200 },
    { method: 'PATCH', path: `${r}/check-runs/${repo.checkRuns[1]?.id ?? 0}`, body: { conclusion: 'failure', output: { title: 'Build', summary: 'Failed' } }, status: 200 },
    { method: 'GET', path: `${r}/commits/${pr.head.sha}/check-runs`, status: 200 },
    { method: 'GET', path: `${r}/commits/feature/table/check-runs?filter=all`, status: 200 },
    { method: 'POST', path: `${r}/statuses/${pr.head.sha}`, body: { state: 'pending', context: 'ci/build' }, status: 201 },
    { method: 'POST', path: `${r}/statuses/${pr.head.sha}`, body: { state: 'great' }, status: 422 },
    { method: 'GET', path: `${r}/commits/${pr.head.sha}/status`, status: 200 },
    { method: 'GET', path: `${r}/commits/${pr.head.sha}/statuses`, status: 200 },
    { method: 'GET', path: `${r}/deployments?environment=production&task=deploy`, status: 200 },
    { method: 'GET', path: `${r}/deployments?sha=${mergeCommit.sha}`, status: 200 },
    { method: 'GET', path: `${r}/deployments/${deployed.id}/statuses`, status: 200 },
    { method: 'GET', path: `${r}/deployments/999999/statuses`, status: 404 },
    { method: 'POST', path: `${r}/deployments`, body: { ref: mergeCommit.sha, environment: 'production', required_contexts: [], auto_merge: false, description: 'Gate' }, status: 201 },
    { method: 'POST', path: `${r}/deployments`, body: { ref: pr.head.sha }, status: 409 },
    { method: 'POST', path: `${r}/deployments`, body: { ref: 'no-such-ref' }, status: 422 },
    { method: 'POST', path: `${r}/deployments/${deployed.id}/statuses`, body: { state: 'success', target_url: 'https://ci.example.com/run/2', log_url: 'https://ci.example.com/run/2' }, status: 201 },
    { method: 'POST', path: `${r}/deployments/${deployed.id}/statuses`, body: { state: 'done' }, status: 422 }
  ]
})

afterAll(async () => {
  await sim.close()
})

async function send(call: Call): Promise<{ status: number; body: unknown; template: string | null; contentType: string | null }> {
  const headers: Record<string, string> = { authorization: `token ${call.token ?? sim.token}`, accept: call.accept ?? 'application/vnd.github+json' }
  if (call.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${sim.url}${call.path}`, { method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) })
  const text = await res.text()
  const record = sim.requests[sim.requests.length - 1]
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text), template: record?.route ?? null, contentType: res.headers.get('content-type') }
}

test('every answer validates against the response schema GitHub documents for it', async () => {
  const failures: string[] = []
  for (const call of calls) {
    const { status, body, template, contentType } = await send(call)
    const label = `${call.method} ${call.path} -> ${status}`
    if (status !== call.status) {
      failures.push(`${label}: expected ${call.status}: ${JSON.stringify(body).slice(0, 300)}`)
      continue
    }
    if (contentType !== 'application/json; charset=utf-8') failures.push(`${label}: content-type ${contentType}`)
    if (template === null) {
      failures.push(`${label}: no route`)
      continue
    }
    const schema = validator.responseSchema(call.method, template, status)
    if (status < 300 && schema === undefined) failures.push(`${label}: GitHub documents no ${status} answer for ${call.method} ${template}`)
    if (schema !== undefined) {
      for (const error of validator.validate(schema, body)) failures.push(`${label}: ${error}`)
    }
    if (status >= 400) {
      const errorSchema = status === 422 ? 'validation-error' : 'basic-error'
      for (const error of validator.validateComponent(errorSchema, body)) failures.push(`${label} (${errorSchema}): ${error}`)
      const b = body as { message?: unknown; documentation_url?: unknown; status?: unknown }
      if (typeof b.message !== 'string' || typeof b.documentation_url !== 'string' || b.status !== String(status)) {
        failures.push(`${label}: error body is not GitHub's {message, documentation_url, status}`)
      }
    }
  }
  expect(sim.errors).toEqual([])
  expect(failures).toEqual([])
})

test('every route was exercised above, with a successful answer', () => {
  const succeeded = new Set(sim.requests.filter((r) => r.status < 300 && r.operation !== null).map((r) => r.operation))
  const missing = ROUTES.filter((r) => r.operation !== 'graphql' && !succeeded.has(r.operation)).map((r) => `${r.method} ${r.path}`)
  expect(missing).toEqual([])
})

test('every route is a real GitHub operation, with its operationId and documentation URL', () => {
  const mismatches: string[] = []
  for (const route of ROUTES) {
    if (route.operation === 'graphql') continue
    const op = validator.operation(route.method, route.path)
    if (op === undefined) mismatches.push(`${route.method} ${route.path}: not in GitHub's description`)
    else {
      if (op.operationId !== route.operation) mismatches.push(`${route.method} ${route.path}: operationId ${op.operationId} vs ${route.operation}`)
      if (op.externalDocs?.url !== route.docs) mismatches.push(`${route.method} ${route.path}: docs ${op.externalDocs?.url} vs ${route.docs}`)
    }
  }
  expect(mismatches).toEqual([])
})

test('the validator itself rejects an answer missing a required property', () => {
  const schema = validator.responseSchema('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', 200)
  const errors = validator.validate(schema, [{ filename: 'a.txt', status: 'added', additions: 1, deletions: 0 }])
  expect(errors.join('\n')).toMatch(/must have required property 'changes'/)
  expect(validator.validate(schema, [{ filename: 'a.txt', status: 'moved', additions: 1, deletions: 0, changes: 1 }]).join('\n')).toMatch(/allowed values/)
})
