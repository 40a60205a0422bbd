import { BASE, C1, C2, commit, facts, review, testPolicy } from './approval-fixtures'
import type { ApprovalRequirement } from './approval-requirement'
import { evaluateApprovals } from './evaluate-approvals'

const normal: ApprovalRequirement = { source: 'change-type', name: 'normal', approvals: 1, reviewers: [] }
const secrets: ApprovalRequirement = { source: 'control', name: 'secrets-and-config', approvals: 2, reviewers: ['@acme/security'] }
const security = { '@acme/security': ['carol', 'dave', 'bob'] }

describe('requirements', () => {
  test('a team requirement counts only its members, and says who is not one', () => {
    const data = facts({
      reviews: [review('carol', 'APPROVED', C1, 1), review('erin', 'APPROVED', C1, 2)],
      permissions: { carol: 'write', erin: 'write' },
      teamMembers: security
    })
    const result = evaluateApprovals(data, testPolicy(), [normal, secrets])
    expect(result.satisfied).toBe(false)
    expect(result.requirements.map((r) => [r.requirement.name, r.satisfied, r.satisfiedBy, r.missing])).toEqual([
      ['normal', true, ['carol', 'erin'], 0],
      ['secrets-and-config', false, ['carol'], 1]
    ])
    expect(result.missing).toEqual([
      "control secrets-and-config needs 1 more approval from @acme/security (carol's counted); erin is not a member of @acme/security"
    ])
    expect(result.ignored).toEqual([
      expect.objectContaining({ user: 'erin', reason: 'not-in-reviewers', requirement: 'secrets-and-config' })
    ])
  })

  test('the message names each person and commit, as the summary shows it', () => {
    const data = facts({
      pullRequest: { number: 7, author: 'alice', headSha: C2, baseRef: 'main' },
      commits: [commit(C1, [BASE]), commit(C2, [C1])],
      reviews: [review('carol', 'APPROVED', C1, 1), review('dave', 'APPROVED', C2, 2), review('erin', 'APPROVED', C2, 3)],
      permissions: { carol: 'write', dave: 'write', erin: 'write' },
      teamMembers: security
    })
    const result = evaluateApprovals(data, testPolicy(), [normal, secrets])
    expect(result.missing).toEqual([
      "control secrets-and-config needs 1 more approval from @acme/security (dave's counted); carol's approval is on an older commit (1111111), erin is not a member of @acme/security"
    ])
  })

  test('requirements are each satisfied on their own: two members satisfy both', () => {
    const data = facts({ reviews: [review('carol', 'APPROVED', C1, 1), review('dave', 'APPROVED', C1, 2)], teamMembers: security })
    const result = evaluateApprovals(data, testPolicy(), [normal, secrets])
    expect(result.satisfied).toBe(true)
    expect(result.approvals.map((a) => a.user)).toEqual(['carol', 'dave'])
    expect(result.requirements[1]?.explanation).toBe(
      'control secrets-and-config needs 2 approvals from @acme/security: satisfied by carol and dave'
    )
  })

  test('reviewers named by login count by login', () => {
    const lead: ApprovalRequirement = { source: 'control', name: 'infra', approvals: 1, reviewers: ['Dave'] }
    const bobOnly = facts({ reviews: [review('bob', 'APPROVED', C1, 1)] })
    expect(evaluateApprovals(bobOnly, testPolicy(), [normal, lead]).missing).toEqual([
      'control infra needs 1 more approval from Dave; bob is not Dave'
    ])
    const daveToo = facts({ reviews: [review('bob', 'APPROVED', C1, 1), review('dave', 'APPROVED', C1, 2)] })
    expect(evaluateApprovals(daveToo, testPolicy(), [normal, lead]).satisfied).toBe(true)
  })

  test('a team whose members could not be read admits nobody, and says so', () => {
    const data = facts({ reviews: [review('carol', 'APPROVED', C1, 1), review('dave', 'APPROVED', C1, 2)], teamMembers: {} })
    const result = evaluateApprovals(data, testPolicy(), [normal, secrets])
    expect(result.satisfied).toBe(false)
    expect(result.missing[0]).toContain('the members of @acme/security could not be read')
  })

  test('team names compare without regard to case', () => {
    const data = facts({ reviews: [review('carol', 'APPROVED', C1, 1), review('dave', 'APPROVED', C1, 2)], teamMembers: { '@Acme/Security': ['CAROL', 'dave'] } })
    expect(evaluateApprovals(data, testPolicy(), [normal, secrets]).satisfied).toBe(true)
  })

  test('a requirement of 0 approvals is satisfied', () => {
    const standard: ApprovalRequirement = { source: 'change-type', name: 'standard', approvals: 0, reviewers: [] }
    const result = evaluateApprovals(facts({ changeType: 'standard' }), testPolicy(), [standard])
    expect(result.satisfied).toBe(true)
    expect(result.requirements[0]?.explanation).toBe('standard change needs no approval')
  })

  test('with nobody approving, the message says so', () => {
    expect(evaluateApprovals(facts(), testPolicy(), [normal]).missing).toEqual([
      'normal change needs 1 more approval from anyone with write access; nobody has approved yet'
    ])
  })

  test("a missing change-type requirement is taken from the policy, not waived", () => {
    const result = evaluateApprovals(facts(), testPolicy({ normal: 2 }), [])
    expect(result.requirements.map((r) => r.requirement)).toEqual([
      { source: 'change-type', name: 'normal', approvals: 2, reviewers: [] }
    ])
    expect(result.satisfied).toBe(false)
  })

  test('changes requested block even when every requirement is met', () => {
    const data = facts({
      reviews: [review('carol', 'APPROVED', C1, 1), review('dave', 'APPROVED', C1, 2), review('bob', 'CHANGES_REQUESTED', C1, 3)],
      teamMembers: security
    })
    const result = evaluateApprovals(data, testPolicy(), [normal, secrets])
    expect(result.requirements.every((r) => r.satisfied)).toBe(true)
    expect(result.satisfied).toBe(false)
    expect(result.missing).toHaveLength(1)
  })

  test('an approval listed for no requirement is not among those that counted', () => {
    const onlySecurity: ApprovalRequirement = { source: 'change-type', name: 'normal', approvals: 1, reviewers: ['@acme/security'] }
    const data = facts({ reviews: [review('erin', 'APPROVED', C1, 1)], permissions: { erin: 'write' }, teamMembers: security })
    expect(evaluateApprovals(data, testPolicy(), [onlySecurity]).approvals).toEqual([])
  })
})

describe('emergency changes', () => {
  const emergency: ApprovalRequirement = { source: 'change-type', name: 'emergency', approvals: 0, reviewers: [] }

  test('pass with no approval, and say loudly that the review is owed', () => {
    const result = evaluateApprovals(facts({ changeType: 'emergency' }), testPolicy(), [emergency])
    expect(result.satisfied).toBe(true)
    expect(result.reviewOwedAfterDeployment).toBe(true)
    expect(result.notices).toEqual([
      'EMERGENCY CHANGE: passes without any approval. Its review is owed after deployment: a post-deployment review must be completed within 24 hours.'
    ])
  })

  test('are still blocked by changes requested', () => {
    const data = facts({ changeType: 'emergency', reviews: [review('bob', 'CHANGES_REQUESTED', C1, 1)] })
    const result = evaluateApprovals(data, testPolicy(), [emergency])
    expect(result.satisfied).toBe(false)
    expect(result.reviewOwedAfterDeployment).toBe(false)
  })

  test('a normal change owes no post-deployment review', () => {
    const data = facts({ reviews: [review('bob', 'APPROVED', C1, 1)] })
    const result = evaluateApprovals(data, testPolicy(), [normal])
    expect(result.reviewOwedAfterDeployment).toBe(false)
    expect(result.notices).toEqual([])
  })
})
