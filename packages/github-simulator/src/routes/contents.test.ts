import { execFileSync } from 'node:child_process'
import { startSimulator, type Simulator } from '../simulator'
import { call } from '../test-support/github-client'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
  sim.state.addRepository({
    fullName: 'acme/app',
    files: { '.github/change-policy.yml': 'version: 1\napprovals:\n  normal: 1\n', 'supabase/migrations/001.sql': 'select 1;\n', 'README.md': '# app\n' }
  })
})

afterEach(async () => {
  await sim.close()
})

interface FileAnswer {
  type: string
  encoding: string
  content: string
  sha: string
  size: number
  path: string
}

test('a file comes base64-encoded in 60-character lines, with its git blob sha', async () => {
  const policy = `version: 1\n# ${'long comment '.repeat(20)}\n`
  sim.state.repository('acme/app').commit({ branch: 'main', files: { '.github/change-policy.yml': policy } })
  const answer = await call<FileAnswer>(sim, 'GET', '/repos/acme/app/contents/.github/change-policy.yml')
  expect(answer.status).toBe(200)
  expect(answer.body.type).toBe('file')
  expect(answer.body.encoding).toBe('base64')
  const lines = answer.body.content.split('\n').filter((l) => l !== '')
  expect(lines.length).toBeGreaterThan(1)
  expect(lines.slice(0, -1).every((l) => l.length === 60)).toBe(true)
  expect(Buffer.from(answer.body.content, 'base64').toString('utf8')).toBe(policy)
  expect(answer.body.size).toBe(Buffer.byteLength(policy))
  const gitSha = execFileSync('git', ['hash-object', '--stdin'], { input: policy }).toString().trim()
  expect(answer.body.sha).toBe(gitSha)
})

test('a missing file is 404 Not Found, an unknown ref is 404 naming the ref', async () => {
  const missing = await call(sim, 'GET', '/repos/acme/app/contents/.github/nope.yml')
  expect(missing.status).toBe(404)
  expect(missing.body).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content', status: '404' })
  const badRef = await call<{ message: string }>(sim, 'GET', '/repos/acme/app/contents/README.md?ref=no-such-branch')
  expect(badRef.status).toBe(404)
  expect(badRef.body.message).toBe('No commit found for the ref no-such-branch')
})

test('the ref selects the snapshot: the base keeps its policy while a pull request edits it', async () => {
  const repo = sim.state.repository('acme/app')
  const pr = repo.openPullRequest({ files: [{ filename: '.github/change-policy.yml', content: 'version: 1\napprovals:\n  normal: 0\n' }] })
  const decode = (a: { body: FileAnswer }): string => Buffer.from(a.body.content, 'base64').toString('utf8')
  const atBase = await call<FileAnswer>(sim, 'GET', '/repos/acme/app/contents/.github/change-policy.yml?ref=main')
  const atHead = await call<FileAnswer>(sim, 'GET', `/repos/acme/app/contents/.github/change-policy.yml?ref=${pr.head.sha}`)
  const atBranch = await call<FileAnswer>(sim, 'GET', `/repos/acme/app/contents/.github/change-policy.yml?ref=${encodeURIComponent(pr.head.ref)}`)
  expect(decode(atBase)).toContain('normal: 1')
  expect(decode(atHead)).toContain('normal: 0')
  expect(decode(atBranch)).toContain('normal: 0')
})

test('a directory lists its entries, files and subdirectories', async () => {
  const root = await call<{ name: string; type: string; path: string }[]>(sim, 'GET', '/repos/acme/app/contents/')
  expect(root.body.map((e) => [e.name, e.type])).toEqual([
    ['.github', 'dir'],
    ['README.md', 'file'],
    ['supabase', 'dir']
  ])
  const dir = await call<{ path: string; type: string }[]>(sim, 'GET', '/repos/acme/app/contents/supabase/migrations')
  expect(dir.body).toEqual([expect.objectContaining({ path: 'supabase/migrations/001.sql', type: 'file' })])
})

test('the raw media type answers the bare text', async () => {
  const raw = await call<string>(sim, 'GET', '/repos/acme/app/contents/README.md', { accept: 'application/vnd.github.raw+json' })
  expect(raw.status).toBe(200)
  expect(raw.body).toBe('# app\n')
  expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8')
})

test('a file over 1 MB comes without content, as GitHub sends it', async () => {
  sim.state.repository('acme/app').commit({ branch: 'main', files: { 'big.txt': 'x'.repeat(1024 * 1024 + 1) } })
  const answer = await call<FileAnswer>(sim, 'GET', '/repos/acme/app/contents/big.txt')
  expect(answer.body.encoding).toBe('none')
  expect(answer.body.content).toBe('')
})
