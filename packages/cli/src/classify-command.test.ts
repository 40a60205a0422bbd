import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ScratchRepository } from './scratch-repository.test-support'
import { parseClassifyArguments } from './arguments'
import { runClassifyCommand } from './classify-command'
import { listChangedFiles } from './git'
import { testCredentials } from '@change-policy/credentials/fixtures'

let scratch: ScratchRepository
let repo: string
const git = (...args: string[]) => scratch.git(...args)
const write = (path: string, text: string | Buffer) => scratch.write(path, text)
const commit = (message: string) => scratch.commit(message)

beforeEach(() => {
  scratch = new ScratchRepository('cli-test-')
  repo = scratch.dir
  write('.github/change-policy.yml', 'version: 1\nclassification:\n  standard:\n    paths: ["docs/**"]\ncontrols: []\n')
  write('docs/a.md', 'a\n'.repeat(20))
  commit('base')
  git('checkout', '-q', '-b', 'feature')
})
afterEach(() => scratch.remove())

const run = (extra: string[] = []) => {
  const args = parseClassifyArguments(['--repo', repo, '--base', 'main', '--head', 'feature', ...extra])
  if (args === 'help') throw new Error('unexpected help')
  return runClassifyCommand(args)
}

test('renames are listed with their old path, as GitHub shows them', async () => {
  mkdirSync(join(repo, 'src'))
  git('mv', 'docs/a.md', 'src/a.md')
  commit('move')
  expect(await listChangedFiles(repo, 'main', 'feature')).toEqual([{ path: 'src/a.md', previousPath: 'docs/a.md', status: 'renamed' }])
  const result = await run(['--format', 'json'])
  expect(JSON.parse(result.stdout).changeType).toBe('normal')
})

test('the policy is read from the base ref, not from the branch being judged', async () => {
  write('.github/change-policy.yml', 'version: 1\nclassification:\n  standard:\n    paths: ["**"]\ncontrols: []\n')
  write('src/app.ts', 'x\n')
  commit('relax the policy')
  const result = await run(['--format', 'json'])
  const classification = JSON.parse(result.stdout)
  expect(classification.changeType).toBe('normal')
  expect(classification.controls.map((c: { name: string }) => c.name)).toContain('policy-file')
})

test('a docs-only branch is standard and the summary says so', async () => {
  write('docs/b.md', 'b\n')
  commit('docs')
  const result = await run()
  expect(result.exitCode).toBe(0)
  expect(result.stdout).toMatch(/Standard change/)
})

test('an invalid policy at the base exits 2 with its line', async () => {
  git('checkout', '-q', 'main')
  write('.github/change-policy.yml', 'version: 1\nbogus: true\n')
  commit('break the policy')
  git('checkout', '-q', 'feature')
  const result = await run()
  expect(result.exitCode).toBe(2)
  expect(result.stderr).toMatch(/change-policy\.yml:2:1/)
})

test('an unknown ref exits 2 and names it', async () => {
  const args = parseClassifyArguments(['--repo', repo, '--base', 'nope', '--head', 'feature'])
  if (args === 'help') throw new Error('unexpected help')
  const result = await runClassifyCommand(args)
  expect(result.exitCode).toBe(2)
  expect(result.stderr).toMatch(/--base nope/)
})

test('bad arguments are usage errors', () => {
  expect(() => parseClassifyArguments(['--base', 'main'])).toThrow(/--head/)
  expect(() => parseClassifyArguments(['--base', 'a', '--head', 'b', '--format', 'xml'])).toThrow('--format must be text, markdown, json, not xml.')
})

describe('credentials in the local range', () => {
  const keys = testCredentials('cli')

  test('a key added on the branch is reported on its line without the secret, and the command fails', async () => {
    write('src/config.ts', `export const region = 'eu'\nexport const token = '${keys.githubToken}'\n`)
    commit('config')
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(/^error: src\/config\.ts:2:\d+: A credential in the lines this pull request adds: GitHub token/m)
    // Text for a terminal by default: the section's heading and its row, without Markdown.
    expect(result.stdout).toContain('\nCredential scan\n')
    expect(result.stdout).toMatch(/src\/config\.ts {2}2 +GitHub token .* github +[0-9a-f]{12} +no/)
    expect(result.stdout + result.stderr).not.toContain(keys.githubToken)
  })

  test('a key already on the base is not the branch\'s finding; a binary file is listed as not scanned', async () => {
    git('checkout', '-q', 'main')
    write('src/legacy.ts', `export const token = '${keys.githubToken}'\n`)
    commit('legacy')
    git('checkout', '-q', 'feature')
    git('merge', '-q', 'main')
    write('src/legacy.ts', `export const token = '${keys.githubToken}'\nexport const x = 1\n`)
    write('assets/blob.dat', Buffer.from([1, 0, 2]))
    commit('edit')
    const result = await run(['--format', 'json'])
    expect(result.exitCode).toBe(0)
    const classification = JSON.parse(result.stdout)
    expect(classification.credentials).toMatchObject({ findings: [], notScanned: [{ path: 'assets/blob.dat', reason: 'binary content' }], scanned: 1 })
  })
})
