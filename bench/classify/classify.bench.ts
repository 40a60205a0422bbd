// Prints: classification time for a 3,000-file pull request against a 50-rule policy (the
// pure function, cold and warm); the whole bundled action's wall time from process start to
// outputs against the simulator; and how many API requests that run made.
//   node --import ./bench/ts-loader.mjs bench/classify/classify.bench.ts
import { performance } from 'node:perf_hooks'
import { classify, parsePolicy, type ClassificationFacts } from '@change-policy/policy'
import { pullRequestScenario, runAction, startSimulator } from '@change-policy/github-simulator'
import { fiftyRulePolicy, FILE_COUNT, largePullRequestFiles } from './fixtures'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const policyText = fiftyRulePolicy()
const parsed = parsePolicy(policyText, { path: '.github/change-policy.yml' })
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
const files = largePullRequestFiles()
const facts: ClassificationFacts = {
  files: files.map((path) => ({ path, status: 'modified' })),
  labels: [],
  headBranch: 'feature/large',
  author: 'alice',
  authorIsBot: false,
  dependencyUpdates: null,
  permissions: {},
  teamMembers: {}
}

let started = performance.now()
const first = classify(facts, parsed.policy)
const cold = performance.now() - started
const warm: number[] = []
for (let i = 0; i < 50; i++) {
  // A fresh policy object each time, so the compiled globs are not reused from the cache:
  // that is what one action run pays.
  const again = parsePolicy(policyText, { path: '.github/change-policy.yml' })
  if (!again.ok) throw new Error('unreachable')
  started = performance.now()
  classify(facts, again.policy)
  warm.push(performance.now() - started)
}
console.log(`classify: ${FILE_COUNT} files x ${parsed.policy.controls.length} controls + 2 standard paths -> ${first.changeType}`)
console.log(`  first call in this process: ${cold.toFixed(1)} ms; median of 50 (fresh policy each): ${median(warm).toFixed(2)} ms`)

const sim = await startSimulator()
try {
  const runs: { ms: number; requests: number; exit: number | null; type?: string }[] = []
  for (let i = 0; i < 5; i++) {
    const sc = await pullRequestScenario(sim, { policy: policyText, files, author: 'alice' })
    const before = sim.requests.length
    const result = await runAction('dist/classify-change/index.js', { env: sc.env, inputs: { token: sc.token } })
    runs.push({ ms: result.durationMs, requests: sim.requests.length - before, exit: result.exitCode, type: result.outputs['change-type'] })
  }
  const bad = runs.find((r) => r.exit !== 0)
  if (bad) throw new Error(`the action failed: ${JSON.stringify(bad)}`)
  const byRoute = new Map<string, number>()
  for (const r of sim.requests.slice(-runs[runs.length - 1]!.requests)) byRoute.set(`${r.method} ${r.route ?? r.path}`, (byRoute.get(`${r.method} ${r.route ?? r.path}`) ?? 0) + 1)
  console.log(`classify-change action (dist bundle, child process, simulator on 127.0.0.1), ${FILE_COUNT}-file PR, 50-rule policy:`)
  console.log(`  wall time from process start to exit: median ${median(runs.map((r) => r.ms))} ms (runs: ${runs.map((r) => r.ms).join(', ')} ms)`)
  console.log(`  API requests per run: ${runs[0]!.requests} (${[...byRoute].map(([k, v]) => `${v} x ${k}`).join('; ')})`)
  console.log(`  change type: ${runs[0]!.type}`)
  console.log('  for scale (shared/FACTS.md): actions/labeler on the same shape of PR: about 1.1 s and 104 requests')
} finally {
  await sim.close()
}
