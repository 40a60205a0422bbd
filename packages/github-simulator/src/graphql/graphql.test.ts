import { startSimulator, type Simulator } from '../simulator'
import type { PullRequestRecord } from '../state/records'
import { TOKEN_PROFILES } from '../state/tokens'
import { call } from '../test-support/github-client'

let sim: Simulator
let pr: PullRequestRecord

beforeEach(async () => {
  sim = await startSimulator()
  const repo = sim.state.addRepository('acme/app')
  repo.addIssue({ title: 'Change request 1', body: '## Justification\nWhy' })
  repo.addIssue({ title: 'Change request 2' })
  repo.addIssue({ title: 'Unrelated' })
  pr = repo.openPullRequest({ author: 'alice', body: 'Fixes #1, see #3.' })
  repo.linkIssue(pr.number, 2)
})

afterEach(async () => {
  await sim.close()
})

interface GraphqlAnswer<T = Record<string, unknown>> {
  data?: T
  errors?: { message: string; type?: string; path?: unknown[]; extensions?: Record<string, unknown> }[]
}

async function graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string) {
  return call<GraphqlAnswer<T>>(sim, 'POST', '/graphql', { body: { query, variables }, ...(token === undefined ? {} : { token }) })
}

const ENABLE = `mutation Enable($id: ID!, $method: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $method }) {
    pullRequest { number autoMergeRequest { mergeMethod enabledBy { login } } }
  }
}`

test('enablePullRequestAutoMerge is recorded and sets the pull request auto_merge seen through REST', async () => {
  const answer = await graphql(ENABLE, { id: pr.nodeId, method: 'SQUASH' })
  expect(answer.status).toBe(200)
  expect(answer.body).toEqual({
    data: { enablePullRequestAutoMerge: { pullRequest: { number: pr.number, autoMergeRequest: { mergeMethod: 'SQUASH', enabledBy: { login: 'github-actions[bot]' } } } } }
  })
  expect(sim.graphqlCalls).toHaveLength(1)
  expect(sim.graphqlCalls[0]).toMatchObject({ fields: ['enablePullRequestAutoMerge'], variables: { id: pr.nodeId, method: 'SQUASH' }, operationName: null, errors: [] })
  const rest = await call<{ auto_merge: { merge_method: string; enabled_by: { login: string }; commit_title: string } }>(sim, 'GET', `/repos/acme/app/pulls/${pr.number}`)
  expect(rest.body.auto_merge).toMatchObject({ merge_method: 'squash', enabled_by: { login: 'github-actions[bot]' }, commit_title: `Change ${pr.number} (#${pr.number})` })
  expect(answer.headers.get('x-ratelimit-resource')).toBe('graphql')
})

test('a pull request that could merge now is refused as GitHub does ("is in clean status")', async () => {
  pr.mergeableState = 'clean'
  const answer = await graphql(ENABLE, { id: pr.nodeId, method: 'MERGE' })
  expect(answer.status).toBe(200)
  expect(answer.body.data).toEqual({ enablePullRequestAutoMerge: null })
  expect(answer.body.errors).toEqual([
    expect.objectContaining({ type: 'UNPROCESSABLE', message: 'Pull request Pull request is in clean status', path: ['enablePullRequestAutoMerge'] })
  ])
  expect(pr.autoMerge).toBeNull()
  expect(sim.graphqlCalls[0]?.errors).toHaveLength(1)
})

test('a repository that does not allow auto-merge refuses it', async () => {
  sim.state.repository('acme/app').record.allowAutoMerge = false
  const answer = await graphql(ENABLE, { id: pr.nodeId, method: 'MERGE' })
  expect(answer.body.errors?.[0]?.message).toBe('Pull request Auto merge is not allowed for this repository')
})

test('a read-only token cannot enable auto-merge', async () => {
  sim.state.addToken('ghs_ro', TOKEN_PROFILES.readOnlyGithubToken())
  const answer = await graphql(ENABLE, { id: pr.nodeId, method: 'MERGE' }, 'ghs_ro')
  expect(answer.body.errors?.[0]).toMatchObject({ type: 'FORBIDDEN', message: 'Resource not accessible by integration' })
})

test('closingIssuesReferences lists issues closed by keyword and linked in the sidebar, not mere mentions', async () => {
  const answer = await graphql<{ repository: { pullRequest: { closingIssuesReferences: { totalCount: number; nodes: { number: number; title: string; state: string }[] } } } }>(
    `query($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) {
        pullRequest(number: $number) {
          closingIssuesReferences(first: 10) { totalCount nodes { number title state } }
        }
      }
    }`,
    { owner: 'acme', name: 'app', number: pr.number }
  )
  expect(answer.body.errors).toBeUndefined()
  const refs = answer.body.data?.repository.pullRequest.closingIssuesReferences
  expect(refs?.totalCount).toBe(2)
  expect(refs?.nodes.map((n) => n.number).sort()).toEqual([1, 2])
  expect(refs?.nodes[0]?.state).toBe('OPEN')
})

test('aliases, fragments and pagination cursors work as in GraphQL', async () => {
  const answer = await graphql<Record<string, { pullRequest: { refs: { edges: { cursor: string; node: { number: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } }>>(
    `query { repo: repository(owner: "acme", name: "app") { pullRequest(number: ${pr.number}) { refs: closingIssuesReferences(first: 1) { ...Page } } } }
     fragment Page on IssueConnection { edges { cursor node { ... on Issue { number } } } pageInfo { hasNextPage endCursor } }`
  )
  const page = answer.body.data?.repo?.pullRequest.refs
  expect(page?.edges).toHaveLength(1)
  expect(page?.pageInfo.hasNextPage).toBe(true)
  const next = await graphql<{ repository: { pullRequest: { closingIssuesReferences: { nodes: { number: number }[]; pageInfo: { hasNextPage: boolean } } } } }>(
    `query($after: String) { repository(owner: "acme", name: "app") { pullRequest(number: ${pr.number}) { closingIssuesReferences(first: 1, after: $after) { nodes { number } pageInfo { hasNextPage } } } } }`,
    { after: page?.pageInfo.endCursor }
  )
  expect(next.body.data?.repository.pullRequest.closingIssuesReferences.pageInfo.hasNextPage).toBe(false)
  expect(next.body.data?.repository.pullRequest.closingIssuesReferences.nodes).toHaveLength(1)
})

test('a connection without first or last is an error, as on GitHub', async () => {
  const answer = await graphql(`{ repository(owner: "acme", name: "app") { pullRequest(number: ${pr.number}) { closingIssuesReferences { totalCount } } } }`)
  expect(answer.body.errors?.[0]).toMatchObject({ type: 'MISSING_PAGINATION_BOUNDARIES' })
})

test('a misspelt field fails validation against GitHub\'s schema: errors only, in GitHub\'s words', async () => {
  const answer = await graphql(`{ repository(owner: "acme", name: "app") { pullRequest(number: ${pr.number}) { titel } } }`)
  expect(answer.status).toBe(200)
  expect(answer.body).toEqual({
    errors: [
      {
        path: ['query', 'repository', 'pullRequest', 'titel'],
        extensions: { code: 'undefinedField', typeName: 'PullRequest', fieldName: 'titel' },
        locations: [{ line: 1, column: 69 }],
        message: "Field 'titel' doesn't exist on type 'PullRequest'"
      }
    ]
  })
  expect(sim.graphqlCalls[0]?.fields).toEqual(['repository'])
})

test('an argument of the wrong type fails validation, as GitHub\'s schema types it', async () => {
  const answer = await graphql(`{ repository(owner: "acme", name: "app") { pullRequest(number: "${pr.number}") { title } } }`)
  expect(answer.body.data).toBeUndefined()
  expect(answer.body.errors?.[0]?.message).toMatch(/Int cannot represent non-integer value/)
})

test('a variable of the wrong type fails before execution', async () => {
  const answer = await graphql('query($n: Int!) { repository(owner: "acme", name: "app") { pullRequest(number: $n) { title } } }', { n: 'one' })
  expect(answer.body.data).toBeUndefined()
  expect(answer.body.errors?.[0]?.message).toMatch(/\$n/)
})

test('a field GitHub has but the simulator does not answer is a simulator gap (500, recorded), never a silent null', async () => {
  const answer = await graphql('{ viewer { login } }')
  expect(answer.status).toBe(500)
  expect(sim.errors.map((e) => e.message).join('\n')).toContain('The simulator does not answer Query.viewer')
  sim.errors.length = 0
})

test('a token without the permission a type needs gets null for it and FORBIDDEN, the rest of the answer intact', async () => {
  sim.state.addToken('contents-only', { permissions: { metadata: 'read', contents: 'read' }, login: 'github-actions[bot]' })
  const answer = await graphql(`{ repository(owner: "acme", name: "app") { name pullRequest(number: ${pr.number}) { title } } }`, {}, 'contents-only')
  expect(answer.body.data).toEqual({ repository: { name: 'app', pullRequest: null } })
  expect(answer.body.errors?.[0]).toMatchObject({ type: 'FORBIDDEN', message: 'Resource not accessible by integration', path: ['repository', 'pullRequest'] })
  sim.state.addToken('pulls-only', { permissions: { metadata: 'read', pull_requests: 'read' }, login: 'github-actions[bot]' })
  const issues = await graphql(`{ repository(owner: "acme", name: "app") { pullRequest(number: ${pr.number}) { closingIssuesReferences(first: 5) { totalCount } } } }`, {}, 'pulls-only')
  expect(issues.body.errors?.[0]).toMatchObject({ type: 'FORBIDDEN', path: ['repository', 'pullRequest', 'closingIssuesReferences'] })
})

test('an unknown repository resolves to null with a NOT_FOUND error', async () => {
  const answer = await graphql('{ repository(owner: "acme", name: "nope") { id } }')
  expect(answer.body.data).toEqual({ repository: null })
  expect(answer.body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', message: "Could not resolve to a Repository with the name 'acme/nope'." })
})

test('a syntax error is reported with its position', async () => {
  const answer = await graphql('{ repository(owner: "acme" { id } }')
  expect(answer.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Syntax Error/), locations: [{ line: 1, column: 28 }] })
  expect(answer.body.data).toBeUndefined()
})
