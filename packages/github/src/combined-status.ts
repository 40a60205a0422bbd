// The commit statuses on a commit, the latest per context (GitHub's combined status).
import type { ObservedCheck } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError, GitHubAccessError } from './errors'

const PER_PAGE = 100

export async function getCombinedStatus(client: GitHubClient, repo: RepoRef, sha: string): Promise<ObservedCheck[]> {
  const observed: ObservedCheck[] = []
  try {
    for (let page = 1; ; page++) {
      const { data } = await client.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha, per_page: PER_PAGE, page })
      observed.push(...data.statuses.map((s) => ({ name: s.context, kind: 'status' as const, sha, status: s.state, conclusion: s.state === 'pending' ? null : s.state, app: null })))
      if (observed.length >= data.total_count || data.statuses.length === 0) {
        if (observed.length < data.total_count) {
          throw new GitHubAccessError({ message: `GitHub counts ${data.total_count} statuses on ${sha.slice(0, 7)} but listed ${observed.length}.`, fix: 'Re-run the job.' })
        }
        return observed
      }
    }
  } catch (error) {
    throw describeRequestError(error, `read the commit statuses of ${sha.slice(0, 7)}`, 'statuses: read')
  }
}
