import { testCredentials } from './credential-fixtures'
import { scanText, scanTexts } from './scan-text'

const keys = testCredentials()

async function rulesFound(text: string): Promise<string[]> {
  return (await scanText(text, 'src/config.ts')).detections.map((d) => d.rule)
}

describe('scanText', () => {
  test.each([
    ['an AWS access key ID', `const id = "${keys.awsAccessKeyId}"`, 'aws'],
    ['a GitHub token', `token: ${keys.githubToken}`, 'github'],
    ['a Stripe live key', `STRIPE_KEY=${keys.stripeLiveKey}`, 'stripe'],
    ['a private key block', `${keys.privateKey}\n`, 'privatekey'],
    ['a Supabase service-role JWT', `const key = '${keys.supabaseServiceRoleJwt}'`, 'supabase']
  ])('finds %s', async (_name, text, rule) => {
    expect(await rulesFound(text)).toEqual([rule])
  })

  test('reports where the credential is and its fingerprint, never the secret', async () => {
    const scan = await scanText(`// config\nconst id = "${keys.awsAccessKeyId}"\n`, 'src/config.ts')
    expect(scan.detections).toEqual([{ rule: 'aws', kind: 'AWS access key ID', line: 2, column: 13, fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/) }])
    expect(JSON.stringify(scan.detections)).not.toContain(keys.awsAccessKeyId)
    expect(scan.secrets).toEqual([keys.awsAccessKeyId])
  })

  test('the same secret has the same fingerprint, another secret another', async () => {
    const a = await scanText(keys.githubToken, 'a')
    const b = await scanText(`x = ${keys.githubToken}`, 'b')
    const c = await scanText(testCredentials('other').githubToken, 'c')
    expect(a.detections[0]?.fingerprint).toBe(b.detections[0]?.fingerprint)
    expect(c.detections[0]?.fingerprint).not.toBe(a.detections[0]?.fingerprint)
  })

  test.each([
    ['a Stripe test key placeholder', 'STRIPE_KEY=sk_test_XXXX'],
    ['a live-shaped placeholder', `STRIPE_KEY=${['sk', '_live_'].join('')}XXXXXXXXXXXXXXXXXXXXXXXX`],
    ['a template value', 'API_KEY=your-api-key'],
    ["AWS's documented example key", `id = "${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}"`],
    ['a Supabase anon JWT (public by design)', `anon = '${keys.supabaseAnonJwt}'`],
    ['an AWS account number', 'aws_account_id = 1234-5678-9012']
  ])('does not report %s', async (_name, text) => {
    expect(await rulesFound(text)).toEqual([])
  })

  test('a secretlint-disable comment does not silence the scanner', async () => {
    expect(await rulesFound(`const t = "${keys.githubToken}" // secretlint-disable-line`)).toEqual(['github'])
  })
})

describe('scanTexts', () => {
  test('gives each text its own findings at its own lines, as one scan per text would', async () => {
    const texts = [
      { path: 'a.ts', text: 'one\ntwo\n' },
      { path: 'b.ts', text: `x\ny\nconst t = "${keys.githubToken}"\n` },
      { path: 'c.ts', text: 'nothing here' },
      { path: 'd.ts', text: `${keys.stripeLiveKey}` }
    ]
    const batched = await scanTexts(texts)
    const single = await Promise.all(texts.map((t) => scanText(t.text, t.path)))
    expect(batched).toEqual(single)
    expect(batched.map((s) => s.detections.map((d) => [d.rule, d.line]))).toEqual([[], [['github', 3]], [], [['stripe', 1]]])
    expect(batched[1]?.secrets).toEqual([keys.githubToken])
  })

  test('a private key split across two files is not joined into one', async () => {
    const [begin, ...rest] = keys.privateKey.split('\n')
    const end = rest.pop() as string
    const batched = await scanTexts([{ path: 'a.ts', text: [begin, ...rest.slice(0, 2)].join('\n') }, { path: 'b.ts', text: [...rest.slice(2), end].join('\n') }])
    expect(batched.flatMap((s) => s.detections)).toEqual([])
  })

  test('files whose name matters to a rule are scanned on their own', async () => {
    const npmrc = `//registry.npmjs.org/:_authToken=npm_${'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'.slice(0, 36)}`
    const [batched] = await scanTexts([{ path: '.npmrc', text: npmrc }])
    expect(batched).toEqual(await scanText(npmrc, '.npmrc'))
  })
})
