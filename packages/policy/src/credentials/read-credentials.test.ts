import { policyFrom, problemsFrom } from '../policy-fixtures'

describe('the credentials section', () => {
  test('defaults: scan, fail, nothing ignored', () => {
    expect(policyFrom('version: 1\n').credentials).toEqual({ scan: true, onFinding: 'fail', ignorePaths: [] })
  })

  test('reads every key', () => {
    expect(policyFrom('version: 1\ncredentials:\n  scan: true\n  on-finding: control\n  ignore-paths: ["test/**"]\n').credentials).toEqual({ scan: true, onFinding: 'control', ignorePaths: ['test/**'] })
  })

  test('an unknown key is an error at its line and column', () => {
    expect(problemsFrom('version: 1\ncredentials:\n  on-findings: control\n')).toEqual([expect.objectContaining({ message: 'Unknown key `on-findings` in `credentials`.', fix: 'Did you mean `on-finding`?', line: 3, column: 3 })])
  })

  test('an unknown on-finding word is an error', () => {
    expect(problemsFrom('version: 1\ncredentials:\n  on-finding: warn\n')).toEqual([expect.objectContaining({ message: '`credentials.on-finding`: `warn` is not a known credential finding action.', line: 3, column: 15 })])
  })

  test('a glob that can never match is an error', () => {
    expect(problemsFrom('version: 1\ncredentials:\n  ignore-paths: ["/test/**"]\n')).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('starts with `/`') })])
  })

  test('scan must be a boolean', () => {
    expect(problemsFrom('version: 1\ncredentials:\n  scan: yes\n')).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('must be true or false') })])
  })

  test('a written control may not take the built-in name credentials', () => {
    expect(problemsFrom('version: 1\ncontrols:\n  - name: credentials\n    paths: ["x/**"]\n')).toEqual([expect.objectContaining({ message: '`credentials` is the name of a built-in control.' })])
  })
})
