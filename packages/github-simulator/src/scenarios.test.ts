import { readFile } from 'node:fs/promises'
import { mergeGroupScenario, prepareRepository, pullRequestReviewScenario, pullRequestScenario, pushScenario, scheduleScenario, workflowDispatchScenario } from './scenarios'
import { startSimulator, type Simulator } from './simulator'
import { call } from './test-support/github-client'
import { webhookExample } from './webhook-examples'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

async function eventOf(path: string): Promise<Json> {
  return JSON.parse(await readFile(path, 'utf8')) as Json
}

const POLICY = 'version: 1\nclassification:\n  standard:\n    paths: ["docs/**"]\n'

test('a pull_request_target opened event starts from the real payload and agrees with the API', async () => {
  const sc = await pullRequestScenario(sim, {
    event: 'pull_request_target',
    action: 'opened',
    author: 'alice',
    title: 'Add docs',
    body: 'Closes #1',
    labels: ['documentation'],
    headBranch: 'docs/guide',
    files: ['docs/guide.md', { filename: 'supabase/migrations/002.sql', content: 'select 2;\n' }],
    policy: POLICY
  })
  const event = await eventOf(sc.eventPath)
  expect(sc.eventName).toBe('pull_request_target')
  expect(event.action).toBe('opened')
  expect(event.number).toBe(sc.pr.number)
  expect(event.pull_request.head).toMatchObject({ ref: 'docs/guide', sha: sc.headSha })
  expect(event.pull_request.base).toMatchObject({ ref: 'main', sha: sc.baseSha })
  expect(event.pull_request.user.login).toBe('alice')
  expect(event.pull_request.labels.map((l: Json) => l.name)).toEqual(['documentation'])
  expect(event.repository.full_name).toBe('acme/app')
  expect(event.sender.login).toBe('alice')
  // Fields the scenario does not model keep the values of GitHub's own example.
  const example = webhookExample('pull_request', 'opened')
  expect(Object.keys(event.pull_request)).toEqual(expect.arrayContaining(Object.keys(example.pull_request as object)))
  expect(event.installation).toBeUndefined()

  const api = await call<Json>(sim, 'GET', `/repos/acme/app/pulls/${sc.pr.number}`)
  expect(api.body.head.sha).toBe(event.pull_request.head.sha)
  expect(api.body.title).toBe(event.pull_request.title)
  const files = await call<Json[]>(sim, 'GET', `/repos/acme/app/pulls/${sc.pr.number}/files`)
  expect(files.body.map((f) => f.filename)).toEqual(['docs/guide.md', 'supabase/migrations/002.sql'])

  const policy = await call<Json>(sim, 'GET', `/repos/acme/app/contents/.github/change-policy.yml?ref=${event.pull_request.base.ref}`)
  expect(Buffer.from(policy.body.content, 'base64').toString('utf8')).toBe(POLICY)

  expect(sc.env).toMatchObject({
    GITHUB_EVENT_NAME: 'pull_request_target',
    GITHUB_EVENT_PATH: sc.eventPath,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: sim.state.repository('acme/app').branch('main'),
    GITHUB_HEAD_REF: 'docs/guide',
    GITHUB_BASE_REF: 'main',
    GITHUB_API_URL: sim.url,
    GITHUB_GRAPHQL_URL: `${sim.url}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_ACTOR: 'alice'
  })
  expect(sc.env.GITHUB_RUN_ID).toMatch(/^\d+$/)
})

test('a pull_request event runs on the test merge commit behind refs/pull/N/merge', async () => {
  const sc = await pullRequestScenario(sim, { event: 'pull_request', files: ['src/a.ts'] })
  expect(sc.ref).toBe(`refs/pull/${sc.pr.number}/merge`)
  const merge = await call<Json>(sim, 'GET', `/repos/acme/app/commits/${sc.sha}`)
  expect(merge.body.parents.map((p: Json) => p.sha)).toEqual([sc.baseSha, sc.headSha])
  const pr = await call<Json>(sim, 'GET', `/repos/acme/app/pulls/${sc.pr.number}`)
  expect(pr.body.merge_commit_sha).toBe(sc.sha)
})

test('a labeled event names the label and who added it, and the issue events agree', async () => {
  const sc = await pullRequestScenario(sim, { action: 'labeled', author: 'alice', labels: ['bug'], label: 'emergency', sender: 'oncall-bob' })
  const event = await eventOf(sc.eventPath)
  expect(event.label.name).toBe('emergency')
  expect(event.sender.login).toBe('oncall-bob')
  expect(event.pull_request.labels.map((l: Json) => l.name)).toEqual(['bug', 'emergency'])
  const events = await call<Json[]>(sim, 'GET', `/repos/acme/app/issues/${sc.pr.number}/events`)
  expect(events.body.filter((e) => e.event === 'labeled').map((e) => [e.label.name, e.actor.login])).toEqual([
    ['bug', 'alice'],
    ['emergency', 'oncall-bob']
  ])
})

test('a synchronize event carries before and after, and reusing a pull request keeps its reviews', async () => {
  const opened = await pullRequestScenario(sim, { files: ['src/a.ts'] })
  sim.state.repository('acme/app').addReview(opened.pr.number, { user: 'bob' })
  const sc = await pullRequestScenario(sim, { number: opened.pr.number, action: 'synchronize', pushFiles: ['src/b.ts'] })
  const event = await eventOf(sc.eventPath)
  expect(event.before).toBe(opened.headSha)
  expect(event.after).toBe(sc.headSha)
  expect(event.after).not.toBe(event.before)
  const reviews = await call<Json[]>(sim, 'GET', `/repos/acme/app/pulls/${sc.pr.number}/reviews`)
  expect(reviews.body.map((r) => [r.user.login, r.commit_id])).toEqual([['bob', opened.headSha]])
  const files = await call<Json[]>(sim, 'GET', `/repos/acme/app/pulls/${sc.pr.number}/files`)
  expect(files.body.map((f) => f.filename)).toEqual(['src/a.ts', 'src/b.ts'])
})

test('a pull_request_review event spells the state in lower case, as webhooks do', async () => {
  const sc = await pullRequestReviewScenario(sim, { author: 'alice', review: { user: 'bob', state: 'APPROVED', body: 'LGTM' } })
  const event = await eventOf(sc.eventPath)
  expect(sc.eventName).toBe('pull_request_review')
  expect(event.action).toBe('submitted')
  expect(event.review).toMatchObject({ state: 'approved', commit_id: sc.headSha, user: { login: 'bob' } })
  const reviews = await call<Json[]>(sim, 'GET', `/repos/acme/app/pulls/${sc.pr.number}/reviews`)
  expect(reviews.body[0]?.state).toBe('APPROVED')
})

test('a pull_request_review dismissed event dismisses the review, done by the sender', async () => {
  const opened = await pullRequestScenario(sim, { files: ['src/a.ts'] })
  const approval = sim.state.repository('acme/app').addReview(opened.pr.number, { user: 'bob' })
  const sc = await pullRequestReviewScenario(sim, { number: opened.pr.number, reviewAction: 'dismissed', sender: 'carol', review: { user: 'bob', id: approval.id } })
  const event = await eventOf(sc.eventPath)
  expect(event.action).toBe('dismissed')
  expect(event.sender.login).toBe('carol')
  expect(event.review).toMatchObject({ id: approval.id, state: 'dismissed' })
  const reviews = await call<Json[]>(sim, 'GET', `/repos/acme/app/pulls/${sc.pr.number}/reviews`)
  expect(reviews.body.map((r) => r.state)).toEqual(['DISMISSED'])
})

test('a pull_request_review edited event keeps the review and carries the change', async () => {
  const sc = await pullRequestReviewScenario(sim, { reviewAction: 'edited', review: { user: 'bob', body: 'Now with words' } })
  const event = await eventOf(sc.eventPath)
  expect(event.action).toBe('edited')
  expect(event.changes).toEqual({ body: { from: '' } })
  expect(event.review).toMatchObject({ state: 'approved', body: 'Now with words' })
})

test('merging the base branch in can carry files of its own, as a hand-resolved conflict does', async () => {
  const opened = await pullRequestScenario(sim, { files: ['src/a.ts'] })
  const repo = sim.state.repository('acme/app')
  repo.commit({ branch: 'main', files: { 'src/base.ts': 'from main\n' } })
  const merge = repo.mergeBaseIntoPullRequest(opened.pr.number, { committer: 'web-flow', extraFiles: { 'src/a.ts': 'resolved by hand\n' } })
  expect(merge.parents).toEqual([opened.headSha, repo.branch('main')])
  expect(merge.committer.login).toBe('web-flow')
  const commit = await call<Json>(sim, 'GET', `/repos/acme/app/commits/${merge.sha}`)
  expect(commit.body.files.map((f: Json) => f.filename)).toEqual(['src/a.ts', 'src/base.ts'])
})

test('a synchronize event can be "Update branch": a merge of the base branch by the sender', async () => {
  const opened = await pullRequestScenario(sim, { files: ['src/a.ts'] })
  sim.state.repository('acme/app').commit({ branch: 'main', files: { 'src/base.ts': 'main\n' } })
  const sc = await pullRequestScenario(sim, { number: opened.pr.number, action: 'synchronize', mergeBase: true, sender: 'bob' })
  const merge = sc.repo.getCommit(sc.headSha)
  expect(merge.parents).toEqual([opened.headSha, sc.repo.branch('main')])
  expect([merge.author.login, merge.committer.login]).toEqual(['bob', 'web-flow'])
  const commits = await call<Json[]>(sim, 'GET', `/repos/acme/app/pulls/${sc.pr.number}/commits`)
  expect(commits.body.map((c) => c.sha)).toEqual([opened.headSha, sc.headSha])
})

test('collaborators can be listed by the least permission they hold', async () => {
  prepareRepository(sim, { collaborators: { bob: 'write', carol: 'maintain', erin: 'read', tom: 'triage' } })
  const writers = await call<Json[]>(sim, 'GET', '/repos/acme/app/collaborators?permission=push')
  expect(writers.body.map((u) => [u.login, u.role_name, u.permissions.push])).toEqual([['bob', 'write', true], ['carol', 'maintain', true]])
  const everyone = await call<Json[]>(sim, 'GET', '/repos/acme/app/collaborators')
  expect(everyone.body).toHaveLength(4)
})

test('a push that merges a pull request is associated with it', async () => {
  const opened = await pullRequestScenario(sim, { files: ['src/a.ts'] })
  const sc = await pushScenario(sim, { mergePullRequest: opened.pr.number, author: 'bob' })
  const event = await eventOf(sc.eventPath)
  expect(event.ref).toBe('refs/heads/main')
  expect(event.after).toBe(sc.sha)
  expect(event.head_commit.id).toBe(sc.sha)
  expect(typeof event.repository.pushed_at).toBe('number')
  const pulls = await call<Json[]>(sim, 'GET', `/repos/acme/app/commits/${sc.sha}/pulls`)
  expect(pulls.body.map((p) => [p.number, p.merged_at !== null])).toEqual([[opened.pr.number, true]])
})

test('a direct push has no associated pull request', async () => {
  const sc = await pushScenario(sim, { files: { 'src/hotfix.ts': 'fix\n' }, author: 'mallory' })
  const event = await eventOf(sc.eventPath)
  expect(event.commits.map((c: Json) => c.added)).toEqual([['src/hotfix.ts']])
  const pulls = await call<Json[]>(sim, 'GET', `/repos/acme/app/commits/${sc.sha}/pulls`)
  expect(pulls.body).toEqual([])
})

test('merge_group, workflow_dispatch and schedule scenarios set the runner environment of their event', async () => {
  const opened = await pullRequestScenario(sim, {})
  const group = await mergeGroupScenario(sim, { pullRequest: opened.pr.number })
  expect((await eventOf(group.eventPath)).merge_group.head_sha).toBe(group.sha)
  expect(group.env.GITHUB_REF).toMatch(/^refs\/heads\/gh-readonly-queue\/main\/pr-\d+-[0-9a-f]{40}$/)
  const dispatch = await workflowDispatchScenario(sim, { inputs: { mode: 'sweep' }, actor: 'carol' })
  expect((await eventOf(dispatch.eventPath)).inputs).toEqual({ mode: 'sweep' })
  expect(dispatch.env.GITHUB_ACTOR).toBe('carol')
  const schedule = await scheduleScenario(sim, { cron: '0 * * * *' })
  expect(await eventOf(schedule.eventPath)).toEqual({ schedule: '0 * * * *', workflow: '.github/workflows/change-policy.yml' })
  expect(schedule.env.GITHUB_HEAD_REF).toBe('')
})

test('closing the simulator removes the event files its scenarios wrote', async () => {
  const own = await startSimulator()
  const sc = await pullRequestScenario(own, {})
  await expect(readFile(sc.eventPath, 'utf8')).resolves.toContain('"action": "opened"')
  await own.close()
  await expect(readFile(sc.eventPath, 'utf8')).rejects.toThrow(/ENOENT/)
})
