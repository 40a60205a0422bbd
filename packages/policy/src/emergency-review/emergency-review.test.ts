import { approvalTicked, evaluateReviewCompletion } from './review-completion'
import { relativeTime, reviewDueAt, trustedDueAt, utcTime } from './review-due'
import { renderReviewIssue } from './review-issue-content'
import { isReviewIssueOf, reviewedPullRequestNumber, standingReviewIssue } from './review-issue-match'
import { markedDueAt, markedPullRequest } from './review-markers'

const PR_URL = 'https://github.com/acme/app/pull/12'
const NOW = new Date('2026-11-24T10:00:00Z')

function issue(overrides: Partial<{ number: number; title: string; body: string; labels: string[] }> = {}) {
  const rendered = render()
  return { number: 40, title: rendered.title, body: rendered.body, state: 'open' as const, labels: ['post-deployment-review'], ...overrides }
}

function render(sections = ['Justification', 'Impact assessment']) {
  return renderReviewIssue({
    pullRequest: { number: 12, title: 'Fix the outage', url: PR_URL, author: 'alice', mergedBy: 'bob', mergeCommit: 'abc123' },
    approvers: [],
    files: ['src/app.ts'],
    reasons: ['labelled emergency by @alice'],
    deployedAt: NOW,
    deployedFrom: 'merged',
    dueAt: reviewDueAt(NOW, 24),
    now: NOW,
    reviewWithinHours: 24,
    reviewers: ['carol', '@acme/security'],
    sections
  })
}

function filled(body: string): string {
  return body
    .replace('- [ ] Approve retroactively', '- [x] Approve retroactively')
    .replace('<!-- Justification: write it here -->', 'The database was down.')
    .replace('<!-- Impact assessment: write it here -->', 'Only the login page.')
}

describe('the review issue', () => {
  test('names the pull request, the due time in UTC and relative, the checklist, the sections and the team reviewers', () => {
    const { title, body } = render()
    expect(title).toBe('Post-deployment review of emergency change #12: Fix the outage')
    expect(body).toContain('**Due:** 2026-11-25 10:00 UTC (in 24 hours when this issue was opened)')
    expect(body).toContain('**Merged by:** @bob as abc123')
    expect(body).toContain('**Reviewers:** @acme/security')
    expect(body).toMatch(/- \[ \] Root cause[\s\S]*- \[ \] Was the change correct[\s\S]*- \[ \] Follow-up work[\s\S]*- \[ \] Approve retroactively/)
    expect(body).toContain('### Justification')
    expect(markedPullRequest(body)).toBe(12)
    expect(markedDueAt(body)?.toISOString()).toBe('2026-11-25T10:00:00.000Z')
  })

  test('relative times read naturally both ways', () => {
    expect(relativeTime(new Date('2026-11-24T10:45:00Z'), NOW)).toBe('in 45 minutes')
    expect(relativeTime(new Date('2026-11-24T07:00:00Z'), NOW)).toBe('3 hours ago')
    expect(relativeTime(new Date('2026-11-29T10:00:00Z'), NOW)).toBe('in 5 days')
    expect(utcTime(NOW)).toBe('2026-11-24 10:00 UTC')
  })
})

describe('finding the review issue of a pull request', () => {
  test('by its marker, and not for another pull request', () => {
    expect(isReviewIssueOf(issue(), { number: 12, url: PR_URL }, [])).toBe(true)
    expect(isReviewIssueOf(issue(), { number: 1, url: 'https://github.com/acme/app/pull/1' }, [])).toBe(false)
  })

  test('a body edited by hand that lost the marker still matches on the pull request link', () => {
    const edited = issue({ body: `Review of ${PR_URL} please`, labels: [] })
    expect(isReviewIssueOf(edited, { number: 12, url: PR_URL }, [])).toBe(true)
    expect(isReviewIssueOf({ ...edited, title: 'Something else' }, { number: 12, url: PR_URL }, ['post-deployment-review'])).toBe(false)
    expect(isReviewIssueOf({ ...edited, title: 'Something else', labels: ['Post-Deployment-Review'] }, { number: 12, url: PR_URL }, ['post-deployment-review'])).toBe(true)
  })

  test('a link to pull 123 is not a link to pull 12', () => {
    expect(isReviewIssueOf(issue({ body: 'see https://github.com/acme/app/pull/123', title: '#12' }), { number: 12, url: PR_URL }, [])).toBe(false)
  })

  test('the oldest of several stands', () => {
    expect(standingReviewIssue([{ number: 41 }, { number: 40 }, { number: 44 }])?.number).toBe(40)
  })
})

describe('when a closed review is complete', () => {
  const base = { issue: 40, closedBy: 'carol', pullRequestAuthor: 'alice', closerMayReview: true, reviewersDescription: 'carol, @acme/security', sections: ['Justification', 'Impact assessment'] }

  test('closed by a reviewer with the approval ticked and the sections filled', () => {
    expect(evaluateReviewCompletion({ ...base, body: filled(render().body) })).toEqual({ complete: true, problems: [] })
  })

  test('closed by the author of the change without the tick: two reasons', () => {
    const result = evaluateReviewCompletion({ ...base, closedBy: 'alice', body: render().body.replace('<!-- Justification: write it here -->', 'x y').replace('<!-- Impact assessment: write it here -->', 'z w') })
    expect(result.complete).toBe(false)
    expect(result.problems).toEqual([
      'it was closed by @alice, the author of the change, who cannot review their own emergency',
      "the checklist item 'Approve retroactively' is not ticked"
    ])
  })

  test('a closer who may not review, and empty sections, are each a reason', () => {
    const result = evaluateReviewCompletion({ ...base, closerMayReview: false, closedBy: 'mallory', body: render().body.replace('- [ ] Approve retroactively', '- [x] Approve retroactively') })
    expect(result.problems).toEqual([
      'it was closed by @mallory, who is not among the reviewers (carol, @acme/security)',
      "issue #40 has no text under 'Justification': fill in that section",
      "issue #40 has no text under 'Impact assessment': fill in that section"
    ])
  })

  test('only a ticked approval item counts as the tick', () => {
    expect(approvalTicked('- [x] Approve retroactively: yes')).toBe(true)
    expect(approvalTicked('- [X] Approve retroactively')).toBe(true)
    expect(approvalTicked('- [ ] Approve retroactively')).toBe(false)
    expect(approvalTicked('I would Approve retroactively [x]')).toBe(false)
  })
})

describe('which pull request an issue reviews', () => {
  const web = 'https://github.com/acme/app'
  test('the marker, else a link its title or label confirms, else none', () => {
    expect(reviewedPullRequestNumber(issue(), web, [])).toBe(12)
    expect(reviewedPullRequestNumber(issue({ body: `see ${web}/pull/3 and ${web}/pull/12`, title: 'review of #12' }), web, [])).toBe(12)
    expect(reviewedPullRequestNumber(issue({ body: `see ${web}/pull/12`, title: 'unrelated', labels: [] }), web, ['post-deployment-review'])).toBeNull()
  })
})

describe('the due time a sweep trusts', () => {
  const created = new Date('2026-11-24T10:00:00Z')
  test('the written due time, unless it is later than review-within-hours after the issue was opened', () => {
    expect(trustedDueAt(new Date('2026-11-24T20:00:00Z'), created, 24).toISOString()).toBe('2026-11-24T20:00:00.000Z')
    expect(trustedDueAt(new Date('2099-01-01T00:00:00Z'), created, 24).toISOString()).toBe('2026-11-25T10:00:00.000Z')
    expect(trustedDueAt(null, created, 24).toISOString()).toBe('2026-11-25T10:00:00.000Z')
  })
})
