import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CORPUS_MIGRATIONS_DIR } from '../test/corpus'
import { validateMigrations } from './validate-migrations'

const roots: string[] = []
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })))

/** A repository whose base branch holds the corpus (plus extra base files); returns a writer for the head. */
function repository(extraBase: Record<string, string> = {}): { root: string; add: (name: string, sql: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'validate-migrations-'))
  roots.push(root)
  const run = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' })
  run('init', '-q', '-b', 'main')
  run('config', 'user.email', 'test@example.com')
  run('config', 'user.name', 'test')
  const folder = join(root, 'supabase', 'migrations')
  mkdirSync(folder, { recursive: true })
  cpSync(CORPUS_MIGRATIONS_DIR, folder, { recursive: true })
  const add = (name: string, sql: string) => writeFileSync(join(folder, name), sql)
  for (const [name, sql] of Object.entries(extraBase)) add(name, sql)
  run('add', '.')
  run('commit', '-q', '-m', 'base')
  run('branch', 'base')
  return { root, add }
}

test('a new destructive migration on top of a Supabase history: applied, flagged, summarised', async () => {
  const repo = repository()
  repo.add(
    '20240301000000_retire_views.sql',
    "set lock_timeout = '5s';\n-- change-policy: allow ban-drop-column\nalter table public.posts drop column view_count;\ndrop table public.post_views;\n"
  )
  const report = await validateMigrations({ repoDir: repo.root, baseRef: 'base' })
  expect(report.supabase).toBe(true)
  expect(report.applied).toBe(7)
  expect(report.apply).toMatchObject({ engine: 'pglite', failure: undefined, stoodIn: 2 })
  expect(report.apply?.description).toMatch(/^PGlite [\d.]+ \(PostgreSQL [\d.]+\)$/)
  expect(report.newMigrations).toEqual(['supabase/migrations/20240301000000_retire_views.sql'])
  expect(report.destructive).toBe(true)
  expect(report.valid).toBe(false)
  expect(report.findings.map((finding) => [finding.rule, finding.line, finding.column, finding.blocking])).toEqual([['ban-drop-table', 4, 1, true]])
  expect(report.silenced.map((finding) => [finding.rule, finding.line])).toEqual([['ban-drop-column', 3]])
  const newFile = report.files.find((file) => file.status === 'new')
  expect(newFile?.schemaChanges.map((change) => `${change.action} ${change.kind} ${change.name}`)).toEqual(['alter table public.posts', 'drop table public.post_views'])
  expect(report.files.filter((file) => file.status === 'unchanged').every((file) => file.schemaChanges.length === 0)).toBe(true)
})

test('a new migration that fails to apply is reported at the failing statement with its SQLSTATE', async () => {
  const repo = repository()
  repo.add('20240301000000_comments.sql', 'create table public.comments (id uuid primary key);\nalter table public.comments enable row level security;\n\ncreate index on public.coments (id);\n')
  const report = await validateMigrations({ repoDir: repo.root, baseRef: 'base' })
  expect(report.valid).toBe(false)
  expect(report.applied).toBe(6)
  expect(report.findings.find((finding) => finding.rule === 'apply-failed')).toMatchObject({
    file: 'supabase/migrations/20240301000000_comments.sql',
    line: 4,
    column: 1,
    sqlstate: '42P01',
    blocking: true,
    message: expect.stringContaining('relation "public.coments" does not exist')
  })
})

test('findings on migrations already on the base branch are reported but never block', async () => {
  const repo = repository({ '20240107000000_legacy_dump.sql': 'grant all on all tables in schema public to anon;\ncreate index posts_created_idx on public.posts (created_at);\n' })
  repo.add('20240301000000_harmless.sql', 'create schema if not exists reporting;\n')
  const report = await validateMigrations({ repoDir: repo.root, baseRef: 'base', apply: false, failOn: 'warning' })
  expect(report.findings.map((finding) => [finding.rule, finding.blocking])).toEqual([
    ['ban-grant-to-anon-or-public', false],
    ['require-concurrent-index-creation', false],
    ['require-lock-timeout', false],
    ['require-statement-timeout', false]
  ])
  expect(report.valid).toBe(true)
  expect(report.destructive).toBe(false)
  expect(report.apply).toBeUndefined()
})

test('history problems block: an edited base migration and an out-of-order new one', async () => {
  const repo = repository()
  repo.add('20240102000000_profiles.sql', 'create table public.profiles (id uuid primary key);\nalter table public.profiles enable row level security;\n')
  repo.add('20240103500000_sneaky.sql', 'select 1;\n')
  const report = await validateMigrations({ repoDir: repo.root, baseRef: 'base', apply: false })
  expect(report.editedMigrations).toEqual(['supabase/migrations/20240102000000_profiles.sql'])
  expect(report.findings.filter((finding) => finding.blocking).map((finding) => finding.rule).sort()).toEqual(['edited-migration', 'out-of-order'])
  expect(report.valid).toBe(false)
})

test('a file that does not parse stops the history but is reported once, as a syntax error', async () => {
  const repo = repository()
  repo.add('20240301000000_broken.sql', 'create tabel public.broken (id bigint);\n')
  const report = await validateMigrations({ repoDir: repo.root, baseRef: 'base' })
  expect(report.valid).toBe(false)
  expect(report.applied).toBe(6)
  expect(report.apply?.failure).toMatchObject({ file: 'supabase/migrations/20240301000000_broken.sql', statementIndex: -1 })
  expect(report.findings.map((finding) => [finding.rule, finding.line, finding.column])).toEqual([['syntax-error', 1, 8]])
})

test('row level security is judged on the database after the change: enabling it in a later new migration is fine', async () => {
  const repo = repository()
  repo.add('20240301000000_notes.sql', 'create table public.notes (id bigint generated always as identity primary key);\n')
  repo.add('20240302000000_notes_rls.sql', 'alter table public.notes enable row level security;\n')
  const report = await validateMigrations({ repoDir: repo.root, baseRef: 'base' })
  expect(report.apply?.failure).toBeUndefined()
  expect(report.findings.filter((finding) => finding.rule === 'require-rls-on-exposed-table')).toEqual([])
  expect(report.valid).toBe(true)
  const unapplied = await validateMigrations({ repoDir: repo.root, baseRef: 'base', apply: false })
  expect(unapplied.findings.filter((finding) => finding.rule === 'require-rls-on-exposed-table')).toHaveLength(1)
})
