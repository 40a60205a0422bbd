// Plain data for the change-request tests. Test-only; nothing outside tests imports it.
import { testPolicy } from '../approvals/approval-fixtures'
import type { ChangeRequestSettings, Policy } from '../types'
import type { ChangeRequestFacts, LinkedIssue } from './change-request-facts'

export const REPO = { owner: 'acme', name: 'app' }

export function policyWith(changeRequest: Partial<ChangeRequestSettings> = {}): Policy {
  return {
    ...testPolicy(),
    changeRequest: {
      required: ['normal'],
      sections: ['Justification', 'Impact assessment'],
      labels: [],
      documentedIn: 'issue',
      ...changeRequest
    }
  }
}

/** The body GitHub renders from the change-request issue form. */
export function formBody(justification: string, impact: string): string {
  return `### Justification\n\n${justification}\n\n### Impact assessment\n\n${impact}`
}

export const FILLED = formBody('Customers cannot export invoices.', 'Only the export endpoint changes; no migration.')

export function issue(number: number, overrides: Partial<LinkedIssue> = {}): LinkedIssue {
  return {
    number,
    title: `Change request ${number}`,
    body: FILLED,
    labels: [],
    state: 'open',
    isPullRequest: false,
    repository: REPO,
    source: 'body',
    ...overrides
  }
}

export function facts(overrides: Partial<ChangeRequestFacts> = {}): ChangeRequestFacts {
  return {
    changeType: 'normal',
    repository: REPO,
    pullRequest: { number: 5, body: 'Closes #12' },
    linkedIssues: [issue(12)],
    skippedReferences: 0,
    ...overrides
  }
}
