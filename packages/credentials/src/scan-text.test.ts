import { testCredentials } from './credential-fixtures'
import { scanText } from './scan-text'

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
