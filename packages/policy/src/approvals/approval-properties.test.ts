import fc from 'fast-check'
import type { ApprovalSettings } from '../types'
import { BASE, testPolicy } from './approval-fixtures'
import type { ApprovalFacts, CommitFacts, RepositoryPermission, ReviewFacts } from './approval-facts'
import type { ApprovalRequirement } from './approval-requirement'
import { evaluateApprovals } from './evaluate-approvals'

// Random pull requests with a linear history (real commits and merges of the base branch),
// random reviews and settings. alice is the author and never reviews in the generated data,
// so that an added approval of hers cannot supersede one of her own.

const AUTHOR = 'alice'
const REVIEWERS = ['bob', 'carol', 'dave', 'erin', 'renovate[bot]']
const GONE = 'f'.repeat(40)

const sha = (index: number) => index.toString(16).padStart(40, 'c')

const arbPermission = fc.option(fc.constantFrom<RepositoryPermission>('admin', 'maintain', 'write', 'triage', 'read', 'none'), { nil: undefined })

const arbSettings: fc.Arbitrary<Partial<ApprovalSettings>> = fc.record({
  invalidateOnPush: fc.boolean(),
  ignoreBaseUpdates: fc.boolean(),
  allowSelfApproval: fc.boolean(),
  countBots: fc.boolean()
})

const arbCommitShape = fc.record({
  author: fc.constantFrom<string | null>(AUTHOR, ...REVIEWERS, null),
  committer: fc.constantFrom<string | null>(AUTHOR, 'web-flow', ...REVIEWERS),
  mergesBase: fc.boolean()
})

const arbScenario = fc
  .record({
    commits: fc.array(arbCommitShape, { minLength: 1, maxLength: 5 }),
    permissions: fc.tuple(...REVIEWERS.map(() => arbPermission)),
    security: fc.option(fc.subarray(REVIEWERS), { nil: undefined }),
    reviews: fc.array(
      fc.record({
        user: fc.constantFrom(...REVIEWERS),
        state: fc.constantFrom<ReviewFacts['state']>('APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED'),
        commit: fc.integer({ min: -1, max: 4 }),
        minute: fc.integer({ min: 0, max: 59 })
      }),
      { maxLength: 8 }
    ),
    typeApprovals: fc.integer({ min: 0, max: 2 }),
    control: fc.option(
      fc.record({ approvals: fc.integer({ min: 0, max: 2 }), reviewers: fc.constantFrom<string[]>(['@acme/security'], ['bob'], []) }),
      { nil: undefined }
    ),
    settings: arbSettings
  })
  .map((s) => {
    const commits: CommitFacts[] = s.commits.map((shape, index) => ({
      sha: sha(index),
      author: index === 0 ? AUTHOR : shape.author,
      committer: shape.committer,
      parents: index === 0 ? [BASE] : shape.mergesBase ? [sha(index - 1), BASE] : [sha(index - 1)],
      mergesBase: index > 0 && shape.mergesBase
    }))
    const permissions: Record<string, RepositoryPermission> = { [AUTHOR]: 'write' }
    REVIEWERS.forEach((login, index) => {
      const permission = s.permissions[index]
      if (permission !== undefined) permissions[login] = permission
    })
    const facts: ApprovalFacts = {
      changeType: 'normal',
      pullRequest: { number: 1, author: AUTHOR, headSha: commits[commits.length - 1]!.sha, baseRef: 'main' },
      commits,
      reviews: s.reviews.map((r, index) => ({
        id: index + 1,
        user: r.user,
        isBot: r.user.endsWith('[bot]'),
        state: r.state,
        commitSha: r.commit < 0 || r.commit >= commits.length ? GONE : sha(r.commit),
        submittedAt: new Date(Date.UTC(2026, 10, 24, 10, r.minute)).toISOString()
      })),
      permissions,
      teamMembers: s.security === undefined ? {} : { '@acme/security': s.security }
    }
    const requirements: ApprovalRequirement[] = [{ source: 'change-type', name: 'normal', approvals: s.typeApprovals, reviewers: [] }]
    if (s.control) requirements.push({ source: 'control', name: 'secrets', ...s.control })
    return { facts, requirements, settings: s.settings }
  })

/** An approval from someone new that is ineligible for a reason known without the code under test. */
type Ineligible = { review: ReviewFacts; permission?: RepositoryPermission; settings: Partial<ApprovalSettings> }

function arbIneligible(facts: ApprovalFacts): fc.Arbitrary<Ineligible> {
  const head = facts.pullRequest.headSha
  const submittedAt = new Date(Date.UTC(2026, 10, 24, 11, 0)).toISOString()
  const base = { id: 10_000, isBot: false, state: 'APPROVED' as const, commitSha: head, submittedAt }
  // An older commit with a real (not base-merge) commit after it: stale whatever ignore-base-updates says.
  const lastReal = facts.commits.map((c) => !c.mergesBase).lastIndexOf(true)
  const stale: fc.Arbitrary<Ineligible>[] =
    lastReal > 0
      ? [fc.integer({ min: 0, max: lastReal - 1 }).map((index) => ({
          review: { ...base, user: 'zed', commitSha: facts.commits[index]!.sha },
          permission: 'write',
          settings: { invalidateOnPush: true }
        }))]
      : []
  return fc.oneof(
    fc.constantFrom<RepositoryPermission | undefined>('read', 'triage', 'none', undefined).map((permission) => ({
      review: { ...base, user: 'zed' },
      ...(permission === undefined ? {} : { permission }),
      settings: {}
    })),
    fc.constant({ review: { ...base, user: 'zed[bot]', isBot: true }, permission: 'write' as const, settings: { countBots: false } }),
    fc.constant({ review: { ...base, user: AUTHOR }, settings: { allowSelfApproval: false } }),
    fc.constant({ review: { ...base, user: 'zed', commitSha: GONE }, permission: 'write' as const, settings: { invalidateOnPush: true } }),
    ...stale
  )
}

describe('approval properties', () => {
  test('adding an ineligible approval never turns unsatisfied into satisfied', () => {
    fc.assert(
      fc.property(
        arbScenario.chain((scenario) => arbIneligible(scenario.facts).map((extra) => ({ ...scenario, extra }))),
        ({ facts, requirements, settings, extra }) => {
          const policy = testPolicy({ ...settings, ...extra.settings })
          const before = evaluateApprovals(facts, policy, requirements)
          const permissions = { ...facts.permissions }
          if (extra.permission) permissions[extra.review.user] = extra.permission
          const after = evaluateApprovals({ ...facts, permissions, reviews: [...facts.reviews, extra.review] }, policy, requirements)
          if (!before.satisfied) expect(after.satisfied).toBe(false)
          expect(after.approvals.map((a) => a.user)).not.toContain(extra.review.user)
        }
      ),
      { numRuns: 500 }
    )
  })

  test('a stale approval never counts when invalidate-on-push is on', () => {
    fc.assert(
      fc.property(arbScenario, ({ facts, requirements, settings }) => {
        const policy = testPolicy({ ...settings, invalidateOnPush: true })
        const result = evaluateApprovals(facts, policy, requirements)
        const shas = facts.commits.map((c) => c.sha)
        for (const approval of result.approvals) {
          if (approval.commit === facts.pullRequest.headSha) continue
          // Only ignore-base-updates keeps an older approval, and only over base merges.
          expect(settings.ignoreBaseUpdates).toBe(true)
          const index = shas.indexOf(approval.commit)
          expect(index).toBeGreaterThanOrEqual(0)
          expect(facts.commits.slice(index + 1).every((c) => c.mergesBase)).toBe(true)
        }
      }),
      { numRuns: 500 }
    )
  })

  test('a satisfied result has no blockers and every requirement met by counted approvals', () => {
    fc.assert(
      fc.property(arbScenario, ({ facts, requirements, settings }) => {
        const result = evaluateApprovals(facts, testPolicy(settings), requirements)
        if (!result.satisfied) {
          expect(result.missing.length).toBeGreaterThan(0)
          return
        }
        expect(result.blockers).toEqual([])
        expect(result.missing).toEqual([])
        const counted = new Set(result.approvals.map((a) => a.user))
        for (const requirement of result.requirements) {
          expect(requirement.satisfiedBy.length).toBeGreaterThanOrEqual(requirement.requirement.approvals)
          for (const user of requirement.satisfiedBy) expect(counted.has(user)).toBe(true)
        }
      }),
      { numRuns: 500 }
    )
  })
})
