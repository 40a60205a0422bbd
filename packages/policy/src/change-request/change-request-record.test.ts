import { facts, formBody, issue, policyWith } from './change-request-fixtures'
import { RECORDED_SECTION_LENGTH, auditChangeRequest, cutText } from './change-request-record'
import { evaluateChangeRequest } from './evaluate-change-request'

describe('the audit record', () => {
  test('a long section is cut to the limit and marked as cut', () => {
    const long = 'word '.repeat(1000)
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body: formBody(long, 'Low.') })] }), policyWith())
    const justification = result.record!.sections[0]!
    expect(justification.cut).toBe(true)
    expect(justification.text.length).toBeLessThanOrEqual(RECORDED_SECTION_LENGTH)
    expect(justification.text.endsWith('… [cut]')).toBe(true)
    expect(result.record!.justification).toBe(justification.text)
    expect(result.record!.sections[1]).toEqual({ heading: 'Impact assessment', text: 'Low.', cut: false })
  })

  test('text at the limit is kept whole', () => {
    expect(cutText('x'.repeat(RECORDED_SECTION_LENGTH))).toEqual({ text: 'x'.repeat(RECORDED_SECTION_LENGTH), cut: false })
  })

  test('a cut never splits a character outside the basic plane', () => {
    const { text } = cutText('😀'.repeat(20), 12)
    expect(text).toBe('😀😀' + '… [cut]')
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text)).toBe(false)
  })

  test('sections named otherwise leave justification and impact empty', () => {
    const body = '## Why\nBecause.\n## Risk\nLow.'
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body })] }), policyWith({ sections: ['Why', 'Risk'] }))
    expect(result.record).toMatchObject({ justification: null, impact: null, sections: [{ heading: 'Why', text: 'Because.' }, { heading: 'Risk', text: 'Low.' }] })
  })
})

describe("the audit record's changeRequest", () => {
  test('carries the issue, its title, and the two sections as strings', () => {
    const result = evaluateChangeRequest(facts(), policyWith())
    expect(auditChangeRequest(result.record)).toEqual({
      issue: 12,
      title: 'Change request 12',
      justification: 'Customers cannot export invoices.',
      impact: 'Only the export endpoint changes; no migration.'
    })
  })

  test('is null when nothing documents the change', () => {
    expect(auditChangeRequest(evaluateChangeRequest(facts({ linkedIssues: [] }), policyWith()).record)).toBeNull()
  })

  test('sections named otherwise stand in for the justification and the impact, in order', () => {
    const body = '## Why\nBecause.\n## Risk\nLow.\n## Rollback\nRevert.'
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body })] }), policyWith({ sections: ['Why', 'Risk', 'Rollback'] }))
    expect(auditChangeRequest(result.record)).toMatchObject({ justification: 'Because.', impact: 'Low.' })
  })

  test('a named section keeps its place whatever the order of the others', () => {
    const body = '## Impact\nLow.\n## Why\nBecause.'
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body })] }), policyWith({ sections: ['Impact', 'Why'] }))
    expect(auditChangeRequest(result.record)).toMatchObject({ justification: 'Because.', impact: 'Low.' })
  })

  test('no sections: empty strings, never null', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { body: '' })] }), policyWith({ sections: [] }))
    expect(auditChangeRequest(result.record)).toEqual({ issue: 12, title: 'Change request 12', justification: '', impact: '' })
  })

  test('a title that is not valid UTF-8 is recorded with the replacement character', () => {
    const result = evaluateChangeRequest(facts({ linkedIssues: [issue(12, { title: 'Export \uD800' })] }), policyWith())
    expect(result.record?.title).toBe('Export \uFFFD')
  })
})
