// The bundled dist/classify-change/index.js, run as the Actions runner runs it, against the
// GitHub simulator over HTTP, with real webhook payloads adjusted per scenario.
import {
  mergeGroupScenario,
  pullRequestReviewScenario,
  pullRequestScenario,
  pushScenario,
  runAction,
  startSimulator,
  TOKEN_PROFILES,
  workflowDispatchScenario,
  type ActionRun,
  type PullRequestScenario,
  type Simulator
} from '@change-policy/github-simulator'

const ACTION = 'actions/classify-change/action.yml'

const POLICY = `version: 1
classification:
  emergency:
    labels: [emergency]
    head-branches: ["hotfix/**"]
    declared-by: ["oncall-lead", "@acme/oncall"]
  standard:
    paths: ["docs/**", "**/*.md"]
    dependency-updates: [patch]
controls:
  - name: secrets-and-config
    paths: ["**/.env*", "**/*.pem", "fly.toml", "vercel.json", "supabase/config.toml"]
    approvals: 2
    reviewers: ["@acme/security"]
  - name: database
    paths: ["supabase/migrations/**"]
    required-checks: ["validate-migration"]
`

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

async function run(sc: { env: Record<string, string>; token: string }, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const result = await runAction(ACTION, { env: sc.env, token: sc.token, inputs })
  expect(sim.errors).toEqual([])
  return result
}

function json(value: string | undefined): unknown {
  return JSON.parse(value ?? 'null')
}

function labelsOf(sc: PullRequestScenario): string[] {
  return sc.repo.pull(sc.pr.number).issue.labels
}

describe('classification end to end', () => {
  test('a docs-only pull request is standard and gets the change:standard label', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['docs/guide.md', 'README.md'] })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-type']).toBe('standard')
    expect(result.outputs['files-count']).toBe('2')
    expect(result.outputs['required-approvals']).toBe('0')
    expect(json(result.outputs['controls'])).toEqual([])
    expect(labelsOf(sc)).toContain('change:standard')
    expect(result.summary).toContain('Standard change')
    const record = json(result.outputs['audit-record']) as Record<string, unknown>
    expect(record).toMatchObject({
      schema: 'change-policy/audit@1',
      action: 'classify-change',
      decision: 'standard',
      repository: 'acme/app',
      pullRequest: sc.pr.number,
      sha: sc.headSha,
      policy: { path: '.github/change-policy.yml', ref: 'main' }
    })
    expect((record['policy'] as { sha: string }).sha).toMatch(/^[0-9a-f]{40}$/)
  })

  test('one code file makes a normal change needing one approval, and stale change:* labels go', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['src/app.ts'], labels: ['change:standard', 'bug'] })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-type']).toBe('normal')
    expect(result.outputs['required-approvals']).toBe('1')
    expect(json(result.outputs['reasons'])).toEqual(expect.arrayContaining([expect.stringContaining('src/app.ts')]))
    expect(result.annotations.find((a) => a.level === 'notice')).toMatchObject({ title: 'normal change (1 approval required)' })
    expect(labelsOf(sc)).toEqual(expect.arrayContaining(['change:normal', 'bug']))
    expect(labelsOf(sc)).not.toContain('change:standard')
  })

  test('a Dependabot patch bump is standard; a major bump is normal', async () => {
    const patch = await pullRequestScenario(sim, {
      policy: POLICY,
      author: 'dependabot[bot]',
      title: 'Bump lodash from 4.17.20 to 4.17.21',
      body: 'Bumps [lodash](https://github.com/lodash/lodash) from 4.17.20 to 4.17.21.',
      headBranch: 'dependabot/npm_and_yarn/lodash-4.17.21',
      files: ['package.json', 'package-lock.json']
    })
    const patchRun = await run(patch)
    expect(patchRun.outputs['change-type']).toBe('standard')

    const major = await pullRequestScenario(sim, {
      policy: POLICY,
      author: 'dependabot[bot]',
      title: 'Bump express from 4.19.2 to 5.0.0',
      body: 'Bumps [express](https://github.com/expressjs/express) from 4.19.2 to 5.0.0.',
      headBranch: 'dependabot/npm_and_yarn/express-5.0.0',
      files: ['package.json', 'package-lock.json']
    })
    const majorRun = await run(major)
    expect(majorRun.outputs['change-type']).toBe('normal')
    expect(majorRun.outputs['reasons']).toMatch(/major/)
  })

  test('an emergency label added by an allowed actor makes an emergency', async () => {
    const sc = await pullRequestScenario(sim, {
      policy: POLICY,
      action: 'labeled',
      label: 'emergency',
      sender: 'oncall-lead',
      files: ['src/auth.ts']
    })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-type']).toBe('emergency')
    expect(result.outputs['required-approvals']).toBe('0')
    expect(result.summary).toMatch(/post-deployment review/)
    expect(labelsOf(sc)).toContain('change:emergency')
  })

  test('an emergency label added by the author, who may not declare one, stays normal and says why', async () => {
    sim.state.addTeam('acme', 'oncall', { members: ['oncall-lead'] })
    const sc = await pullRequestScenario(sim, {
      policy: POLICY,
      action: 'labeled',
      label: 'emergency',
      author: 'carol',
      sender: 'carol',
      files: ['src/auth.ts']
    })
    sim.state.addToken('app-token', TOKEN_PROFILES.appToken())
    const result = await runAction(ACTION, { env: sc.env, token: 'app-token' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-type']).toBe('normal')
    expect(result.outputs['reasons']).toMatch(/carol/)
    expect(result.outputs['reasons']).toMatch(/declared-by/)
  })

  test('a declared-by team that the default token cannot read fails closed with the App-token fix', async () => {
    sim.state.addTeam('acme', 'oncall', { members: ['oncall-lead'] })
    const sc = await pullRequestScenario(sim, { policy: POLICY, action: 'labeled', label: 'emergency', author: 'carol', sender: 'carol', files: ['src/auth.ts'] })
    const result = await run(sc)
    expect(result.exitCode).not.toBe(0)
    expect(result.outputs['change-type']).toBeUndefined()
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(/GitHub App/)
  })

  test('a secrets file under docs/ matches the control and is never standard', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['docs/.env.production', 'docs/guide.md'] })
    const result = await run(sc)
    expect(result.outputs['change-type']).toBe('normal')
    expect(json(result.outputs['controls'])).toEqual(['secrets-and-config'])
    expect(result.outputs['required-approvals']).toBe('2')
    expect(result.summary).toContain('secrets-and-config')
    expect(result.summary).toContain('docs/.env.production')
  })

  test('a pull request that edits the policy is judged by the base branch policy and touches a control', async () => {
    // The head's policy would make everything standard; it must not be the one applied.
    const relaxed = 'version: 1\nclassification:\n  standard:\n    paths: ["**"]\ncontrols: []\n'
    const sc = await pullRequestScenario(sim, {
      policy: POLICY,
      files: [{ filename: '.github/change-policy.yml', content: relaxed }, 'src/app.ts']
    })
    const result = await run(sc)
    expect(result.outputs['change-type']).toBe('normal')
    expect(json(result.outputs['controls'])).toContain('policy-file')
    const policyReads = sim.requests.filter((r) => r.path.includes('/contents/.github'))
    expect(policyReads.length).toBeGreaterThan(0)
    for (const read of policyReads) expect(read.query['ref']).toBe('main')
  })

  test('a rename from docs/ into src/ is normal', async () => {
    const sc = await pullRequestScenario(sim, {
      policy: POLICY,
      baseFiles: { 'docs/snippet.ts': 'export {}\n' },
      files: [{ filename: 'src/snippet.ts', previous_filename: 'docs/snippet.ts', status: 'renamed' }]
    })
    const result = await run(sc)
    expect(result.outputs['change-type']).toBe('normal')
    expect(result.outputs['reasons']).toMatch(/src\/snippet\.ts/)
  })

  test('a pull request of 3,001 files fails closed: the list would be incomplete', async () => {
    const files = Array.from({ length: 3001 }, (_, i) => `docs/page-${i}.md`)
    const sc = await pullRequestScenario(sim, { policy: POLICY, files })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['change-type']).toBeUndefined()
    expect(result.stdout).toMatch(/3001 files/)
    expect(result.summary).toMatch(/Split the change/)
    expect(sim.requestsTo('pulls/list-files')).toHaveLength(0)
  })

  test('an invalid policy fails with an error annotation on its file and line', async () => {
    const sc = await pullRequestScenario(sim, {
      policy: 'version: 1\napprovals:\n  normal: 1\n  aprovals: 2\n',
      files: ['src/app.ts']
    })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    const error = result.annotations.find((a) => a.level === 'error')
    expect(error).toMatchObject({ file: '.github/change-policy.yml', line: 4 })
    expect(error?.message).toMatch(/aprovals/)
    expect(result.summary).toMatch(/aprovals/)
    expect(result.outputs['change-type']).toBeUndefined()
  })

  test('a misspelt migration rule name fails every action, not only validate-migration', async () => {
    const sc = await pullRequestScenario(sim, {
      policy: 'version: 1\nmigrations:\n  rules:\n    ban-drop-tabel: off\n',
      files: ['docs/a.md']
    })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    const error = result.annotations.find((a) => a.level === 'error')
    expect(error).toMatchObject({ file: '.github/change-policy.yml', line: 4 })
    expect(error?.message).toMatch(/ban-drop-table/)
  })

  test('malformed YAML fails with its position, never a stack trace', async () => {
    const sc = await pullRequestScenario(sim, { policy: 'version: 1\nclassification: [unclosed\n', files: ['src/app.ts'] })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.annotations.find((a) => a.level === 'error')?.file).toBe('.github/change-policy.yml')
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })

  test('no policy file on the base branch: the defaults apply with a warning', async () => {
    const sc = await pullRequestScenario(sim, { files: ['docs/guide.md'] })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-type']).toBe('standard')
    expect(result.annotations.find((a) => a.level === 'warning')?.message).toMatch(/defaults apply/)
    expect(result.summary).toMatch(/built-in defaults/)
  })

  test('GitHub failing with 500 twice and then answering: the run passes', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['src/app.ts'] })
    sim.inject({ path: /\/pulls\/\d+\/files/, status: 500, times: 2 })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-type']).toBe('normal')
    expect(sim.requests.filter((r) => r.injected)).toHaveLength(2)
  })

  test('GitHub always failing: the run fails closed and says so', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['docs/guide.md'] })
    sim.inject({ path: /\/pulls\/\d+\/files/, status: 500, times: Infinity })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['change-type']).toBeUndefined()
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(/HTTP 500/)
  })

  test('a secondary rate limit with retry-after is waited out', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['docs/guide.md'] })
    sim.inject({
      path: /\/pulls\/\d+$/,
      status: 403,
      times: 1,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits', status: '403' }
    })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-type']).toBe('standard')
  })
})

describe('events and inputs', () => {
  test('a push event carries no pull request: a clear error', async () => {
    const sc = await pushScenario(sim, { policy: POLICY })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(/`push` event/)
  })

  test('a review event is refused: classification runs on the pull request events', async () => {
    const pr = await pullRequestScenario(sim, { policy: POLICY, files: ['src/a.ts'] })
    const sc = await pullRequestReviewScenario(sim, { number: pr.pr.number, review: { user: 'bob' } })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(/`pull_request_review`/)
    expect(result.outputs['change-type']).toBeUndefined()
  })

  test('workflow_dispatch classifies the pull request named by the input', async () => {
    const pr = await pullRequestScenario(sim, { policy: POLICY, files: ['docs/a.md'] })
    const sc = await workflowDispatchScenario(sim, {})
    const result = await run(sc, { 'pull-request': String(pr.pr.number) })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-type']).toBe('standard')
  })

  test('workflow_dispatch without the input says to pass it', async () => {
    const sc = await workflowDispatchScenario(sim, { policy: POLICY })
    const result = await run(sc)
    expect(result.exitCode).toBe(1)
    expect(result.annotations[0]?.message).toMatch(/pull-request/)
  })

  test('a merge group run classifies the queued pull request', async () => {
    const pr = await pullRequestScenario(sim, { policy: POLICY, files: ['src/x.ts'] })
    const sc = await mergeGroupScenario(sim, { pullRequest: pr.pr.number })
    const result = await run(sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-type']).toBe('normal')
  })

  test('a token that may not write labels fails the step and names the permission', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['src/app.ts'] })
    sim.state.addToken('read-only', TOKEN_PROFILES.readOnlyGithubToken())
    const result = await runAction(ACTION, { env: sc.env, token: 'read-only' })
    expect(result.exitCode).toBe(1)
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(/pull-requests: (read|write)/)
  })

  test('apply-labels: false writes no labels', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['src/app.ts'] })
    const result = await run(sc, { 'apply-labels': 'false' })
    expect(result.exitCode).toBe(0)
    expect(sim.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })

  test('an input that is not a boolean is refused', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['src/app.ts'] })
    const result = await run(sc, { 'apply-labels': 'yes please' })
    expect(result.exitCode).toBe(1)
    expect(result.annotations[0]?.message).toMatch(/apply-labels/)
  })

  test('the token never appears in the output', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: ['src/app.ts'] })
    const result = await run(sc)
    expect(result.masks).toContain(sc.token)
    expect(result.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain(sc.token)
  })
})
