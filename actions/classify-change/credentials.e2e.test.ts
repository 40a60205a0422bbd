// Credential scanning end to end: the bundled classify-change and require-approval against
// the simulator. Every credential is made at run time (credential-fixtures), and each test
// checks that the raw value appears nowhere a user or a log could read it.
import { testCredentials } from '@change-policy/credentials/fixtures'
import { pullRequestScenario, runAction, startSimulator, type ActionRun, type Simulator } from '@change-policy/github-simulator'

const CLASSIFY = 'actions/classify-change/action.yml'
const APPROVE = 'actions/require-approval/action.yml'
const keys = testCredentials('e2e')

const POLICY = `version: 1
controls:
  - name: secrets-and-config
    paths: ["**/.env*"]
    approvals: 2
credentials:
  ignore-paths: ["test/fixtures/**"]
`
const CONTROL_POLICY = POLICY.replace('credentials:\n', 'credentials:\n  on-finding: control\n')

let sim: Simulator

/** Paths of the contents API reads, decoded (the client encodes the `/` of a file's path). */
const contentReads = (): string[] => sim.requestsTo('repos/get-content').map((r) => decodeURIComponent(r.path))
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(async () => {
  await sim.close()
})

async function run(action: string, sc: { env: Record<string, string>; token: string }): Promise<ActionRun> {
  const result = await runAction(action, { env: sc.env, token: sc.token, inputs: {} })
  expect(sim.errors).toEqual([])
  return result
}

/** The secret (and each line of a multi-line one) is nowhere in what the step wrote, and was masked. */
function expectNowhere(result: ActionRun, secret: string): void {
  const lines = secret.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'))
  const visible = [result.stdout.replace(/^::add-mask::.*$/gm, ''), result.stderr, JSON.stringify(result.outputs), result.summary, JSON.stringify(result.annotations)]
  for (const text of visible) {
    expect(text).not.toContain(secret)
    for (const line of lines) expect(text).not.toContain(line)
  }
  expect(result.masks).toContain(secret)
}

interface FindingOutput {
  path: string
  line: number
  rule: string
  kind: string
  fingerprint: string
  waived: boolean
}

const findingsOf = (result: ActionRun): FindingOutput[] => JSON.parse(result.outputs['credential-findings'] ?? '[]') as FindingOutput[]

describe('a credential in an ordinary source file fails classify-change, masked everywhere', () => {
  test.each([
    ['an AWS access key ID', keys.awsAccessKeyId, 'aws', 'AWS access key ID'],
    ['a GitHub token', keys.githubToken, 'github', 'GitHub token'],
    ['a Stripe live key', keys.stripeLiveKey, 'stripe', 'Stripe live secret key'],
    ['a private key block', keys.privateKey, 'privatekey', 'private key'],
    ['a Supabase service-role JWT', keys.supabaseServiceRoleJwt, 'supabase', 'Supabase service-role JWT']
  ])('%s', async (_name, secret, rule, kind) => {
    const content = `// settings\nexport const region = 'eu-west-1'\nexport const key = \`${secret}\`\n`
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: [{ filename: 'src/config.ts', content }] })
    const result = await run(CLASSIFY, sc)
    expect(result.exitCode).toBe(1)
    const annotation = result.annotations.find((a) => a.level === 'error' && a.file === 'src/config.ts')
    expect(annotation).toMatchObject({ line: 3, title: expect.stringContaining(kind) })
    expect(annotation?.message).toContain(`rule ${rule}`)
    expect(annotation?.message).toMatch(/Rotate this credential now: it is already in the repository's history/)
    expect(annotation?.message).toMatch(/secret store/)
    expect(findingsOf(result)).toEqual([{ path: 'src/config.ts', line: 3, column: expect.any(Number), rule, kind: expect.stringContaining(kind), fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/), waived: false }])
    expect(result.summary).toContain('### Credential scan')
    expect(result.summary).toContain(findingsOf(result)[0]?.fingerprint)
    const record = JSON.parse(result.outputs['audit-record'] ?? '{}') as { reasons: string[] }
    expect(record.reasons.join('\n')).toContain('src/config.ts:3')
    expectNowhere(result, secret)
  })
})

describe('what is not reported', () => {
  test('placeholders: a Stripe test key, a template value, an anon JWT', async () => {
    const content = ['STRIPE_KEY=sk_test_XXXX', 'API_KEY=your-api-key', `SUPABASE_ANON_KEY=${keys.supabaseAnonJwt}`, ''].join('\n')
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: [{ filename: 'src/example-config.ts', content }] })
    const result = await run(CLASSIFY, sc)
    expect(result.exitCode).toBe(0)
    expect(findingsOf(result)).toEqual([])
    expect(result.summary).toContain('No credentials in the added lines of 1 file.')
  })

  test('a file under credentials.ignore-paths is never scanned', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: [{ filename: 'test/fixtures/keys.ts', content: `export const k = '${keys.githubToken}'\n` }] })
    const result = await run(CLASSIFY, sc)
    expect(result.exitCode).toBe(0)
    expect(findingsOf(result)).toEqual([])
    expect(result.summary).toContain('Ignored by `credentials.ignore-paths`: 1 file.')
  })

  test('a line already on the base branch is not this change\'s finding', async () => {
    const sc = await pullRequestScenario(sim, {
      policy: POLICY,
      baseFiles: { 'src/legacy.ts': `export const k = '${keys.githubToken}'\n` },
      files: [{ filename: 'src/legacy.ts', content: `export const k = '${keys.githubToken}'\nexport const other = 1\n` }]
    })
    const result = await run(CLASSIFY, sc)
    expect(result.exitCode).toBe(0)
    expect(findingsOf(result)).toEqual([])
  })
})

describe('allow comments and on-finding: control', () => {
  test('an allow comment waives the finding, which is listed in the audit record and keeps a docs change from being standard', async () => {
    const content = `Example token: ${keys.githubToken} <!-- change-policy: allow credential github -->\n`
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: [{ filename: 'docs/tokens.md', content }] })
    const result = await run(CLASSIFY, sc)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['change-type']).toBe('normal')
    expect(findingsOf(result)).toEqual([expect.objectContaining({ path: 'docs/tokens.md', line: 1, rule: 'github', waived: true })])
    expect(result.annotations).toContainEqual(expect.objectContaining({ level: 'notice', file: 'docs/tokens.md', line: 1 }))
    const record = JSON.parse(result.outputs['audit-record'] ?? '{}') as { reasons: string[] }
    expect(record.reasons.join('\n')).toMatch(/1 finding waived by an allow comment \(docs\/tokens\.md:1 \(GitHub token/)
    expectNowhere(result, keys.githubToken)
  })

  test('on-finding: control makes the change need the secrets-and-config approvals instead of failing, in both actions', async () => {
    const sc = await pullRequestScenario(sim, { policy: CONTROL_POLICY, files: [{ filename: 'src/config.ts', content: `export const key = '${keys.stripeLiveKey}'\n` }] })
    const classified = await run(CLASSIFY, sc)
    expect(classified.exitCode).toBe(0)
    expect(JSON.parse(classified.outputs['controls'] ?? '[]')).toEqual(['secrets-and-config'])
    expect(classified.outputs['required-approvals']).toBe('2')
    expect(classified.annotations).toContainEqual(expect.objectContaining({ level: 'error', file: 'src/config.ts', line: 1 }))
    expectNowhere(classified, keys.stripeLiveKey)

    const approval = await run(APPROVE, sc)
    expect(approval.exitCode).toBe(1)
    expect(approval.outputs['approved']).toBe('false')
    expect(approval.outputs['missing']).toContain('secrets-and-config')
    expectNowhere(approval, keys.stripeLiveKey)
  })

  test('with on-finding: fail, require-approval refuses too, whatever the reviews', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: [{ filename: 'src/config.ts', content: `export const key = '${keys.stripeLiveKey}'\n` }] })
    const approval = await run(APPROVE, sc)
    expect(approval.exitCode).toBe(1)
    expect(approval.outputs['approved']).toBe('false')
    expect(approval.annotations.map((a) => a.message).join('\n')).toMatch(/1 credential found in the lines this pull request adds: src\/config\.ts:1/)
    expectNowhere(approval, keys.stripeLiveKey)
  })
})

describe('files GitHub gives no patch for', () => {
  const filler = (lines: number) => Array.from({ length: lines }, (_, i) => `insert into audit_log values (${i}, 'row number ${i} of the seed data');`).join('\n')

  test('a key in a file over the patch limit is read at the head and caught at its line', async () => {
    const content = `${filler(1500)}\nselect '${keys.awsAccessKeyId}';\n${filler(1500)}\n`
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: [{ filename: 'supabase/seed.sql', content }] })
    const result = await run(CLASSIFY, sc)
    expect(contentReads().filter((path) => path.endsWith('/contents/supabase/seed.sql'))).toHaveLength(1)
    expect(result.exitCode).toBe(1)
    expect(findingsOf(result)).toEqual([expect.objectContaining({ path: 'supabase/seed.sql', line: 1501, rule: 'aws' })])
    expectNowhere(result, keys.awsAccessKeyId)
  })

  test('a text file over the 1 MB read bound fails closed for that file, saying why', async () => {
    const content = `${filler(16000)}\n`
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: [{ filename: 'supabase/big-seed.sql', content }] })
    const result = await run(CLASSIFY, sc)
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toContainEqual(expect.objectContaining({ level: 'error', file: 'supabase/big-seed.sql', message: expect.stringMatching(/over the 1048576 bytes the scan reads/) }))
    expect(result.summary).toContain('Not scanned, so the check fails: `supabase/big-seed.sql`')
  })

  test('a binary file is listed as not scanned and does not fail', async () => {
    const sc = await pullRequestScenario(sim, { policy: POLICY, files: [{ filename: 'assets/logo.png', content: '\u0089PNG\r\n\u001a\n\u0000\u0000' }, { filename: 'assets/blob.dat', content: 'a\u0000b' }] })
    const result = await run(CLASSIFY, sc)
    expect(result.exitCode).toBe(0)
    expect(result.summary).toContain('Not scanned (binary): `assets/blob.dat`, `assets/logo.png`.')
    // The .png is known by its extension; only the .dat costs a read.
    expect(contentReads().filter((path) => path.includes('/contents/assets/'))).toEqual([expect.stringContaining('assets/blob.dat')])
  })
})
