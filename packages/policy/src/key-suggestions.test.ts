import { editDistance, nearestWord, sectionsAccepting } from './key-suggestions'

describe('suggestions for unknown words', () => {
  test.each([
    ['aprovals', 'approvals'],
    ['head_branches', 'head-branches'],
    ['headBranches', 'head-branches'],
    ['contorls', 'controls'],
    ['verison', 'version']
  ])('%s → %s', (typo, expected) => {
    expect(nearestWord(typo, ['version', 'approvals', 'controls', 'head-branches'])).toBe(expected)
  })

  test('nothing is suggested for a word far from every candidate', () => {
    expect(nearestWord('banana', ['version', 'approvals'])).toBeUndefined()
  })

  test('a transposition costs one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })

  test('names the sections where a misplaced key belongs', () => {
    expect(sectionsAccepting('freezes', '')).toEqual(['`deploy`'])
    expect(sectionsAccepting('labels', 'emergency')).toEqual(['`classification.emergency`', '`change-request`'])
  })
})
