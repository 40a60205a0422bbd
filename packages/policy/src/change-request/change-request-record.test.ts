import { facts, formBody, issue, policyWith } from './change-request-fixtures'
import { RECORDED_SECTION_LENGTH, cutText } from './change-request-record'
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
