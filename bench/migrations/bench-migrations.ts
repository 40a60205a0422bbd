// Times what validate-migration does on a 300-migration Supabase-style history (about
// 3,000 statements): lint (parse included), and apply on the embedded PostgreSQL with the
// engine's start-up included: cold (initdb), from the data directory cached in the OS temp
// dir, and from a gzip dump shipped with a bundle; then peak memory. The three starts run
// in one process, so the later ones also benefit from a warm WebAssembly compile. Targets: lint < 1 s, apply < 5 s on our 2-core machines.
// Then what a runner sees: the bundled command (dist/cli, the same code as the action's
// bundle) on that history in a git repository, in a new process, cold (a fresh temp dir, as
// on a GitHub-hosted runner) and warm (the data directory cached by the cold run), with the
// process's peak memory; and the committed size of each bundle.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleSizes, runBundledCommand } from './bundled-command'
import { applyHistory } from '../../packages/migrations/src/engines/apply-history'
import { extensionsCreatedBy } from '../../packages/migrations/src/engines/apply-migration-file'
import { buildPgliteDataDir, createPgliteEngine } from '../../packages/migrations/src/engines/pglite-engine'
import { lintMigrations } from '../../packages/migrations/src/lint/lint-migration'
import { parseMigration } from '../../packages/migrations/src/parse/parse-migration'
import { generateHistory } from './generate-history'

const count = Number(process.env.MIGRATIONS ?? 300)
const history = generateHistory(count)

const lintStarted = performance.now()
const parsed = await Promise.all(history.map((file) => parseMigration({ path: `supabase/migrations/${file.name}`, bytes: Buffer.from(file.sql) })))
const lint = await lintMigrations(parsed)
const lintMs = performance.now() - lintStarted
const statements = parsed.reduce((sum, migration) => sum + migration.statements.length, 0)

async function timedApply(dataDirCache: string | false, prebuiltDataDirs?: string): Promise<{ totalMs: number; startupMs: number; applyMs: number; applied: number; failure?: string }> {
  const started = performance.now()
  const engine = createPgliteEngine({ supabase: true, extensions: extensionsCreatedBy(parsed), dataDirCache, prebuiltDataDirs })
  const result = await applyHistory(engine, parsed)
  return { totalMs: performance.now() - started, startupMs: result.startupMs, applyMs: result.applyMs, applied: result.applied, failure: result.failure?.message }
}

// A private cache directory: the first run is a true cold start and fills it, the second loads it.
const cache = mkdtempSync(join(tmpdir(), 'bench-pglite-'))
const cold = await timedApply(cache)
const cached = await timedApply(cache)
rmSync(cache, { recursive: true, force: true })
// What a bundle shipping a gzip dump built at build time (buildPgliteDataDir) gets on a fresh runner.
const shipped = mkdtempSync(join(tmpdir(), 'bench-pglite-prebuilt-'))
await buildPgliteDataDir(shipped, { supabase: true, extensions: extensionsCreatedBy(parsed) })
const prebuilt = await timedApply(false, shipped)
rmSync(shipped, { recursive: true, force: true })

const round = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
console.log(`history: ${count} migrations, ${statements} statements, ${lint.findings.length} findings (${lint.silenced.length} silenced)`)
console.log(`lint (parse + rules):                 ${round(lintMs)}   target < 1 s`)
console.log(`apply, cold start (initdb + shim):    ${round(cold.totalMs)}   (start-up ${round(cold.startupMs)}, statements ${round(cold.applyMs)}, ${cold.applied} files applied${cold.failure ? `, FAILED: ${cold.failure}` : ''})   target < 5 s`)
console.log(`apply, cached data directory:         ${round(cached.totalMs)}   (start-up ${round(cached.startupMs)}, statements ${round(cached.applyMs)}, ${cached.applied} files applied${cached.failure ? `, FAILED: ${cached.failure}` : ''})   target < 5 s`)
console.log(`apply, prebuilt gzip data directory:  ${round(prebuilt.totalMs)}   (start-up ${round(prebuilt.startupMs)}, statements ${round(prebuilt.applyMs)}, ${prebuilt.applied} files applied${prebuilt.failure ? `, FAILED: ${prebuilt.failure}` : ''})   target < 5 s`)
console.log(`peak RSS of this process:             ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const bundled = await runBundledCommand(history)
if (bundled) {
  for (const run of bundled) {
    console.log(`${`bundled command, ${run.label}:`.padEnd(44)}${round(run.wallMs)}   wall, new process, exit ${run.exitCode}, peak RSS ${mb(run.maxRssBytes)}`)
    console.log(`${''.padEnd(44)}${run.summaryLine}`)
  }
} else console.log('bundled command: dist/cli/index.js is missing, run npm run build first')

const sizes = bundleSizes()
if (sizes.length) {
  console.log('bundles (what users download; gzip -9 as a guide to what git stores):')
  for (const size of sizes) console.log(`  ${size.name.padEnd(34)}${mb(size.bytes).padStart(9)}   gzip ${mb(size.gzipBytes).padStart(8)}`)
}
