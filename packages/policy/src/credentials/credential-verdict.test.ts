import { classify } from '../classify'
import { factsWith, modified, policyFrom } from '../policy-fixtures'
import type { CredentialFinding } from './credential-findings'
import { applyAllowComments } from './credential-findings'
import type { CredentialScanFacts } from './credential-verdict'

const finding = (path: string, line: number, waived = false): CredentialFinding => ({ path, line, column: 1, rule: 'aws', kind: 'AWS access key ID', fingerprint: 'abcdef012345', waived })
const scan = (over: Partial<CredentialScanFacts> = {}): CredentialScanFacts => ({ findings: [], unscannable: [], notScanned: [], ignored: [], scanned: 1, ...over })

const failPolicy = policyFrom('version: 1\n')
const controlPolicy = policyFrom('version: 1\ncredentials:\n  on-finding: control\n')

describe('credential findings in classification', () => {
  test('with on-finding: fail, a finding blocks and names the file, line and fingerprint', () => {
    const result = classify(factsWith({ files: modified('src/config.ts'), credentials: scan({ findings: [finding('src/config.ts', 3)] }) }), failPolicy)
    expect(result.credentials?.blocking).toEqual(['1 credential found in the lines this pull request adds: src/config.ts:3 (AWS access key ID, rule aws, fingerprint abcdef012345).'])
    expect(result.controls.map((c) => c.name)).toEqual([])
  })

  test('with on-finding: control, the secrets-and-config control applies with its approvals instead', () => {
    const result = classify(factsWith({ files: modified('src/config.ts'), credentials: scan({ findings: [finding('src/config.ts', 3)] }) }), controlPolicy)
    expect(result.credentials?.blocking).toEqual([])
    expect(result.controls).toEqual([expect.objectContaining({ name: 'secrets-and-config', files: [{ path: 'src/config.ts' }], fileCount: 1, approvals: 2, builtIn: false })])
    expect(result.requiredApprovals).toBe(2)
    expect(result.requirements).toContainEqual({ source: 'control', name: 'secrets-and-config', approvals: 2, reviewers: [] })
  })

  test('a file already under secrets-and-config by path is counted once', () => {
    const result = classify(factsWith({ files: modified('.env.production'), credentials: scan({ findings: [finding('.env.production', 1)] }) }), controlPolicy)
    expect(result.controls.filter((c) => c.name === 'secrets-and-config')).toEqual([expect.objectContaining({ fileCount: 1, files: [{ path: '.env.production' }] })])
  })

  test('without a secrets-and-config control, the built-in credentials control applies', () => {
    const policy = policyFrom('version: 1\ncontrols: []\ncredentials:\n  on-finding: control\n')
    const result = classify(factsWith({ files: modified('src/config.ts'), credentials: scan({ findings: [finding('src/config.ts', 3)] }) }), policy)
    expect(result.controls).toEqual([expect.objectContaining({ name: 'credentials', approvals: 2, builtIn: true })])
  })

  test('a waived finding keeps a documentation change from being standard, does not block, and is named in the reasons', () => {
    const result = classify(factsWith({ files: modified('docs/setup.md'), credentials: scan({ findings: [finding('docs/setup.md', 7, true)] }) }), failPolicy)
    expect(result.changeType).toBe('normal')
    expect(result.credentials?.blocking).toEqual([])
    expect(result.reasons.join('\n')).toContain('waived by an allow comment (docs/setup.md:7 (AWS access key ID, rule aws, fingerprint abcdef012345))')
    expect(result.reasons.at(-1)).toBe('Classified as normal: it would be standard, but the credential scan found credentials in the added lines.')
  })

  test('a documentation change with no findings stays standard', () => {
    const result = classify(factsWith({ files: modified('docs/setup.md'), credentials: scan() }), failPolicy)
    expect(result.changeType).toBe('standard')
    expect(result.credentials?.blocking).toEqual([])
  })

  test('a file that could not be scanned blocks whatever on-finding says', () => {
    const result = classify(factsWith({ files: modified('data/big.sql'), credentials: scan({ unscannable: [{ path: 'data/big.sql', reason: 'it is 2000000 bytes' }] }) }), controlPolicy)
    expect(result.credentials?.blocking).toEqual(['data/big.sql could not be scanned for credentials: it is 2000000 bytes.'])
  })

  test('with scan: false there is no verdict, whatever the caller passed', () => {
    const policy = policyFrom('version: 1\ncredentials:\n  scan: false\n')
    const result = classify(factsWith({ files: modified('src/a.ts'), credentials: scan({ findings: [finding('src/a.ts', 1)] }) }), policy)
    expect(result.credentials).toBeNull()
  })
})

describe('applyAllowComments', () => {
  const detected = (line: number, rule = 'aws') => ({ rule, kind: 'k', line, column: 1, fingerprint: 'f' })

  test('an allow comment naming the rule waives the finding on its line only', () => {
    const lines: Record<number, string> = { 1: 'key = "…" # change-policy: allow credential aws', 2: 'key2 = "…"' }
    expect(applyAllowComments('a', [detected(1), detected(2)], (n) => lines[n]).map((f) => f.waived)).toEqual([true, false])
  })

  test('a comment naming another rule waives nothing', () => {
    expect(applyAllowComments('a', [detected(1)], () => '// change-policy: allow credential github')[0]?.waived).toBe(false)
  })

  test('one comment waives one finding: two keys on a line need two comments', () => {
    const one = applyAllowComments('a', [detected(1), detected(1)], () => '// change-policy: allow credential aws')
    expect(one.map((f) => f.waived)).toEqual([true, false])
    const two = applyAllowComments('a', [detected(1), detected(1)], () => '// change-policy: allow credential aws, change-policy: allow credential aws')
    expect(two.map((f) => f.waived)).toEqual([true, true])
  })
})
