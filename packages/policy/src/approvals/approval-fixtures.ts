// Plain data for the approval tests: a policy with the contract's defaults and builders for
// the facts the GitHub layer would gather. Test-only; nothing outside tests imports it.
import type { ApprovalSettings, Policy } from '../types'
import type { ApprovalFacts, CommitFacts, ReviewFacts } from './approval-facts'

export const BASE = 'b'.repeat(40)
export const C1 = '1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
export const C2 = '2222222aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
export const C3 = '3333333aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
export const C4 = '4444444aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'

export function testPolicy(approvals: Partial<ApprovalSettings> = {}): Policy {
  return {
    version: 1,
    classification: {
      emergency: { labels: ['emergency'], headBranches: ['hotfix/**'], declaredBy: [] },
      standard: { paths: [], dependencyUpdates: ['patch'], dependencyBots: [] }
    },
    controls: [],
    approvals: {
      standard: 0,
      normal: 1,
      emergency: 0,
      invalidateOnPush: true,
      ignoreBaseUpdates: true,
      allowSelfApproval: false,
      countBots: false,
      autoMerge: ['standard'],
      ...approvals
    },
    deploy: { branches: ['main'], environments: ['production'], requiredChecks: [], checkApps: {}, allowDirectPush: false, freezes: [] },
    changeRequest: { required: [], sections: [], labels: [], documentedIn: 'issue' },
    emergency: { reviewWithinHours: 24, reviewers: [], labels: [], escalateTo: [] },
    migrations: { path: 'supabase/migrations', rules: {} },
    credentials: { scan: true, onFinding: 'fail', ignorePaths: [] }
  }
}

export function commit(sha: string, parents: string[], overrides: Partial<CommitFacts> = {}): CommitFacts {
  return { sha, author: 'alice', committer: 'alice', parents, mergesBase: false, ...overrides }
}

/** A merge of the base branch into the pull request, made with GitHub's "Update branch". */
export function baseMerge(sha: string, parent: string, by = 'alice'): CommitFacts {
  return { sha, author: by, committer: 'web-flow', parents: [parent, BASE], mergesBase: true }
}

let nextReviewId = 1000
export function review(user: string, state: ReviewFacts['state'], commitSha: string, minute: number, overrides: Partial<ReviewFacts> = {}): ReviewFacts {
  const at = new Date(Date.UTC(2026, 10, 24, 10, minute)).toISOString()
  return { id: nextReviewId++, user, isBot: false, state, commitSha, submittedAt: at, ...overrides }
}

/** alice's pull request with one commit, C1, at head; bob, carol and dave may write. */
export function facts(overrides: Partial<ApprovalFacts> = {}): ApprovalFacts {
  return {
    changeType: 'normal',
    pullRequest: { number: 7, author: 'alice', headSha: C1, baseRef: 'main' },
    commits: [commit(C1, [BASE])],
    reviews: [],
    permissions: { alice: 'write', bob: 'write', carol: 'maintain', dave: 'admin' },
    teamMembers: {},
    ...overrides
  }
}
