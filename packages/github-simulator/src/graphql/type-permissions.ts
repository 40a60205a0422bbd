// What an installation token needs to read each kind of GraphQL object, as GitHub enforces it:
// a field whose value is one of these types, asked with a token without the permission, is
// null with a FORBIDDEN error ("Resource not accessible by integration"), the rest of the
// answer intact. Without this the simulator's GraphQL would answer what GitHub refuses, and a
// permissions table proven against it would prove nothing.
import type { RequiredPermissions } from '../state/tokens'

const read = (scope: string): RequiredPermissions => [{ [scope]: 'read' }]

const BY_SCOPE: Record<string, string[]> = {
  pull_requests: [
    'PullRequest',
    'PullRequestConnection',
    'PullRequestReview',
    'PullRequestReviewConnection',
    'PullRequestCommit',
    'PullRequestCommitConnection',
    'PullRequestChangedFile',
    'PullRequestChangedFileConnection',
    'PullRequestTimelineItemsConnection'
  ],
  issues: ['Issue', 'IssueConnection'],
  checks: ['CheckSuite', 'CheckSuiteConnection', 'CheckRun', 'CheckRunConnection'],
  statuses: ['Status', 'StatusContext', 'StatusCheckRollup']
}

export const GRAPHQL_TYPE_PERMISSIONS: Readonly<Record<string, RequiredPermissions>> = Object.fromEntries(
  Object.entries(BY_SCOPE).flatMap(([scope, types]) => types.map((type) => [type, read(scope)]))
)
