import fc from 'fast-check'
import { dump } from 'js-yaml'
import { parsePolicy } from './parse-policy'
import { policyDocument } from './policy-arbitraries'
import { CONTRACT_POLICY_YAML, POLICY_PATH } from './policy-fixtures'

function expectWellFormedResult(text: string): void {
  const result = parsePolicy(text, { path: POLICY_PATH })
  if (result.ok) return
  expect(result.problems.length).toBeGreaterThan(0)
  for (const problem of result.problems) {
    expect(problem.file).toBe(POLICY_PATH)
    expect(problem.message).not.toBe('')
    // The catch-all in parsePolicy must never be what answers: it would hide a bug.
    expect(problem.message).not.toMatch(/could not be read/)
    expect(problem.fix).toBeTruthy()
    expect(problem.line).toBeGreaterThanOrEqual(1)
    expect(problem.column).toBeGreaterThanOrEqual(1)
  }
}

describe('parsePolicy never throws', () => {
  test('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), expectWellFormedResult), { numRuns: 2000 })
  })

  test('on strings made of YAML\'s own punctuation', () => {
    const yamlish = fc.array(fc.constantFrom('version: 1\n', 'a:', ' ', '  ', '\n', '- ', '[', ']', '{', '}', ',', ':', '&a ', '*a', '!!str ', '"', "'", '|', '>', '#', '---\n', '...\n', 'controls:', 'name', '\t', '?', '%YAML 1.2\n'), { maxLength: 60 }).map((parts) => parts.join(''))
    fc.assert(fc.property(yamlish, expectWellFormedResult), { numRuns: 3000 })
  })

  test('on any YAML value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectWellFormedResult(dump(value))), { numRuns: 1000 })
  })

  test('on the contract\'s policy with a line removed, doubled or cut short', () => {
    const lines = CONTRACT_POLICY_YAML.split('\n')
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.constantFrom('remove', 'double', 'cut'), fc.nat(40), (index, edit, cut) => {
        const edited = [...lines]
        const line = edited[index] ?? ''
        if (edit === 'remove') edited.splice(index, 1)
        else if (edit === 'double') edited.splice(index, 0, line)
        else edited[index] = line.slice(0, cut)
        expectWellFormedResult(edited.join('\n'))
      }),
      { numRuns: 1000 }
    )
  })

  test('on input that is not text at all', () => {
    expect(parsePolicy(undefined as unknown as string, { path: POLICY_PATH }).ok).toBe(false)
    expect(parsePolicy(42 as unknown as string, { path: POLICY_PATH }).ok).toBe(false)
  })

  test('on an alias that would nest without end', () => {
    expectWellFormedResult('version: 1\ncontrols: &a\n  - *a\n')
    expectWellFormedResult('a: &a [*a]\n')
  })
})

describe('valid policies', () => {
  test('any policy written with valid values is accepted, keeping its controls in order', () => {
    fc.assert(
      fc.property(policyDocument, (document) => {
        const result = parsePolicy(dump(document), { path: POLICY_PATH })
        if (!result.ok) throw new Error(JSON.stringify(result.problems))
        const written = (document.controls ?? []).map((control) => control.name)
        const expected = document.controls === undefined ? ['secrets-and-config', 'database'] : written
        expect(result.policy.controls.map((control) => control.name)).toEqual([...expected, 'policy-file', 'workflows'])
        if (document.approvals?.normal !== undefined) expect(result.policy.approvals.normal).toBe(document.approvals.normal)
      }),
      { numRuns: 500 }
    )
  })
})
