// The check runs on a commit, with the app that posted each: a required check can be pinned
// to an app, since anyone who can push can post a check run or status with any name.
import type { ObservedCheck } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'

/** The latest run per app and name (`filter=latest`, GitHub's default), every page. */
export async function listCheckRunsForRef(client: GitHubClient, repo: RepoRef, sha: string): Promise<ObservedCheck[]> {
  try {
    const runs = await client.paginate(client.rest.checks.listForRef, { ...repo, ref: sha, filter: 'latest', per_page: 100 })
    return runs.map((run) => ({ name: run.name, kind: 'check-run', sha, status: run.status, conclusion: run.conclusion ?? null, app: run.app?.slug ?? null }))
  } catch (error) {
    throw describeRequestError(error, `list the check runs of ${sha.slice(0, 7)}`, 'checks: read')
  }
}
