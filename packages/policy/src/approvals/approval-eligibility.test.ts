import { BASE, C1, C2, C3, baseMerge, commit, facts, review, testPolicy } from './approval-fixtures'
import type { ApprovalFacts } from './approval-facts'
import { evaluateApprovals } from './evaluate-approvals'

const reasonsFor = (result: ReturnType<typeof evaluateApprovals>, user: string) =>
  result.ignored.filter((entry) => entry.user === user).map((entry) => entry.reason)

/** bob approved C1; then C2 was added on top and is the head. */
function pushedAfterApproval(added = commit(C2, [C1]), overrides: Partial<ApprovalFacts> = {}): ApprovalFacts {
  return facts({
    pullRequest: { number: 7, author: 'alice', headSha: added.sha, baseRef: 'main' },
    commits: [commit(C1, [BASE]), added],
    reviews: [review('bob', 'APPROVED', C1, 1)],
    ...overrides
  })
}

describe('invalidate-on-push', () => {
  test('an approval on an older commit is stale', () => {
    const result = evaluateApprovals(pushedAfterApproval(), testPolicy(), [])
    expect(result.satisfied).toBe(false)
    expect(reasonsFor(result, 'bob')).toEqual(['stale'])
    expect(result.missing).toEqual([
      "normal change needs 1 more approval from anyone with write access; bob's approval is on an older commit (1111111)"
    ])
  })

  test('an approval on the head commit counts', () => {
    const result = evaluateApprovals(facts({ reviews: [review('bob', 'APPROVED', C1, 1)] }), testPolicy(), [])
    expect(result.approvals).toEqual([{ user: 'bob', at: '2026-11-24T10:01:00.000Z', commit: C1 }])
    expect(result.satisfied).toBe(true)
  })

  test('when off, an approval on an older commit still counts', () => {
    const result = evaluateApprovals(pushedAfterApproval(), testPolicy({ invalidateOnPush: false }), [])
    expect(result.satisfied).toBe(true)
  })

  test('an approval on a commit force-pushed away is stale and says so', () => {
    const data = facts({ reviews: [review('bob', 'APPROVED', 'f'.repeat(40), 1)] })
    const result = evaluateApprovals(data, testPolicy(), [])
    expect(result.ignored[0]?.explanation).toBe("bob's approval is on a commit (fffffff) that is no longer in the pull request")
  })
})

describe('ignore-base-updates', () => {
  test('merging the base branch in after the approval keeps it', () => {
    const result = evaluateApprovals(pushedAfterApproval(baseMerge(C2, C1)), testPolicy(), [])
    expect(result.satisfied).toBe(true)
  })

  test('without it, merging the base branch in makes the approval stale', () => {
    const result = evaluateApprovals(pushedAfterApproval(baseMerge(C2, C1)), testPolicy({ ignoreBaseUpdates: false }), [])
    expect(reasonsFor(result, 'bob')).toEqual(['stale'])
  })

  test('a base merge followed by a real commit is stale', () => {
    const data = facts({
      pullRequest: { number: 7, author: 'alice', headSha: C3, baseRef: 'main' },
      commits: [commit(C1, [BASE]), baseMerge(C2, C1), commit(C3, [C2])],
      reviews: [review('bob', 'APPROVED', C1, 1)]
    })
    expect(reasonsFor(evaluateApprovals(data, testPolicy(), []), 'bob')).toEqual(['stale'])
  })

  test('a merge that brings in more than the base branch is stale', () => {
    const merge = commit(C2, [C1, BASE], { mergesBase: false })
    expect(reasonsFor(evaluateApprovals(pushedAfterApproval(merge), testPolicy(), []), 'bob')).toEqual(['stale'])
  })

  test('the approver pressing "Update branch" keeps their approval', () => {
    const result = evaluateApprovals(pushedAfterApproval(baseMerge(C2, C1, 'bob')), testPolicy(), [])
    expect(result.satisfied).toBe(true)
  })
})

describe('self-approval', () => {
  test("the author's approval does not count", () => {
    const data = facts({ reviews: [review('alice', 'APPROVED', C1, 1)] })
    const result = evaluateApprovals(data, testPolicy(), [])
    expect(result.satisfied).toBe(false)
    expect(reasonsFor(result, 'alice')).toEqual(['self'])
    expect(result.missing[0]).toContain('alice is the author and self-approval is not allowed')
  })

  test('counts when allow-self-approval is set', () => {
    const data = facts({ reviews: [review('alice', 'APPROVED', C1, 1)] })
    expect(evaluateApprovals(data, testPolicy({ allowSelfApproval: true }), []).satisfied).toBe(true)
  })

  test('the author is recognised whatever the case of the login', () => {
    const data = facts({ reviews: [review('ALICE', 'APPROVED', C1, 1)], permissions: { ALICE: 'admin' } })
    expect(reasonsFor(evaluateApprovals(data, testPolicy(), []), 'ALICE')).toEqual(['self'])
  })
})

describe('pushing after approving', () => {
  // invalidate-on-push is off so that the rule is seen on its own, not hidden behind 'stale'.
  const lenient = testPolicy({ invalidateOnPush: false })

  test('an approver who authored a commit after approving does not count', () => {
    const result = evaluateApprovals(pushedAfterApproval(commit(C2, [C1], { author: 'bob', committer: 'bob' })), lenient, [])
    expect(result.satisfied).toBe(false)
    expect(reasonsFor(result, 'bob')).toEqual(['pushed-after'])
    expect(result.ignored[0]?.explanation).toBe('bob authored commit 2222222 after approving on 1111111')
  })

  test('an approver who committed someone else\'s commit after approving does not count', () => {
    const result = evaluateApprovals(pushedAfterApproval(commit(C2, [C1], { author: 'alice', committer: 'bob' })), lenient, [])
    expect(result.ignored[0]?.explanation).toBe('bob committed commit 2222222 after approving on 1111111')
  })

  test("GitHub's web-flow committer is nobody's push", () => {
    const data = pushedAfterApproval(commit(C2, [C1], { author: 'alice', committer: 'web-flow' }), {
      permissions: { bob: 'write', 'web-flow': 'write' },
      reviews: [review('web-flow', 'APPROVED', C1, 1, { isBot: false })]
    })
    expect(reasonsFor(evaluateApprovals(data, lenient, []), 'web-flow')).toEqual([])
  })

  test('commits the approver made before approving do not matter', () => {
    const data = facts({
      pullRequest: { number: 7, author: 'alice', headSha: C2, baseRef: 'main' },
      commits: [commit(C1, [BASE], { author: 'bob' }), commit(C2, [C1])],
      reviews: [review('bob', 'APPROVED', C2, 1)]
    })
    expect(evaluateApprovals(data, testPolicy(), []).satisfied).toBe(true)
  })
})

describe('bots', () => {
  test('a reviewer flagged as a bot does not count', () => {
    const data = facts({ reviews: [review('helper', 'APPROVED', C1, 1, { isBot: true })], permissions: { helper: 'write' } })
    expect(reasonsFor(evaluateApprovals(data, testPolicy(), []), 'helper')).toEqual(['bot'])
  })

  test('a login ending in [bot] is a bot even when not flagged', () => {
    const data = facts({ reviews: [review('renovate[bot]', 'APPROVED', C1, 1)], permissions: { 'renovate[bot]': 'write' } })
    expect(reasonsFor(evaluateApprovals(data, testPolicy(), []), 'renovate[bot]')).toEqual(['bot'])
  })

  test('bots count when count-bots is set', () => {
    const data = facts({ reviews: [review('renovate[bot]', 'APPROVED', C1, 1)], permissions: { 'renovate[bot]': 'write' } })
    expect(evaluateApprovals(data, testPolicy({ countBots: true }), []).satisfied).toBe(true)
  })
})

describe('permission', () => {
  test.each(['read', 'triage', 'none'] as const)('a reviewer with %s permission never counts', (permission) => {
    const data = facts({ reviews: [review('erin', 'APPROVED', C1, 1)], permissions: { erin: permission } })
    const result = evaluateApprovals(data, testPolicy(), [])
    expect(result.satisfied).toBe(false)
    expect(result.ignored[0]?.explanation).toBe(`erin has ${permission} permission, not write`)
  })

  test.each(['write', 'maintain', 'admin'] as const)('a reviewer with %s permission counts', (permission) => {
    const data = facts({ reviews: [review('erin', 'APPROVED', C1, 1)], permissions: { erin: permission } })
    expect(evaluateApprovals(data, testPolicy(), []).satisfied).toBe(true)
  })

  test('a reviewer whose permission was not gathered does not count', () => {
    const data = facts({ reviews: [review('erin', 'APPROVED', C1, 1)] })
    const result = evaluateApprovals(data, testPolicy(), [])
    expect(result.satisfied).toBe(false)
    expect(result.ignored[0]?.explanation).toContain("erin's permission on the repository is unknown")
  })

  test('changes requested by someone without write access do not block', () => {
    const data = facts({
      reviews: [review('erin', 'CHANGES_REQUESTED', C1, 1), review('bob', 'APPROVED', C1, 2)],
      permissions: { bob: 'write', erin: 'read' }
    })
    const result = evaluateApprovals(data, testPolicy(), [])
    expect(result.blockers).toEqual([])
    expect(result.satisfied).toBe(true)
  })

  test('changes requested by someone whose permission is unknown block', () => {
    const data = facts({
      reviews: [review('erin', 'CHANGES_REQUESTED', C1, 1), review('bob', 'APPROVED', C1, 2)],
      permissions: { bob: 'write' }
    })
    expect(evaluateApprovals(data, testPolicy(), []).blockers.map((b) => b.user)).toEqual(['erin'])
  })
})

describe('every reason is given, not only the first', () => {
  test('the author approving and then pushing is self, stale and pushed-after at once', () => {
    const data = pushedAfterApproval(commit(C2, [C1]), { reviews: [review('alice', 'APPROVED', C1, 1)] })
    expect(reasonsFor(evaluateApprovals(data, testPolicy(), []), 'alice')).toEqual(['self', 'stale', 'pushed-after'])
  })
})
