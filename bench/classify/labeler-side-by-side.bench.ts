// Runs actions/labeler's own bundled dist (not part of this repository: point LABELER_DIST
// at a folder holding its dist/index.js and dist/package.json) on the same 3,000-file pull
// request with the same 50 path rules, against the same simulator, and prints its wall time
// and API requests beside ours. Without LABELER_DIST it says so and exits.
//   LABELER_DIST=/path/to/labeler/dist node --import ./bench/ts-loader.mjs bench/classify/labeler-side-by-side.bench.ts
import { join } from 'node:path'
import { pullRequestScenario, runAction, startSimulator } from '@change-policy/github-simulator'
import { fiftyRulePolicy, largePullRequestFiles } from './fixtures'

const labelerDist = process.env['LABELER_DIST']
if (!labelerDist) {
  console.log('labeler side by side: LABELER_DIST is not set; skipped (see the comment at the top of this file).')
  process.exit(0)
}

// The same rules in labeler's format: one label per control, any glob matching any file.
function labelerConfig(policy: string): string {
  const rules: string[] = []
  for (const m of policy.matchAll(/- name: (\S+)\n\s+paths: \[(.*)\]/g)) {
    rules.push(`${m[1]}:\n- changed-files:\n  - any-glob-to-any-file: [${m[2]}]`)
  }
  rules.push(`docs:\n- changed-files:\n  - all-globs-to-all-files: ["docs/**", "**/*.md"]`)
  return `${rules.join('\n')}\n`
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const policy = fiftyRulePolicy()
const files = largePullRequestFiles()
const sim = await startSimulator()
try {
  for (const tool of ['labeler', 'change-policy'] as const) {
    const times: number[] = []
    let requests = 0
    for (let i = 0; i < 5; i++) {
      const sc = await pullRequestScenario(sim, { policy, baseFiles: { '.github/labeler.yml': labelerConfig(policy) }, files })
      const before = sim.requests.length
      const result =
        tool === 'labeler'
          ? await runAction(join(labelerDist, 'index.js'), { env: sc.env, inputs: { 'repo-token': sc.token, 'configuration-path': '.github/labeler.yml', 'sync-labels': 'false', dot: 'true' } })
          : await runAction('dist/classify-change/index.js', { env: sc.env, inputs: { token: sc.token } })
      if (result.exitCode !== 0) throw new Error(`${tool} failed: ${result.stdout}\n${result.stderr}`)
      times.push(result.durationMs)
      requests = sim.requests.length - before
    }
    console.log(`${tool.padEnd(14)} 3000 files, 50 rules: median ${median(times)} ms (${times.join(', ')}), ${requests} API requests`)
  }
} finally {
  await sim.close()
}
