import { policyFrom } from '../policy-fixtures'
import { planCredentialScan } from './scan-plan'

const settings = (yaml = '') => policyFrom(`version: 1\n${yaml}`).credentials

describe('planCredentialScan', () => {
  test('scans the added lines of a patch, reads a patchless text file at the head, lists binaries as not scanned', () => {
    const plan = planCredentialScan(
      [
        { path: 'src/a.ts', status: 'modified', patch: '@@ -1 +1 @@\n-x\n+y' },
        { path: 'data/big.sql', status: 'added' },
        { path: 'img/logo.png', status: 'added' },
        { path: 'gone.ts', status: 'removed', patch: '@@ -1 +0,0 @@\n-x' },
        { path: 'moved.ts', status: 'renamed', changes: 0 }
      ],
      settings()
    )
    expect(plan.targets).toEqual([{ path: 'src/a.ts', from: 'patch', lines: [{ line: 1, text: 'y' }] }, { path: 'data/big.sql', from: 'head' }])
    expect(plan.notScanned).toEqual([{ path: 'img/logo.png', reason: 'binary file (by its extension)' }])
    expect(plan.unchanged).toBe(2)
  })

  test('ignore-paths are never scanned, nor read', () => {
    const plan = planCredentialScan([{ path: 'test/fixtures/keys.ts', status: 'added' }, { path: 'src/b.ts', status: 'added', patch: '@@ -0,0 +1 @@\n+k' }], settings('credentials:\n  ignore-paths: ["test/fixtures/**"]\n'))
    expect(plan.ignored).toEqual(['test/fixtures/keys.ts'])
    expect(plan.targets.map((t) => t.path)).toEqual(['src/b.ts'])
  })

  test('scan: false plans nothing', () => {
    expect(planCredentialScan([{ path: 'src/b.ts', status: 'added', patch: '@@ -0,0 +1 @@\n+k' }], settings('credentials:\n  scan: false\n')).targets).toEqual([])
  })
})
