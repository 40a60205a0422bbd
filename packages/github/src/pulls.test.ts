import { startSimulator, type Simulator } from '@change-policy/github-simulator'
import { createGitHubClient, type GitHubClient } from './client'
import { GitHubAccessError } from './errors'
import { getPullRequest, listPullRequestFiles } from './pulls'

let sim: Simulator
let client: GitHubClient
const repo = { owner: 'acme', repo: 'app' }

beforeEach(async () => {
  sim = await startSimulator()
  sim.state.addRepository({ fullName: 'acme/app' })
  client = createGitHubClient({ token: sim.token, baseUrl: sim.url, retryBaseMs: 10 })
})
afterEach(() => sim.close())

test('every file of a 250-file pull request is read in 3 pages of 100, in order', async () => {
  const files = Array.from({ length: 250 }, (_, i) => `src/f${String(i).padStart(3, '0')}.ts`)
  const number = sim.state.repository('acme/app').openPullRequest({ author: 'alice', files }).number
  const pr = await getPullRequest(client, repo, number)
  const listed = await listPullRequestFiles(client, repo, pr)
  expect(listed.map((f) => f.path)).toEqual(files)
  const pages = sim.requestsTo('pulls/list-files')
  expect(pages.map((r) => r.query['per_page'])).toEqual(['100', '100', '100'])
})

test('more files than GitHub lists is refused before any page is read', async () => {
  const number = sim.state.repository('acme/app').openPullRequest({ author: 'alice', files: ['a.ts'], changedFiles: 3001 }).number
  const pr = await getPullRequest(client, repo, number)
  await expect(listPullRequestFiles(client, repo, pr)).rejects.toThrow(/3001 files/)
  expect(sim.requestsTo('pulls/list-files')).toHaveLength(0)
})

test('a list that does not add up to the pull request count is refused', async () => {
  const number = sim.state.repository('acme/app').openPullRequest({ author: 'alice', files: ['a.ts', 'b.ts'] }).number
  const pr = await getPullRequest(client, repo, number)
  await expect(listPullRequestFiles(client, repo, { ...pr, changedFiles: 3 })).rejects.toThrow(/incomplete/)
})

test('renames carry their previous path', async () => {
  const r = sim.state.repository('acme/app')
  r.commit({ branch: 'main', files: { 'docs/a.md': 'x\n' }, message: 'base', author: 'acme' })
  const number = r.openPullRequest({ author: 'alice', files: [{ filename: 'src/a.md', previous_filename: 'docs/a.md', status: 'renamed' }] }).number
  const listed = await listPullRequestFiles(client, repo, await getPullRequest(client, repo, number))
  expect(listed).toEqual([{ path: 'src/a.md', previousPath: 'docs/a.md', status: 'renamed', changes: 0 }])
})

test('each file keeps its patch, and a binary file comes without one', async () => {
  const number = sim.state.repository('acme/app').openPullRequest({ author: 'alice', files: [{ filename: 'src/a.ts', content: 'one\ntwo\n' }, { filename: 'b.bin', content: 'x\u0000y' }] }).number
  const listed = await listPullRequestFiles(client, repo, await getPullRequest(client, repo, number))
  expect(listed).toEqual([
    { path: 'src/a.ts', status: 'added', patch: '@@ -0,0 +1,2 @@\n+one\n+two', changes: 2 },
    { path: 'b.bin', status: 'added', changes: 1 }
  ])
})

test('a pull request that does not exist is a GitHubAccessError naming it', async () => {
  const error = await getPullRequest(client, repo, 999).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(GitHubAccessError)
  expect((error as GitHubAccessError).message).toMatch(/#999.*HTTP 404/)
})

test('a request that hangs is abandoned after the timeout and fails', async () => {
  const number = sim.state.repository('acme/app').openPullRequest({ author: 'alice', files: ['a.ts'] }).number
  const impatient = createGitHubClient({ token: sim.token, baseUrl: sim.url, requestTimeoutMs: 200, retryBaseMs: 10 })
  sim.inject({ path: /\/pulls\/\d+$/, delayMs: 5000, times: Infinity })
  // Without the timeout the delayed answer would arrive and the read would succeed.
  await expect(getPullRequest(impatient, repo, number)).rejects.toThrow(/timeout|abort/i)
})

test('patches GitHub withheld past its per-page limit are read again in smaller pages, when asked for', async () => {
  const content = Array.from({ length: 250 }, (_, i) => `line ${i}`).join('\n') + '\n'
  const files = Array.from({ length: 200 }, (_, i) => ({ filename: `src/f${String(i).padStart(3, '0')}.ts`, content }))
  const number = sim.state.repository('acme/app').openPullRequest({ author: 'alice', files }).number
  const pr = await getPullRequest(client, repo, number)
  const plain = await listPullRequestFiles(client, repo, pr)
  // 80 files of 251 patch lines make the ~20,000 a page carries; the other 20 of each page come without.
  expect(plain.filter((f) => f.patch === undefined)).toHaveLength(40)
  const before = sim.requestsTo('pulls/list-files').length
  const listed = await listPullRequestFiles(client, repo, pr, { patches: true })
  expect(listed.filter((f) => f.patch === undefined)).toEqual([])
  expect(listed.map((f) => f.path)).toEqual(files.map((f) => f.filename))
  // 2 pages of 100, then the second half of each again as a page of 50.
  expect(sim.requestsTo('pulls/list-files').length - before).toBe(4)
})
