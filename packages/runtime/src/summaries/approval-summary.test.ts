import { defaultPolicy, evaluateApprovals, evaluateChangeRequest, type ApprovalFacts, type ApprovalRequirement, type ChangeRequestSettings, type ChangeType } from '@change-policy/policy'
import { approvalStatusLine, renderApprovalSummary, type ApprovalSummaryInput } from './approval-summary'

const HEAD = 'abcdef1234567890abcdef1234567890abcdef12'
const OLD = '1234567aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
const normal: ApprovalRequirement = { source: 'change-type', name: 'normal', approvals: 1, reviewers: [] }
const secrets: ApprovalRequirement = { source: 'control', name: 'secrets-and-config', approvals: 2, reviewers: ['@acme/security'] }
const database: ApprovalRequirement = { source: 'control', name: 'database', approvals: 0, reviewers: [] }

function facts(overrides: Partial<ApprovalFacts> = {}): ApprovalFacts {
  return {
    changeType: 'normal',
    pullRequest: { number: 7, author: 'alice', headSha: HEAD, baseRef: 'main' },
    commits: [],
    reviews: [],
    permissions: { alice: 'write', bob: 'write', carol: 'write', erin: 'write' },
    teamMembers: { '@acme/security': ['carol'] },
    ...overrides
  }
}

const review = (user: string, state: 'APPROVED' | 'CHANGES_REQUESTED', commitSha = HEAD, id = 1) => ({
  id,
  user,
  isBot: false,
  state,
  commitSha,
  submittedAt: `2026-11-24T10:0${id}:00Z`
})

function render(data: ApprovalFacts, requirements: ApprovalRequirement[], extra: Partial<ApprovalSummaryInput> = {}): string {
  const evaluation = evaluateApprovals(data, defaultPolicy(), requirements)
  return renderApprovalSummary({
    evaluation,
    pullRequest: 7,
    headSha: HEAD,
    policy: { path: '.github/change-policy.yml', ref: 'main', sha: 'f'.repeat(40), defaulted: false },
    changeTypeFrom: 'classified',
    failOnMissing: true,
    autoMerge: { outcome: 'no', detail: 'normal changes do not auto-merge' },
    ...extra
  })
}

test('a satisfied change lists each requirement with who satisfied it', () => {
  const md = render(facts({ reviews: [review('bob', 'APPROVED')] }), [normal, database])
  expect(md).toMatch(/^## Pull request #7: approved\n/)
  expect(md).toContain('| Normal change | 1 approval from anyone with write access | `bob` | — |')
  // A control that only asks for checks adds no approval row.
  expect(md).not.toContain('database')
  expect(md).toContain('Approvals that counted: `bob` on `abcdef1` at 2026-11-24T10:01:00Z.')
  expect(md).not.toContain('### What is missing')
})

test('a missing team approval names who counted, what is missing and why the others did not count', () => {
  const md = render(facts({ reviews: [review('carol', 'APPROVED', HEAD, 1), review('erin', 'APPROVED', HEAD, 2), review('alice', 'APPROVED', HEAD, 3)] }), [normal, secrets])
  expect(md).toMatch(/^## Pull request #7: not approved\n/)
  expect(md).toContain('| control `secrets-and-config` | 2 approvals from `@acme/security` | `carol` | 1 more from `@acme/security` |')
  expect(md).toContain('### What is missing')
  expect(md).toContain("- control secrets-and-config needs 1 more approval from @acme/security (carol's counted); ")
  expect(md).toMatch(/carol's counted\); .*erin is not a member of @acme\/security/)
  expect(md).toContain('| `alice` | `abcdef1` | self-approval: alice is the author and self-approval is not allowed |')
  expect(md).toContain('| `erin` | `abcdef1` | not a listed reviewer: erin is not a member of @acme/security |')
})

test('an emergency passing without approval says loudly that the review is owed', () => {
  const emergency: ApprovalRequirement = { source: 'change-type', name: 'emergency', approvals: 0, reviewers: [] }
  const md = render(facts({ changeType: 'emergency' }), [emergency])
  expect(md).toMatch(/^## Pull request #7: approved as an emergency — review owed after deployment\n/)
  expect(md).toContain('> [!IMPORTANT]\n> EMERGENCY CHANGE: passes without any approval')
  expect(md).toContain('| Emergency change | no approval | — | — |')
})

test('fail-on-missing false, base merges, notes, extra rows and the status are all shown', () => {
  const md = render(facts({ reviews: [review('bob', 'APPROVED', OLD)] }), [normal], {
    failOnMissing: false,
    baseMerges: [
      { sha: HEAD, onlyMergesBase: false, reason: 'it changes src/app.ts, which the base branch did not change' }
    ],
    notes: ['GitHub listed 250 of the pull request\'s 300 commits'],
    extraRequirements: [{ requirement: 'change request', needs: 'a linked issue', satisfiedBy: '#12', missing: '—' }],
    status: { context: 'change-policy/approval', state: 'failure', sha: HEAD }
  })
  expect(md).toMatch(/^## Pull request #7: not approved \(reported only: `fail-on-missing` is false\)/)
  expect(md).toContain("- `abcdef1` is not taken as a merge of the base branch: it changes src/app.ts, which the base branch did not change.")
  expect(md).toContain('> [!NOTE]')
  expect(md).toContain('| change request | a linked issue | #12 | — |')
  expect(md).toContain('Commit status `change-policy/approval`: failure on `abcdef1`.')
})

test('text that came from GitHub cannot inject Markdown', () => {
  const md = render(facts({ reviews: [review('bob', 'APPROVED')] }), [normal], { autoMerge: { outcome: 'no', detail: '<img src=x> *bold*' } })
  expect(md).toContain('&lt;img src=x&gt; \\*bold\\*')
})

test('the status line says who approved, what is missing first, or that an emergency review is owed', () => {
  const policy = defaultPolicy()
  expect(approvalStatusLine(evaluateApprovals(facts({ reviews: [review('bob', 'APPROVED')] }), policy, [normal]))).toBe('Approved by bob')
  expect(approvalStatusLine(evaluateApprovals(facts(), policy, [normal]))).toBe(
    'normal change needs 1 more approval from anyone with write access; nobody has approved yet'
  )
  const emergency: ApprovalRequirement = { source: 'change-type', name: 'emergency', approvals: 0, reviewers: [] }
  expect(approvalStatusLine(evaluateApprovals(facts({ changeType: 'emergency' }), policy, [emergency]))).toBe(
    'Emergency: no approval yet; post-deployment review owed'
  )
  const standard: ApprovalRequirement = { source: 'change-type', name: 'standard', approvals: 0, reviewers: [] }
  expect(approvalStatusLine(evaluateApprovals(facts({ changeType: 'standard' }), policy, [standard]))).toBe('No approval needed')
})

describe('with a change request required', () => {
  const settings: ChangeRequestSettings = { ...defaultPolicy().changeRequest, required: ['normal'] }
  function changeRequest(linked: boolean, changeType: ChangeType = 'normal') {
    const policy = { ...defaultPolicy(), changeRequest: settings }
    const body = '### Justification\n\nWhy.\n\n### Impact assessment\n\nLow.'
    const linkedIssues = linked
      ? [{ number: 12, title: 'Export', body, labels: [], state: 'open' as const, isPullRequest: false, repository: { owner: 'acme', name: 'app' }, source: 'body' as const }]
      : []
    const evaluation = evaluateChangeRequest(
      { changeType, repository: { owner: 'acme', name: 'app' }, pullRequest: { number: 7, body: '' }, linkedIssues, skippedReferences: 0 },
      policy
    )
    return { evaluation, settings, pullRequest: 7 }
  }

  test('approvals met but no change request: not approved, one more row, and what is missing says how to link it', () => {
    const md = render(facts({ reviews: [review('bob', 'APPROVED')] }), [normal], { changeRequest: changeRequest(false) })
    expect(md).toMatch(/^## Pull request #7: not approved\n/)
    expect(md).toContain('| Normal change | 1 approval from anyone with write access | `bob` | — |\n| change request | a linked issue with `Justification`, `Impact assessment` filled in | — | a linked change-request issue |')
    expect(md).toContain('### What is missing\n\n- pull request \\#7 links no change-request issue')
    expect(md).toContain('### Change request')
  })

  test('both met: approved, with the issue in the row', () => {
    const md = render(facts({ reviews: [review('bob', 'APPROVED')] }), [normal], { changeRequest: changeRequest(true) })
    expect(md).toMatch(/^## Pull request #7: approved\n/)
    expect(md).toContain('| change request | a linked issue with `Justification`, `Impact assessment` filled in | #12 Export | — |')
  })

  test('the status line names the change request when it is the only thing missing', () => {
    const evaluation = evaluateApprovals(facts({ reviews: [review('bob', 'APPROVED')] }), defaultPolicy(), [normal])
    expect(approvalStatusLine(evaluation, changeRequest(false).evaluation)).toMatch(/^pull request #7 links no change-request issue/)
    expect(approvalStatusLine(evaluation, changeRequest(true).evaluation)).toBe('Approved by bob')
  })

  test("an emergency's owed justification is a callout at the top", () => {
    const emergency: ApprovalRequirement = { source: 'change-type', name: 'emergency', approvals: 0, reviewers: [] }
    const md = render(facts({ changeType: 'emergency' }), [emergency], { changeRequest: changeRequest(false, 'emergency') })
    expect(md).toContain('> [!IMPORTANT]\n> EMERGENCY CHANGE: a change request does not block it; its justification and impact assessment are owed in the post-deployment review.')
    expect(md).toMatch(/^## Pull request #7: approved as an emergency/)
  })
})
