import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readMigrationHistory } from './read-migration-history'

// Each test builds a real repository: a base commit with a history, then working-tree changes.
const roots: string[] = []
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })))

function repoWith(files: Record<string, string>): { root: string; write: (name: string, sql: string) => void; remove: (name: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'migration-history-'))
  roots.push(root)
  const run = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' })
  run('init', '-q', '-b', 'main')
  run('config', 'user.email', 'test@example.com')
  run('config', 'user.name', 'test')
  mkdirSync(join(root, 'supabase', 'migrations'), { recursive: true })
  const write = (name: string, sql: string) => writeFileSync(join(root, 'supabase', 'migrations', name), sql)
  for (const [name, sql] of Object.entries(files)) write(name, sql)
  writeFileSync(join(root, 'README.md'), 'app\n')
  run('add', '.')
  run('commit', '-q', '-m', 'base')
  run('branch', 'base')
  return { root, write, remove: (name) => unlinkSync(join(root, 'supabase', 'migrations', name)) }
}

const base = {
  '20240101000000_init.sql': 'create table a (id int);\n',
  '20240201000000_more.sql': 'create table b (id int);\n'
}

test('files are told apart as new, edited and unchanged, in version order', async () => {
  const repo = repoWith(base)
  repo.write('20240301000000_next.sql', 'create table c (id int);\n')
  repo.write('20240101000000_init.sql', 'create table a (id bigint);\n')
  const history = await readMigrationHistory({ repoDir: repo.root, path: 'supabase/migrations', baseRef: 'base' })
  expect(history.files.map((file) => [file.name, file.status])).toEqual([
    ['20240101000000_init.sql', 'edited'],
    ['20240201000000_more.sql', 'unchanged'],
    ['20240301000000_next.sql', 'new']
  ])
  expect(history.baseCommit).toMatch(/^[0-9a-f]{40}$/)
})

test('editing a migration already on the base branch is an error on that file', async () => {
  const repo = repoWith(base)
  repo.write('20240101000000_init.sql', 'create table a (id bigint);\n')
  const { findings } = await readMigrationHistory({ repoDir: repo.root, path: 'supabase/migrations', baseRef: 'base' })
  expect(findings.map((finding) => [finding.rule, finding.file, finding.severity])).toEqual([['edited-migration', 'supabase/migrations/20240101000000_init.sql', 'error']])
})

test('a new migration that sorts before the latest base migration is out of order', async () => {
  const repo = repoWith(base)
  repo.write('20240115000000_late.sql', 'create table c (id int);\n')
  const { findings } = await readMigrationHistory({ repoDir: repo.root, path: 'supabase/migrations', baseRef: 'base' })
  expect(findings.map((finding) => finding.rule)).toEqual(['out-of-order'])
  expect(findings[0]?.message).toContain('20240201000000')
})

test('two files with one version are a duplicate', async () => {
  const repo = repoWith(base)
  repo.write('20240301000000_one.sql', 'select 1;\n')
  repo.write('20240301000000_two.sql', 'select 2;\n')
  const { findings } = await readMigrationHistory({ repoDir: repo.root, path: 'supabase/migrations', baseRef: 'base' })
  expect(findings.map((finding) => [finding.rule, finding.file])).toEqual([['duplicate-version', 'supabase/migrations/20240301000000_two.sql']])
})

test('deleting a migration that is on the base branch is an error', async () => {
  const repo = repoWith(base)
  repo.remove('20240201000000_more.sql')
  const { findings, deleted } = await readMigrationHistory({ repoDir: repo.root, path: 'supabase/migrations', baseRef: 'base' })
  expect(deleted).toEqual(['supabase/migrations/20240201000000_more.sql'])
  expect(findings.map((finding) => finding.rule)).toEqual(['deleted-migration'])
})

test('a file name without a 14-digit version is reported, and a caller pattern can allow it', async () => {
  const repo = repoWith(base)
  repo.write('0005_profiles.sql', 'select 1;\n')
  const strict = await readMigrationHistory({ repoDir: repo.root, path: 'supabase/migrations', baseRef: 'base' })
  expect(strict.findings.map((finding) => finding.rule)).toEqual(['migration-file-name'])
  const loose = await readMigrationHistory({ repoDir: repo.root, path: 'supabase/migrations', fileNamePattern: /^(\d+)_.+\.sql$/ })
  expect(loose.findings).toEqual([])
  expect(loose.files.map((file) => file.version)).toEqual(['0005', '20240101000000', '20240201000000'])
})

test('a base ref missing from the checkout says how to fetch it', async () => {
  const repo = repoWith(base)
  await expect(readMigrationHistory({ repoDir: repo.root, path: 'supabase/migrations', baseRef: 'origin/main' })).rejects.toMatchObject({
    message: expect.stringContaining('origin/main'),
    fix: expect.stringContaining('fetch-depth: 0')
  })
})

test('a history folder that does not exist on the base makes every file new', async () => {
  const repo = repoWith({})
  repo.write('20240101000000_init.sql', 'select 1;\n')
  const history = await readMigrationHistory({ repoDir: repo.root, path: 'supabase/migrations', baseRef: 'base' })
  expect(history.files.map((file) => file.status)).toEqual(['new'])
  expect(history.findings).toEqual([])
})
