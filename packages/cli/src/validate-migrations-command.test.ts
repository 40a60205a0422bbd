import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { UsageError } from './arguments'
import { ScratchRepository } from './scratch-repository.test-support'
import { parseValidateMigrationsArguments } from './validate-migrations-arguments'
import { runValidateMigrationsCommand } from './validate-migrations-command'

const BUNDLE = fileURLToPath(new URL('../../../dist/cli/index.js', import.meta.url))
const MIGRATIONS = 'supabase/migrations'

let scratch: ScratchRepository
let repo: string
const git = (...args: string[]) => scratch.git(...args)
const write = (path: string, text: string | Buffer) => scratch.write(path, text)
const commit = (message: string) => scratch.commit(message)

beforeEach(() => {
  scratch = new ScratchRepository('cli-migrations-')
  repo = scratch.dir
  write('.github/change-policy.yml', 'version: 1\nmigrations:\n  rules:\n    require-concurrent-index-creation: error\n')
  write(`${MIGRATIONS}/20240101000000_profiles.sql`, "set lock_timeout = '5s';\ncreate table public.profiles (id uuid primary key references auth.users (id));\nalter table public.profiles enable row level security;\n")
  commit('base')
  git('checkout', '-q', '-b', 'feature')
})
afterEach(() => scratch.remove())

const run = (extra: string[] = []) => {
  const args = parseValidateMigrationsArguments(['--repo', repo, '--base', 'main', ...extra])
  if (args === 'help') throw new Error('unexpected help')
  return runValidateMigrationsCommand(args)
}

test('a clean new migration, uncommitted in the working tree, is valid and the summary is printed', async () => {
  write(`${MIGRATIONS}/20240201000000_bio.sql`, "set lock_timeout = '5s';\nalter table public.profiles add column if not exists bio text;\n")
  const result = await run()
  expect(result.stderr).toBe('')
  expect(result.exitCode).toBe(0)
  // Text for a terminal by default: the summary's content without its Markdown.
  expect(result.stdout).toContain('Migrations: valid\n=================')
  expect(result.stdout).toContain('Applied 2 of 2 migration files')
  expect(result.stdout).toContain('alters table public.profiles: add column bio')
  expect(result.stdout).toContain(`${MIGRATIONS}/20240201000000_bio.sql (new, applied)`)
  expect(result.stdout).not.toMatch(/[`#*]|\\_/)
  expect(result.stdout).not.toContain('\u001b[')
})

test('an invalid migration exits 1 and lists its findings as file:line:column on stderr, with the base policy\'s severities', async () => {
  // The working tree's policy would turn the rule off; the base branch's makes it an error.
  write('.github/change-policy.yml', 'version: 1\nmigrations:\n  rules:\n    require-concurrent-index-creation: off\n')
  write(`${MIGRATIONS}/20240201000000_index.sql`, 'create index if not exists profiles_id_idx on public.profiles (id);\n')
  const result = await run()
  expect(result.exitCode).toBe(1)
  expect(result.stdout).toContain('Migrations: invalid (1 problem)')
  expect(result.stderr).toContain(`${MIGRATIONS}/20240201000000_index.sql:1:47: error [require-concurrent-index-creation] Index profiles_id_idx on public.profiles is built without CONCURRENTLY`)
})

test('markdown output is the job summary exactly as the action writes it', async () => {
  write(`${MIGRATIONS}/20240201000000_index.sql`, 'create index if not exists profiles_id_idx on public.profiles (id);\n')
  const result = await run(['--format', 'markdown'])
  expect(result.stdout).toContain('## Migrations: invalid (1 problem)')
  expect(result.stdout).toContain(`#### \`${MIGRATIONS}/20240201000000_index.sql\``)
  expect(result.stdout).toContain('| line | rule | finding and fix |')
})

test('json output is the whole report', async () => {
  write(`${MIGRATIONS}/20240201000000_empty.sql`, '')
  const result = await run(['--format', 'json', '--fail-on', 'warning'])
  expect(result.exitCode).toBe(1)
  const report = JSON.parse(result.stdout) as { valid: boolean; applied: number; newMigrations: string[]; findings: Array<{ rule: string }> }
  expect(report).toMatchObject({ valid: false, applied: 2, newMigrations: [`${MIGRATIONS}/20240201000000_empty.sql`] })
  expect(report.findings.map((finding) => finding.rule)).toEqual(['empty-migration'])
})

test('an unknown rule in the base branch\'s policy exits 2 with its line', async () => {
  git('checkout', '-q', 'main')
  write('.github/change-policy.yml', 'version: 1\nmigrations:\n  rules:\n    ban-drop-colum: off\n')
  commit('typo')
  const result = await run()
  expect(result.exitCode).toBe(2)
  expect(result.stderr).toContain('error: .github/change-policy.yml:4:5: `migrations.rules`: `ban-drop-colum` is not a known migration rule.')
})

test('bad usage: a missing --base, an unknown --fail-on, a --base that is not a commit', async () => {
  expect(() => parseValidateMigrationsArguments([])).toThrow(UsageError)
  expect(() => parseValidateMigrationsArguments(['--base', 'main', '--fail-on', 'warnings'])).toThrow('--fail-on must be error, warning, not warnings.')
  expect(parseValidateMigrationsArguments(['--help'])).toBe('help')
  const result = await run(['--base', 'nope'])
  expect(result).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('--base nope is not a commit') })
})

test('the bundled command exits 0 when valid, 1 when invalid, 2 on bad usage', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [BUNDLE, ...args], { cwd: repo, encoding: 'utf8' })
  write(`${MIGRATIONS}/20240201000000_bio.sql`, "set lock_timeout = '5s';\nalter table public.profiles add column if not exists bio text;\n")
  expect(cli('validate-migrations', '--base', 'main').status).toBe(0)
  write(`${MIGRATIONS}/20240201000000_bio.sql`, 'drop table public.profiles;\n')
  const invalid = cli('validate-migrations', '--base', 'main')
  expect(invalid.status).toBe(1)
  expect(invalid.stdout).toContain('This change can lose data.')
  expect(cli('validate-migrations').status).toBe(2)
  expect(cli('classify', '--base', 'main', '--head', 'feature').status).toBe(0)
})
