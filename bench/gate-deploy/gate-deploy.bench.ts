// Prints the API requests and wall time of one gate-deploy decision (the bundled action, as
// a child process, against the simulator) over a range of one merged pull request (target:
// at most 10 requests) and over a range of 20 (target: at most 2 requests per pull request),
// with what each request was.
//   node --import ./bench/ts-loader.mjs bench/gate-deploy/gate-deploy.bench.ts
import { startSimulator } from '@change-policy/github-simulator'
import { GateWorld } from '../../actions/gate-deploy/test-support/gate-world'

const POLICY = `version: 1
deploy:
  branches: [main]
  required-checks: [test, build]
`

async function measure(pullRequests: number): Promise<void> {
  const sim = await startSimulator()
  try {
    const world = new GateWorld(sim, POLICY)
    for (let i = 0; i < pullRequests; i++) world.merge({ files: [`src/change-${i}.ts`] })
    const before = sim.requests.length
    const result = await world.gate()
    const made = sim.requests.slice(before)
    const counts = new Map<string, number>()
    for (const r of made) {
      const key = `${r.method} ${r.operation ?? r.path}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const perPr = (made.length / pullRequests).toFixed(1)
    console.log(`range of ${pullRequests} merged PR(s): ${made.length} requests (${perPr} per PR), ${result.durationMs} ms, allowed=${result.outputs['allowed']}`)
    console.log(`  ${[...counts].map(([k, v]) => `${v} x ${k}`).join('\n  ')}`)
  } finally {
    await sim.close()
  }
}

await measure(1)
await measure(20)
