// The README's first command: builds a small sample repository in a temporary folder (a
// policy on main, and three branches: docs only, a feature touching secrets, an emergency
// hotfix) and runs the local command on each, printing the summary the action would write.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const repo = mkdtempSync(join(tmpdir(), 'change-policy-demo-'))
const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] }).toString()
const write = (path, text) => {
  mkdirSync(dirname(join(repo, path)), { recursive: true })
  writeFileSync(join(repo, path), text)
}
const commitAll = (message) => {
  git('add', '-A')
  git('-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', 'commit', '-q', '-m', message)
}

const policy = `version: 1
classification:
  emergency:
    labels: [emergency]
    head-branches: ["hotfix/**"]
  standard:
    paths: ["docs/**", "**/*.md"]
controls:
  - name: secrets-and-config
    paths: ["**/.env*", "**/*.pem", "fly.toml", "vercel.json", "supabase/config.toml"]
    approvals: 2
  - name: database
    paths: ["supabase/migrations/**"]
    required-checks: ["validate-migration"]
approvals:
  normal: 1
`

try {
  git('init', '-q', '-b', 'main')
  write('.github/change-policy.yml', policy)
  write('README.md', '# Sample app\n')
  write('docs/guide.md', '# Guide\n')
  write('src/app.ts', 'export const answer = 42\n')
  write('fly.toml', 'app = "sample"\n')
  write('supabase/migrations/20261101000000_init.sql', 'create table public.customers (id uuid primary key);\nalter table public.customers enable row level security;\n')
  commitAll('Initial commit')

  git('checkout', '-q', '-b', 'docs-typo')
  write('docs/guide.md', '# Guide\n\nFixed a typo.\n')
  write('README.md', '# Sample app\n\nSee docs/guide.md.\n')
  commitAll('Fix a typo in the guide')

  git('checkout', '-q', 'main')
  git('checkout', '-q', '-b', 'feature/billing')
  write('src/billing.ts', 'export const price = 10\n')
  write('fly.toml', 'app = "sample"\n[env]\n  BILLING = "on"\n')
  write(
    'supabase/migrations/20261125090000_add_invoices.sql',
    [
      'create table public.invoices (',
      '  id bigint generated always as identity primary key,',
      '  customer_id uuid not null references auth.users (id),',
      '  amount_cents integer not null check (amount_cents >= 0)',
      ');',
      'alter table public.invoices enable row level security;',
      'create policy "customers read their invoices" on public.invoices for select using (auth.uid() = customer_id);',
      'create index invoices_customer_idx on public.invoices (customer_id);',
      ''
    ].join('\n')
  )
  commitAll('Add billing')

  git('checkout', '-q', 'main')
  const cli = join(root, 'dist', 'cli', 'index.js')
  for (const [head, extra] of [['docs-typo', []], ['feature/billing', []], ['feature/billing', ['--label', 'emergency', '--actor', 'oncall-alice']]]) {
    const args = [cli, 'classify', '--repo', repo, '--base', 'main', '--head', head, ...extra]
    console.log(`\n$ change-policy classify --base main --head ${head} ${extra.join(' ')}\n`)
    try {
      process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }))
    } catch (error) {
      process.stdout.write(error.stdout ?? '')
      process.stderr.write(error.stderr ?? '')
    }
  }
  // The migration the feature adds, linted and applied with the whole history to an
  // embedded PostgreSQL, as the validate-migration action does on the pull request.
  git('checkout', '-q', 'feature/billing')
  console.log('\n$ change-policy validate-migrations --base main   (on feature/billing)\n')
  try {
    process.stdout.write(execFileSync(process.execPath, [cli, 'validate-migrations', '--repo', repo, '--base', 'main'], { encoding: 'utf8' }))
  } catch (error) {
    process.stdout.write(error.stdout ?? '')
    process.stderr.write(error.stderr ?? '')
  }
} finally {
  rmSync(repo, { recursive: true, force: true })
}
