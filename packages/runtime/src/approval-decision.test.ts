import { defaultPolicy, evaluateApprovals, evaluateChangeRequest, type ApprovalFacts, type ChangeRequestFacts, type ChangeType, type Policy } from '@change-policy/policy'
import { decideApproval } from './approval-decision'

const HEAD = 'abcdef1234567890abcdef1234567890abcdef12'
const FILLED = '### Justification\n\nWhy.\n\n### Impact assessment\n\nLow.'

function policy(): Policy {
  const base = defaultPolicy()
  return { ...base, changeRequest: { ...base.changeRequest, required: ['normal'] } }
}

function decide(changeType: ChangeType, approvedBy: string[], linkedBody: string | null) {
  const approvalFacts: ApprovalFacts = {
    changeType,
    pullRequest: { number: 5, author: 'alice', headSha: HEAD, baseRef: 'main' },
    commits: [],
    reviews: approvedBy.map((user, i) => ({ id: i + 1, user, isBot: false, state: 'APPROVED' as const, commitSha: HEAD, submittedAt: '2026-11-24T10:00:00Z' })),
    permissions: Object.fromEntries(approvedBy.map((user) => [user, 'write' as const])),
    teamMembers: {}
  }
  const requirement = { source: 'change-type' as const, name: changeType, approvals: policy().approvals[changeType], reviewers: [] }
  const crFacts: ChangeRequestFacts = {
    changeType,
    repository: { owner: 'acme', name: 'app' },
    pullRequest: { number: 5, body: '' },
    linkedIssues:
      linkedBody === null
        ? []
        : [{ number: 12, title: 'Export', body: linkedBody, labels: [], state: 'open', isPullRequest: false, repository: { owner: 'acme', name: 'app' }, source: 'body' }],
    skippedReferences: 0
  }
  return decideApproval(evaluateApprovals(approvalFacts, policy(), [requirement]), evaluateChangeRequest(crFacts, policy()))
}

test('approved and documented: satisfied, with the issue as the output and in the record', () => {
  const decision = decide('normal', ['bob'], FILLED)
  expect(decision).toMatchObject({ satisfied: true, missing: [], changeRequestOutput: '12' })
  expect(decision.auditChangeRequest).toEqual({ issue: 12, title: 'Export', justification: 'Why.', impact: 'Low.' })
  expect(decision.reasons).toContain('change request: issue #12 (Export)')
})

test('approved but not documented: not satisfied, the change request is what is missing', () => {
  const decision = decide('normal', ['bob'], null)
  expect(decision.satisfied).toBe(false)
  expect(decision.missing).toHaveLength(1)
  expect(decision.missing[0]).toMatch(/links no change-request issue/)
  expect(decision).toMatchObject({ changeRequestOutput: '', auditChangeRequest: null, reasons: decision.missing })
})

test('documented but not approved: the approval comes first in what is missing', () => {
  const decision = decide('normal', [], FILLED)
  expect(decision.satisfied).toBe(false)
  expect(decision.missing).toEqual(['normal change needs 1 more approval from anyone with write access; nobody has approved yet'])
  expect(decision.changeRequestOutput).toBe('12')
})

test('an emergency passes without a change request, and what it owes is a notice', () => {
  const decision = decide('emergency', [], null)
  expect(decision.satisfied).toBe(true)
  expect(decision.notices.some((notice) => notice.includes('justification and impact assessment are owed in the post-deployment review'))).toBe(true)
})
