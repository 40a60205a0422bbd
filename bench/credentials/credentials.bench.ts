// Prints: what credential scanning costs on the 3,000-file pull request. The pure scan
// (secretlint over every file's added lines, no I/O), then the bundled classify-change
// against the simulator with scanning on and off: wall time and API requests, and the
// extra requests when GitHub withholds patches (past ~20,000 patch lines in one page of
// the files listing, the later files come without one and are read at the head).
//   node --import ./bench/ts-loader.mjs bench/credentials/credentials.bench.ts
import { performance } from 'node:perf_hooks'
import { parsePolicy } from '@change-policy/policy'
import { scanChangedFiles } from '@change-policy/runtime'
import { pullRequestScenario, runAction, startSimulator } from '@change-policy/github-simulator'
import { FILE_COUNT, largePullRequestFiles } from '../classify/fixtures'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Ordinary TypeScript, `lines` long, different in every file (no credentials). */
function sourceText(path: string, lines: number): string {
  const out = [`// ${path}`, "import { request } from '../http'", '']
  for (let i = out.length; i < lines; i++) {
    out.push(i % 5 === 0 ? `export async function handler${i}(id: string): Promise<Response> {` : i % 5 === 4 ? '}' : `  const value${i} = await request(\`/api/items/\${id}?page=${i}&token=\${process.env.API_TOKEN}\`)`)
  }
  return `${out.join('\n')}\n`
}

const patchOf = (text: string): string => {
  const lines = text.split('\n').slice(0, -1)
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n')
}

const paths = largePullRequestFiles()
const POLICY = 'version: 1\n'
const OFF = 'version: 1\ncredentials:\n  scan: false\n'
const policy = parsePolicy(POLICY, { path: '.github/change-policy.yml' })
if (!policy.ok) throw new Error('unreachable')

// 1. The pure scan: 3,000 files of 40 added lines each.
const files = paths.map((path) => ({ path, status: 'added', patch: patchOf(sourceText(path, 40)) }))
const noReads = async () => ({ kind: 'missing' as const })
const times: number[] = []
for (let i = 0; i < 5; i++) {
  const started = performance.now()
  const scan = await scanChangedFiles(files, policy.policy, noReads, 'head', { mask: () => undefined })
  times.push(performance.now() - started)
  if (scan?.facts.findings.length !== 0 || scan.facts.scanned !== FILE_COUNT) throw new Error(`unexpected scan: ${JSON.stringify(scan?.facts).slice(0, 300)}`)
}
const lines = files.reduce((sum, f) => sum + f.patch.split('\n').length - 1, 0)
console.log(`credential scan (pure, secretlint recommended preset + supabase rule): ${FILE_COUNT} files, ${lines} added lines`)
console.log(`  first run in this process: ${times[0]!.toFixed(0)} ms; median of 5: ${median(times).toFixed(0)} ms (${(median(times) / FILE_COUNT).toFixed(2)} ms a file)`)

// 2. The bundled action, scanning on and off.
const sim = await startSimulator()
try {
  const measure = async (policyText: string, linesPerFile: number, runs: number) => {
    const results: { ms: number; requests: number; reads: number; exit: number | null }[] = []
    for (let i = 0; i < runs; i++) {
      const sc = await pullRequestScenario(sim, { policy: policyText, files: paths.map((filename) => ({ filename, content: sourceText(filename, linesPerFile) })), author: 'alice' })
      const before = sim.requests.length
      const result = await runAction('dist/classify-change/index.js', { env: sc.env, inputs: { token: sc.token } })
      const made = sim.requests.slice(before)
      results.push({ ms: result.durationMs, requests: made.length, reads: made.filter((r) => r.operation === 'repos/get-content' && !decodeURIComponent(r.path).endsWith('change-policy.yml')).length, exit: result.exitCode })
    }
    const bad = results.find((r) => r.exit !== 0)
    if (bad) throw new Error(`the action failed: ${JSON.stringify(bad)}`)
    return { ms: median(results.map((r) => r.ms)), all: results.map((r) => r.ms), requests: results[0]!.requests, reads: results[0]!.reads }
  }
  console.log(`classify-change action (dist bundle, child process, simulator on 127.0.0.1), ${FILE_COUNT}-file PR:`)
  for (const linesPerFile of [40, 250]) {
    const on = await measure(POLICY, linesPerFile, 3)
    const off = await measure(OFF, linesPerFile, 3)
    console.log(`  ${linesPerFile} added lines a file (${linesPerFile * 100 + 100} patch lines a page of 100):`)
    console.log(`    scan on:  median ${on.ms} ms (${on.all.join(', ')}), ${on.requests} requests, of which ${on.reads} head reads for files GitHub gave no patch`)
    console.log(`    scan off: median ${off.ms} ms (${off.all.join(', ')}), ${off.requests} requests`)
    console.log(`    extra for scanning: ${on.ms - off.ms} ms, ${on.requests - off.requests} requests`)
  }
} finally {
  await sim.close()
}
