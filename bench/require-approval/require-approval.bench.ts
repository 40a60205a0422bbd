// Prints the API requests of one require-approval run (the bundled action, as a child
// process, against the simulator) for a pull request with 3 reviews and 2 teams to check
// (target: at most 8), what each request was, and the run's wall time; then the same for
// two variants that cost more by design, and for a policy that requires a change request
// (budget: at most 2 more requests for one linked issue).
//   node --import ./bench/ts-loader.mjs bench/require-approval/require-approval.bench.ts
import { pullRequestScenario, runAction, startSimulator, TOKEN_PROFILES, type Simulator } from '@change-policy/github-simulator'

const TARGET = 8
const CHANGE_REQUEST_BUDGET = 2
const APP_TOKEN = 'ghs_BenchAppInstallationToken0000000000000'
const POLICY = `version: 1
controls:
  - name: secrets-and-config
    paths: ["**/.env*", "fly.toml"]
    approvals: 2
    reviewers: ["@acme/security"]
  - name: database
    paths: ["supabase/migrations/**"]
    approvals: 1
    reviewers: ["@acme/dba"]
`

const POLICY_WITH_CHANGE_REQUEST = `${POLICY}change-request:
  required: [normal]
`
const FILLED = '### Justification\n\nCustomers cannot export invoices.\n\n### Impact assessment\n\nOne read-only endpoint.'
const UNFILLED = '### Justification\n\nCustomers cannot export invoices.\n\n### Impact assessment\n\n_No response_'

interface Measured {
  requests: number
  ms: number
  exit: number | null
  approved: string | undefined
  byOperation: string
}

async function measure(sim: Simulator, prepare: (sim: Simulator) => Promise<{ env: Record<string, string> }>, inputs: Record<string, string> = {}): Promise<Measured> {
  const sc = await prepare(sim)
  const before = sim.requests.length
  const result = await runAction('dist/require-approval/index.js', { env: sc.env, inputs: { token: APP_TOKEN, 'fail-on-missing': 'true', ...inputs } })
  const made = sim.requests.slice(before)
  const counts = new Map<string, number>()
  for (const r of made) counts.set(`${r.method} ${r.operation ?? r.path}`, (counts.get(`${r.method} ${r.operation ?? r.path}`) ?? 0) + 1)
  return {
    requests: made.length,
    ms: result.durationMs,
    exit: result.exitCode,
    approved: result.outputs['approved'],
    byOperation: [...counts].map(([k, v]) => `${v} x ${k}`).join('; ')
  }
}

/** 3 reviews (all approvals on the head), 2 teams: @acme/security for the secrets, @acme/dba for the migration. */
async function threeReviewsTwoTeams(sim: Simulator, policy = POLICY, body = '') {
  sim.state.addTeam('acme', 'security', { members: ['carol', 'dave'] })
  sim.state.addTeam('acme', 'dba', { members: ['erin'] })
  const sc = await pullRequestScenario(sim, {
    policy,
    body,
    collaborators: { carol: 'write', dave: 'maintain', erin: 'write' },
    files: ['fly.toml', 'supabase/migrations/003_orders.sql', 'src/orders.ts']
  })
  for (const user of ['carol', 'dave', 'erin']) sc.repo.addReview(sc.pr.number, { user })
  return sc
}

/** The same, then "Update branch" after the approvals: the merge must be proven to be the base's only. */
async function afterUpdateBranch(sim: Simulator) {
  const sc = await threeReviewsTwoTeams(sim)
  sc.repo.commit({ branch: 'main', files: { 'src/unrelated.ts': 'landed on main\n' } })
  return pullRequestScenario(sim, { number: sc.pr.number, action: 'synchronize', mergeBase: true })
}

/** The target case under a policy that requires a change request: issue #1, linked as `link` says. */
function withChangeRequest(link: 'description' | 'sidebar', issueBody: string) {
  return async (sim: Simulator) => {
    const repo = sim.state.addRepository({ fullName: 'acme/app' })
    repo.addIssue({ title: 'Export invoices', body: issueBody })
    const sc = await threeReviewsTwoTeams(sim, POLICY_WITH_CHANGE_REQUEST, link === 'description' ? 'Closes #1' : 'Exports invoices.')
    if (link === 'sidebar') repo.linkIssue(sc.pr.number, 1)
    return sc
  }
}

const rows: [string, Measured][] = []
const changeRequestRows: string[] = []
for (const [name, prepare, inputs, approved] of [
  ['3 reviews, 2 teams (the target case)', threeReviewsTwoTeams, {}, 'true'],
  ['3 reviews, 2 teams, change-type given (the files are still read: controls apply to any type)', threeReviewsTwoTeams, { 'change-type': 'normal' }, 'true'],
  ['3 reviews, 2 teams, then "Update branch"', afterUpdateBranch, {}, 'true'],
  ['the target case + a change request: "Closes #1", documented', withChangeRequest('description', FILLED), {}, 'true'],
  ['the target case + a change request: linked in the sidebar only, documented', withChangeRequest('sidebar', FILLED), {}, 'true'],
  ['the target case + a change request: "Closes #1", Impact assessment empty (fails)', withChangeRequest('description', UNFILLED), {}, 'false']
] as const) {
  const runs: Measured[] = []
  for (let i = 0; i < 3; i++) {
    const sim = await startSimulator()
    sim.state.addToken(APP_TOKEN, TOKEN_PROFILES.appToken())
    try {
      runs.push(await measure(sim, prepare, inputs))
    } finally {
      await sim.close()
    }
  }
  const bad = runs.find((r) => r.exit !== (approved === 'true' ? 0 : 1) || r.approved !== approved)
  if (bad) throw new Error(`${name}: the action did not decide approved=${approved}: ${JSON.stringify(bad)}`)
  rows.push([name, { ...runs[0]!, ms: [...runs.map((r) => r.ms)].sort((a, b) => a - b)[1]! }])
  if (name.includes('change request')) changeRequestRows.push(name)
}

console.log('require-approval action (dist bundle, child process, simulator on 127.0.0.1), API requests per run:')
for (const [name, m] of rows) {
  console.log(`  ${name}: ${m.requests} requests, median wall time ${m.ms} ms`)
  console.log(`    ${m.byOperation}`)
}
const target = rows[0]![1]
console.log(`  target: at most ${TARGET} for 3 reviews and 2 teams: ${target.requests <= TARGET ? 'met' : 'MISSED'} (${target.requests})`)
if (target.requests > TARGET) process.exitCode = 1
for (const [name, m] of rows.filter(([name]) => changeRequestRows.includes(name))) {
  const extra = m.requests - target.requests
  console.log(`  change request, one linked issue (${name.replace('the target case + a change request: ', '')}): +${extra} requests (budget: at most ${CHANGE_REQUEST_BUDGET}): ${extra <= CHANGE_REQUEST_BUDGET ? 'met' : 'MISSED'}`)
  if (extra > CHANGE_REQUEST_BUDGET) process.exitCode = 1
}
