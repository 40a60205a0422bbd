// Accounts every GitHub has, with their real ids: code that recognises bots by id or by
// the `[bot]` suffix should meet the same values here as on github.com.
import type { AppRecord, UserType } from './records'

export const KNOWN_ACCOUNTS: Readonly<Record<string, { id: number; type: UserType }>> = {
  'github-actions[bot]': { id: 41898282, type: 'Bot' },
  'dependabot[bot]': { id: 49699333, type: 'Bot' },
  'renovate[bot]': { id: 29139614, type: 'Bot' },
  // The committer of merges and web edits made on github.com.
  'web-flow': { id: 19864447, type: 'User' },
  github: { id: 9919, type: 'Organization' }
}

/** The app GITHUB_TOKEN belongs to: check runs it creates name this app. */
export const GITHUB_ACTIONS_APP: AppRecord = {
  id: 15368,
  slug: 'github-actions',
  nodeId: 'MDM6QXBwMTUzNjg=',
  name: 'GitHub Actions',
  owner: 'github',
  description: 'Automate your workflow from idea to production',
  externalUrl: 'https://help.github.com/en/actions',
  htmlUrl: 'https://github.com/apps/github-actions',
  createdAt: '2018-07-30T09:30:17Z',
  updatedAt: '2019-12-10T19:04:12Z',
  permissions: {
    actions: 'write',
    checks: 'write',
    contents: 'write',
    deployments: 'write',
    issues: 'write',
    metadata: 'read',
    packages: 'write',
    pages: 'write',
    pull_requests: 'write',
    statuses: 'write'
  },
  events: ['check_run', 'check_suite', 'create', 'delete', 'pull_request', 'push', 'release', 'workflow_dispatch']
}
