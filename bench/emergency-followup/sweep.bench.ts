// Prints the API requests of one emergency-followup sweep (the bundled action, as a child
// process, against the simulator) over 200 open review issues of 200 emergency pull requests
// merged in the last 30 days: none overdue; 20 overdue on the first sweep (label + escalation);
// the same 50 on the next sweep (already escalated); and with 20 more closed reviews to verify.
//   node --import ./bench/ts-loader.mjs bench/emergency-followup/sweep.bench.ts
import { prepareRepository, runAction, scheduleScenario, startSimulator, TOKEN_PROFILES, type Simulator } from '@change-policy/github-simulator'
import { renderReviewIssue, reviewDueAt } from '@change-policy/policy'

const APP_TOKEN = 'ghs_BenchEmergencyFollowupToken000000000'
const OPEN = 200
const HOUR = 3_600_000
const POLICY = `version: 1
change-request:
  sections: ["Justification", "Impact assessment"]
emergency:
  reviewers: ["carol"]
  labels: [post-deployment-review]
  escalate-to: ["@acme/leads"]
`

/** 200 merged emergency pull requests, each with its open review issue; `overdue` of them merged more than 24 hours ago. */
function seed(sim: Simulator, overdue: number, closed: number): void {
  const repo = prepareRepository(sim, { policy: POLICY, collaborators: { alice: 'write', bob: 'maintain', carol: 'write' } })
  const now = Date.now()
  for (let i = 0; i < OPEN + closed; i++) {
    const mergedAt = new Date(now - (i < overdue ? 30 : 2) * HOUR - i * 60_000)
    const pr = repo.openPullRequest({ author: 'alice', labels: ['emergency'], files: [{ filename: `src/fix-${i}.ts`, content: `export const fix = ${i}\n` }], at: new Date(mergedAt.getTime() - HOUR) })
    repo.mergePullRequest(pr.number, { by: 'bob', at: mergedAt })
    const { title, body } = renderReviewIssue({
      pullRequest: { number: pr.number, title: pr.issue.title, url: `${sim.serverUrl}/acme/app/pull/${pr.number}`, author: 'alice', mergedBy: 'bob', mergeCommit: null },
      approvers: [], files: [`src/fix-${i}.ts`], reasons: [], deployedAt: mergedAt, deployedFrom: 'merge', dueAt: reviewDueAt(mergedAt, 24), now: mergedAt,
      reviewWithinHours: 24, reviewers: ['carol'], sections: ['Justification', 'Impact assessment']
    })
    const issue = repo.addIssue({ title, body: i >= OPEN ? body.replace('- [ ] Approve retroactively', '- [x] Approve retroactively').replace(/<!-- (Justification|Impact assessment): write it here -->/g, 'Written after the fact by the reviewer.') : body, labels: ['post-deployment-review'], at: mergedAt })
    if (i >= OPEN) repo.closeIssue(issue.number, { actor: 'carol' })
  }
}

async function measure(label: string, overdue: number, closed: number, sweeps: number): Promise<void> {
  const sim = await startSimulator()
  try {
    sim.state.addToken(APP_TOKEN, TOKEN_PROFILES.appToken())
    seed(sim, overdue, closed)
    for (let n = 1; n <= sweeps; n++) {
      const sc = await scheduleScenario(sim, {})
      const before = sim.requests.length
      const result = await runAction('dist/emergency-followup/index.js', { env: sc.env, inputs: { token: APP_TOKEN, mode: 'sweep' }, timeoutMs: 600_000 })
      const made = sim.requests.slice(before)
      const counts = new Map<string, number>()
      for (const r of made) counts.set(`${r.method} ${r.operation ?? r.path}`, (counts.get(`${r.method} ${r.operation ?? r.path}`) ?? 0) + 1)
      const overdueOut = JSON.parse(result.outputs['overdue'] ?? '[]') as number[]
      console.log(`${label}, sweep ${n}: ${made.length} requests (${(made.length / (OPEN + closed)).toFixed(2)} per issue), ${result.durationMs} ms, exit ${result.exitCode}, ${overdueOut.length} overdue`)
      console.log(`  ${[...counts].map(([k, v]) => `${v} x ${k}`).join('; ')}`)
    }
  } finally {
    await sim.close()
  }
}

await measure(`${OPEN} open, none overdue`, 0, 0, 1)
await measure(`${OPEN} open, 20 overdue`, 20, 0, 2)
await measure(`${OPEN} open, 20 overdue, 20 closed reviews to verify`, 20, 20, 1)
