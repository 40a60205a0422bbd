// What the Supabase shim costs at engine start: each engine started cold with and without it
// (PGlite without its data-directory cache; the server in a fresh database), the difference
// being the shim. Prints medians of RUNS (default 5) starts; the server when TEST_DATABASE_URL
// is set. Wall times on a shared machine vary; PGlite's CPU time (this process) varies less.
import { createPgliteEngine, createServerEngine, supabaseShimSql } from '@change-policy/migrations'

const runs = Number(process.env.RUNS ?? 5)
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const round = (ms: number) => Math.round(ms)

async function pgliteStart(supabase: boolean): Promise<{ wallMs: number; cpuMs: number }> {
  const engine = createPgliteEngine({ supabase, dataDirCache: false })
  const cpu = process.cpuUsage()
  const started = performance.now()
  await engine.start()
  const wallMs = performance.now() - started
  const used = process.cpuUsage(cpu)
  await engine.close()
  return { wallMs, cpuMs: (used.user + used.system) / 1000 }
}

async function serverStart(url: string, supabase: boolean): Promise<number> {
  const engine = createServerEngine(url, { supabase })
  const started = performance.now()
  await engine.start()
  const wallMs = performance.now() - started
  await engine.close()
  return wallMs
}

const shimBytes = Buffer.byteLength(supabaseShimSql())
const lite = { with: [] as Array<{ wallMs: number; cpuMs: number }>, without: [] as Array<{ wallMs: number; cpuMs: number }> }
for (let i = 0; i < runs; i++) {
  lite.without.push(await pgliteStart(false))
  lite.with.push(await pgliteStart(true))
}
const liteWall = median(lite.with.map((run) => run.wallMs)) - median(lite.without.map((run) => run.wallMs))
const liteCpu = median(lite.with.map((run) => run.cpuMs)) - median(lite.without.map((run) => run.cpuMs))
console.log(`Supabase shim (${(shimBytes / 1024).toFixed(0)} KB), medians of ${runs} cold starts`)
console.log(`  PGlite: start ${round(median(lite.without.map((run) => run.wallMs)))} ms without the shim, ${round(median(lite.with.map((run) => run.wallMs)))} ms with it: shim ${round(liteWall)} ms wall, ${round(liteCpu)} ms CPU`)

const url = process.env.TEST_DATABASE_URL
if (url) {
  const server = { with: [] as number[], without: [] as number[] }
  for (let i = 0; i < runs; i++) {
    server.without.push(await serverStart(url, false))
    server.with.push(await serverStart(url, true))
  }
  console.log(`  server: start ${round(median(server.without))} ms without the shim, ${round(median(server.with))} ms with it: shim ${round(median(server.with) - median(server.without))} ms`)
} else {
  console.log('  server: not measured (set TEST_DATABASE_URL)')
}
