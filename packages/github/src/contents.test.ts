import { startSimulator, type Simulator } from '@change-policy/github-simulator'
import { createGitHubClient, type GitHubClient } from './client'
import { readFileAtRef, readFileBytesAtRef } from './contents'

let sim: Simulator
let client: GitHubClient
const repo = { owner: 'acme', repo: 'app' }

beforeEach(async () => {
  sim = await startSimulator()
  sim.state.addRepository({ fullName: 'acme/app' })
  client = createGitHubClient({ token: sim.token, baseUrl: sim.url, retryBaseMs: 10 })
})
afterEach(() => sim.close())

test('a file is read at the ref asked for, not at the head of another branch', async () => {
  const r = sim.state.repository('acme/app')
  r.commit({ branch: 'main', files: { 'p.yml': 'version: 1\n' }, message: 'base', author: 'acme' })
  r.createBranch('feature')
  r.commit({ branch: 'feature', files: { 'p.yml': 'version: 2\n' }, message: 'head', author: 'acme' })
  expect((await readFileAtRef(client, repo, 'p.yml', 'main'))?.text).toBe('version: 1\n')
  expect((await readFileAtRef(client, repo, 'p.yml', 'feature'))?.text).toBe('version: 2\n')
})

test('a file that does not exist is null, not an error', async () => {
  sim.state.repository('acme/app').commit({ branch: 'main', files: { 'x': '1' }, message: 'base', author: 'acme' })
  expect(await readFileAtRef(client, repo, '.github/change-policy.yml', 'main')).toBeNull()
})

test('a directory is refused with a fix', async () => {
  sim.state.repository('acme/app').commit({ branch: 'main', files: { '.github/change-policy.yml/x': '1' }, message: 'base', author: 'acme' })
  await expect(readFileAtRef(client, repo, '.github/change-policy.yml', 'main')).rejects.toThrow(/not a file/)
})

test('any other failure to read is an error, never a default', async () => {
  sim.state.repository('acme/app').commit({ branch: 'main', files: { 'p.yml': 'version: 1\n' }, message: 'base', author: 'acme' })
  sim.inject({ path: /\/contents\//, status: 500, times: Infinity })
  await expect(readFileAtRef(client, repo, 'p.yml', 'main')).rejects.toThrow(/HTTP 500/)
})

describe('readFileBytesAtRef', () => {
  test('tells text, binary, too large and missing apart', async () => {
    sim.state.repository('acme/app').commit({ branch: 'main', files: { 'a.ts': 'const a = 1\n', 'b.bin': 'x\u0000y', 'big.sql': 'x'.repeat(1024 * 1024 + 1) }, message: 'base', author: 'acme' })
    expect(await readFileBytesAtRef(client, repo, 'a.ts', 'main')).toEqual({ kind: 'text', text: 'const a = 1\n', size: 12 })
    expect(await readFileBytesAtRef(client, repo, 'b.bin', 'main')).toEqual({ kind: 'binary', size: 3 })
    expect(await readFileBytesAtRef(client, repo, 'big.sql', 'main')).toEqual({ kind: 'too-large', size: 1024 * 1024 + 1 })
    expect(await readFileBytesAtRef(client, repo, 'none.ts', 'main')).toEqual({ kind: 'missing' })
  })
})
