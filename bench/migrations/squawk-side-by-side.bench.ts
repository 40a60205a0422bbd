// squawk (the migration linter users know) and our lint on the same generated 300-migration
// Supabase-style history: wall time and findings by rule. squawk is not a dependency of this
// repository: point SQUAWK at its binary (e.g. after `npm i squawk-cli` somewhere else).
//   SQUAWK=/path/to/node_modules/.bin/squawk node --import ./bench/ts-loader.mjs bench/migrations/squawk-side-by-side.bench.ts
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lintMigrations } from '../../packages/migrations/src/lint/lint-migration'
import { parseMigration } from '../../packages/migrations/src/parse/parse-migration'
import { generateHistory } from './generate-history'

const squawk = process.env['SQUAWK']
if (!squawk) {
  console.log('squawk side by side: SQUAWK is not set; skipped (see the comment at the top of this file).')
  process.exit(0)
}

function byRule(rules: string[]): string {
  const counts = new Map<string, number>()
  for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${n} ${rule}`).join(', ')
}

const history = generateHistory(Number(process.env['MIGRATIONS'] ?? 300))
const dir = mkdtempSync(join(tmpdir(), 'bench-squawk-'))
try {
  const paths = history.map((file) => {
    const path = join(dir, file.name)
    writeFileSync(path, file.sql)
    return path
  })

  let started = performance.now()
  const run = spawnSync(squawk, ['--reporter', 'json', ...paths], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const squawkMs = performance.now() - started
  const squawkFindings = (JSON.parse(run.stdout || '[]') as Array<{ rule_name?: string; rule?: string }>).map((f) => f.rule_name ?? f.rule ?? '?')

  started = performance.now()
  const parsed = await Promise.all(history.map((file) => parseMigration({ path: `supabase/migrations/${file.name}`, bytes: Buffer.from(file.sql) })))
  const lint = await lintMigrations(parsed)
  const oursMs = performance.now() - started
  const ours = lint.findings.map((f) => f.rule)

  console.log(`${history.length} migrations, same files for both:`)
  console.log(`  squawk         ${squawkMs.toFixed(0).padStart(5)} ms (process included), ${squawkFindings.length} findings: ${byRule(squawkFindings)}`)
  console.log(`  change-policy  ${oursMs.toFixed(0).padStart(5)} ms (in process, parse included), ${ours.length} findings: ${byRule(ours)}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
