import { C1, facts, review, testPolicy } from './approval-fixtures'
import { evaluateApprovals } from './evaluate-approvals'
import { latestDecisions } from './latest-reviews'

const policy = testPolicy()
const evaluate = (reviews: ReturnType<typeof review>[]) => evaluateApprovals(facts({ reviews }), policy, [])

describe('each reviewer is decided by their latest APPROVED or CHANGES_REQUESTED review', () => {
  test('an approval followed by changes requested from the same reviewer blocks', () => {
    const result = evaluate([review('bob', 'APPROVED', C1, 1), review('bob', 'CHANGES_REQUESTED', C1, 2)])
    expect(result.satisfied).toBe(false)
    expect(result.approvals).toEqual([])
    expect(result.blockers.map((b) => b.user)).toEqual(['bob'])
    expect(result.missing[0]).toBe(
      'bob requested changes on 1111111: that blocks the change until bob approves or the review is dismissed'
    )
  })

  test('changes requested and then approved by the same reviewer no longer block', () => {
    const result = evaluate([review('bob', 'CHANGES_REQUESTED', C1, 1), review('bob', 'APPROVED', C1, 2)])
    expect(result.blockers).toEqual([])
    expect(result.satisfied).toBe(true)
  })

  test('a comment after an approval does not withdraw it', () => {
    const result = evaluate([review('bob', 'APPROVED', C1, 1), review('bob', 'COMMENTED', C1, 2)])
    expect(result.approvals.map((a) => a.user)).toEqual(['bob'])
    expect(result.satisfied).toBe(true)
  })

  test('a comment does not lift changes requested', () => {
    const result = evaluate([review('bob', 'CHANGES_REQUESTED', C1, 1), review('bob', 'COMMENTED', C1, 2)])
    expect(result.blockers.map((b) => b.user)).toEqual(['bob'])
  })

  test('order is by submission time, not by the order the API listed them', () => {
    const later = review('bob', 'APPROVED', C1, 5)
    const earlier = review('bob', 'CHANGES_REQUESTED', C1, 1)
    expect(evaluate([later, earlier]).blockers).toEqual([])
  })

  test('reviews submitted in the same second are ordered by id', () => {
    const first = review('bob', 'CHANGES_REQUESTED', C1, 1, { id: 1 })
    const second = review('bob', 'APPROVED', C1, 1, { id: 2 })
    expect(latestDecisions([second, first])).toEqual([second])
  })

  test('logins differing only in case are one reviewer', () => {
    const result = evaluate([review('Bob', 'CHANGES_REQUESTED', C1, 1), review('bob', 'APPROVED', C1, 2)])
    expect(result.blockers).toEqual([])
  })
})

describe('dismissed reviews', () => {
  test('a dismissed approval no longer counts', () => {
    const result = evaluate([review('bob', 'DISMISSED', C1, 1)])
    expect(result.satisfied).toBe(false)
    expect(result.ignored).toEqual([expect.objectContaining({ user: 'bob', reason: 'dismissed' })])
    expect(result.missing).toEqual([
      "normal change needs 1 more approval from anyone with write access; bob's review on 1111111 was dismissed"
    ])
  })

  test('a dismissed CHANGES_REQUESTED no longer blocks', () => {
    const result = evaluate([review('bob', 'DISMISSED', C1, 1), review('carol', 'APPROVED', C1, 2)])
    expect(result.blockers).toEqual([])
    expect(result.satisfied).toBe(true)
  })

  test('dismissing an approval does not bring back the changes it had answered', () => {
    const result = evaluate([
      review('bob', 'CHANGES_REQUESTED', C1, 1),
      review('bob', 'DISMISSED', C1, 2),
      review('carol', 'APPROVED', C1, 3)
    ])
    expect(result.blockers).toEqual([])
    expect(result.satisfied).toBe(true)
  })

  test('a new approval after a dismissal counts again', () => {
    const result = evaluate([review('bob', 'DISMISSED', C1, 1), review('bob', 'APPROVED', C1, 2)])
    expect(result.approvals.map((a) => a.user)).toEqual(['bob'])
  })
})
