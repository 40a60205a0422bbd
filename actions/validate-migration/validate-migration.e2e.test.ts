// The bundled dist/validate-migration/index.js, run as the Actions runner runs it on a
// pull_request: the workspace is a real git repository these tests build (a base branch
// with a history of several commits, a head branch with new migrations, and the test merge
// commit checked out, as actions/checkout does with fetch-depth 0). The simulator only
// serves the policy file from the base branch through the API, as GitHub would. The history
// is applied to the embedded PostgreSQL and, when TEST_DATABASE_URL is set, once more to a
// real PostgreSQL server.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { prepareRepository, runAction, runnerEnv, startSimulator, webhookExample, type ActionRun, type Annotation, type Simulator } from '@change-policy/github-simulator'
import { testCredentials } from '@change-policy/credentials/fixtures'

const ACTION = 'actions/validate-migration/action.yml'
const CORPUS = fileURLToPath(new URL('../../packages/migrations/test/corpus/supabase/migrations', import.meta.url))
const MIGRATIONS = 'supabase/migrations'
const PR_NUMBER = 7

const POLICY = `version: 1
controls:
  - name: database
    paths: ["supabase/migrations/**"]
    required-checks: ["validate-migration"]
migrations:
  path: supabase/migrations
  rules: {}
`

type Files = Record<string, string | Buffer>

interface Checkout {
  dir: string
  baseSha: string
  headSha: string
}

let sim: Simulator
const temporary: string[] = []

beforeAll(async () => {
  sim = await startSimulator()
  prepareRepository(sim, { repository: 'acme/app', policy: POLICY })
})

afterAll(async () => {
  await sim.close()
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true })
})

function write(dir: string, files: Files): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
}

/**
 * A repository whose main branch holds the Supabase corpus, one commit per migration (plus
 * `base` files), and a feature branch with `head` changes; the checkout is the merge of the
 * two, as a pull_request run checks out refs/pull/N/merge.
 */
function checkout(options: { base?: Files; head?: Files; remove?: string[] } = {}): Checkout {
  const dir = mkdtempSync(join(tmpdir(), 'validate-migration-e2e-'))
  temporary.push(dir)
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim()
  const commit = (message: string): void => {
    git('add', '-A')
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '--allow-empty', '-m', message)
  }
  git('init', '-q', '-b', 'main')
  for (const name of readdirSync(CORPUS).sort()) {
    mkdirSync(join(dir, MIGRATIONS), { recursive: true })
    cpSync(join(CORPUS, name), join(dir, MIGRATIONS, name))
    commit(`Add ${name}`)
  }
  write(dir, options.base ?? {})
  commit('More base files')
  const baseSha = git('rev-parse', 'HEAD')
  git('checkout', '-q', '-b', 'feature')
  write(dir, options.head ?? {})
  for (const path of options.remove ?? []) unlinkSync(join(dir, path))
  commit('The change')
  const headSha = git('rev-parse', 'HEAD')
  git('checkout', '-q', '--detach', 'main')
  git('-c', 'user.name=GitHub', '-c', 'user.email=noreply@github.com', 'merge', '-q', '--no-ff', '--no-edit', 'feature')
  return { dir, baseSha, headSha }
}

/** The runner's environment for a pull_request `opened` event about this checkout. */
function pullRequestEnv(co: Checkout, repository = 'acme/app'): Record<string, string> {
  const repo = sim.state.findRepository(repository) ?? prepareRepository(sim, { repository })
  const payload = webhookExample('pull_request', 'opened') as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  payload.number = PR_NUMBER
  Object.assign(payload.pull_request, { number: PR_NUMBER })
  Object.assign(payload.pull_request.base, { ref: 'main', sha: co.baseSha })
  Object.assign(payload.pull_request.head, { ref: 'feature', sha: co.headSha })
  Object.assign(payload.repository, { full_name: repository, name: repository.split('/')[1], default_branch: 'main' })
  const eventPath = join(co.dir, '..', `${co.dir.split(/[\\/]/).pop()}-event.json`)
  writeFileSync(eventPath, JSON.stringify(payload))
  temporary.push(eventPath)
  const mergeSha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: co.dir, encoding: 'utf8' }).trim()
  return runnerEnv(sim, repo, { eventName: 'pull_request', eventPath, sha: mergeSha, ref: `refs/pull/${PR_NUMBER}/merge`, actor: 'alice', headRef: 'feature', baseRef: 'main' })
}

async function validate(co: Checkout, inputs: Record<string, string> = {}, options: { repository?: string; env?: Record<string, string> } = {}): Promise<ActionRun> {
  const env = { ...pullRequestEnv(co, options.repository), ...options.env }
  const run = await runAction(ACTION, { env, token: sim.token, workspace: co.dir, inputs, timeoutMs: 90_000 })
  expect(sim.errors).toEqual([])
  if (run.exitCode === null) throw new Error(`the action timed out:\n${run.stdout}\n${run.stderr}`)
  return run
}

/** Error and warning annotations on migration files: level, rule, file name, line, column. */
function findingAnnotations(run: ActionRun, level?: Annotation['level']): Array<[string, string | undefined, string, number | undefined, number | undefined]> {
  return run.annotations
    .filter((a) => a.file?.startsWith(`${MIGRATIONS}/`) && (level ? a.level === level : a.level !== 'notice'))
    .map((a) => [a.level, a.title, (a.file ?? '').slice(MIGRATIONS.length + 1), a.line, a.col])
}

function json<T = unknown>(value: string | undefined): T {
  return JSON.parse(value ?? 'null') as T
}

// A realistic change on top of the corpus: a table with row level security, policies and a
// trigger calling auth.uid(), a private storage bucket with a policy on storage.objects, an
// extension, a column added under a lock timeout, and an index built concurrently.
const CLEAN_CHANGE: Files = {
  [`${MIGRATIONS}/20240301000000_comments.sql`]: `-- Comments on posts: readable with their post, written by their author.
set lock_timeout = '5s'; create table if not exists public.comments (
  id uuid primary key default gen_random_uuid(),
  post_id uuid not null references public.posts (id) on delete cascade,
  author_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 5000),
  created_at timestamptz not null default now()
);

alter table public.comments enable row level security;

create policy "Comments are visible with their post"
  on public.comments for select
  using (exists (select 1 from public.posts p where p.id = post_id and (p.status = 'published' or p.author_id = (select auth.uid()))));

create policy "Authors write their comments"
  on public.comments for insert
  to authenticated
  with check (author_id = (select auth.uid()));

create index if not exists comments_post_id_idx on public.comments (post_id);

-- The author comes from the JWT, whatever the client sent.
create or replace function public.stamp_comment_author()
returns trigger
language plpgsql
security definer set search_path = ''
as $$
begin
  new.author_id := auth.uid();
  return new;
end;
$$;

create trigger comments_stamp_author
  before insert on public.comments
  for each row execute function public.stamp_comment_author();

grant select, insert on public.comments to authenticated;

alter publication supabase_realtime add table public.comments;
`,
  [`${MIGRATIONS}/20240302000000_attachments_bucket.sql`]: `set lock_timeout = '5s'; insert into storage.buckets (id, name, public)
values ('attachments', 'attachments', false)
on conflict (id) do nothing;

create policy "Members read their own attachments"
  on storage.objects for select
  to authenticated
  using (bucket_id = 'attachments' and (storage.foldername(name))[1] = (select auth.uid())::text);
`,
  [`${MIGRATIONS}/20240303000000_profile_email.sql`]: `set lock_timeout = '5s';

create extension if not exists citext with schema extensions;

alter table public.profiles add column if not exists email extensions.citext;
`,
  [`${MIGRATIONS}/20240304000000_profile_email_index.sql`]: `create index concurrently if not exists profiles_email_idx on public.profiles (email);
`
}

// Tables for the bad cases below: created on the base branch, so that the rules (quiet on
// tables created in the same file) have existing tables to judge.
const RULE_FIXTURES: Files = {
  [`${MIGRATIONS}/20240107000000_fixtures.sql`]: `create schema private;
create schema scratch;
create table public.drop_me (id bigint primary key);
create table public.wide (id bigint primary key, legacy text, old_name text, amount integer, email text);
create table public.renamed (id bigint primary key);
create table public.logs (id bigint primary key, level text);
create table public.sessions (id bigint primary key, seen_at timestamptz);
create table public.counters (id bigint primary key, n integer);
alter table public.drop_me enable row level security;
alter table public.wide enable row level security;
alter table public.renamed enable row level security;
alter table public.logs enable row level security;
alter table public.sessions enable row level security;
alter table public.counters enable row level security;
create index wide_email_idx on public.wide (email);
`
}

const LOCK = "set lock_timeout = '5s';\nset statement_timeout = '5min';\n"

// One new migration per rule, each with the offending statement at a known line and column
// (the column of what the finding points at: the statement, or the object within it).
const RULE_CASES: Array<{ rule: string; sql: string; level: 'error' | 'warning'; at: Array<[number, number]> }> = [
  { rule: 'ban-drop-table', sql: `${LOCK}drop table if exists public.drop_me;\n`, level: 'error', at: [[3, 1]] },
  { rule: 'ban-drop-column', sql: `${LOCK}alter table public.wide drop column if exists legacy;\n`, level: 'error', at: [[3, 1]] },
  { rule: 'ban-drop-schema', sql: `${LOCK}drop schema if exists scratch;\n`, level: 'error', at: [[3, 1]] },
  { rule: 'ban-drop-database', sql: `${LOCK}drop database if exists analytics;\n`, level: 'error', at: [[3, 1]] },
  { rule: 'ban-truncate', sql: `${LOCK}truncate public.logs;\n`, level: 'error', at: [[3, 10]] },
  { rule: 'ban-delete-without-where', sql: `${LOCK}delete from public.logs;\n`, level: 'error', at: [[3, 13]] },
  { rule: 'ban-update-without-where', sql: `${LOCK}update public.counters set n = 0;\n`, level: 'error', at: [[3, 8]] },
  { rule: 'renaming-column', sql: `${LOCK}alter table public.wide rename column old_name to new_name;\n`, level: 'error', at: [[3, 13]] },
  { rule: 'renaming-table', sql: `${LOCK}alter table public.renamed rename to renamed_again;\n`, level: 'error', at: [[3, 13]] },
  { rule: 'changing-column-type', sql: `${LOCK}alter table public.wide alter column amount type bigint;\n`, level: 'warning', at: [[3, 50]] },
  { rule: 'adding-not-nullable-field', sql: `${LOCK}alter table public.wide add column if not exists tenant_id bigint not null;\n`, level: 'error', at: [[3, 50]] },
  { rule: 'constraint-missing-not-valid', sql: `${LOCK}alter table public.wide add constraint wide_amount_positive check (amount > 0);\n`, level: 'warning', at: [[3, 29]] },
  { rule: 'require-concurrent-index-creation', sql: `${LOCK}create index if not exists sessions_seen_idx on public.sessions (seen_at);\n`, level: 'warning', at: [[3, 49]] },
  { rule: 'require-concurrent-index-deletion', sql: `${LOCK}drop index if exists public.wide_email_idx;\n`, level: 'warning', at: [[3, 1]] },
  { rule: 'disallowed-unique-constraint', sql: `${LOCK}alter table public.sessions add constraint sessions_seen_key unique (seen_at);\n`, level: 'warning', at: [[3, 33]] },
  { rule: 'require-lock-timeout', sql: '-- no lock_timeout in this file\n\nalter table public.counters add column if not exists note text;\n', level: 'warning', at: [[3, 13]] },
  { rule: 'prefer-robust-stmts', sql: 'create index concurrently if not exists counters_n_idx on public.counters (n);\n\ncreate table private.extra (id bigint primary key);\n', level: 'warning', at: [[3, 14]] },
  { rule: 'ban-transaction-control', sql: `${LOCK}begin;\ninsert into public.counters (id, n) values (1, 0) on conflict do nothing;\ncommit;\n`, level: 'warning', at: [[3, 1], [5, 1]] },
  { rule: 'require-rls-on-exposed-table', sql: `${LOCK}create table if not exists public.no_rls (id bigint primary key);\n`, level: 'error', at: [[3, 28]] },
  { rule: 'ban-grant-to-anon-or-public', sql: `${LOCK}grant select on all tables in schema public to anon;\n`, level: 'warning', at: [[3, 1]] },
  { rule: 'invalid-suppression', sql: `${LOCK}-- change-policy: allow ban-drop-tabel\nselect 1;\n`, level: 'warning', at: [[3, 1]] }
]

function ruleCaseFile(index: number, rule: string): string {
  return `202402010000${String(index + 1).padStart(2, '0')}_${rule.replace(/-/g, '_')}.sql`
}

const SERVER_URL = process.env.TEST_DATABASE_URL
const NOT_RUN = 'validate-migration against a PostgreSQL server NOT RUN: TEST_DATABASE_URL is not set (start one with packages/migrations/test/start-postgres.sh and export its URL; .ci/run does)'
const ENGINES: Array<[string, Record<string, string>]> = [['the embedded PostgreSQL', {}]]
if (SERVER_URL) ENGINES.push(['a PostgreSQL server (database-url)', { 'database-url': SERVER_URL }])
else {
  console.warn(NOT_RUN)
  // A todo shows in Jest's summary as not run, never as passed.
  test.todo(NOT_RUN)
}

describe.each(ENGINES)('on %s', (_engine, engineInputs) => {
  const server = 'database-url' in engineInputs

  test('a realistic Supabase history with a clean change applies: valid, with what each migration changes', async () => {
    const co = checkout({ head: CLEAN_CHANGE })
    const run = await validate(co, engineInputs)
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ valid: 'true', applied: '10', destructive: 'false', findings: '[]' })
    expect(json(run.outputs['new-migrations'])).toEqual(Object.keys(CLEAN_CHANGE))
    expect(run.annotations.filter((a) => a.level !== 'notice')).toEqual([])
    expect(run.summary).toContain('## Migrations: valid')
    expect(run.summary).toMatch(server ? /Applied 10 of 10 migration files \(\d+ statements.*\) to PostgreSQL [\d.]+ .*server with the Supabase shim in/ : /Applied 10 of 10 migration files \(\d+ statements.*\) to PGlite [\d.]+ \(PostgreSQL [\d.]+\) with the Supabase shim in/)
    expect(run.summary).toContain('line 2: creates table `public.comments`')
    expect(run.summary).toContain('creates trigger `comments_stamp_author on public.comments`')
    expect(run.summary).toContain('alters table `public.profiles`: add column email')
    expect(run.summary).toContain(`Compared with \`${co.baseSha}\` (\`${co.baseSha.slice(0, 7)}\`): 4 new migrations, 0 edited, 0 deleted.`)
    // The policy came from the base branch through the API, and nothing else was asked of GitHub.
    expect(sim.requestsTo('repos/get-content').at(-1)?.query).toMatchObject({ ref: 'main' })
    const record = json<Record<string, unknown>>(run.outputs['audit-record'])
    expect(record).toMatchObject({
      schema: 'change-policy/audit@1',
      action: 'validate-migration',
      decision: 'valid',
      repository: 'acme/app',
      sha: co.headSha,
      pullRequest: PR_NUMBER,
      actor: 'alice',
      policy: { path: '.github/change-policy.yml', ref: 'main', sha: expect.stringMatching(/^[0-9a-f]{40}$/) }
    })
  })

  test('one bad case per rule: each finding is annotated on its line and column with its rule name', async () => {
    const head: Files = {}
    RULE_CASES.forEach(({ rule, sql }, index) => (head[`${MIGRATIONS}/${ruleCaseFile(index, rule)}`] = sql))
    // An acknowledged drop: no annotation, listed in the summary as silenced.
    head[`${MIGRATIONS}/20240202000000_retire_legacy_column.sql`] = `${LOCK}-- Nothing has read wide.email since #123.\n-- change-policy: allow ban-drop-column\nalter table public.wide drop column if exists email;\n`
    const co = checkout({ base: RULE_FIXTURES, head })
    const run = await validate(co, engineInputs)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ valid: 'false', destructive: 'true', applied: String(8 + RULE_CASES.length) })
    const expected = RULE_CASES.flatMap(({ rule, level, at }, index) => at.map(([line, column]) => [level, rule, ruleCaseFile(index, rule), line, column]))
    const byFile = (a: unknown[], b: unknown[]): number => String(a[2]).localeCompare(String(b[2])) || Number(a[3]) - Number(b[3])
    expect(findingAnnotations(run).sort(byFile)).toEqual(expected.sort(byFile))
    const findings = json<Array<{ rule: string; blocking: boolean; destructive: boolean }>>(run.outputs['findings'])
    expect(findings.filter((f) => f.destructive).map((f) => f.rule).sort()).toEqual(['ban-delete-without-where', 'ban-drop-column', 'ban-drop-database', 'ban-drop-schema', 'ban-drop-table', 'ban-truncate', 'ban-update-without-where'])
    expect(run.summary).toContain('## Migrations: invalid (11 problems)')
    expect(run.summary).toContain('**This change can lose data.**')
    expect(run.summary).toContain('### Silenced by allow comments (1)')
    expect(run.summary).toContain(`| \`${MIGRATIONS}/20240202000000_retire_legacy_column.sql:5:1\` | \`ban-drop-column\` | ALTER TABLE public.wide DROP COLUMN email deletes the column and its data. **(destructive)** |`)
    const errorAnnotation = run.annotations.find((a) => a.title === 'ban-drop-table')
    expect(errorAnnotation?.message).toMatch(/^DROP TABLE public\.drop_me deletes the table and every row in it\.\nWhy: .+\nFix: .+allow ban-drop-table/)
    expect(json<Record<string, unknown>>(run.outputs['audit-record'])).toMatchObject({ decision: 'invalid', reasons: expect.arrayContaining([`${MIGRATIONS}/${ruleCaseFile(0, 'ban-drop-table')}:3:1 ban-drop-table: DROP TABLE public.drop_me deletes the table and every row in it.`]) })
  })

  test('a migration that parses but fails to apply is reported at its file and line with the SQLSTATE', async () => {
    const file = `${MIGRATIONS}/20240301000000_comments.sql`
    const co = checkout({ head: { [file]: 'create table if not exists public.comments (id uuid primary key, post_id uuid);\nalter table public.comments enable row level security;\n\ncreate index if not exists comments_post_idx on public.coments (post_id);\n' } })
    const run = await validate(co, engineInputs)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ valid: 'false', applied: '6' })
    const failure = run.annotations.find((a) => a.title === 'apply-failed')
    expect(failure).toMatchObject({ level: 'error', file, line: 4, message: expect.stringContaining('Postgres error 42P01: relation "public.coments" does not exist') })
    expect(json<Array<{ rule: string; sqlstate?: string }>>(run.outputs['findings'])).toContainEqual(expect.objectContaining({ rule: 'apply-failed', sqlstate: '42P01' }))
    expect(run.summary).toContain(`The history stopped at \`${file}:4:`)
    // The heading links to the file at the pull request's head commit.
    expect(run.summary).toMatch(new RegExp(`#### \\[\`${file}\`\\]\\(https://github\\.com/[^/]+/[^/]+/blob/${co.headSha}/${file}\\) \\(new, not applied\\)`))
  })
})

describe('history and file checks (embedded PostgreSQL)', () => {
  test('SQL that does not parse is a syntax error at the parser\'s line and column', async () => {
    const file = `${MIGRATIONS}/20240301000000_broken.sql`
    const co = checkout({ head: { [file]: '-- a typo in a keyword\ncreate tabel public.broken (id bigint primary key);\n' } })
    const run = await validate(co)
    expect(run.exitCode).toBe(1)
    expect(findingAnnotations(run)).toEqual([['error', 'syntax-error', '20240301000000_broken.sql', 2, 8]])
    expect(run.annotations.find((a) => a.title === 'syntax-error')?.message).toContain('syntax error at or near "tabel"')
    expect(run.outputs).toMatchObject({ valid: 'false', applied: '6' })
  })

  test('editing or deleting a migration already on the base branch is an error on that file', async () => {
    const edited = `${MIGRATIONS}/20240104000000_posts.sql`
    const deleted = `${MIGRATIONS}/20240105000000_posts_author_index.sql`
    const co = checkout({ head: { [edited]: `${readFileSync(join(CORPUS, '20240104000000_posts.sql'), 'utf8')}\ncomment on table public.posts is 'edited after deploy';\n` }, remove: [deleted] })
    const run = await validate(co)
    expect(run.exitCode).toBe(1)
    expect(findingAnnotations(run).sort()).toEqual([
      ['error', 'deleted-migration', '20240105000000_posts_author_index.sql', 1, 1],
      ['error', 'edited-migration', '20240104000000_posts.sql', 1, 1]
    ])
    expect(run.outputs['new-migrations']).toBe('[]')
    expect(run.summary).toContain(`- \`${deleted}\` was **deleted**.`)
  })

  test('a new migration whose timestamp sorts before the latest base migration is out of order', async () => {
    const co = checkout({ head: { [`${MIGRATIONS}/20240103120000_late.sql`]: 'create schema if not exists reporting;\n' } })
    const run = await validate(co)
    expect(run.exitCode).toBe(1)
    expect(findingAnnotations(run)).toEqual([['error', 'out-of-order', '20240103120000_late.sql', 1, 1]])
    expect(run.annotations.find((a) => a.title === 'out-of-order')?.message).toContain('sorts before 20240106000000')
  })

  test('two migrations with the same version: the second is a duplicate', async () => {
    const co = checkout({
      head: {
        [`${MIGRATIONS}/20240301000000_a_reporting.sql`]: 'create schema if not exists reporting;\n',
        [`${MIGRATIONS}/20240301000000_b_archive.sql`]: 'create schema if not exists archive;\n'
      }
    })
    const run = await validate(co)
    expect(run.exitCode).toBe(1)
    expect(findingAnnotations(run)).toEqual([['error', 'duplicate-version', '20240301000000_b_archive.sql', 1, 1]])
  })

  test('an empty migration is a warning: valid with fail-on error, invalid with fail-on warning', async () => {
    const co = checkout({ head: { [`${MIGRATIONS}/20240301000000_placeholder.sql`]: '' } })
    const lenient = await validate(co)
    expect(lenient.exitCode).toBe(0)
    expect(lenient.outputs).toMatchObject({ valid: 'true', applied: '7' })
    expect(findingAnnotations(lenient)).toEqual([['warning', 'empty-migration', '20240301000000_placeholder.sql', 1, 1]])
    const strict = await validate(co, { 'fail-on': 'warning' })
    expect(strict.exitCode).toBe(1)
    expect(strict.outputs['valid']).toBe('false')
    expect(strict.summary).toContain('failing on errors and warnings')
  })

  test('a file that is not UTF-8 is refused at the first bad byte', async () => {
    const co = checkout({ head: { [`${MIGRATIONS}/20240301000000_latin1.sql`]: Buffer.concat([Buffer.from("select 1;\nselect 'caf"), Buffer.from([0xe9]), Buffer.from("';\n")]) } })
    const run = await validate(co)
    expect(run.exitCode).toBe(1)
    expect(findingAnnotations(run)).toEqual([['error', 'invalid-encoding', '20240301000000_latin1.sql', 2, 12]])
  })

  test('a 5 MB migration is refused unread, quickly', async () => {
    const row = "insert into public.profiles_archive (id, note) values (gen_random_uuid(), 'x');\n"
    const co = checkout({ head: { [`${MIGRATIONS}/20240301000000_data_dump.sql`]: row.repeat(Math.ceil((5 * 1024 * 1024) / row.length)) } })
    const run = await validate(co)
    expect(run.exitCode).toBe(1)
    expect(findingAnnotations(run)).toEqual([['error', 'file-too-large', '20240301000000_data_dump.sql', 1, 1]])
    expect(run.outputs['applied']).toBe('6')
  })

  test('findings on migrations already on the base branch are reported as notices and never fail, even with fail-on warning', async () => {
    const legacy = `${MIGRATIONS}/20240107000000_legacy_dump.sql`
    const co = checkout({
      base: { [legacy]: 'grant all on all tables in schema public to anon;\ncreate index posts_created_idx on public.posts (created_at);\n' },
      head: { [`${MIGRATIONS}/20240301000000_reporting.sql`]: 'create schema if not exists reporting;\n' }
    })
    const run = await validate(co, { 'fail-on': 'warning' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['valid']).toBe('true')
    expect(findingAnnotations(run)).toEqual([])
    expect(findingAnnotations(run, 'notice')).toEqual([
      ['notice', 'ban-grant-to-anon-or-public', '20240107000000_legacy_dump.sql', 1, 1],
      ['notice', 'require-concurrent-index-creation', '20240107000000_legacy_dump.sql', 2, 35],
      ['notice', 'require-lock-timeout', '20240107000000_legacy_dump.sql', 2, 35],
      ['notice', 'require-statement-timeout', '20240107000000_legacy_dump.sql', 2, 35]
    ])
    expect(json<Array<{ blocking: boolean }>>(run.outputs['findings']).map((f) => f.blocking)).toEqual([false, false, false, false])
    expect(run.summary).toContain('### Findings on migrations already on the base branch (4, reported, never failing)')
  })
})

describe('the policy, read from the base branch through the API', () => {
  test('rule severities come from the base branch\'s policy, not from the checkout', async () => {
    prepareRepository(sim, {
      repository: 'acme/strict',
      policy: 'version: 1\nmigrations:\n  rules:\n    ban-drop-column: warning\n    require-concurrent-index-creation: error\n'
    })
    const co = checkout({
      base: { '.github/change-policy.yml': 'version: 1\nmigrations:\n  rules:\n    ban-drop-column: off\n    require-concurrent-index-creation: off\n' },
      head: {
        '.github/change-policy.yml': 'version: 1\nmigrations:\n  rules:\n    ban-drop-column: off\n    require-concurrent-index-creation: off\n    require-lock-timeout: off\n',
        [`${MIGRATIONS}/20240301000000_slim_posts.sql`]: "set lock_timeout = '5s'; set statement_timeout = '5min';\nalter table public.posts drop column if exists published_at;\ncreate index if not exists posts_status_idx on public.posts (status);\n"
      }
    })
    const run = await validate(co, {}, { repository: 'acme/strict' })
    expect(run.exitCode).toBe(1)
    expect(findingAnnotations(run)).toEqual([
      ['error', 'require-concurrent-index-creation', '20240301000000_slim_posts.sql', 3, 48],
      ['warning', 'ban-drop-column', '20240301000000_slim_posts.sql', 2, 1]
    ])
    expect(run.outputs['destructive']).toBe('true')
  })

  test('an unknown rule name in the policy fails the step at its line in the policy file', async () => {
    prepareRepository(sim, { repository: 'acme/typo', policy: 'version: 1\nmigrations:\n  rules:\n    ban-drop-colum: off\n' })
    const co = checkout({ head: CLEAN_CHANGE })
    const run = await validate(co, {}, { repository: 'acme/typo' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs['valid']).toBeUndefined()
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', file: '.github/change-policy.yml', line: 4, col: 5, message: expect.stringContaining('`ban-drop-colum` is not a known migration rule') }))
    expect(run.annotations.find((a) => a.file === '.github/change-policy.yml')?.message).toContain('Did you mean `ban-drop-column`?')
  })

  test('with audit-log, the audit record is appended to that file in the workspace', async () => {
    const co = checkout({ head: { [`${MIGRATIONS}/20240301000000_reporting.sql`]: 'create schema if not exists reporting;\n' } })
    const run = await validate(co, { 'audit-log': 'audit/validate.jsonl' })
    expect(run.exitCode).toBe(0)
    const lines = readFileSync(join(co.dir, 'audit/validate.jsonl'), 'utf8').trimEnd().split('\n')
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([json(run.outputs['audit-record'])])
    expect(json<Record<string, unknown>>(lines[0])).toMatchObject({ action: 'validate-migration', decision: 'valid', pullRequest: PR_NUMBER })
  })

  test('no policy file on the base branch: the built-in defaults apply, and the summary says so', async () => {
    const co = checkout({ head: { [`${MIGRATIONS}/20240301000000_reporting.sql`]: 'create schema if not exists reporting;\n' } })
    const run = await validate(co, {}, { repository: 'acme/fresh' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['valid']).toBe('true')
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'warning', message: expect.stringContaining('No policy file at .github/change-policy.yml on main') }))
    expect(run.summary).toContain('Policy: built-in defaults')
    expect(json<Record<string, unknown>>(run.outputs['audit-record'])).toMatchObject({ policy: { path: '.github/change-policy.yml', ref: 'main', sha: null } })
  })

  test('when the API cannot be reached the step fails closed, having decided nothing', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as { port: number }).port
    await new Promise((resolve) => closed.close(resolve))
    const co = checkout({ head: { [`${MIGRATIONS}/20240301000000_reporting.sql`]: 'create schema if not exists reporting;\n' } })
    const run = await validate(co, {}, { env: { GITHUB_API_URL: `http://127.0.0.1:${port}` } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs['valid']).toBeUndefined()
    expect(run.outputs['audit-record']).toBeUndefined()
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('Could not read .github/change-policy.yml at main') }))
    expect(run.summary).toContain('## validate-migration: failed')
  })
})

describe('inputs', () => {
  test('a base ref that is not in the checkout fails with how to fetch it', async () => {
    const co = checkout({ head: { [`${MIGRATIONS}/20240301000000_reporting.sql`]: 'create schema if not exists reporting;\n' } })
    const run = await validate(co, { 'base-ref': 'origin/main' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringMatching(/The base ref "origin\/main" is not in this checkout\.\nFix: .*fetch-depth: 0/) }))
  })

  test('a bad fail-on is refused before anything runs, and the database URL is masked', async () => {
    const co = checkout()
    const run = await validate(co, { 'fail-on': 'warnings', 'database-url': 'postgres://ci:s3cret@127.0.0.1:1/postgres' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('Input `fail-on` is "warnings"') }))
    expect(run.masks).toContain('postgres://ci:s3cret@127.0.0.1:1/postgres')
  })
})

describe('the bundles', () => {
  test('only validate-migration, gate-deploy and the local command load PGlite and libpg-query, from dist/node_modules', () => {
    const dist = fileURLToPath(new URL('../../dist', import.meta.url))
    for (const name of readdirSync(dist).filter((entry) => entry !== 'node_modules')) {
      const bundle = readFileSync(join(dist, name, 'index.js'), 'utf8')
      const external = /from "@electric-sql\/pglite"/.test(bundle) && /from "libpg-query"/.test(bundle)
      // gate-deploy lints the migrations a rollback leaves applied (scripts/build.mjs VENDORING_TARGETS).
      expect([name, external]).toEqual([name, ['validate-migration', 'gate-deploy', 'cli'].includes(name)])
      expect([name, bundle.includes('pglite.wasm')]).toEqual([name, false])
    }
    expect(readdirSync(join(dist, 'node_modules')).sort()).toEqual(['@electric-sql', '@pgsql', 'libpg-query'])
  })
})

describe('credentials in migrations', () => {
  const jwt = testCredentials('migration').supabaseServiceRoleJwt
  // What real Supabase histories hold: a scheduled pg_net call carrying the service-role key.
  const hook = (extra = '') => [
    'create or replace function public.notify_hook() returns void language plpgsql as $fn$',
    'begin',
    `  perform net.http_post(url := 'https://project.supabase.co/functions/v1/hook', headers := '{"Authorization":"Bearer ${jwt}"}'::jsonb);${extra}`,
    'end',
    '$fn$;',
    ''
  ].join('\n')

  test('a service-role JWT in a SQL string literal of a new migration is an error on its line, masked everywhere', async () => {
    const file = `${MIGRATIONS}/20240301000000_hook.sql`
    const co = checkout({ head: { [file]: hook() } })
    const run = await validate(co)
    expect(run.exitCode).toBe(1)
    expect(findingAnnotations(run)).toEqual([['error', 'credential', '20240301000000_hook.sql', 3, expect.any(Number)]])
    const annotation = run.annotations.find((a) => a.title === 'credential')
    expect(annotation?.message).toMatch(/Supabase service-role JWT \(rule supabase, fingerprint [0-9a-f]{12}\)/)
    expect(annotation?.message).toMatch(/Rotate this credential now: it is already in the repository's history/)
    expect(run.outputs['valid']).toBe('false')
    for (const text of [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.summary]) expect(text).not.toContain(jwt)
    expect(run.masks).toContain(jwt)
  })

  test('an allow comment on the line waives it: listed, not failing', async () => {
    const file = `${MIGRATIONS}/20240301000000_hook.sql`
    const co = checkout({ head: { [file]: hook(' -- change-policy: allow credential supabase') } })
    const run = await validate(co)
    expect(run.exitCode).toBe(0)
    expect(findingAnnotations(run)).toEqual([])
    expect(run.summary).toContain('waived by an allow comment')
    expect(run.summary).not.toContain(jwt)
  })
})

